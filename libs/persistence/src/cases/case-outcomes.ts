import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseEvent, CaseState, ChainOutcome } from '@lienthong/domain';

/** A case opened by a primitive (a campaign) has ended its chain: what the primitive is told. */
export interface CaseOutcome {
  caseId: string;
  /** The purpose the process module serves for the primitive (`ProcessModule.startedBy.purpose`). */
  purpose: string;
  outcome: ChainOutcome;
  /** The event that ended the chain: its actor, time and comment (a rejection's reason). */
  event: CaseEvent;
  state: CaseState;
}

/**
 * Writes a case's outcome into its primitive's own tables, in the transaction that stores the case's
 * event (see CaseProjectionService.apply), so it is written exactly when the event is: once.
 */
export type CaseOutcomeHandler = (manager: EntityManager, outcome: CaseOutcome) => Promise<void>;

/**
 * The seam by which a case's outcome has an effect elsewhere: primitives that open cases (campaigns,
 * through process modules marked `startedBy`) register a handler under their name; the case projection
 * calls it. Generic: it knows primitives by name, never a process.
 */
@Injectable()
export class CaseOutcomeHandlers {
  private readonly handlers = new Map<string, CaseOutcomeHandler>();

  register(primitive: string, handler: CaseOutcomeHandler): void {
    if (this.handlers.has(primitive)) throw new Error(`A case outcome handler for ${primitive} is registered twice`);
    this.handlers.set(primitive, handler);
  }

  get(primitive: string): CaseOutcomeHandler {
    const handler = this.handlers.get(primitive);
    // Refusing to write is better than a projection that silently drops the outcome: the write is retried.
    if (!handler) throw new Error(`No case outcome handler is registered for ${primitive}`);
    return handler;
  }
}
