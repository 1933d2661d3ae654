import { isWeekendDate, shiftDate, WorkingCalendar } from './working-days';

/**
 * The seed of the working-day calendar: public holidays, compensatory days off and make-up working days
 * of Vietnamese offices, per year. The migration that creates `calendar_days` inserts these rows; from
 * then on the table is the truth and an admin corrects it (PUT /api/calendar/days/:date) when the
 * government announces the year's arrangements. A year added here later needs a migration of its own.
 *
 * Source: Bộ luật Lao động 2019 (Luật số 45/2019/QH14), Điều 112 "Nghỉ lễ, tết":
 *   - Tết Dương lịch: 1 ngày (1/1 dương lịch);
 *   - Tết Âm lịch: 5 ngày (the exact days are chosen by the Prime Minister each year);
 *   - Ngày Chiến thắng: 1 ngày (30/4 dương lịch);
 *   - Ngày Quốc tế lao động: 1 ngày (1/5 dương lịch);
 *   - Quốc khánh: 2 ngày (2/9 dương lịch và 1 ngày liền kề trước hoặc sau);
 *   - Giỗ Tổ Hùng Vương: 1 ngày (10/3 âm lịch).
 * and khoản 3: a holiday that falls on the weekly day off is taken on the next working day (nghỉ bù).
 * Each year the Prime Minister also approves, for public servants on a Saturday–Sunday week, swaps of a
 * bridging weekday for a Saturday worked (hoán đổi ngày làm việc, ngày làm bù): data, not rules.
 */

export const CALENDAR_DAY_KINDS = ['holiday', 'working'] as const;
/** holiday: no work (holiday, nghỉ bù, nghỉ hoán đổi); working: a weekend day that is worked (làm bù). */
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  /** Vietnamese, as shown to officers. */
  name: string;
}

/** What a year's arrangement is computed from, with what the government has fixed where it is known. */
export interface YearFacts {
  year: number;
  /** Mùng 1 Tết (the first day of the lunar year). */
  lunarNewYear: string;
  /** Giỗ Tổ Hùng Vương, 10/3 of the lunar calendar. */
  hungKings: string;
  /** The official Tết break, weekends included, when announced. Otherwise the default below. */
  tet?: { from: string; to: string };
  /** Official swaps: a weekday off, a weekend day worked in its place. */
  swaps?: { off: string; worked: string }[];
}

const TET = 'Tết Nguyên đán';

/**
 * 2025 and 2026 follow the arrangements announced for public servants; 2027–2030 are the default
 * computed from the lunar dates (see `arrangeYear`). The government fixes the exact Tết days, the day
 * next to 2/9 and any swaps each year: an admin corrects the table when they are announced.
 */
const YEARS: YearFacts[] = [
  {
    // Tết Ất Tỵ: off Saturday 25/01 to Sunday 02/02/2025 (26 tháng Chạp to mùng 5), five weekdays.
    // 30/4–1/5: Friday 02/05 swapped with Saturday 26/04, off 30/04–04/05 (Thủ tướng's approval, 2024).
    // Quốc khánh: Monday 01/09 and Tuesday 02/09 (off 30/08–02/09).
    year: 2025,
    lunarNewYear: '2025-01-29',
    hungKings: '2025-04-07',
    tet: { from: '2025-01-25', to: '2025-02-02' },
    swaps: [{ off: '2025-05-02', worked: '2025-04-26' }],
  },
  {
    // Tết Bính Ngọ: off Saturday 14/02 to Sunday 22/02/2026 (27 tháng Chạp to mùng 6), as reported by the
    // press when it was approved. Giỗ Tổ on Sunday 26/04 → nghỉ bù Monday 27/04 (law, computed).
    // Uncertain: whether Friday 02/01 was swapped for a Saturday, and which day next to Wednesday 02/09
    // (the default rule takes Thursday 03/09). Check against the official notice and correct.
    year: 2026,
    lunarNewYear: '2026-02-17',
    hungKings: '2026-04-26',
    tet: { from: '2026-02-14', to: '2026-02-22' },
  },
  // Lunar new year and 10/3 âm lịch from the Vietnamese lunar calendar (UTC+7); the rest is the default.
  { year: 2027, lunarNewYear: '2027-02-06', hungKings: '2027-04-16' },
  { year: 2028, lunarNewYear: '2028-01-26', hungKings: '2028-04-04' },
  { year: 2029, lunarNewYear: '2029-02-13', hungKings: '2029-04-23' },
  { year: 2030, lunarNewYear: '2030-02-03', hungKings: '2030-04-12' },
];

/**
 * The day next to Quốc khánh when none was announced: the weekday that joins 2/9 to a weekend (Monday
 * 1/9 or Friday 3/9) if there is one, else the weekday of the two, and the day after when both are
 * (2/9 on a Wednesday). This gives what was announced in 2022–2025: Thursday 1/9 (2022), Friday 1/9 with
 * Saturday 2/9 (2023), Tuesday 3/9 (2024), Monday 1/9 (2025).
 */
export function nationalDayNeighbour(year: number): string {
  const before = `${year}-09-01`;
  const after = `${year}-09-03`;
  const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
  const joinsWeekend = (date: string) => [1, 5].includes(weekdayOf(date));
  if (joinsWeekend(before)) return before;
  if (joinsWeekend(after)) return after;
  return isWeekendDate(after) ? before : after;
}

/**
 * One year's days off and worked weekend days. Without an official Tết break, Tết is the day before the
 * lunar new year and mùng 1–4 (five days). Each holiday of the law that falls on a Saturday or Sunday
 * gives a compensatory day off (nghỉ bù) on the next working day not already off, in date order.
 */
export function arrangeYear(facts: YearFacts): CalendarDay[] {
  const { year } = facts;
  // Holidays of the law: these earn a nghỉ bù when they fall on a weekend.
  const statutory: { date: string; name: string }[] = [
    { date: `${year}-01-01`, name: 'Tết Dương lịch' },
    ...(facts.tet ? [] : [-1, 0, 1, 2, 3].map((d) => ({ date: shiftDate(facts.lunarNewYear, d), name: TET }))),
    { date: facts.hungKings, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: `${year}-04-30`, name: 'Ngày Chiến thắng (30/4)' },
    { date: `${year}-05-01`, name: 'Ngày Quốc tế Lao động (1/5)' },
    { date: `${year}-09-02`, name: 'Quốc khánh (2/9)' },
    { date: nationalDayNeighbour(year), name: 'Quốc khánh (ngày liền kề 2/9)' },
  ];
  const days: CalendarDay[] = statutory.map((h) => ({ ...h, kind: 'holiday' }));
  if (facts.tet) {
    // The announced break already places the five days and the weekends around them.
    for (let date = facts.tet.from; date <= facts.tet.to; date = shiftDate(date, 1)) days.push({ date, kind: 'holiday', name: TET });
  }
  for (const swap of facts.swaps ?? []) {
    const label = (date: string) => date.split('-').reverse().join('/');
    days.push({ date: swap.off, kind: 'holiday', name: `Nghỉ hoán đổi (làm bù ngày ${label(swap.worked)})` });
    days.push({ date: swap.worked, kind: 'working', name: `Làm bù cho ngày nghỉ ${label(swap.off)}` });
  }
  const taken = new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date));
  for (const holiday of [...statutory].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekendDate(holiday.date)) continue;
    let date = shiftDate(holiday.date, 1);
    while (isWeekendDate(date) || taken.has(date)) date = shiftDate(date, 1);
    taken.add(date);
    days.push({ date, kind: 'holiday', name: `Nghỉ bù ${holiday.name}` });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** Every seeded day, 2025–2030, in date order. */
export const VIETNAM_CALENDAR_SEED: readonly CalendarDay[] = YEARS.flatMap(arrangeYear);

/** The years the seed covers. */
export const SEEDED_CALENDAR_YEARS: readonly number[] = YEARS.map((y) => y.year);

/** A case's calendar from calendar days (the table's rows, or the seed). */
export function toWorkingCalendar(days: readonly Pick<CalendarDay, 'date' | 'kind'>[]): WorkingCalendar {
  return {
    nonWorking: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
    working: days.filter((d) => d.kind === 'working').map((d) => d.date),
  };
}
