import type { Actor, CaseEvent, CaseState, RuleViolation } from '../approval/case-model';
import type { NotificationPlan } from '../approval/notifications';
import type { PhaseOperation, PhaseRequests } from './execution-model';

/** One thing that may be recorded in the phase: who may (for allowedActions), whether this request may, and what it does. */
export interface OperationRules<R> {
  /** Whether `actor` may record this at all now, leaving out what the request carries. */
  offered(state: CaseState, actor: Actor): RuleViolation | null;
  check(state: CaseState, actor: Actor, req: R, now: number): RuleViolation | null;
  apply(state: CaseState, actor: Actor, req: R, now: number): CaseEvent[];
}

export type PhaseOperations = { [K in PhaseOperation]?: OperationRules<PhaseRequests[K]> };

/**
 * A process's execution phase: what happens after the last approval. Pure functions over the case
 * state, run by the workflow (Update validators and handlers, timers) and by the API (allowedActions),
 * like the chain's rules. A process without one completes at its last approval.
 */
export interface ExecutionPhase {
  operations: PhaseOperations;
  /** Enters the phase after the last approval (`state.outcome` holds that approval's data). */
  begin(state: CaseState, now: number): void;
  /** The next moment the phase's clock does something (a milestone or a repayment falls due). */
  nextAlarm(state: CaseState): number | null;
  applyAlarm(state: CaseState, now: number): CaseEvent[];
  /** Who hears of the phase's own events. */
  notifications(state: CaseState, event: CaseEvent): NotificationPlan[];
  /** The read model's deadline while the case is in this phase. */
  deadline(state: CaseState): { dueAt: string | null; overdue: boolean };
}
