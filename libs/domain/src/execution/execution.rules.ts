import { Actor, CaseEvent, CaseState, FINAL_STATUSES, RuleViolation } from '../approval/case-model';
import { emit, NO_STEP, note, person, violation } from '../approval/case-events';
import { dateInHcm, endOfDateHcm, isIsoDate } from '../approval/deadline';
import type { NotificationPlan } from '../approval/notifications';
import { isVnd } from '../money/vnd';
import { cleanText, isBlankText } from '../text/visible-text';
import type { OperationRules } from './execution-phase';
import type { ExecutionProgress, LedgerRequest, MilestoneRequest, SettlementRequest } from './execution-model';

/**
 * The building blocks of execution phases: milestones in order, a ledger of disbursements and
 * repayments, a final settlement, and the clock on milestone targets. A process module assembles its
 * phase from these and says when its case is complete (`isComplete`); nothing here names a process.
 */

/** When the phase is over: the module's rule, checked after every change. */
export type CompletionRule = (execution: ExecutionProgress, state: CaseState) => boolean;

export function checkInExecution(state: CaseState): RuleViolation | null {
  if (FINAL_STATUSES.includes(state.status)) return violation('conflict', 'case.closed', { status: state.status });
  if (state.status !== 'in_progress' || !state.execution || !state.plan) return violation('conflict', 'case.not_in_progress');
  return null;
}

/** A recorded date must be a real day, not in the future (Ho Chi Minh time), not before `min`. */
export function checkDate(field: string, date: string, min: string, now: number): RuleViolation | null {
  if (!isIsoDate(date)) return violation('unprocessable', 'case.field_invalid', { field });
  if (date > dateInHcm(now)) return violation('unprocessable', 'case.date_in_future', { field });
  if (date < min) return violation('unprocessable', 'case.date_too_early', { field, min });
  return null;
}

const approvedOn = (e: ExecutionProgress) => dateInHcm(Date.parse(e.approvedAt));
const acts = (actor: Actor, unitIds: readonly string[] | undefined) => (unitIds ?? []).some((u) => actor.unitIds.includes(u));

/** Enters the phase: milestone targets dated from the approval, the cap from the approval's data. */
export function startExecution(state: CaseState, now: number): void {
  const plan = state.plan!;
  const cap = plan.capField ? state.outcome?.[plan.capField] : null;
  state.status = 'in_progress';
  state.execution = {
    approvedAt: new Date(now).toISOString(),
    milestones: plan.milestones.map((m) => ({
      kind: m.kind,
      targetDate: dateInHcm(now + m.targetAfterMs),
      date: null,
      note: null,
      recordedBy: null,
      overdue: false,
    })),
    disbursed: 0,
    cap: typeof cap === 'number' ? cap : null,
    repaid: 0,
    repaymentDue: null,
    settlement: null,
  };
}

/** Completes the case if the module's rule says the phase is over; returns whether it did. */
function closeIfComplete(state: CaseState, isComplete: CompletionRule): boolean {
  if (!isComplete(state.execution!, state)) return false;
  state.status = 'completed';
  return true;
}

const closedMark = (closed: boolean) => (closed ? { closed: true } : {});

/** Milestones in the plan's order; each recorded by its own units if it names any, else by the plan's milestone recorders. */
export function milestoneOperation(isComplete: CompletionRule): OperationRules<MilestoneRequest> {
  const next = (state: CaseState) => state.execution!.milestones.find((m) => !m.date) ?? null;
  const recorders = (state: CaseState, kind: string) =>
    state.plan!.milestones.find((m) => m.kind === kind)?.unitIds ?? state.plan!.milestoneUnitIds;
  const lastDate = (e: ExecutionProgress) => {
    const done = e.milestones.filter((m) => m.date);
    return done.length ? done[done.length - 1].date! : approvedOn(e);
  };
  return {
    offered(state, actor) {
      const phase = checkInExecution(state);
      if (phase) return phase;
      const upcoming = next(state);
      if (!upcoming) return violation('conflict', 'case.milestones_done');
      if (!acts(actor, recorders(state, upcoming.kind))) return violation('forbidden', 'case.not_milestone_recorder');
      return null;
    },
    check(state, actor, req, now) {
      const phase = checkInExecution(state);
      if (phase) return phase;
      const upcoming = next(state);
      if (!upcoming) return violation('conflict', 'case.milestones_done');
      if (req.kind !== upcoming.kind) return violation('unprocessable', 'case.milestone_out_of_order', { expected: upcoming.kind, kind: req.kind });
      if (!acts(actor, recorders(state, req.kind))) return violation('forbidden', 'case.not_milestone_recorder');
      return checkDate('date', req.date, lastDate(state.execution!), now);
    },
    apply(state, actor, req, now) {
      const milestone = state.execution!.milestones.find((m) => m.kind === req.kind)!;
      milestone.date = req.date;
      milestone.note = note(req.note);
      milestone.recordedBy = person(actor);
      milestone.overdue = false;
      const closed = closeIfComplete(state, isComplete);
      return [
        emit(state, now, {
          action: 'milestone',
          actor: person(actor),
          ...NO_STEP,
          comment: milestone.note,
          data: { kind: req.kind, date: req.date, targetDate: milestone.targetDate, ...closedMark(closed) },
        }),
      ];
    },
  };
}

/**
 * Disbursements (money out, never above the cap) or repayments (money back, never above what was
 * paid out). The workflow is the single writer of a case, so a check cannot race another entry.
 */
export function ledgerOperation(kind: 'disbursement' | 'repayment', isComplete: CompletionRule): OperationRules<LedgerRequest> {
  const unitsOf = (state: CaseState) => (kind === 'disbursement' ? state.plan!.disbursementUnitIds : state.plan!.repaymentUnitIds);
  /** What may still be entered: up to the cap (or unbounded), or back up to what went out. */
  const room = (e: ExecutionProgress): number | null =>
    kind === 'disbursement' ? (e.cap === null ? null : e.cap - e.disbursed - (e.settlement?.waived ?? 0)) : e.disbursed - (e.repaid ?? 0);
  const who = (state: CaseState, actor: Actor) => {
    const phase = checkInExecution(state);
    if (phase) return phase;
    if (!acts(actor, unitsOf(state))) return violation('forbidden', kind === 'disbursement' ? 'case.not_disburser' : 'case.not_repayment_recorder');
    // A settlement closes what may still be paid out; money owed may still come back.
    if (kind === 'disbursement' && state.execution!.settlement) return violation('conflict', 'case.ledger_settled');
    return null;
  };
  return {
    offered(state, actor) {
      const refused = who(state, actor);
      if (refused) return refused;
      const left = room(state.execution!);
      if (left !== null && left <= 0) return violation('conflict', kind === 'disbursement' ? 'case.fully_disbursed' : 'case.nothing_to_repay');
      return null;
    },
    check(state, actor, req, now) {
      const refused = who(state, actor);
      if (refused) return refused;
      const e = state.execution!;
      const left = room(e);
      // Nothing paid out yet, or all of it back: there is nothing a repayment could be for.
      if (kind === 'repayment' && left !== null && left <= 0) return violation('conflict', 'case.nothing_to_repay');
      if (!isVnd(req.amount) || req.amount === 0) return violation('unprocessable', 'case.amount_invalid', { field: 'amount' });
      if (left !== null && req.amount > left) {
        return kind === 'disbursement'
          ? violation('unprocessable', 'case.disbursement_exceeds', { amount: req.amount, remaining: left, cap: e.cap! })
          : violation('unprocessable', 'case.repayment_exceeds', { amount: req.amount, outstanding: left });
      }
      return checkDate('date', req.date, approvedOn(e), now);
    },
    apply(state, actor, req, now) {
      const e = state.execution!;
      if (kind === 'disbursement') e.disbursed += req.amount;
      else e.repaid = (e.repaid ?? 0) + req.amount;
      const total = kind === 'disbursement' ? e.disbursed : e.repaid!;
      const closed = closeIfComplete(state, isComplete);
      return [
        emit(state, now, {
          action: kind,
          actor: person(actor),
          ...NO_STEP,
          comment: note(req.note),
          data: { amount: req.amount, date: req.date, total, ...closedMark(closed) },
        }),
      ];
    },
  };
}

/** Closes the ledger below its cap, with a reason (the work cost less, the household moved away). */
export function settlementOperation(isComplete: CompletionRule): OperationRules<SettlementRequest> {
  const offered = (state: CaseState, actor: Actor) => {
    const phase = checkInExecution(state);
    if (phase) return phase;
    if (!acts(actor, state.plan!.settlementUnitIds)) return violation('forbidden', 'case.not_disburser');
    const e = state.execution!;
    if (e.settlement) return violation('conflict', 'case.ledger_settled');
    if (e.cap === null || e.disbursed >= e.cap) return violation('conflict', 'case.fully_disbursed');
    return null;
  };
  return {
    offered,
    check(state, actor, req, now) {
      const who = offered(state, actor);
      if (who) return who;
      if (isBlankText(req.reason)) return violation('unprocessable', 'case.comment_required', { action: 'settlement' });
      return checkDate('date', req.date, approvedOn(state.execution!), now);
    },
    apply(state, actor, req, now) {
      const e = state.execution!;
      const waived = e.cap! - e.disbursed;
      e.settlement = { date: req.date, reason: cleanText(req.reason), by: person(actor), waived };
      const closed = closeIfComplete(state, isComplete);
      return [
        emit(state, now, {
          action: 'settlement',
          actor: person(actor),
          ...NO_STEP,
          comment: e.settlement.reason,
          data: { date: req.date, disbursed: e.disbursed, waived, ...closedMark(closed) },
        }),
      ];
    },
  };
}

/** The end of the earliest open milestone's target day, unless it was flagged already. */
export function nextMilestoneAlarm(state: CaseState): number | null {
  if (state.status !== 'in_progress' || !state.execution) return null;
  const waiting = state.execution.milestones.filter((m) => !m.date && !m.overdue).map((m) => endOfDateHcm(m.targetDate));
  return waiting.length ? Math.min(...waiting) : null;
}

export function applyMilestoneAlarms(state: CaseState, now: number): CaseEvent[] {
  const events: CaseEvent[] = [];
  if (state.status !== 'in_progress' || !state.execution) return events;
  for (const m of state.execution.milestones) {
    if (m.date || m.overdue || now < endOfDateHcm(m.targetDate)) continue;
    m.overdue = true;
    events.push(emit(state, now, { action: 'milestone_overdue', actor: null, ...NO_STEP, comment: null, data: { kind: m.kind, targetDate: m.targetDate } }));
  }
  return events;
}

/** The end of the earliest open milestone's target day, and whether any is late. */
export function milestoneDeadline(state: CaseState): { dueAt: string | null; overdue: boolean } {
  const open = state.execution?.milestones.filter((m) => !m.date) ?? [];
  const earliest = open.map((m) => m.targetDate).sort()[0];
  return { dueAt: earliest ? new Date(endOfDateHcm(earliest)).toISOString() : null, overdue: open.some((m) => m.overdue) };
}

/**
 * What the phase's events tell: a late milestone to its recorders, and the change that completed the
 * case to its initiator (`data.closed`).
 */
export function phaseNotifications(state: CaseState, event: CaseEvent): NotificationPlan[] {
  const base = { title: state.title };
  const plans: NotificationPlan[] = [];
  if (event.action === 'milestone_overdue') {
    const kind = event.data?.kind;
    const units = state.plan?.milestones.find((m) => m.kind === kind)?.unitIds ?? state.plan?.milestoneUnitIds ?? [];
    if (units.length) plans.push({ kind: 'milestone_overdue', to: { units }, params: { ...base, milestone: kind, targetDate: event.data?.targetDate } });
  }
  if (event.data?.closed) {
    const params: Record<string, unknown> = { ...base, ...(event.action === 'milestone' ? { milestone: event.data.kind } : {}) };
    if (event.comment) params.comment = event.comment;
    plans.push({ kind: 'case_completed', to: { user: state.initiator.userId }, params });
  }
  return plans;
}
