import { isVnd } from '../money/vnd';
import { cleanText } from '../text/visible-text';
import type { ExecutionPhase } from '../execution/execution-phase';
import { blank, emit, iso, note, person, stepEvent, violation } from './case-events';
import { Actor, CaseEvent, CaseState, DecisionAction, FINAL_STATUSES, ResolvedStep, RuleViolation } from './case-model';
import { dueTime, escalateTime } from './deadline';
import { settingAmount, vietnameseDate } from '../processes/settings';

/**
 * The rules of the approval chain, as pure functions over `CaseState`. The workflow runs `check*` in
 * its Update validators (a refusal leaves no trace in history) and then the matching `apply*`, which
 * mutates the state and returns the events to project. The API runs the same checks for
 * `allowedActions` (allowed-actions.ts). `now` is always passed in: inside a workflow it is the
 * deterministic workflow clock. What happens after the last approval is the process's execution
 * phase (libs/domain/src/execution), passed in by whoever knows the process.
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
  | 'restartOnChangeOf'
  | 'calendar'
  | 'settings'
>;

export interface DecisionRequest {
  action: DecisionAction;
  comment?: string | null;
  data?: Record<string, unknown> | null;
  expectedStep?: string | null;
}

export function currentStep(state: CaseState): ResolvedStep | null {
  return state.chain[state.stepIndex] ?? null;
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
  const event = emit(state, now, { action: 'submitted', actor: person(start.initiator), ...stepEvent(state.chain[0]), comment: null, data: null });
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
export function checkDecider(state: CaseState, actor: Actor, expectedStep?: string | null): RuleViolation | null {
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
  const who = checkDecidesStep(step, actor);
  if (who) return who;
  if (actor.userId === state.initiator.userId) return violation('forbidden', 'case.own_case');
  if (!step.allowEarlierDeciders && state.passed.some((p) => p.deciders.some((d) => d.userId === actor.userId))) {
    return violation('forbidden', 'case.decided_other_step');
  }
  return null;
}

/**
 * Whether the actor is among the step's deciders: a member of its council; or an officer or chair of
 * its unit, holding one of its `deciderRoles` when it reserves the decision (the chair signs).
 */
function checkDecidesStep(step: ResolvedStep, actor: Actor): RuleViolation | null {
  if (step.council) {
    return step.council.some((m) => m.userId === actor.userId) ? null : violation('forbidden', 'case.not_council_member', { unit: step.unitName });
  }
  if (!actor.unitIds.includes(step.unitId)) return violation('forbidden', 'case.not_decider', { unit: step.unitName });
  if (step.deciderRoles) {
    const held = actor.roles?.[step.unitId] ?? [];
    if (!held.some((r) => step.deciderRoles!.includes(r))) {
      return violation('forbidden', step.deciderRoles.includes('officer') ? 'case.officer_only' : 'case.chair_only', { unit: step.unitName });
    }
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
      const cap = field.maxFromSetting ? settingAmount(state.settings, field.maxFromSetting, state.payload) : null;
      if (cap && value > cap.amount) {
        const params = { field: `data.${field.name}`, max: cap.amount, setting: field.maxFromSetting!.key };
        return cap.since === null
          ? violation('unprocessable', 'case.amount_above_cap_undated', params)
          : violation('unprocessable', 'case.amount_above_cap', { ...params, since: vietnameseDate(cap.since) });
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

/** `phase`: the process's execution phase, entered after the last approval (none: the case completes). */
export function applyDecision(state: CaseState, actor: Actor, req: DecisionRequest, now: number, phase: ExecutionPhase | null): CaseEvent[] {
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
    ...stepEvent(step),
    comment: note(req.comment),
    data: quorum
      ? { ...data, votes: count(req.action), required: req.action === 'approve' ? step.votes.approve : step.votes.reject }
      : data,
  });

  if (req.action === 'approve') {
    state.everApproved = true;
    if (count('approve') >= step.votes.approve) passStep(state, step, data, now, phase);
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

function passStep(state: CaseState, step: ResolvedStep, data: Record<string, unknown> | null, now: number, phase: ExecutionPhase | null): void {
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
  if (!state.plan || !phase) {
    state.status = 'completed';
    return;
  }
  phase.begin(state, now);
}

export function checkResubmit(state: CaseState, actor: Actor): RuleViolation | null {
  if (actor.userId !== state.initiator.userId) return violation('forbidden', 'case.not_initiator');
  if (state.status !== 'returned') return violation('conflict', 'case.not_returned');
  return null;
}

/** The value at a dot path of a payload, for comparing two versions of it. */
function at(payload: Record<string, unknown>, path: string): string {
  const value = path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), payload);
  return JSON.stringify(value ?? null);
}

/** What a resubmission carries: the revised payload, and the chain resolved again for it when steps depend on the payload. */
export interface ResubmitRequest {
  payload: Record<string, unknown>;
  title?: string | null;
  comment?: string | null;
  /**
   * The chain resolved for the revised payload (sent by the API for definitions with conditional
   * steps). When its steps differ from the case's, it replaces the chain and the case starts over at
   * its first step: the approvals given were for another route. Absent in older Updates.
   */
  chain?: ResolvedStep[] | null;
}

/** The same route: the same steps at the same units. */
function sameRoute(a: readonly ResolvedStep[], b: readonly ResolvedStep[]): boolean {
  return a.length === b.length && a.every((s, i) => s.id === b[i].id && s.unitId === b[i].unitId);
}

/**
 * Resubmission resumes at the step that returned the case (earlier levels' approvals stand, and the
 * level that asked for more sees the revision), unless the definition restarts the whole chain: always
 * (`resubmitTo: 'first-step'`), or when the revision changes a field the earlier levels vouched for
 * (`restartOnChangeOf`: money, the person helped), or when it changes which steps apply (a conditional
 * step now applies or no longer does: `req.chain`). A restart clears every earlier approval.
 */
export function applyResubmit(state: CaseState, actor: Actor, req: ResubmitRequest, now: number): CaseEvent[] {
  const changed = (state.restartOnChangeOf ?? []).filter((path) => at(state.payload, path) !== at(req.payload, path));
  const rerouted = req.chain && req.chain.length > 0 && !sameRoute(state.chain, req.chain) ? req.chain : null;
  state.payload = req.payload;
  if (req.title && !blank(req.title)) state.title = cleanText(req.title);
  if (rerouted) state.chain = rerouted;
  const index = state.resubmitTo === 'first-step' || changed.length > 0 || rerouted ? 0 : state.stepIndex;
  if (index === 0) state.passed = [];
  enterStep(state, index, now);
  const data: Record<string, unknown> | null =
    changed.length > 0 || rerouted ? { restarted: true, changed, ...(rerouted ? { steps: rerouted.map((s) => s.id) } : {}) } : null;
  return [emit(state, now, { action: 'resubmitted', actor: person(actor), ...stepEvent(state.chain[index]), comment: note(req.comment), data })];
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
  return [emit(state, now, { action: 'cancelled', actor: person(actor), ...stepEvent(step), comment: note(comment), data: null })];
}

/**
 * Who may not decide the current step for what they decided already: everyone who voted on it, and
 * everyone who decided a step that still stands unless the step lets them (`allowEarlierDeciders`).
 * Equal to `decidedBy` for every step that does not; the inbox and the notifications leave these out.
 */
export function barredFromCurrentStep(state: CaseState): string[] {
  const step = state.status === 'pending' ? currentStep(state) : null;
  if (!step?.allowEarlierDeciders) return decidedBy(state);
  return [...new Set((state.step?.votes ?? []).map((v) => v.userId))];
}

/** Everyone who decided a step that still stands, or voted on the current one. */
export function decidedBy(state: CaseState): string[] {
  const ids = new Set<string>();
  for (const p of state.passed) for (const d of p.deciders) ids.add(d.userId);
  for (const v of state.step?.votes ?? []) ids.add(v.userId);
  return [...ids];
}
