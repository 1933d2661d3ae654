import { cleanText, isBlankText } from '../text/visible-text';
import { CaseEvent, CaseState, Person, ResolvedStep, RuleViolation } from './case-model';

/** Small helpers every rule file shares: how events are numbered and what a refusal looks like. */

export const iso = (t: number) => new Date(t).toISOString();

export const violation = (kind: RuleViolation['kind'], code: string, params?: RuleViolation['params']): RuleViolation => ({
  kind,
  code,
  ...(params ? { params } : {}),
});

/** Blank to the eye: nothing, or only white space and invisible characters (zero-width, BOM, NBSP…). */
export const blank = (s: string | null | undefined) => isBlankText(s);

/** A comment in NFC without invisible ends, or null when there is nothing to see. */
export const note = (s: string | null | undefined) => (blank(s) ? null : cleanText(s!));

export const person = (a: Person): Person => ({ userId: a.userId, displayName: a.displayName });

/** Appends one event: numbered 1, 2, 3 … per case, across continue-as-new. */
export function emit(state: CaseState, now: number, event: Omit<CaseEvent, 'seq' | 'at'>): CaseEvent {
  state.seq += 1;
  state.updatedAt = iso(now);
  return { seq: state.seq, at: iso(now), ...event };
}

/** Events of the execution phase and the clock's milestone flags belong to no step. */
export const NO_STEP = { stepId: null, levelCode: null, unitId: null };

export function stepEvent(step: ResolvedStep | null) {
  return { stepId: step?.id ?? null, levelCode: step?.levelCode ?? null, unitId: step?.unitId ?? null };
}
