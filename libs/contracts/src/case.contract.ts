import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  CaseEvent,
  CaseStart,
  CaseState,
  DecisionRequest,
  LedgerRequest,
  MilestoneRequest,
  ResubmitRequest,
  SettlementRequest,
} from '@lienthong/domain';

/**
 * The contract between the API and case workflows: workflow types, IDs, Updates, the state query and
 * the projection activity. Imported by both sides; nothing here touches Node, Nest or the database.
 */

/** One workflow per case, its ID derived from the case ID, so a case can never run twice. */
export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}

export interface CaseWorkflowInput extends CaseStart {
  /** Hash of the creating request, so a replayed Idempotency-Key with another body is recognised. */
  requestHash: string;
  /** Set by continue-as-new: the state to carry on from (its events are already projected). */
  carried?: CaseState;
  /**
   * Set by every caller since the read model is written from Update results: each result carries the
   * change's projection and the caller writes it. Cases started before it lack the flag, and their
   * workflow keeps writing every change itself through the projection activity, so their recorded
   * histories still replay. A flag in the input rather than `patched()`: the input is in the history,
   * so the choice is as deterministic, and it costs no marker or search-attribute event per case.
   */
  callerProjects?: boolean;
}

/**
 * Every Update carries the acting person as the API resolved them from the database, and the hash of
 * the HTTP request. The result echoes the hash of the request that first used this Update ID: Temporal
 * answers a repeated Update ID with the first result, so a different hash means the Idempotency-Key
 * was reused for a different request.
 */
interface Acting {
  actor: Actor;
  requestHash: string;
}

export interface UpdateResult {
  /** The case's event sequence after this change. */
  seq: number;
  requestHash: string;
  /**
   * What the change wrote, for the caller to put into the read model before it answers: the state
   * after the change and the change's own events. Absent for cases started without
   * `callerProjects`, whose workflow writes every change itself before answering.
   */
  projection?: CaseProjection;
}

export type DecideInput = Acting & DecisionRequest;
export type ResubmitInput = Acting & ResubmitRequest;
export type CancelInput = Acting & { comment?: string | null };
export type MilestoneInput = Acting & MilestoneRequest;
export type DisbursementInput = Acting & LedgerRequest;
export type RepaymentInput = Acting & LedgerRequest;
export type SettlementInput = Acting & SettlementRequest;

/** Sent with the start (update-with-start): answers once the new case is in the read model. */
export const submittedUpdate = defineUpdate<UpdateResult, [{ requestHash: string }]>('submitted');
export const decideUpdate = defineUpdate<UpdateResult, [DecideInput]>('decide');
export const resubmitUpdate = defineUpdate<UpdateResult, [ResubmitInput]>('resubmit');
export const cancelUpdate = defineUpdate<UpdateResult, [CancelInput]>('cancel');
export const milestoneUpdate = defineUpdate<UpdateResult, [MilestoneInput]>('recordMilestone');
export const disbursementUpdate = defineUpdate<UpdateResult, [DisbursementInput]>('recordDisbursement');
export const repaymentUpdate = defineUpdate<UpdateResult, [RepaymentInput]>('recordRepayment');
export const settlementUpdate = defineUpdate<UpdateResult, [SettlementInput]>('recordSettlement');
export const caseStateQuery = defineQuery<CaseState>('caseState');
/**
 * The state and the events the workflow has not written to the read model itself: what a reconciler
 * needs to repair the read model after a caller died between an Update and its projection.
 */
export const caseProjectionQuery = defineQuery<CaseProjection>('caseProjection');

/** Validators refuse with an ApplicationFailure of this type; details[0] is the RuleViolation. */
export const RULE_VIOLATION_FAILURE = 'CaseRuleViolation';

/** A write to the read model: the state after the events, and the events themselves. */
export interface CaseProjection {
  state: CaseState;
  events: CaseEvent[];
  /** Hash of the request that created the case (stored so a replayed Idempotency-Key can be compared). */
  requestHash: string;
}

/** Implemented by `activities/cases`; workflows only see this interface. */
export interface CaseActivities {
  /**
   * Writes events, the case row and notifications in one statement; a retry writes nothing twice.
   * Workflows call it for what no caller is waiting on: deadlines firing, and before continue-as-new.
   */
  projectCase(projection: CaseProjection): Promise<void>;
}
