import type { ResolvedDeadline, ResolvedStep, StepProgress } from '../approval/case-model';
import { DAY_MS, dateInHcm } from '../approval/deadline';
import { WorkingCalendar, workingDaysBetween } from './working-days';

/**
 * Deadlines counted in working days: how a step definition asks for them, what the resolved chain
 * carries, and what the API shows. The due times themselves are computed in deadline.ts (`dueTime`,
 * `escalateTime`) from the calendar frozen into the case.
 */

/** `calendar` (the default, what every definition before this meant) or `working`. */
export const DEADLINE_UNITS = ['calendar', 'working'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/**
 * The working-day part of a resolved deadline; nothing for calendar days. With a shortened day (tests and
 * demos: CASE_DAY_SECONDS) a working day means nothing, so the step keeps its scaled calendar span.
 */
export function workingDeadline(
  deadline: { days: number; escalateAfterDays: number | null; unit?: DeadlineUnit },
  dayMs: number,
): Pick<ResolvedDeadline, 'workingDays' | 'escalateWorkingDays'> {
  if (deadline.unit !== 'working' || dayMs !== DAY_MS) return {};
  return { workingDays: deadline.days, escalateWorkingDays: deadline.escalateAfterDays };
}

/** Whether a case on this chain needs a calendar frozen into it (no step in working days: none is stored). */
export function needsWorkingCalendar(chain: readonly ResolvedStep[]): boolean {
  return chain.some((s) => s.deadline.workingDays !== undefined);
}

/** How long a frozen calendar reaches: past it only weekends are off. */
export const FROZEN_CALENDAR_YEARS = 2;

/** The dates a case submitted at `now` freezes: from its submission day to the same day two years later. */
export function frozenCalendarWindow(now: number): { from: string; to: string } {
  const from = dateInHcm(now);
  const [y, m, d] = from.split('-').map(Number);
  // Date.UTC rolls 29 February over to 1 March in a common year.
  const to = new Date(Date.UTC(y + FROZEN_CALENDAR_YEARS, m - 1, d)).toISOString().slice(0, 10);
  return { from, to };
}

/** The days of `cal` between `from` and `to` inclusive (a case freezes only its own window). */
export function calendarWindow(cal: WorkingCalendar, from: string, to: string): WorkingCalendar {
  const within = (date: string) => date >= from && date <= to;
  return { nonWorking: cal.nonWorking.filter(within), working: cal.working.filter(within) };
}

/**
 * "Còn 3 ngày làm việc": working days from `now` to the step's due day, for a pending step whose deadline
 * is in working days and whose case froze a calendar; null otherwise (the app then counts calendar days).
 */
export function workingDaysLeft(
  step: Pick<ResolvedStep, 'deadline'>,
  progress: Pick<StepProgress, 'dueAt'> | null,
  calendar: WorkingCalendar | undefined,
  now: number,
): number | null {
  if (!progress || !calendar || step.deadline.workingDays === undefined) return null;
  return workingDaysBetween(now, dateInHcm(Date.parse(progress.dueAt)), calendar);
}
