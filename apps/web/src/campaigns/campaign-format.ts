import type { Schemas } from '../api/client';
import { formatPlainDate } from '../lib/format';

type Lang = 'vi' | 'en';
type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * The API's percent (one decimal, may pass 100) as people read it: "42,5%" in Vietnamese, "42.5%" in
 * English, "0%" for nothing yet; null (no quota) reads as "Chưa giao chỉ tiêu".
 */
export function percentText(percent: number | null, t: T, lang: Lang): string {
  if (percent === null) return t('campaigns.noQuota');
  const value = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 }).format(percent);
  return t('campaigns.percent', { value });
}

/** The bar's fill: the percent capped to 0–100 (a unit past its quota shows a full bar and "120%" in words). */
export const barPercent = (percent: number | null): number => (percent === null ? 0 : Math.max(0, Math.min(100, percent)));

/**
 * How long a campaign has: "Còn 12 ngày", "Hôm nay là ngày cuối", or, before it opens, when it starts.
 * Null once it is closed or cancelled (its status says so).
 */
export function daysText(c: Pick<Schemas['CampaignSummaryDto'], 'status' | 'daysLeft' | 'startDate'>, t: T): string | null {
  if (c.status === 'closed' || c.status === 'cancelled') return null;
  if (c.status === 'draft') return t('campaigns.days.notStarted', { date: formatPlainDate(c.startDate) });
  if (c.daysLeft > 0) return t('campaigns.days.left', { count: c.daysLeft });
  return t('campaigns.days.lastDay');
}

export type Pace = 'behind' | 'onPace' | 'none';
/** A unit's pace in words, never only a colour: onPace null means it has no quota to be measured against. */
export const paceOf = (node: Pick<Schemas['ProgressNodeDto'], 'onPace'>): Pace =>
  node.onPace === null ? 'none' : node.onPace ? 'onPace' : 'behind';

/** The units where the signed-in user is an officer or the chair: where they may act. */
export function officerUnitIds(me: Schemas['MeDto'] | undefined): Set<string> {
  return new Set((me?.memberships ?? []).filter((m) => m.role === 'officer' || m.role === 'chair').map((m) => m.unit.id));
}

/** Every node of the tree, parents before children, each with its parent's unit id. */
export function flattenTree(root: Schemas['ProgressNodeDto']): { node: Schemas['ProgressNodeDto']; parentId: string | null; depth: number }[] {
  const out: { node: Schemas['ProgressNodeDto']; parentId: string | null; depth: number }[] = [];
  const walk = (node: Schemas['ProgressNodeDto'], parentId: string | null, depth: number) => {
    out.push({ node, parentId, depth });
    node.children.forEach((child) => walk(child, node.unit.id, depth + 1));
  };
  walk(root, null, 0);
  return out;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The running total by day, from the start date to `until` (today, or the end date if earlier): one
 * point per calendar day, each the net of every entry dated on or before it (reversals subtract).
 */
export function cumulativeByDay(entries: Pick<Schemas['ContributionDto'], 'amount' | 'date'>[], startDate: string, until: string): { date: string; total: number }[] {
  const first = dayNumber(startDate);
  const last = Math.max(first, dayNumber(until));
  const perDay = new Map<number, number>();
  for (const e of entries) {
    const day = Math.min(Math.max(dayNumber(e.date), first), last);
    perDay.set(day, (perDay.get(day) ?? 0) + e.amount);
  }
  const points: { date: string; total: number }[] = [];
  let total = 0;
  for (let day = first; day <= last; day++) {
    total += perDay.get(day) ?? 0;
    points.push({ date: dateOf(day), total });
  }
  return points;
}

/**
 * What a unit holds and may still hand to its parent, from its progress node, as the API counts it
 * (`unitHoldings`): its own net entries (its subtree's less its children's), plus what its children
 * remitted and it confirmed, less what it has remitted itself (pending or confirmed).
 */
export function holdingsOf(node: Schemas['ProgressNodeDto']): number {
  const own = node.children.reduce((sum, c) => sum - c.collected, node.collected);
  const received = node.children.reduce((sum, c) => sum + c.confirmed, 0);
  return own + received - node.remitted;
}
