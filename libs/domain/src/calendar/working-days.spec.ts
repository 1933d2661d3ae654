import { calendarWindow } from './working-deadline';
import { toWorkingCalendar, VIETNAM_CALENDAR_SEED } from './vietnam-holidays';
import { addWorkingDays, isWeekendDate, isWorkingDay, shiftDate, WorkingCalendar, workingDaysBetween } from './working-days';

const at = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
/** 10:00 in Hà Nội on `date`. */
const morning = (date: string) => at(`${date}T03:00:00Z`);
/** The instant a `date` ends in Hà Nội, as UTC: 23:59:59.999+07:00 is 16:59:59.999Z. */
const endOf = (date: string) => `${date}T16:59:59.999Z`;

const SEED: WorkingCalendar = toWorkingCalendar(VIETNAM_CALENDAR_SEED);
const NONE: WorkingCalendar = { nonWorking: [], working: [] };

describe('isWorkingDay', () => {
  it('takes Saturday and Sunday off, Monday to Friday on', () => {
    // 2026-11-23 is a Monday.
    const week = [0, 1, 2, 3, 4, 5, 6].map((d) => isWorkingDay(shiftDate('2026-11-23', d), NONE));
    expect(week).toEqual([true, true, true, true, true, false, false]);
    expect(isWeekendDate('2026-11-28')).toBe(true);
    expect(isWeekendDate('2026-11-27')).toBe(false);
  });

  it('takes listed holidays off and works listed make-up days, even on a Saturday', () => {
    expect(isWorkingDay('2025-04-30', SEED)).toBe(false); // Wednesday, Ngày Chiến thắng
    expect(isWorkingDay('2025-05-02', SEED)).toBe(false); // Friday, swapped
    expect(isWorkingDay('2025-04-26', SEED)).toBe(true); // Saturday, làm bù
    expect(isWorkingDay('2025-04-29', SEED)).toBe(true);
  });

  it('counts a date listed both ways as worked', () => {
    expect(isWorkingDay('2026-11-28', { nonWorking: ['2026-11-28'], working: ['2026-11-28'] })).toBe(true);
  });
});

describe('addWorkingDays: the end of the n-th working day after the day of entry (Hà Nội time)', () => {
  it('never counts the day of entry, at whatever hour the step arrived', () => {
    // Tuesday 24 November 2026: at 07:00 and at 23:59 in Hà Nội, 1 working day is Wednesday.
    expect(iso(addWorkingDays(at('2026-11-24T00:00:00Z'), 1, NONE))).toBe(endOf('2026-11-25'));
    expect(iso(addWorkingDays(at('2026-11-24T16:59:59.999Z'), 1, NONE))).toBe(endOf('2026-11-25'));
    // 17:00Z is already Wednesday in Hà Nội.
    expect(iso(addWorkingDays(at('2026-11-24T17:00:00Z'), 1, NONE))).toBe(endOf('2026-11-26'));
  });

  it('skips weekends, and starts counting on Monday for a step entered at the weekend', () => {
    expect(iso(addWorkingDays(morning('2026-11-27'), 1, NONE))).toBe(endOf('2026-11-30')); // Friday → Monday
    expect(iso(addWorkingDays(morning('2026-11-28'), 1, NONE))).toBe(endOf('2026-11-30')); // Saturday → Monday
    expect(iso(addWorkingDays(morning('2026-11-24'), 5, NONE))).toBe(endOf('2026-12-01')); // a week later
  });

  it('with n = 0 is the end of the day of entry', () => {
    expect(iso(addWorkingDays(morning('2026-11-28'), 0, NONE))).toBe(endOf('2026-11-28'));
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(morning('2026-11-24'), -1, NONE)).toThrow(RangeError);
    expect(() => addWorkingDays(morning('2026-11-24'), 1.5, NONE)).toThrow(RangeError);
  });

  it('across Tết 2027: entered Wednesday 3/2, 5 working days end on Wednesday 17/2', () => {
    // Tết Đinh Mùi by default: Fri 5/2 – Tue 9/2, with Sat 6/2 and Sun 7/2 made up on Wed 10/2 and Thu 11/2.
    // Working days after 3/2: Thu 4/2, Fri 12/2, Mon 15/2, Tue 16/2, Wed 17/2.
    const entered = morning('2027-02-03');
    expect([1, 2, 3, 4, 5].map((n) => iso(addWorkingDays(entered, n, SEED)))).toEqual(
      ['2027-02-04', '2027-02-12', '2027-02-15', '2027-02-16', '2027-02-17'].map(endOf),
    );
    // Without holidays it would have been Wednesday 10/2.
    expect(iso(addWorkingDays(entered, 5, NONE))).toBe(endOf('2027-02-10'));
  });

  it('across 30/4–1/5 2025: the Saturday 26/4 is worked, Friday 2/5 is not', () => {
    const entered = morning('2025-04-25'); // Friday
    expect(iso(addWorkingDays(entered, 1, SEED))).toBe(endOf('2025-04-26'));
    expect(iso(addWorkingDays(entered, 3, SEED))).toBe(endOf('2025-04-29'));
    // Wed 30/4, Thu 1/5, Fri 2/5 and the weekend are off.
    expect(iso(addWorkingDays(entered, 4, SEED))).toBe(endOf('2025-05-05'));
  });

  it('across 30/4–1/5 2027: Saturday 1/5 is made up on Monday 3/5', () => {
    // Thursday 29/4: Fri 30/4 off, Mon 3/5 nghỉ bù; the next working day is Tuesday 4/5.
    expect(iso(addWorkingDays(morning('2027-04-29'), 1, SEED))).toBe(endOf('2027-05-04'));
  });

  it('across 2/9: 2025 takes Monday 1/9 and Tuesday 2/9, 2027 Thursday 2/9 and Friday 3/9', () => {
    expect(iso(addWorkingDays(morning('2025-08-29'), 1, SEED))).toBe(endOf('2025-09-03'));
    expect(iso(addWorkingDays(morning('2025-08-29'), 2, SEED))).toBe(endOf('2025-09-04'));
    expect(iso(addWorkingDays(morning('2027-09-01'), 1, SEED))).toBe(endOf('2027-09-06'));
  });

  it('past the frozen window, counts weekends only', () => {
    const window = calendarWindow(SEED, '2027-01-01', '2027-01-31');
    expect(iso(addWorkingDays(morning('2027-02-03'), 5, window))).toBe(endOf('2027-02-10'));
  });
});

describe('workingDaysBetween: working days left, "Còn N ngày làm việc"', () => {
  it('counts the working days after today up to and including the due day', () => {
    expect(workingDaysBetween(morning('2027-02-03'), '2027-02-17', SEED)).toBe(5);
    expect(workingDaysBetween(morning('2027-02-12'), '2027-02-17', SEED)).toBe(3);
    expect(workingDaysBetween(morning('2027-02-17'), '2027-02-17', SEED)).toBe(0);
    // Through Tết the count stands still: 4 left on Thursday 4/2 and still 4 on Wednesday 10/2 (nghỉ bù).
    expect(workingDaysBetween(morning('2027-02-04'), '2027-02-17', SEED)).toBe(4);
    expect(workingDaysBetween(morning('2027-02-10'), '2027-02-17', SEED)).toBe(4);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const entered of ['2025-01-20', '2025-04-25', '2026-02-13', '2027-02-03', '2028-01-24', '2030-01-31']) {
      for (const n of [1, 3, 5, 10, 20]) {
        const due = addWorkingDays(morning(entered), n, SEED);
        expect([entered, n, workingDaysBetween(morning(entered), iso(due).slice(0, 10), SEED)]).toEqual([entered, n, n]);
      }
    }
  });

  it('is negative once the due day has passed, counting the working days missed', () => {
    expect(workingDaysBetween(morning('2027-02-18'), '2027-02-17', SEED)).toBe(-1);
    expect(workingDaysBetween(morning('2027-02-20'), '2027-02-17', SEED)).toBe(-2); // Thu, Fri; Saturday adds none
    // Due Friday, seen on Saturday: overdue, but no working day missed yet.
    expect(workingDaysBetween(morning('2027-02-13'), '2027-02-12', SEED)).toBe(0);
  });
});
