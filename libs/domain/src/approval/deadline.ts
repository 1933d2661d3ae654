import { addWorkingDays, WorkingCalendar } from '../calendar/working-days';

/**
 * Deadlines are counted in Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without daylight saving since 1975,
 * so a fixed offset is exact, and keeps this code free of time-zone databases (it runs inside workflows).
 */
export const HCM_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The last millisecond of the Ho Chi Minh City calendar day that contains `t`. */
export function endOfDayHcm(t: number): number {
  const local = t + HCM_OFFSET_MS;
  return Math.floor(local / DAY_MS) * DAY_MS + DAY_MS - 1 - HCM_OFFSET_MS;
}

/** `YYYY-MM-DD` of the Ho Chi Minh City calendar day that contains `t`. */
export function dateInHcm(t: number): string {
  return new Date(t + HCM_OFFSET_MS).toISOString().slice(0, 10);
}

/** When a `YYYY-MM-DD` date is over in Ho Chi Minh City (its last millisecond). */
export function endOfDateHcm(date: string): number {
  return Date.parse(`${date}T23:59:59.999+07:00`);
}

/** `YYYY-MM-DD` that names a real calendar day. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/**
 * When a step entered at `enteredAt` falls due. A deadline in working days counts on the calendar frozen
 * into the case; without one (cases from before calendars) it falls back to the calendar-day span.
 */
export function dueTime(
  enteredAt: number,
  deadline: { afterMs: number; endOfDay: boolean; workingDays?: number },
  calendar?: WorkingCalendar,
): number {
  if (deadline.workingDays !== undefined && calendar) return addWorkingDays(enteredAt, deadline.workingDays, calendar);
  const due = enteredAt + deadline.afterMs;
  return deadline.endOfDay ? endOfDayHcm(due) : due;
}

/** When the level above hears of a step overdue since `due`; null: never. Same units as `dueTime`. */
export function escalateTime(
  due: number,
  deadline: { escalateAfterMs: number | null; workingDays?: number; escalateWorkingDays?: number | null },
  calendar?: WorkingCalendar,
): number | null {
  if (deadline.escalateAfterMs === null) return null;
  if (deadline.workingDays !== undefined && typeof deadline.escalateWorkingDays === 'number' && calendar) {
    return addWorkingDays(due, deadline.escalateWorkingDays, calendar);
  }
  return due + deadline.escalateAfterMs;
}
