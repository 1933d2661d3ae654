import { describe, expect, it } from 'vitest';
import { dueInfo, formatDate, formatDateTime, formatPlainDate, formatVnd, groupDigits, parseVnd, todayInVietnam, workingDueInfo } from './format';

// Intl puts a no-break space before ₫ (so it never wraps onto its own line).
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('amounts', () => {
  it('writes đồng as Vietnamese do: dots between thousands, ₫ after', () => {
    expect(nbsp(formatVnd(60_000_000))).toBe('60.000.000 ₫');
    expect(nbsp(formatVnd(1_500))).toBe('1.500 ₫');
    expect(formatVnd(60_000_000, 'en')).toBe('₫60,000,000');
  });

  it('groups digits while typing, and reads back what was typed whatever the separators', () => {
    expect(groupDigits(120000000)).toBe('120.000.000');
    expect(parseVnd('120.000.000')).toBe(120_000_000);
    expect(parseVnd('120,000,000 ₫')).toBe(120_000_000);
    expect(parseVnd('1.5')).toBe(15);
    expect(parseVnd('')).toBeUndefined();
    expect(parseVnd('abc')).toBeUndefined();
    expect(parseVnd('99999999999999999999')).toBeUndefined();
  });
});

describe('dates, in Vietnam time whatever the device', () => {
  it('writes dd/MM/yyyy', () => {
    // 17:30 UTC on 9 March is 00:30 on 10 March in Hà Nội.
    expect(formatDate('2025-03-09T17:30:00Z')).toBe('10/03/2025');
    expect(formatDateTime('2025-03-09T17:30:00Z')).toBe('10/03/2025 00:30');
    expect(formatPlainDate('2025-04-14')).toBe('14/04/2025');
    expect(todayInVietnam(new Date('2025-03-09T17:30:00Z'))).toBe('2025-03-10');
  });
});

describe('deadlines', () => {
  // Due at the end of 17/03 in Hà Nội.
  const dueAt = '2025-03-17T16:59:59.999Z';

  it('counts whole Vietnam calendar days left', () => {
    expect(dueInfo(dueAt, false, new Date('2025-03-10T02:00:00Z'))).toEqual({ days: 7, tone: 'ok' });
    expect(dueInfo(dueAt, false, new Date('2025-03-15T02:00:00Z'))).toEqual({ days: 2, tone: 'soon' });
    expect(dueInfo(dueAt, false, new Date('2025-03-17T15:00:00Z'))).toEqual({ days: 0, tone: 'soon' });
  });

  it('counts days overdue after the due day, and trusts the API when it says overdue', () => {
    expect(dueInfo(dueAt, true, new Date('2025-03-19T02:00:00Z'))).toEqual({ days: -2, tone: 'overdue' });
    expect(dueInfo(dueAt, false, new Date('2025-03-18T01:00:00Z'))).toEqual({ days: -1, tone: 'overdue' });
    expect(dueInfo(dueAt, true, new Date('2025-03-17T10:00:00Z'))).toEqual({ days: -1, tone: 'overdue' });
  });
});

describe('deadlines in working days', () => {
  // Due at the end of Wednesday 17/02/2027 in Hà Nội, 5 working days after 3/2 across Tết.
  const dueAt = '2027-02-17T16:59:59.999Z';

  it('takes the count of working days from the API, with the same tones', () => {
    expect(workingDueInfo(5, dueAt, false, new Date('2027-02-03T03:00:00Z'))).toEqual({ days: 5, tone: 'ok' });
    expect(workingDueInfo(2, dueAt, false, new Date('2027-02-15T03:00:00Z'))).toEqual({ days: 2, tone: 'soon' });
    expect(workingDueInfo(0, dueAt, false, new Date('2027-02-17T10:00:00Z'))).toEqual({ days: 0, tone: 'soon' });
  });

  it('is overdue once the due time has passed or the API says so', () => {
    expect(workingDueInfo(0, dueAt, false, new Date('2027-02-17T17:00:00Z')).tone).toBe('overdue');
    expect(workingDueInfo(-1, dueAt, true, new Date('2027-02-18T03:00:00Z'))).toEqual({ days: -1, tone: 'overdue' });
  });
});
