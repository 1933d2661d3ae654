import { CaseState, FINAL_STATUSES, Person, settingAmount, vndFromDb, workingDaysLeft } from '@lienthong/domain';
import {
  CaseSummaryDto,
  ChainStepDto,
  ChainStepState,
  ExecutionDto,
  LedgerEntryDto,
  PersonRefDto,
  TimelineEventDto,
} from './dto/case-responses.dto';

/**
 * Rows of the read model as pg returns them (snake_case, bigint as string, timestamptz as Date) and
 * their mapping to the API's shapes. Pure, so the mapping is unit-tested without a database.
 */

type Timestamp = Date | string;

export interface CaseSummaryRow {
  id: string;
  process_type: string;
  title: string;
  status: CaseSummaryDto['status'];
  origin_unit_id: string;
  origin_unit_name: string;
  current_step: string | null;
  current_level: string | null;
  deciding_unit_id: string | null;
  deciding_unit_name: string | null;
  due_at: Timestamp | null;
  overdue: boolean;
  escalated: boolean;
  requested_amount: string | null;
  approved_amount: string | null;
  disbursed_amount: string | null;
  funding_source: string | null;
  created_by: string;
  created_by_name: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
}

export interface CaseEventRow {
  seq: number;
  action: TimelineEventDto['action'];
  actor_id: string | null;
  actor_name: string | null;
  step_id: string | null;
  level_code: string | null;
  unit_id: string | null;
  comment: string | null;
  data: Record<string, unknown> | null;
  at: Timestamp;
}

export interface LedgerRow {
  seq: number;
  kind: string;
  amount: string;
  /** Selected as text: pg would turn a `date` into a local-midnight Date. */
  entry_date: string;
  note: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  recorded_at: Timestamp;
}

export const iso = (t: Timestamp): string => (t instanceof Date ? t : new Date(t)).toISOString();
const isoOrNull = (t: Timestamp | null): string | null => (t === null ? null : iso(t));
const personRef = (p: Person): PersonRefDto => ({ id: p.userId, displayName: p.displayName });

export function toSummary(row: CaseSummaryRow): CaseSummaryDto {
  return {
    id: row.id,
    processType: row.process_type,
    title: row.title,
    status: row.status,
    originUnit: { id: row.origin_unit_id, name: row.origin_unit_name },
    // Only a pending case waits at a step; a returned one waits for its initiator.
    currentStep:
      row.status === 'pending' && row.current_step && row.deciding_unit_id
        ? {
            id: row.current_step,
            levelCode: row.current_level ?? '',
            unitId: row.deciding_unit_id,
            unitName: row.deciding_unit_name ?? '',
          }
        : null,
    dueAt: isoOrNull(row.due_at),
    overdue: row.overdue,
    escalated: row.escalated,
    requestedAmount: vndFromDb(row.requested_amount),
    approvedAmount: vndFromDb(row.approved_amount),
    disbursedAmount: vndFromDb(row.disbursed_amount),
    fundingSource: row.funding_source,
    createdBy: { id: row.created_by, displayName: row.created_by_name ?? '' },
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    closedAt: isoOrNull(row.closed_at),
  };
}

export function toTimelineEvent(row: CaseEventRow): TimelineEventDto {
  return {
    seq: row.seq,
    action: row.action,
    actor: row.actor_id ? { id: row.actor_id, displayName: row.actor_name ?? '' } : null,
    stepId: row.step_id,
    levelCode: row.level_code,
    unitId: row.unit_id,
    comment: row.comment,
    data: row.data,
    at: iso(row.at),
  };
}

export function toLedgerEntry(row: LedgerRow): LedgerEntryDto {
  return {
    seq: row.seq,
    kind: row.kind,
    amount: vndFromDb(row.amount)!,
    date: row.entry_date,
    note: row.note,
    recordedBy: row.recorded_by ? { id: row.recorded_by, displayName: row.recorded_by_name ?? '' } : null,
    recordedAt: iso(row.recorded_at),
  };
}

/** Where the case stands at the step it is at (or stopped at). */
function stateAtCurrentStep(status: CaseState['status']): ChainStepState {
  switch (status) {
    case 'pending':
    case 'returned':
    case 'rejected':
    case 'cancelled':
      return status;
    default:
      // in_progress / completed: the index is past the chain, so no step is "current".
      return 'approved';
  }
}

/** Each step of the frozen chain with how far the case got there, from the state snapshot. */
export function chainView(state: CaseState, now: number = Date.now()): ChainStepDto[] {
  const closed = FINAL_STATUSES.includes(state.status);
  return state.chain.map((step, index) => {
    const passed = state.passed.find((p) => p.stepId === step.id);
    const progress = index === state.stepIndex && state.step?.stepId === step.id ? state.step : null;
    let stepState: ChainStepState;
    if (passed) stepState = 'approved';
    else if (index === state.stepIndex) stepState = stateAtCurrentStep(state.status);
    else if (index > state.stepIndex) stepState = closed ? 'not_reached' : 'upcoming';
    else stepState = 'not_reached';
    return {
      id: step.id,
      levelCode: step.levelCode,
      levelName: step.levelName,
      unitId: step.unitId,
      unitName: step.unitName,
      state: stepState,
      actions: step.actions,
      commentRequiredFor: [...step.commentRequiredFor],
      approveData: step.approveData.map((f) => {
        // The cap in force for this case (its date, its payload): what the web shows next to the amount.
        const cap = f.maxFromSetting ? settingAmount(state.settings, f.maxFromSetting, state.payload) : null;
        return {
          name: f.name,
          type: f.type,
          ...(f.maxFromPayload !== undefined ? { maxFromPayload: f.maxFromPayload } : {}),
          ...(cap ? { cap: { amount: cap.amount, since: cap.since, setting: f.maxFromSetting!.key } } : {}),
          ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
        };
      }),
      votesRequired: step.votes,
      ...(step.deciderRoles ? { deciderRoles: [...step.deciderRoles] } : {}),
      ...(step.council ? { council: step.council.map(personRef) } : {}),
      enteredAt: progress?.enteredAt ?? null,
      dueAt: progress?.dueAt ?? null,
      escalateAt: progress?.escalateAt ?? null,
      overdue: progress?.overdue ?? false,
      escalated: progress?.escalated ?? false,
      workingDaysLeft: workingDaysLeft(step, progress, state.calendar, now),
      votes: (progress?.votes ?? []).map((v) => ({ ...personRef(v), action: v.action, at: v.at })),
      decidedAt: passed?.at ?? null,
      decidedBy: (passed?.deciders ?? []).map(personRef),
      data: passed?.data ?? null,
    };
  });
}

export function executionView(state: CaseState): ExecutionDto | null {
  const execution = state.execution;
  if (!execution) return null;
  return {
    approvedAt: execution.approvedAt,
    milestones: execution.milestones.map((m) => ({
      kind: m.kind,
      targetDate: m.targetDate,
      date: m.date,
      note: m.note,
      recordedBy: m.recordedBy ? personRef(m.recordedBy) : null,
      overdue: m.overdue,
    })),
    disbursed: execution.disbursed,
    cap: execution.cap,
    remaining: execution.cap === null ? null : execution.settlement ? 0 : execution.cap - execution.disbursed,
    repaid: execution.repaid ?? 0,
    outstanding: execution.disbursed - (execution.repaid ?? 0),
    repaymentDueDate: execution.repaymentDue?.date ?? null,
    settlement: execution.settlement
      ? { date: execution.settlement.date, reason: execution.settlement.reason, by: personRef(execution.settlement.by), waived: execution.settlement.waived }
      : null,
  };
}
