import { arrangeYear, nationalDayNeighbour, SEEDED_CALENDAR_YEARS, VIETNAM_CALENDAR_SEED } from './vietnam-holidays';
import { isWeekendDate } from './working-days';

const ofYear = (year: number) => VIETNAM_CALENDAR_SEED.filter((d) => d.date.startsWith(`${year}-`));
const summary = (year: number) => ofYear(year).map((d) => `${d.date} ${d.kind === 'working' ? 'làm bù' : 'nghỉ'}: ${d.name}`);

describe('the calendar seed (Bộ luật Lao động 2019, Điều 112)', () => {
  it('covers 2025–2030, one row per date, in date order, all NFC', () => {
    expect(SEEDED_CALENDAR_YEARS).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    const dates = VIETNAM_CALENDAR_SEED.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const d of VIETNAM_CALENDAR_SEED) expect(d.name).toBe(d.name.normalize('NFC'));
  });

  it('keeps the 2025 arrangements: Tết 25/1–2/2, Friday 2/5 swapped for Saturday 26/4, 1/9–2/9', () => {
    expect(summary(2025)).toEqual([
      '2025-01-01 nghỉ: Tết Dương lịch',
      ...['25', '26', '27', '28', '29', '30', '31'].map((d) => `2025-01-${d} nghỉ: Tết Nguyên đán`),
      '2025-02-01 nghỉ: Tết Nguyên đán',
      '2025-02-02 nghỉ: Tết Nguyên đán',
      '2025-04-07 nghỉ: Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      '2025-04-26 làm bù: Làm bù cho ngày nghỉ 02/05/2025',
      '2025-04-30 nghỉ: Ngày Chiến thắng (30/4)',
      '2025-05-01 nghỉ: Ngày Quốc tế Lao động (1/5)',
      '2025-05-02 nghỉ: Nghỉ hoán đổi (làm bù ngày 26/04/2025)',
      '2025-09-01 nghỉ: Quốc khánh (ngày liền kề 2/9)',
      '2025-09-02 nghỉ: Quốc khánh (2/9)',
    ]);
  });

  it('keeps Tết 2026 as announced (14/2–22/2) and gives Monday 27/4 for Giỗ Tổ on a Sunday', () => {
    const tet = ofYear(2026).filter((d) => d.name === 'Tết Nguyên đán').map((d) => d.date);
    expect(tet).toHaveLength(9);
    expect([tet[0], tet[8]]).toEqual(['2026-02-14', '2026-02-22']);
    expect(summary(2026).filter((s) => s.includes('Hùng Vương'))).toEqual([
      '2026-04-26 nghỉ: Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      '2026-04-27 nghỉ: Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    ]);
  });

  it('computes 2027 from the lunar dates: five Tết days around 6/2, nghỉ bù for the weekend ones', () => {
    expect(summary(2027)).toEqual([
      '2027-01-01 nghỉ: Tết Dương lịch',
      '2027-02-05 nghỉ: Tết Nguyên đán',
      '2027-02-06 nghỉ: Tết Nguyên đán',
      '2027-02-07 nghỉ: Tết Nguyên đán',
      '2027-02-08 nghỉ: Tết Nguyên đán',
      '2027-02-09 nghỉ: Tết Nguyên đán',
      '2027-02-10 nghỉ: Nghỉ bù Tết Nguyên đán',
      '2027-02-11 nghỉ: Nghỉ bù Tết Nguyên đán',
      '2027-04-16 nghỉ: Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      '2027-04-30 nghỉ: Ngày Chiến thắng (30/4)',
      '2027-05-01 nghỉ: Ngày Quốc tế Lao động (1/5)',
      '2027-05-03 nghỉ: Nghỉ bù Ngày Quốc tế Lao động (1/5)',
      '2027-09-02 nghỉ: Quốc khánh (2/9)',
      '2027-09-03 nghỉ: Quốc khánh (ngày liền kề 2/9)',
    ]);
  });

  it('gives every weekend holiday of 2027–2030 a weekday off after it', () => {
    for (const year of [2027, 2028, 2029, 2030]) {
      const days = ofYear(year);
      const weekendHolidays = days.filter((d) => d.kind === 'holiday' && !d.name.startsWith('Nghỉ bù') && isWeekendDate(d.date));
      const compensations = days.filter((d) => d.name.startsWith('Nghỉ bù'));
      expect([year, compensations.length]).toEqual([year, weekendHolidays.length]);
      for (const c of compensations) expect([c.date, isWeekendDate(c.date)]).toEqual([c.date, false]);
    }
    // 1/1/2028 is a Saturday, 30/4/2028 a Sunday before Monday 1/5, Tết 2030 starts on Saturday 2/2.
    expect(summary(2028)).toEqual(expect.arrayContaining(['2028-01-03 nghỉ: Nghỉ bù Tết Dương lịch', '2028-05-02 nghỉ: Nghỉ bù Ngày Chiến thắng (30/4)']));
    expect(summary(2030).filter((s) => s.includes('Tết Nguyên đán')).map((s) => s.slice(0, 10))).toEqual([
      '2030-02-02',
      '2030-02-03',
      '2030-02-04',
      '2030-02-05',
      '2030-02-06',
      '2030-02-07',
      '2030-02-08',
    ]);
  });

  it('takes the day next to 2/9 that joins the weekend, as announced in 2022–2025', () => {
    expect([2022, 2023, 2024, 2025].map(nationalDayNeighbour)).toEqual(['2022-09-01', '2023-09-01', '2024-09-03', '2025-09-01']);
    // 2/9/2029 is a Sunday: Monday 3/9 is the day next to it, and Tuesday 4/9 makes up for the Sunday.
    expect(summary(2029).filter((s) => s.startsWith('2029-09'))).toEqual([
      '2029-09-02 nghỉ: Quốc khánh (2/9)',
      '2029-09-03 nghỉ: Quốc khánh (ngày liền kề 2/9)',
      '2029-09-04 nghỉ: Nghỉ bù Quốc khánh (2/9)',
    ]);
  });

  it('lets an announced Tết break replace the default without adding nghỉ bù for its weekends', () => {
    const days = arrangeYear({ year: 2027, lunarNewYear: '2027-02-06', hungKings: '2027-04-16', tet: { from: '2027-02-04', to: '2027-02-14' } });
    expect(days.filter((d) => d.date.startsWith('2027-02')).map((d) => d.date)).toEqual(
      ['04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14'].map((d) => `2027-02-${d}`),
    );
  });
});
