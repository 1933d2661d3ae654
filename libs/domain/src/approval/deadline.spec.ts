import { DAY_MS, dateInHcm, dueTime, endOfDateHcm, endOfDayHcm, HCM_OFFSET_MS, isIsoDate } from './deadline';

const at = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

describe('endOfDayHcm', () => {
  it('rounds up to 23:59:59.999 in Ho Chi Minh City, which is 16:59:59.999Z', () => {
    expect(iso(endOfDayHcm(at('2026-11-24T10:00:00Z')))).toBe('2026-11-24T16:59:59.999Z');
    expect(iso(endOfDayHcm(at('2026-11-24T00:00:00Z')))).toBe('2026-11-24T16:59:59.999Z');
  });

  it('changes day at 17:00Z, midnight in Ho Chi Minh City', () => {
    expect(iso(endOfDayHcm(at('2026-11-24T16:59:59.999Z')))).toBe('2026-11-24T16:59:59.999Z');
    expect(iso(endOfDayHcm(at('2026-11-24T17:00:00.000Z')))).toBe('2026-11-25T16:59:59.999Z');
    // 23:30Z on 23 November is 06:30 on 24 November in Ho Chi Minh City.
    expect(iso(endOfDayHcm(at('2026-11-23T23:30:00Z')))).toBe('2026-11-24T16:59:59.999Z');
  });

  it('crosses the end of a year and a leap day', () => {
    expect(iso(endOfDayHcm(at('2026-12-31T17:00:00Z')))).toBe('2027-01-01T16:59:59.999Z');
    expect(iso(endOfDayHcm(at('2028-02-28T20:00:00Z')))).toBe('2028-02-29T16:59:59.999Z');
  });

  it('is idempotent', () => {
    const end = endOfDayHcm(at('2026-11-24T10:00:00Z'));
    expect(endOfDayHcm(end)).toBe(end);
  });

  it('agrees with endOfDateHcm', () => {
    expect(endOfDateHcm('2026-11-24')).toBe(at('2026-11-24T16:59:59.999Z'));
    expect(endOfDayHcm(at('2026-11-24T10:00:00Z'))).toBe(endOfDateHcm('2026-11-24'));
  });
});

describe('dateInHcm', () => {
  it('names the Ho Chi Minh City calendar day', () => {
    expect(dateInHcm(at('2026-11-24T10:00:00Z'))).toBe('2026-11-24');
    expect(dateInHcm(at('2026-11-24T16:59:59.999Z'))).toBe('2026-11-24');
    expect(dateInHcm(at('2026-11-24T17:00:00Z'))).toBe('2026-11-25');
    expect(dateInHcm(at('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('uses the fixed UTC+7 offset', () => {
    expect(HCM_OFFSET_MS).toBe(7 * 60 * 60 * 1000);
  });
});

describe('isIsoDate', () => {
  it.each(['2026-11-24', '2026-02-28', '2028-02-29', '2026-12-31'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2027-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-11-00',
    '2026-1-05',
    '24/11/2026',
    '2026-11-24T00:00:00Z',
    ' 2026-11-24',
    '',
  ])('refuses %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it.each([null, undefined, 20261124, new Date('2026-11-24')])('refuses the non-string %p', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('dueTime', () => {
  const entered = at('2026-11-24T10:00:00Z');

  it('rounds to the end of the Ho Chi Minh day when asked', () => {
    expect(iso(dueTime(entered, { afterMs: 7 * DAY_MS, endOfDay: true }))).toBe('2026-12-01T16:59:59.999Z');
  });

  it('is exact otherwise', () => {
    expect(dueTime(entered, { afterMs: 7000, endOfDay: false })).toBe(entered + 7000);
  });
});
