import type { MessageCode } from '../../../i18n/src/messages';
import { isVnd } from '../money/vnd';
import {
  Actor,
  CaseAction,
  CaseEvent,
  CaseState,
  DecisionAction,
  FINAL_STATUSES,
  Person,
  ResolvedStep,
  RuleViolation,
} from './case-model';
import { dateInHcm, dueTime, endOfDateHcm, escalateTime, isIsoDate } from './deadline';

/**
 * The rules of a case, as pure functions over `CaseState`. The workflow runs `check*` in its Update
 * validators (a refusal leaves no trace in history) and then the matching `apply*`, which mutates the
 * state and returns the events to project. The API runs `allowedActions` over the stored snapshot.
 * `now` is always passed in: inside a workflow it is the deterministic workflow clock.
 */

/** What a new case starts from: the API resolves it (chain and plan included) before the workflow starts. */
export type CaseStart = Pick<
  CaseState,
  | 'caseId'
  | 'processType'
  | 'definitionVersion'
  | 'organizationId'
  | 'originUnitId'
  | 'title'
  | 'payload'
  | 'initiator'
  | 'chain'
  | 'plan'
  | 'resubmitTo'
  | 'calendar'
>;

export interface DecisionRequest {
  action: DecisionAction;
  comment?: string | null;
  data?: Record<string, unknown> | null;
  expectedStep?: string | null;
}

export interface MilestoneRequest {
  kind: string;
  date: string;
  note?: string | null;
}

export interface DisbursementRequest {
  amount: number;
  date: string;
  note?: string | null;
}

const iso = (t: number) => new Date(t).toISOString();
const violation = (kind: RuleViolation['kind'], code: MessageCode, params?: RuleViolation['params']): RuleViolation => ({
  kind,
  code,
  ...(params ? { params } : {}),
});
const blank = (s: string | null | undefined) => !s || s.trim().length === 0;
const person = (a: Person): Person => ({ userId: a.userId, displayName: a.displayName });

export function currentStep(state: CaseState): ResolvedStep | null {
  return state.chain[state.stepIndex] ?? null;
}

function emit(state: CaseState, now: number, event: Omit<CaseEvent, 'seq' | 'at'>): CaseEvent {
  state.seq += 1;
  state.updatedAt = iso(now);
  return { seq: state.seq, at: iso(now), ...event };
}

/** Events of the execution phase and the clock's milestone flags belong to no step. */
const NO_STEP = { stepId: null, levelCode: null, unitId: null };

function stepEvent(state: CaseState, step: ResolvedStep | null) {
  return { stepId: step?.id ?? null, levelCode: step?.levelCode ?? null, unitId: step?.unitId ?? null };
}

function enterStep(state: CaseState, index: number, now: number): void {
  state.stepIndex = index;
  state.status = 'pending';
  const step = state.chain[index];
  const due = dueTime(now, step.deadline, state.calendar);
  const escalate = escalateTime(due, step.deadline, state.calendar);
  state.step = {
    stepId: step.id,
    enteredAt: iso(now),
    dueAt: iso(due),
    escalateAt: escalate === null ? null : iso(escalate),
    overdue: false,
    escalated: false,
    votes: [],
  };
}

export function openCase(start: CaseStart, now: number): { state: CaseState; events: CaseEvent[] } {
  if (start.chain.length === 0) throw new Error(`Process ${start.processType} resolved to an empty chain`);
  const state: CaseState = {
    ...start,
    status: 'pending',
    stepIndex: 0,
    step: null,
    passed: [],
    everApproved: false,
    outcome: null,
    execution: null,
    submittedAt: iso(now),
    updatedAt: iso(now),
    seq: 0,
  };
  enterStep(state, 0, now);
  const event = emit(state, now, {
    action: 'submitted',
    actor: person(start.initiator),
    ...stepEvent(state, state.chain[0]),
    comment: null,
    data: null,
  });
  return { state, events: [event] };
}

/** Not final, not returned, not yet approved: a decision is being waited for. */
function checkAwaitingDecision(state: CaseState): RuleViolation | null {
  if (FINAL_STATUSES.includes(state.status)) return violation('conflict', 'case.closed', { status: state.status });
  if (state.status === 'returned') return violation('conflict', 'case.awaiting_resubmission');
  if (state.status !== 'pending') return violation('conflict', 'case.not_awaiting_decision');
  return null;
}

/** Who may decide the current step, leaving out what the decision carries. */
function checkDecider(state: CaseState, actor: Actor, expectedStep?: string | null): RuleViolation | null {
  const closed = checkAwaitingDecision(state);
  if (closed) return closed;
  const step = currentStep(state)!;
  // The caller acted on what they saw; if the case moved on meanwhile, someone decided first.
  if (expectedStep && expectedStep !== step.id) {
    // Named by the units that decide them: step IDs are for programs, the message is for people.
    const seen = state.chain.find((s) => s.id === expectedStep);
    return violation('conflict', 'case.stale_step', { expected: seen?.unitName ?? expectedStep, current: step.unitName });
  }
  if (state.step?.votes.some((v) => v.userId === actor.userId)) return violation('conflict', 'case.already_decided');
  if (!actor.unitIds.includes(step.unitId)) return violation('forbidden', 'case.not_decider', { unit: step.unitName });
  if (actor.userId === state.initiator.userId) return violation('forbidden', 'case.own_case');
  if (state.passed.some((p) => p.deciders.some((d) => d.userId === actor.userId))) {
    return violation('forbidden', 'case.decided_other_step');
  }
  return null;
}

function checkDecisionData(state: CaseState, step: ResolvedStep, req: DecisionRequest): RuleViolation | null {
  const data = req.data ?? {};
  const fields = req.action === 'approve' ? step.approveData : [];
  const unknown = Object.keys(data).find((k) => !fields.some((f) => f.name === k));
  if (unknown) return violation('unprocessable', 'case.field_unknown', { field: `data.${unknown}` });
  for (const field of fields) {
    const value = data[field.name];
    if (value === undefined || value === null || value === '') {
      return violation('unprocessable', 'case.field_required', { field: `data.${field.name}` });
    }
    if (field.type === 'vnd') {
      if (!isVnd(value) || value === 0) return violation('unprocessable', 'case.amount_invalid', { field: `data.${field.name}` });
      const max = field.maxFromPayload ? state.payload[field.maxFromPayload] : undefined;
      if (typeof max === 'number' && value > max) {
        return violation('unprocessable', 'case.amount_above', { field: `data.${field.name}`, max, limit: field.maxFromPayload! });
      }
    } else if (typeof value !== 'string' || blank(value) || (field.maxLength && value.length > field.maxLength)) {
      return violation('unprocessable', 'case.field_invalid', { field: `data.${field.name}` });
    }
  }
  return null;
}

export function checkDecision(state: CaseState, actor: Actor, req: DecisionRequest): RuleViolation | null {
  const who = checkDecider(state, actor, req.expectedStep);
  if (who) return who;
  const step = currentStep(state)!;
  if (!step.actions.includes(req.action)) return violation('unprocessable', 'case.action_not_allowed', { action: req.action });
  if (step.commentRequiredFor.includes(req.action) && blank(req.comment)) {
    return violation('unprocessable', 'case.comment_required', { action: req.action });
  }
  return checkDecisionData(state, step, req);
}

export function applyDecision(state: CaseState, actor: Actor, req: DecisionRequest, now: number): CaseEvent[] {
  const step = currentStep(state)!;
  const progress = state.step!;
  progress.votes.push({ ...person(actor), action: req.action, at: iso(now) });
  const count = (a: DecisionAction) => progress.votes.filter((v) => v.action === a).length;
  // Votes are counted for approve and reject; a single return sends the case back at once.
  const quorum = req.action !== 'return' && (step.votes.approve > 1 || step.votes.reject > 1);
  const data = req.data && Object.keys(req.data).length > 0 ? req.data : null;
  const event = emit(state, now, {
    action: req.action === 'approve' ? 'approved' : req.action === 'reject' ? 'rejected' : 'returned',
    actor: person(actor),
    ...stepEvent(state, step),
    comment: blank(req.comment) ? null : req.comment!.trim(),
    data: quorum
      ? { ...data, votes: count(req.action), required: req.action === 'approve' ? step.votes.approve : step.votes.reject }
      : data,
  });

  if (req.action === 'approve') {
    state.everApproved = true;
    if (count('approve') >= step.votes.approve) passStep(state, step, data, now);
  } else if (req.action === 'reject') {
    if (count('reject') >= step.votes.reject) {
      state.status = 'rejected';
      state.step = null;
    }
  } else {
    state.status = 'returned';
    state.step = null;
  }
  return [event];
}

function passStep(state: CaseState, step: ResolvedStep, data: Record<string, unknown> | null, now: number): void {
  state.passed.push({
    stepId: step.id,
    deciders: state.step!.votes.filter((v) => v.action === 'approve').map(person),
    at: iso(now),
    data,
  });
  if (state.stepIndex + 1 < state.chain.length) {
    enterStep(state, state.stepIndex + 1, now);
    return;
  }
  state.stepIndex = state.chain.length;
  state.step = null;
  state.outcome = data;
  if (!state.plan) {
    state.status = 'completed';
    return;
  }
  state.status = 'in_progress';
  const cap = state.plan.capField ? data?.[state.plan.capField] : null;
  state.execution = {
    approvedAt: iso(now),
    milestones: state.plan.milestones.map((m) => ({
      kind: m.kind,
      targetDate: dateInHcm(now + m.targetAfterMs),
      date: null,
      note: null,
      recordedBy: null,
      overdue: false,
    })),
    disbursed: 0,
    cap: typeof cap === 'number' ? cap : null,
  };
}

export function checkResubmit(state: CaseState, actor: Actor): RuleViolation | null {
  if (actor.userId !== state.initiator.userId) return violation('forbidden', 'case.not_initiator');
  if (state.status !== 'returned') return violation('conflict', 'case.not_returned');
  return null;
}

/**
 * Resubmission resumes at the step that returned the case (the default: earlier levels' approvals
 * stand, and the level that asked for more sees the revision) or, if the definition says so, restarts
 * the whole chain with every earlier approval cleared.
 */
export function applyResubmit(
  state: CaseState,
  actor: Actor,
  req: { payload: Record<string, unknown>; title?: string | null; comment?: string | null },
  now: number,
): CaseEvent[] {
  state.payload = req.payload;
  if (req.title && !blank(req.title)) state.title = req.title.trim();
  const index = state.resubmitTo === 'first-step' ? 0 : state.stepIndex;
  if (index === 0) state.passed = [];
  enterStep(state, index, now);
  return [
    emit(state, now, {
      action: 'resubmitted',
      actor: person(actor),
      ...stepEvent(state, state.chain[index]),
      comment: blank(req.comment) ? null : req.comment!.trim(),
      data: null,
    }),
  ];
}

export function checkCancel(state: CaseState, actor: Actor): RuleViolation | null {
  if (actor.userId !== state.initiator.userId) return violation('forbidden', 'case.not_initiator');
  if (FINAL_STATUSES.includes(state.status)) return violation('conflict', 'case.closed', { status: state.status });
  if (state.everApproved) return violation('conflict', 'case.cancel_after_approval');
  return null;
}

export function applyCancel(state: CaseState, actor: Actor, comment: string | null | undefined, now: number): CaseEvent[] {
  const step = state.status === 'pending' || state.status === 'returned' ? currentStep(state) : null;
  state.status = 'cancelled';
  state.step = null;
  return [
    emit(state, now, {
      action: 'cancelled',
      actor: person(actor),
      ...stepEvent(state, step),
      comment: blank(comment) ? null : comment!.trim(),
      data: null,
    }),
  ];
}

function checkInExecution(state: CaseState): RuleViolation | null {
  if (FINAL_STATUSES.includes(state.status)) return violation('conflict', 'case.closed', { status: state.status });
  if (state.status !== 'in_progress' || !state.execution || !state.plan) return violation('conflict', 'case.not_in_progress');
  return null;
}

/** A recorded date must be a real day, not in the future (Ho Chi Minh time), not before `min`. */
function checkDate(field: string, date: string, min: string, now: number): RuleViolation | null {
  if (!isIsoDate(date)) return violation('unprocessable', 'case.field_invalid', { field });
  if (date > dateInHcm(now)) return violation('unprocessable', 'case.date_in_future', { field });
  if (date < min) return violation('unprocessable', 'case.date_too_early', { field, min });
  return null;
}

function lastRecordedDate(state: CaseState): string {
  const done = state.execution!.milestones.filter((m) => m.date);
  return done.length ? done[done.length - 1].date! : dateInHcm(Date.parse(state.execution!.approvedAt));
}

export function checkMilestoneRecorder(state: CaseState, actor: Actor): RuleViolation | null {
  const phase = checkInExecution(state);
  if (phase) return phase;
  if (!state.plan!.milestoneUnitIds.some((u) => actor.unitIds.includes(u))) {
    return violation('forbidden', 'case.not_milestone_recorder');
  }
  return null;
}

export function checkMilestone(state: CaseState, actor: Actor, req: MilestoneRequest, now: number): RuleViolation | null {
  const who = checkMilestoneRecorder(state, actor);
  if (who) return who;
  const next = state.execution!.milestones.find((m) => !m.date)!;
  if (req.kind !== next.kind) return violation('unprocessable', 'case.milestone_out_of_order', { expected: next.kind, kind: req.kind });
  return checkDate('date', req.date, lastRecordedDate(state), now);
}

export function applyMilestone(state: CaseState, actor: Actor, req: MilestoneRequest, now: number): CaseEvent[] {
  const milestone = state.execution!.milestones.find((m) => m.kind === req.kind)!;
  milestone.date = req.date;
  milestone.note = blank(req.note) ? null : req.note!.trim();
  milestone.recordedBy = person(actor);
  milestone.overdue = false;
  const last = state.execution!.milestones.every((m) => m.date);
  if (last) state.status = 'completed';
  return [
    emit(state, now, {
      action: 'milestone',
      actor: person(actor),
      ...NO_STEP,
      comment: milestone.note,
      data: { kind: req.kind, date: req.date, targetDate: milestone.targetDate, ...(last ? { closed: true } : {}) },
    }),
  ];
}

export function checkDisburser(state: CaseState, actor: Actor): RuleViolation | null {
  const phase = checkInExecution(state);
  if (phase) return phase;
  if (!state.plan!.disbursementUnitIds.some((u) => actor.unitIds.includes(u))) {
    return violation('forbidden', 'case.not_disburser');
  }
  return null;
}

export function checkDisbursement(state: CaseState, actor: Actor, req: DisbursementRequest, now: number): RuleViolation | null {
  const who = checkDisburser(state, actor);
  if (who) return who;
  if (!isVnd(req.amount) || req.amount === 0) return violation('unprocessable', 'case.amount_invalid', { field: 'amount' });
  const { cap, disbursed } = state.execution!;
  if (cap !== null && disbursed + req.amount > cap) {
    return violation('unprocessable', 'case.disbursement_exceeds', { amount: req.amount, remaining: cap - disbursed, cap });
  }
  return checkDate('date', req.date, dateInHcm(Date.parse(state.execution!.approvedAt)), now);
}

export function applyDisbursement(state: CaseState, actor: Actor, req: DisbursementRequest, now: number): CaseEvent[] {
  state.execution!.disbursed += req.amount;
  return [
    emit(state, now, {
      action: 'disbursement',
      actor: person(actor),
      ...NO_STEP,
      comment: blank(req.note) ? null : req.note!.trim(),
      data: { amount: req.amount, date: req.date, total: state.execution!.disbursed },
    }),
  ];
}

/**
 * The next moment something happens by itself: the current step falls due, then escalates; in the
 * execution phase, a milestone passes its target date. Null when nothing is scheduled.
 */
export function nextAlarm(state: CaseState): number | null {
  if (state.status === 'pending' && state.step) {
    if (!state.step.overdue) return Date.parse(state.step.dueAt);
    if (!state.step.escalated && state.step.escalateAt) return Date.parse(state.step.escalateAt);
    return null;
  }
  if (state.status === 'in_progress' && state.execution) {
    const waiting = state.execution.milestones.filter((m) => !m.date && !m.overdue).map((m) => endOfDateHcm(m.targetDate));
    return waiting.length ? Math.min(...waiting) : null;
  }
  return null;
}

/** What the clock does at `now`: mark the step overdue (remind), escalate, or flag late milestones. */
export function applyAlarm(state: CaseState, now: number): CaseEvent[] {
  const events: CaseEvent[] = [];
  if (state.status === 'pending' && state.step) {
    const step = currentStep(state)!;
    const progress = state.step;
    if (!progress.overdue && now >= Date.parse(progress.dueAt)) {
      progress.overdue = true;
      events.push(emit(state, now, { action: 'overdue', actor: null, ...stepEvent(state, step), comment: null, data: { dueAt: progress.dueAt } }));
    }
    if (progress.overdue && !progress.escalated && progress.escalateAt && now >= Date.parse(progress.escalateAt)) {
      progress.escalated = true;
      events.push(
        emit(state, now, {
          action: 'escalated',
          actor: null,
          ...stepEvent(state, step),
          comment: null,
          data: { dueAt: progress.dueAt, escalatedTo: step.escalationUnitId },
        }),
      );
    }
  }
  if (state.status === 'in_progress' && state.execution) {
    for (const m of state.execution.milestones) {
      if (m.date || m.overdue || now < endOfDateHcm(m.targetDate)) continue;
      m.overdue = true;
      events.push(
        emit(state, now, {
          action: 'milestone_overdue',
          actor: null,
          ...NO_STEP,
          comment: null,
          data: { kind: m.kind, targetDate: m.targetDate },
        }),
      );
    }
  }
  return events;
}

/** What `actor` may do now; the API shows exactly these, and the workflow would accept each of them. */
export function allowedActions(state: CaseState, actor: Actor): CaseAction[] {
  const actions: CaseAction[] = [];
  if (!checkDecider(state, actor)) actions.push(...currentStep(state)!.actions);
  if (!checkResubmit(state, actor)) actions.push('resubmit');
  if (!checkCancel(state, actor)) actions.push('cancel');
  if (!checkMilestoneRecorder(state, actor)) actions.push('milestone');
  if (!checkDisburser(state, actor)) {
    const { cap, disbursed } = state.execution!;
    if (cap === null || disbursed < cap) actions.push('disbursement');
  }
  return actions;
}

/** Everyone who decided a step that still stands, or voted on the current one. */
export function decidedBy(state: CaseState): string[] {
  const ids = new Set<string>();
  for (const p of state.passed) for (const d of p.deciders) ids.add(d.userId);
  for (const v of state.step?.votes ?? []) ids.add(v.userId);
  return [...ids];
}
