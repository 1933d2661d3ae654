import type { FrozenSettings, SettingValue } from '../approval/case-model';

/**
 * Settings with effective dates: amounts and thresholds that change by decision of the government or
 * the association (a national support amount per case, raised from a given day). A definition
 * declares each setting's history; a case freezes the values in force on its date (its submission
 * day in Asia/Ho_Chi_Minh), so a later change reaches new cases only.
 */

/**
 * One value and the day it takes effect (YYYY-MM-DD, Vietnam). Only the first entry of a history may
 * leave `from` out: in force before every later entry, since a date nobody recorded.
 */
export interface SettingEntry {
  from?: string;
  value: SettingValue;
}

export type SettingsDefinition = Record<string, SettingEntry[]>;

/** The entry in force on `date` (YYYY-MM-DD): the last one starting on or before it; null if none yet. */
export function entryInForce(history: readonly SettingEntry[], date: string): SettingEntry | null {
  let found: SettingEntry | null = null;
  for (const entry of history) {
    if (entry.from === undefined || entry.from <= date) found = entry;
  }
  return found;
}

/** Every setting in force on `date`, as a case freezes them (deep copies: the case never shares the definition's objects). */
export function settingsInForce(settings: SettingsDefinition | undefined, date: string): FrozenSettings {
  const frozen: FrozenSettings = {};
  for (const [key, history] of Object.entries(settings ?? {})) {
    const entry = entryInForce(history, date);
    if (entry) frozen[key] = { value: structuredClone(entry.value), since: entry.from ?? null };
  }
  return frozen;
}

/** `YYYY-MM-DD` as people in Vietnam write a date: 10/11/2024. */
export function vietnameseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The amount a setting allows for a payload: the setting's value, or with `by` its value for the
 * payload's field (a cap `by: 'kind'` → the cap for the payload's kind). Null when nothing applies.
 */
export function settingAmount(
  settings: FrozenSettings | undefined,
  ref: { key: string; by?: string },
  payload: Record<string, unknown>,
): { amount: number; since: string | null } | null {
  const setting = settings?.[ref.key];
  if (!setting) return null;
  let value: unknown = setting.value;
  if (ref.by !== undefined) {
    const selector = valueAtPath(payload, ref.by);
    const byValue = typeof selector === 'string' || typeof selector === 'number' ? String(selector) : null;
    value = value !== null && typeof value === 'object' && byValue !== null && Object.hasOwn(value, byValue) ? (value as Record<string, unknown>)[byValue] : undefined;
  }
  return typeof value === 'number' ? { amount: value, since: setting.since } : null;
}

/** The value at a dot path of a payload (`person.memberId`). */
export function valueAtPath(payload: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), payload);
}
