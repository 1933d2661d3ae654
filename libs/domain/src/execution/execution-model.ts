import type { Person } from '../approval/case-model';

/**
 * The phase after the last approval, in the words every process with one shares: milestones that
 * must happen in order (works started, completed, handed over), and a ledger of money paid out
 * (disbursements, capped by an approved amount) and paid back (repayments). What a process
 * does with them (which it uses, who records what, when the case closes) is its own module's rule
 * (libs/processes/src/<type>/<type>.phase.ts). Pure types: importable from workflow code.
 */

export const PHASE_OPERATIONS = ['milestone', 'disbursement', 'repayment', 'settlement'] as const;
/** What may be recorded in an execution phase; the API has a route for each, the workflow an Update. */
export type PhaseOperation = (typeof PHASE_OPERATIONS)[number];

/** Resolved at submission from the definition and frozen into the case, like its chain. */
export interface ExecutionPlan {
  /** In the order they must happen. Targets count from the approval. */
  milestones: { kind: string; targetAfterMs: number; unitIds?: string[] }[];
  /** Officers and chairs of these units record milestones that name no recorders of their own. */
  milestoneUnitIds: string[];
  /** Officers and chairs of these units record disbursements (usually the approving unit). */
  disbursementUnitIds: string[];
  /** … and repayments, where money comes back. */
  repaymentUnitIds?: string[];
  /** … and a final settlement that closes the ledger below its cap, with a reason. */
  settlementUnitIds?: string[];
  /** The approve-data field whose value caps the disbursements (approvedAmount). */
  capField: string | null;
  /**
   * The case closes when its last milestone is recorded and, with this flag, the cap is disbursed in
   * full (or settled). Frozen per case: cases opened before the flag existed close as they did.
   */
  closeWhenDisbursed?: boolean;
}

export interface MilestoneProgress {
  kind: string;
  targetDate: string;
  date: string | null;
  note: string | null;
  recordedBy: Person | null;
  overdue: boolean;
}

export interface SettlementRecord {
  date: string;
  reason: string;
  by: Person;
  /** What was left undisbursed when the ledger was closed. */
  waived: number;
}

export interface ExecutionProgress {
  approvedAt: string;
  milestones: MilestoneProgress[];
  /** Sum of disbursements so far; never above `cap`. */
  disbursed: number;
  cap: number | null;
  /** Sum of repayments so far; never above `disbursed`. Absent in cases opened before repayments existed. */
  repaid?: number;
  /** When money must be back by (end of that day in Vietnam), and whether the clock passed it. */
  repaymentDue?: { date: string; overdue: boolean } | null;
  settlement?: SettlementRecord | null;
}

export interface MilestoneRequest {
  kind: string;
  date: string;
  note?: string | null;
}

/** A disbursement or a repayment. */
export interface LedgerRequest {
  amount: number;
  date: string;
  note?: string | null;
}
/** Kept for the Update contract's name. */
export type DisbursementRequest = LedgerRequest;

export interface SettlementRequest {
  date: string;
  reason: string;
}

export interface PhaseRequests {
  milestone: MilestoneRequest;
  disbursement: LedgerRequest;
  repayment: LedgerRequest;
  settlement: SettlementRequest;
}
