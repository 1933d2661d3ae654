import type { ExecutionPhase } from '../execution/execution-phase';
import { emit, stepEvent } from './case-events';
import { CaseEvent, CaseState } from './case-model';
import { currentStep } from './chain.rules';

/**
 * The case's clock: the current step falls due (overdue: remind its deciders), then escalates to the
 * unit above; in the execution phase, whatever the process's phase schedules. The workflow sleeps
 * until `nextAlarm` and then applies `applyAlarm`.
 */
export function nextAlarm(state: CaseState, phase: ExecutionPhase | null): number | null {
  if (state.status === 'pending' && state.step) {
    if (!state.step.overdue) return Date.parse(state.step.dueAt);
    if (!state.step.escalated && state.step.escalateAt) return Date.parse(state.step.escalateAt);
    return null;
  }
  if (state.status === 'in_progress' && phase) return phase.nextAlarm(state);
  return null;
}

export function applyAlarm(state: CaseState, now: number, phase: ExecutionPhase | null): CaseEvent[] {
  const events: CaseEvent[] = [];
  if (state.status === 'pending' && state.step) {
    const step = currentStep(state)!;
    const progress = state.step;
    if (!progress.overdue && now >= Date.parse(progress.dueAt)) {
      progress.overdue = true;
      events.push(emit(state, now, { action: 'overdue', actor: null, ...stepEvent(step), comment: null, data: { dueAt: progress.dueAt } }));
    }
    if (progress.overdue && !progress.escalated && progress.escalateAt && now >= Date.parse(progress.escalateAt)) {
      progress.escalated = true;
      events.push(
        emit(state, now, {
          action: 'escalated',
          actor: null,
          ...stepEvent(step),
          comment: null,
          data: { dueAt: progress.dueAt, escalatedTo: step.escalationUnitId },
        }),
      );
    }
  }
  if (state.status === 'in_progress' && phase) events.push(...phase.applyAlarm(state, now));
  return events;
}
