/**
 * How amounts, dates and deadlines read in the app. Everything is shown in Vietnam time
 * (Asia/Ho_Chi_Minh) whatever the device's zone, because deadlines are days in Hà Nội: a case due
 * "10/03/2025" is due at the end of that day there.
 */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

type Lang = 'vi' | 'en';
const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** 60000000 → "60.000.000 ₫" (vi) or "₫60,000,000" (en). Whole đồng: VND has no minor unit. */
export function formatVnd(amount: number, lang: Lang = 'vi'): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }).format(amount);
}

/** Digits grouped as people write them while typing an amount: 1234567 → "1.234.567" (vi), "1,234,567" (en). */
export function groupDigits(amount: number, lang: Lang = 'vi'): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 0 }).format(amount);
}

/**
 * What the user typed into an amount field, as whole đồng: every non-digit is ignored, so "60.000.000",
 * "60,000,000" and "60 000 000 ₫" all read 60000000. Empty → undefined; beyond what JSON numbers hold
 * exactly → undefined too (the field then says the amount is invalid rather than silently rounding).
 */
export function parseVnd(text: string): number | undefined {
  const digits = text.replace(/\D/g, '');
  if (!digits) return undefined;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** An ISO instant → "dd/MM/yyyy" in Vietnam time (en: the same order, as the British write it). */
export function formatDate(iso: string, lang: Lang = 'vi'): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(iso),
  );
}

/** An ISO instant → "dd/MM/yyyy HH:mm" in Vietnam time. */
export function formatDateTime(iso: string, lang: Lang = 'vi'): string {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${formatDate(iso, lang)} ${time}`;
}

/** A calendar date "2025-04-14" (no time, no zone) → "14/04/2025". */
export function formatPlainDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** Today's calendar date in Vietnam, "YYYY-MM-DD" (what the API expects for milestones and disbursements). */
export function todayInVietnam(now: Date = new Date()): string {
  return calendarDate(now);
}

function calendarDate(d: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

const DAY_MS = 86_400_000;

export type DueTone = 'overdue' | 'soon' | 'ok';
export interface DueInfo {
  /** Whole Vietnam calendar days from today to the due day: 0 = due today, negative = overdue. */
  days: number;
  tone: DueTone;
}

/**
 * How far a deadline is, counted in Vietnam calendar days as the approval rules count them. The API's
 * `overdue` flag wins over the clock: it is set by the workflow when the deadline fired.
 */
export function dueInfo(dueAt: string, overdue: boolean, now: Date = new Date()): DueInfo {
  const days = Math.round((Date.parse(calendarDate(new Date(dueAt))) - Date.parse(calendarDate(now))) / DAY_MS);
  if (overdue || Date.parse(dueAt) < now.getTime()) return { days: Math.min(days, -1), tone: 'overdue' };
  return { days, tone: days <= 2 ? 'soon' : 'ok' };
}

/**
 * The same for a step whose deadline counts working days, from the API's `workingDaysLeft` (the API
 * knows the holidays and make-up days the case was submitted with): "Còn 3 ngày làm việc", "Quá hạn".
 */
export function workingDueInfo(workingDaysLeft: number, dueAt: string, overdue: boolean, now: Date = new Date()): DueInfo {
  if (overdue || Date.parse(dueAt) < now.getTime()) return { days: Math.min(workingDaysLeft, -1), tone: 'overdue' };
  return { days: workingDaysLeft, tone: workingDaysLeft <= 2 ? 'soon' : 'ok' };
}
