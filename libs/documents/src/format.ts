/**
 * Figures and dates the way Vietnamese papers write them, independent of the server's locale and ICU
 * data: dots between thousands, a comma before decimals, day first, Vietnam time.
 *
 * The web app has its own `formatVnd` (apps/web/src/lib/format.ts): it formats for the screen through
 * Intl ("60.000.000 ₫", or English grouping on request). Printed documents need one fixed spelling that a
 * test can search for in a PDF's text, "102.350.000 đ", so this one does not go through Intl.
 */

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** 1234567 → "1.234.567"; -5000 → "-5.000". Whole numbers only: counts and đồng have no fractions. */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`formatCount: ${n} is not a whole number`);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0 ? `-${digits}` : digits;
}

/** 102350000 → "102.350.000 đ" (a reversal: "-50.000 đ"). Amounts are integer VND. */
export function formatVnd(amount: number): string {
  return `${formatCount(amount)} đ`;
}

/**
 * A percentage given as a number of percent: 85.25 → "85,3%", 100 → "100%", 7 → "7%". One decimal at
 * most, trailing ",0" dropped, as reports write "đạt 100% chỉ tiêu".
 */
export function formatPercent(percent: number, decimals = 1): string {
  if (!Number.isFinite(percent)) throw new RangeError(`formatPercent: ${percent} is not a number`);
  const abs = Math.abs(Number(percent.toFixed(decimals)));
  const sign = percent < 0 && abs > 0 ? '-' : '';
  const [whole, fraction = ''] = abs.toFixed(decimals).split('.');
  const tail = fraction.replace(/0+$/, '');
  return `${sign}${formatCount(Number(whole))}${tail ? `,${tail}` : ''}%`;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "dd/MM/yyyy". A calendar date ("2025-10-17": a contribution's date, a campaign's end date) is the same
 * day everywhere and is only reordered; an instant (a Date, or an ISO timestamp) is read in Vietnam time,
 * so 2025-10-16T20:00:00Z is 17/10/2025.
 */
export function formatDate(value: string | Date): string {
  const { day, month, year } = vietnamDateParts(value);
  return `${day}/${month}/${year}`;
}

/** "dd/MM/yyyy HH:mm" in Vietnam time, for "số liệu tính đến …". A calendar date reads as its day alone. */
export function formatDateTime(value: string | Date): string {
  if (typeof value === 'string' && CALENDAR_DATE.test(value)) return formatDate(value);
  const instant = toInstant(value);
  const parts = partsOf(instant, TIME_PARTS);
  return `${formatDate(instant)} ${parts.hour}:${parts.minute}`;
}

/**
 * "Ngọc Thụy, ngày 17 tháng 10 năm 2025": the place-and-date line under the national motto. As Nghị định
 * 30/2020 writes it, a day below 10 and a month below 3 take a leading zero ("ngày 05 tháng 02", "tháng 3").
 */
export function placeAndDate(place: string | undefined, value: string | Date): string {
  const { day, month, year } = vietnamDateParts(value);
  const monthText = Number(month) < 3 ? month : String(Number(month));
  const date = `ngày ${day} tháng ${monthText} năm ${year}`;
  return place ? `${place}, ${date}` : capitalizeFirst(date);
}

/** A period "từ 01/01/2025 đến 30/06/2025"; one day reads as that day. */
export function formatPeriod(from: string | Date, to: string | Date): string {
  const a = formatDate(from);
  const b = formatDate(to);
  return a === b ? a : `từ ${a} đến ${b}`;
}

function vietnamDateParts(value: string | Date): { day: string; month: string; year: string } {
  if (typeof value === 'string') {
    const m = CALENDAR_DATE.exec(value);
    if (m) return { year: m[1], month: m[2], day: m[3] };
  }
  const parts = partsOf(toInstant(value), DATE_PARTS);
  return { day: parts.day, month: parts.month, year: parts.year };
}

function toInstant(value: string | Date): Date {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return d;
}

const DATE_PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: VIETNAM_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const TIME_PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: VIETNAM_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function partsOf(d: Date, format: Intl.DateTimeFormat): Record<string, string> {
  return Object.fromEntries(format.formatToParts(d).map((p) => [p.type, p.value]));
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
