/**
 * The shape of a case as the approval engine sees it. Workflows hold a `CaseState` (the source of
 * truth), the read model stores a snapshot of it, and the API computes what a caller may do from that
 * snapshot with the same rules the workflow enforces (chain.rules.ts, allowed-actions.ts). Pure types:
 * importable from workflow code.
 */
import type { ExecutionPlan, ExecutionProgress, PhaseOperation } from '../execution/execution-model';
import type { WorkingCalendar } from '../calendar/working-days';
import type { DeciderRole } from '../roles';

export const CASE_STATUSES = ['pending', 'returned', 'in_progress', 'completed', 'rejected', 'cancelled'] as const;
/**
 * pending: waiting for a decision at `chain[stepIndex]`; returned: back with the initiator for
 * revision; in_progress: approved, in its process's execution phase; completed: approved and, with a
 * phase, through it; rejected and cancelled are final too.
 */
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const FINAL_STATUSES: readonly CaseStatus[] = ['completed', 'rejected', 'cancelled'];

export const DECISION_ACTIONS = ['approve', 'reject', 'return'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** What a caller may do on a case; the API lists these as `allowedActions`. */
export type CaseAction = DecisionAction | 'resubmit' | 'cancel' | PhaseOperation;

/** A field a decision must carry, e.g. `approvedAmount` (VND, at most the requested amount). */
export interface DecisionField {
  name: string;
  type: 'vnd' | 'text';
  /** For `vnd`: the value may not exceed this payload field (e.g. `requestedAmount`). */
  maxFromPayload?: string;
  /** For `text`: the longest accepted value. */
  maxLength?: number;
  /**
   * For `vnd`: the value may not exceed a setting of the case (its value in force on the case's date,
   * frozen in `CaseState.settings`); with `by`, the setting holds one amount per value of that payload
   * field (a support amount per kind of works). Absent in older cases.
   */
  maxFromSetting?: { key: string; by?: string };
}

/**
 * One step of a case's chain, resolved at submission from the process definition and the origin
 * unit's ancestors. Frozen into the workflow input, so a later change of a definition or of the
 * organization tree never changes a running case (and never breaks its replay).
 */
export interface ResolvedStep {
  id: string;
  levelCode: string;
  levelName: string;
  /** The unit whose officers and chairs decide this step. */
  unitId: string;
  unitName: string;
  /** Where overdue work escalates: the unit above `unitId` (null at the top of the tree). */
  escalationUnitId: string | null;
  actions: DecisionAction[];
  commentRequiredFor: DecisionAction[];
  /** Fields an `approve` at this step must carry (e.g. approvedAmount, fundingSource at the district). */
  approveData: DecisionField[];
  /** Distinct approvals needed to pass the step (k of a council), and rejections that end the case. */
  votes: { approve: number; reject: number };
  deadline: ResolvedDeadline;
  /**
   * Only these roles at `unitId` decide (e.g. `['chair']`: the chair signs); absent: any officer or
   * chair, as in every case before roles per step.
   */
  deciderRoles?: DeciderRole[];
  /**
   * A council step: exactly these people vote (the unit's council when the case was submitted, frozen),
   * whatever their role; `votes` counts among them. Absent: not a council step.
   */
  council?: Person[];
  /**
   * Whoever decided an earlier step may decide this one too (the chair who voted in the council signs
   * the decision). Absent: one person decides at most one step of a case.
   */
  allowEarlierDeciders?: boolean;
}

export interface ResolvedDeadline {
  /** Time allowed from entering the step. */
  afterMs: number;
  /** Round the due time up to the end of that day in Asia/Ho_Chi_Minh (what "7 ngày" means to people). */
  endOfDay: boolean;
  /** After the due time, how long until the level above is alerted; null: never escalate. */
  escalateAfterMs: number | null;
  /** Set for a deadline in working days (calendar/working-deadline.ts): counted on the case's `calendar`. */
  workingDays?: number;
  escalateWorkingDays?: number | null;
}

export interface Person {
  userId: string;
  displayName: string;
}

/**
 * Who is acting, as the API established it from the database: never from the request body. `unitIds`
 * are the units where the person is an officer or chair (the roles that decide and record); `roles`
 * says which of the two at each of them (absent in Updates sent before roles per step: no step of
 * those cases restricts roles).
 */
export interface Actor extends Person {
  unitIds: string[];
  roles?: Record<string, DeciderRole[]>;
}

export interface Vote extends Person {
  action: DecisionAction;
  at: string;
}

export interface StepProgress {
  stepId: string;
  enteredAt: string;
  dueAt: string;
  escalateAt: string | null;
  overdue: boolean;
  escalated: boolean;
  votes: Vote[];
}

/** A step that passed, kept while it stands (a restart from the first step clears it). */
export interface PassedStep {
  stepId: string;
  deciders: Person[];
  at: string;
  data: Record<string, unknown> | null;
}

export interface CaseState {
  caseId: string;
  processType: string;
  definitionVersion: number;
  organizationId: string;
  originUnitId: string;
  title: string;
  payload: Record<string, unknown>;
  initiator: Person;
  status: CaseStatus;
  chain: ResolvedStep[];
  /** Index into `chain` of the step being decided (or returned from); chain.length once approved. */
  stepIndex: number;
  step: StepProgress | null;
  passed: PassedStep[];
  /** Where a resubmitted case resumes (see ProcessDefinition.resubmitTo). */
  resubmitTo: 'returning-step' | 'first-step';
  /** Payload fields (dot paths) whose change on resubmission restarts the chain; absent in older cases. */
  restartOnChangeOf?: string[];
  /** True once any approval was recorded; from then on the initiator can no longer cancel. */
  everApproved: boolean;
  /** Data of the final approval (e.g. approvedAmount, fundingSource). */
  outcome: Record<string, unknown> | null;
  /** The execution phase as resolved at submission (who records what); null for a process without one. */
  plan: ExecutionPlan | null;
  /** Progress through the execution phase, from the last approval on. */
  execution: ExecutionProgress | null;
  submittedAt: string;
  updatedAt: string;
  /** Sequence number of the last event; events are numbered 1, 2, 3 … per case, across continue-as-new. */
  seq: number;
  /** Holidays and make-up days frozen at submission when a step counts working days (deterministic replay). */
  calendar?: WorkingCalendar;
  /**
   * The definition's settings in force on the case's date (its submission day in Asia/Ho_Chi_Minh),
   * frozen at submission: caps and thresholds a later change of the settings never alters. Absent in
   * older cases and for definitions without settings.
   */
  settings?: FrozenSettings;
}

/** A setting's value: a number (an amount, a count), or one per value of a payload field. */
export type SettingValue = number | string | boolean | Record<string, number | string | boolean>;

/** A setting as a case froze it: the value in force and since when (YYYY-MM-DD; null: since ever). */
export interface FrozenSetting {
  value: SettingValue;
  since: string | null;
}
export type FrozenSettings = Record<string, FrozenSetting>;

export const CASE_EVENT_ACTIONS = [
  'submitted',
  'approved',
  'rejected',
  'returned',
  'resubmitted',
  'cancelled',
  'overdue',
  'escalated',
  'milestone',
  'disbursement',
  'milestone_overdue',
  'repayment',
  'repayment_overdue',
  'settlement',
] as const;
export type CaseEventAction = (typeof CASE_EVENT_ACTIONS)[number];

/** One line of the audit trail. `actor` is null for what the system does by itself (deadlines). */
export interface CaseEvent {
  seq: number;
  action: CaseEventAction;
  actor: Person | null;
  stepId: string | null;
  levelCode: string | null;
  unitId: string | null;
  comment: string | null;
  data: Record<string, unknown> | null;
  at: string;
  /**
   * The Update (API: user + Idempotency-Key) and request hash that caused it, so a retry of a request
   * can be answered from the read model even after Temporal stopped remembering the Update ID (the
   * workflow closed, or continued as new). Absent for what the clock does.
   */
  updateId?: string | null;
  requestHash?: string | null;
}

/**
 * A refusal by a rule, mapped by the API to an HTTP status and a message: libs/i18n holds the chain's
 * codes, each process module its own (a test checks every code has both languages).
 */
export interface RuleViolation {
  kind: 'forbidden' | 'conflict' | 'unprocessable';
  code: string;
  params?: Record<string, string | number>;
}
