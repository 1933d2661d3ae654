import { formatCount, formatDate, formatDateTime, formatPercent, formatPeriod, formatVnd, placeAndDate } from './format';

describe('formatVnd / formatCount', () => {
  it.each([
    [0, '0 đ'],
    [5, '5 đ'],
    [999, '999 đ'],
    [1_000, '1.000 đ'],
    [86_791_000, '86.791.000 đ'],
    [102_350_000, '102.350.000 đ'],
    [150_000_000, '150.000.000 đ'],
    [1_234_567_890_123, '1.234.567.890.123 đ'],
    [-50_000, '-50.000 đ'],
  ])('%d → %s', (amount, text) => {
    expect(formatVnd(amount)).toBe(text);
  });

  it('groups counts the same way and refuses fractions', () => {
    expect(formatCount(1862)).toBe('1.862');
    expect(formatCount(812)).toBe('812');
    expect(() => formatCount(1.5)).toThrow(RangeError);
    expect(() => formatVnd(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatPercent', () => {
  it.each([
    [100, '100%'],
    [85.25, '85,3%'],
    [7, '7%'],
    [0, '0%'],
    [1234.5, '1.234,5%'],
    [-12.04, '-12%'],
    [-0.01, '0%'],
  ])('%d → %s', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });

  it('takes the number of decimals', () => {
    expect(formatPercent(33.3333, 2)).toBe('33,33%');
    expect(formatPercent(33.3333, 0)).toBe('33%');
  });
});

describe('dates', () => {
  it('reorders a calendar date without moving it through a time zone', () => {
    expect(formatDate('2025-10-17')).toBe('17/10/2025');
    expect(formatDate('2020-07-01')).toBe('01/07/2020');
  });

  it('reads instants in Vietnam time', () => {
    // 20:00 UTC is 03:00 the next day in Hà Nội.
    expect(formatDate('2025-10-16T20:00:00Z')).toBe('17/10/2025');
    expect(formatDate(new Date('2025-10-16T16:59:00Z'))).toBe('16/10/2025');
    expect(formatDateTime('2025-10-16T20:05:00Z')).toBe('17/10/2025 03:05');
    expect(formatDateTime('2025-10-16')).toBe('16/10/2025');
  });

  it('writes the place-and-date line and periods', () => {
    expect(placeAndDate('Ngọc Thụy', '2025-10-17')).toBe('Ngọc Thụy, ngày 17 tháng 10 năm 2025');
    expect(placeAndDate(undefined, '2025-01-02')).toBe('Ngày 02 tháng 01 năm 2025');
    expect(placeAndDate('Long Biên', '2025-03-05')).toBe('Long Biên, ngày 05 tháng 3 năm 2025');
    expect(formatPeriod('2025-01-01', '2025-06-30')).toBe('từ 01/01/2025 đến 30/06/2025');
    expect(formatPeriod('2025-01-01', '2025-01-01')).toBe('01/01/2025');
  });

  it('refuses what is not a date', () => {
    expect(() => formatDate('hôm qua')).toThrow(RangeError);
  });
});
