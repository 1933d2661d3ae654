import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { barPercent, cumulativeByDay, daysText, holdingsOf, paceOf, percentText } from './campaign-format';

const t = i18n.getFixedT('vi');
const tEn = i18n.getFixedT('en');

describe('campaign figures', () => {
  it('writes percents as Vietnamese do (decimal comma), English with a point, and "no quota" for null', () => {
    expect(percentText(42.5, t, 'vi')).toBe('42,5%');
    expect(percentText(42.5, tEn, 'en')).toBe('42.5%');
    expect(percentText(0, t, 'vi')).toBe('0%');
    expect(percentText(120, t, 'vi')).toBe('120%');
    expect(percentText(null, t, 'vi')).toBe('Chưa giao chỉ tiêu');
  });

  it('fills the bar up to 100 whatever the percent', () => {
    expect(barPercent(120)).toBe(100);
    expect(barPercent(35.5)).toBe(35.5);
    expect(barPercent(-3)).toBe(0);
    expect(barPercent(null)).toBe(0);
  });

  it('says how many days are left, the last day, when a draft starts, and nothing once over', () => {
    expect(daysText({ status: 'open', daysLeft: 12, startDate: '2026-12-01' }, t)).toBe('Còn 12 ngày');
    expect(daysText({ status: 'open', daysLeft: 0, startDate: '2026-12-01' }, t)).toBe('Hôm nay là ngày cuối');
    expect(daysText({ status: 'draft', daysLeft: 20, startDate: '2026-12-05' }, t)).toBe('Bắt đầu 05/12/2026');
    expect(daysText({ status: 'closed', daysLeft: 0, startDate: '2026-12-01' }, t)).toBeNull();
    expect(daysText({ status: 'cancelled', daysLeft: 9, startDate: '2026-12-01' }, t)).toBeNull();
  });

  it('reads the pace: behind, on pace, or not measured without a quota', () => {
    expect(paceOf({ onPace: false })).toBe('behind');
    expect(paceOf({ onPace: true })).toBe('onPace');
    expect(paceOf({ onPace: null })).toBe('none');
  });

  it('adds entries up by day from the start, reversals subtracting, one point per day', () => {
    const points = cumulativeByDay(
      [
        { date: '2026-12-03', amount: 500_000 },
        { date: '2026-12-01', amount: 200_000 },
        { date: '2026-12-03', amount: -500_000 },
        { date: '2026-12-03', amount: 50_000 },
      ],
      '2026-12-01',
      '2026-12-04',
    );
    expect(points).toEqual([
      { date: '2026-12-01', total: 200_000 },
      { date: '2026-12-02', total: 200_000 },
      { date: '2026-12-03', total: 250_000 },
      { date: '2026-12-04', total: 250_000 },
    ]);
  });

  it("counts what a unit holds as the API does: own entries + children's confirmed remittances − its own remittances", () => {
    const u = (id: string) => ({ id, name: id, levelCode: 'branch' });
    const leaf = { unit: u('ch1'), quota: null, collected: 3_000_000, remitted: 2_000_000, confirmed: 1_500_000, percent: null, onPace: null, children: [] };
    expect(holdingsOf(leaf)).toBe(1_000_000);
    const other = { ...leaf, unit: u('ch2'), collected: 500_000, remitted: 500_000, confirmed: 0 };
    // The ward collected 200.000 itself; Chi hội 1 remitted 2.000.000 of which 1.500.000 confirmed; the ward remitted 300.000.
    const ward = { ...leaf, unit: u('ward'), collected: 3_700_000, remitted: 300_000, confirmed: 0, children: [leaf, other] };
    expect(holdingsOf(ward)).toBe(200_000 + 1_500_000 - 300_000);
  });
});
