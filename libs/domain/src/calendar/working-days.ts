/**
 * The working days of Vietnamese offices: Monday to Friday, less public holidays and compensatory days
 * off, plus the Saturdays (or Sundays) the government declares worked instead (ngày làm bù).
 *
 * Pure and self-contained (no imports at all): it runs inside Temporal workflows, and deadline.ts builds
 * on it. Days are counted in Asia/Ho_Chi_Minh, which has kept UTC+7 without daylight saving since 1975,
 * so a fixed offset is exact.
 */

/** What a case needs to count working days: the exceptions to "Saturday and Sunday are off". */
export interface WorkingCalendar {
  /** Public holidays and days off in their place (nghỉ bù, nghỉ hoán đổi), `YYYY-MM-DD`. Weekend holidays may be listed too. */
  nonWorking: string[];
  /** Weekend days that are worked (ngày làm bù), `YYYY-MM-DD`. A date in both lists is worked. */
  working: string[];
}

const UTC7_MS = 7 * 60 * 60 * 1000;
const DAY = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
/** The Ho Chi Minh City calendar day that contains the instant `t`. */
const dayOfInstant = (t: number): number => Math.floor((t + UTC7_MS) / DAY);
/** 23:59:59.999 in Ho Chi Minh City on `day`. */
const endOfDay = (day: number): number => (day + 1) * DAY - 1 - UTC7_MS;
/** 1970-01-01 was a Thursday; Sunday = 0 … Saturday = 6, as Date.getUTCDay. */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** Saturday or Sunday. */
export function isWeekendDate(date: string): boolean {
  const wd = weekday(dayNumber(date));
  return wd === 0 || wd === 6;
}

/** `date` plus `days` calendar days, `YYYY-MM-DD`. */
export function shiftDate(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** One lookup per call instead of scanning the lists for every day counted. */
function worksOn(cal: WorkingCalendar): (day: number) => boolean {
  const on = new Set(cal.working);
  const off = new Set(cal.nonWorking);
  return (day) => {
    const date = dateOfDay(day);
    if (on.has(date)) return true;
    if (off.has(date)) return false;
    const wd = weekday(day);
    return wd !== 0 && wd !== 6;
  };
}

export function isWorkingDay(date: string, cal: WorkingCalendar): boolean {
  return worksOn(cal)(dayNumber(date));
}

/**
 * The deadline of `n` working days for a step entered at `enteredAtMs`: the end (23:59:59.999 in
 * Ho Chi Minh City) of the n-th working day AFTER the day of entry. The day of entry never counts, even
 * when the step arrives at 07:00 on a working day, because people say "5 ngày làm việc" meaning five
 * whole days from tomorrow. Entered on Wednesday 3 February 2027 (before Tết), 5 working days end on
 * Wednesday 17 February: Thu 4, Fri 12, Mon 15, Tue 16, Wed 17. `n = 0` is the end of the day of entry.
 */
export function addWorkingDays(enteredAtMs: number, n: number, cal: WorkingCalendar): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  const works = worksOn(cal);
  let day = dayOfInstant(enteredAtMs);
  // Terminates: only listed dates are off besides weekends, so every week past the lists has five working days.
  for (let left = n; left > 0; ) {
    day += 1;
    if (works(day)) left -= 1;
  }
  return endOfDay(day);
}

/**
 * Working days left until the end of `toDate`, seen at `fromMs`: the working days after today up to
 * and including `toDate` ("Còn 3 ngày làm việc"). 0 when `toDate` is today (or only non-working days
 * lie between); negative when it has passed: minus the working days after it, up to and including today.
 * So `workingDaysBetween(t, dateOf(addWorkingDays(t, n)), cal) === n`.
 */
export function workingDaysBetween(fromMs: number, toDate: string, cal: WorkingCalendar): number {
  const works = worksOn(cal);
  const today = dayOfInstant(fromMs);
  const target = dayNumber(toDate);
  const [low, high, sign] = target >= today ? [today, target, 1] : [target, today, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day++) if (works(day)) count += 1;
  return count === 0 ? 0 : sign * count;
}
