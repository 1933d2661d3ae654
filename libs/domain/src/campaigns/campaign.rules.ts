/**
 * Fund campaigns (vận động quỹ): the pure rules, shared by the API (which checks them before writing),
 * the campaign workflow (its Update validators and timers) and the worker's activities. Dates are
 * `YYYY-MM-DD` days in Ho Chi Minh City; `now` is always passed in (inside a workflow it is the
 * workflow's clock). No Node, no database: importable from workflow code.
 */
import type { Actor, RuleViolation } from '../approval/case-model';
import { DAY_MS, dateInHcm, endOfDateHcm } from '../approval/deadline';
import { isVnd } from '../money/vnd';
import { vietnameseDate } from '../processes/settings';
import type { UnitNode } from '../unit-tree';

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed', 'cancelled'] as const;
/** draft: created, not yet launched; open: collecting; closed: past its end date; cancelled: withdrawn. */
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const FINAL_CAMPAIGN_STATUSES: readonly CampaignStatus[] = ['closed', 'cancelled'];

export const DONOR_KINDS = ['member', 'resident', 'organization', 'anonymous'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

export const CONTRIBUTION_METHODS = ['cash', 'transfer', 'in-kind'] as const;
export type ContributionMethod = (typeof CONTRIBUTION_METHODS)[number];

/** What happened to a campaign, in its timeline (the `campaign_events` table). */
export const CAMPAIGN_EVENT_ACTIONS = [
  'created',
  'launched',
  'quota_set',
  'reminded',
  'closed',
  'cancelled',
  'reversal',
  'remittance',
  'remittance_confirmed',
  'remittance_disputed',
  'remittance_withdrawn',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'extension_withdrawn',
] as const;
export type CampaignEventAction = (typeof CAMPAIGN_EVENT_ACTIONS)[number];

/** What a caller may do on a campaign; the API lists these as `allowedActions`. */
export type CampaignAction = 'launch' | 'cancel' | 'setQuota' | 'contribute' | 'viewContributions' | 'remit' | 'requestExtension';

/**
 * A remittance (a unit handing money to its parent) waits for the parent's confirmation (a one-step
 * case): confirmed, disputed (rejected with a reason), or withdrawn by the unit before anyone decided.
 */
export const REMITTANCE_STATUSES = ['pending', 'confirmed', 'disputed', 'withdrawn'] as const;
export type RemittanceStatus = (typeof REMITTANCE_STATUSES)[number];

/** An extension request, decided by the parent (a one-step case). */
export const EXTENSION_STATUSES = ['pending', 'approved', 'refused', 'withdrawn'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/** Days before the end at which units below pace are reminded (T−7 and T−1). */
export const CAMPAIGN_REMINDER_DAYS: readonly number[] = [7, 1];

export interface CampaignDates {
  startDate: string;
  endDate: string;
}

export interface CampaignFacts extends CampaignDates {
  unitId: string;
  status: CampaignStatus;
}

const violation = (kind: RuleViolation['kind'], code: string, params?: Record<string, string | number>): RuleViolation =>
  params ? { kind, code, params } : { kind, code };

/** A cancelled campaign takes nothing more, and says so rather than "closed". */
const cancelled: RuleViolation = { kind: 'conflict', code: 'campaign.cancelled' };

/** Days from `a` to `b` (both `YYYY-MM-DD`): positive when `b` is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** When a campaign stops taking entries: the last millisecond of its end date in Vietnam (23:59:59.999 +07). */
export function campaignEndsAt(endDate: string): number {
  return endOfDateHcm(endDate);
}

/** The first millisecond of its start date in Vietnam. */
export function campaignStartsAt(startDate: string): number {
  return Date.parse(`${startDate}T00:00:00.000+07:00`);
}

/** Past the end of the end date: entries are refused whatever the status says (the close may be on its way). */
export function isPastEnd(dates: Pick<CampaignDates, 'endDate'>, now: number): boolean {
  return now > campaignEndsAt(dates.endDate);
}

/**
 * A new campaign: `endDate` ≥ `startDate` ≥ today in Vietnam, `target` ≥ 1 whole đồng, and a
 * suggested gift (when given) ≥ 1 đồng. The DTO checks shapes; this checks meaning.
 */
export function checkNewCampaign(
  input: CampaignDates & { target: number; suggestion?: number | null },
  now: number,
): RuleViolation | null {
  const today = dateInHcm(now);
  if (!isVnd(input.target) || input.target < 1) return violation('unprocessable', 'campaign.target_invalid');
  if (input.suggestion != null && (!isVnd(input.suggestion) || input.suggestion < 1)) {
    return violation('unprocessable', 'campaign.suggestion_invalid');
  }
  if (input.startDate < today) return violation('unprocessable', 'campaign.start_in_past', { today: vietnameseDate(today) });
  if (input.endDate < input.startDate) return violation('unprocessable', 'campaign.end_before_start');
  return null;
}

/**
 * A contribution's date: within the campaign's dates and not after today in Vietnam. A unit holding an
 * approved extension (`extendedUntil`) may date entries up to that day.
 */
export function checkContributionDate(date: string, dates: CampaignDates, now: number, extendedUntil: string | null = null): RuleViolation | null {
  const today = dateInHcm(now);
  const last = extendedUntil && extendedUntil > dates.endDate ? extendedUntil : dates.endDate;
  if (date > today) return violation('unprocessable', 'campaign.contribution_date_future', { today: vietnameseDate(today) });
  if (date < dates.startDate || date > last) {
    return violation('unprocessable', 'campaign.contribution_date_outside', {
      startDate: vietnameseDate(dates.startDate),
      endDate: vietnameseDate(last),
    });
  }
  return null;
}

/**
 * Whether the campaign takes entries (contributions, reversals) now. The status alone is not enough:
 * between the end of the end date and the workflow's close, the status still says open.
 */
export function checkTakesEntries(campaign: CampaignFacts, now: number, extendedUntil: string | null = null): RuleViolation | null {
  if (campaign.status === 'draft') return violation('conflict', 'campaign.not_open');
  if (campaign.status === 'cancelled') return cancelled;
  // An approved extension holds for its unit until the end of its day, whether or not the close has run.
  if (extendedUntil && now <= campaignEndsAt(extendedUntil)) return null;
  if (campaign.status !== 'open' || isPastEnd(campaign, now)) {
    return violation('conflict', 'campaign.closed', { endDate: vietnameseDate(campaign.endDate) });
  }
  return null;
}

/**
 * Handing money up (a remittance) or asking for more time: once launched, also after the close (the
 * money collected still has to reach the parent), never in a cancelled campaign. The launching unit
 * has no parent in the campaign: it neither remits nor asks (it sets the campaign's dates itself).
 */
export function checkUnitRequest(campaign: CampaignFacts, unitId: string): RuleViolation | null {
  if (campaign.status === 'draft') return violation('conflict', 'campaign.not_open');
  if (campaign.status === 'cancelled') return cancelled;
  if (unitId === campaign.unitId) return violation('unprocessable', 'campaign.request_root');
  return null;
}

/**
 * What a unit holds in a campaign and may hand to its parent: its own net entries, plus what its
 * children remitted and it confirmed, less what it has remitted itself (pending or confirmed; a
 * disputed or withdrawn remittance gives its amount back).
 */
export function unitHoldings(totals: { collected: number; received: number; remitted: number }): number {
  return totals.collected + totals.received - totals.remitted;
}

/** A remittance's amount: whole đồng, at least 1, at most what the unit holds. */
export function checkRemittanceAmount(amount: number, holds: number): RuleViolation | null {
  if (!isVnd(amount) || amount < 1) return violation('unprocessable', 'campaign.remittance_amount_invalid');
  if (amount > holds) return violation('unprocessable', 'campaign.remittance_exceeds_holdings', { amount, holds: Math.max(0, holds) });
  return null;
}

/** A remittance's date: on or after the campaign's start, not after today in Vietnam. */
export function checkRemittanceDate(date: string, dates: CampaignDates, now: number): RuleViolation | null {
  const today = dateInHcm(now);
  if (date > today) return violation('unprocessable', 'campaign.remittance_date_future', { today: vietnameseDate(today) });
  if (date < dates.startDate) return violation('unprocessable', 'campaign.remittance_date_before_start', { startDate: vietnameseDate(dates.startDate) });
  return null;
}

/** An extension's date: after the campaign's end date and not before today (more time, not time gone by). */
export function checkExtensionDate(until: string, dates: CampaignDates, now: number): RuleViolation | null {
  if (until <= dates.endDate) return violation('unprocessable', 'campaign.extension_not_later', { endDate: vietnameseDate(dates.endDate) });
  const today = dateInHcm(now);
  if (until < today) return violation('unprocessable', 'campaign.extension_in_past', { today: vietnameseDate(today) });
  return null;
}

/** Launching: only a draft, only before its end. (Who launches is checked with `actsAt`.) */
export function checkCampaignLaunch(campaign: Pick<CampaignFacts, 'status' | 'endDate'>, now: number): RuleViolation | null {
  if (campaign.status === 'open') return violation('conflict', 'campaign.already_open');
  if (campaign.status === 'cancelled') return cancelled;
  if (campaign.status !== 'draft' || isPastEnd(campaign, now)) return violation('conflict', 'campaign.closed', { endDate: vietnameseDate(campaign.endDate) });
  return null;
}

/** Cancelling: a draft or an open campaign. */
export function checkCampaignCancel(campaign: Pick<CampaignFacts, 'status' | 'endDate'>): RuleViolation | null {
  if (campaign.status === 'cancelled') return cancelled;
  if (FINAL_CAMPAIGN_STATUSES.includes(campaign.status)) return violation('conflict', 'campaign.closed', { endDate: vietnameseDate(campaign.endDate) });
  return null;
}

/** Quotas may be set and changed until the campaign closes (draft or open, before the end). */
export function checkQuotaWindow(campaign: Pick<CampaignFacts, 'status' | 'endDate'>, now: number): RuleViolation | null {
  if (campaign.status === 'cancelled') return cancelled;
  if (FINAL_CAMPAIGN_STATUSES.includes(campaign.status) || isPastEnd(campaign, now)) {
    return violation('conflict', 'campaign.closed', { endDate: vietnameseDate(campaign.endDate) });
  }
  return null;
}

/**
 * "Còn N ngày": whole days from today to the end date in Vietnam, 0 on the last day and after it.
 * At T−7 days (the end minus 7 × 24 h) this reads 7, as the reminder says.
 */
export function daysLeft(endDate: string, now: number): number {
  return Math.max(0, daysBetween(dateInHcm(now), endDate));
}

/**
 * The share of the campaign's time that has passed, 0…1: from the start of the start date to the end
 * of the end date, in Vietnam. What a unit's percentage is measured against.
 */
export function elapsedShare(dates: CampaignDates, now: number): number {
  const start = campaignStartsAt(dates.startDate);
  const end = campaignEndsAt(dates.endDate) + 1;
  if (now <= start) return 0;
  if (now >= end) return 1;
  return (now - start) / (end - start);
}

/** Is the actor an officer or a chair at this unit? (Admins oversee; they do not act.) */
export function actsAt(actor: Pick<Actor, 'unitIds'>, unitId: string): boolean {
  return actor.unitIds.includes(unitId);
}

/** The unit and every unit below it, in the tree given. */
export function subtreeIds(units: readonly UnitNode[], rootId: string): Set<string> {
  const children = childrenOf(units);
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

function childrenOf(units: readonly UnitNode[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  return children;
}

/**
 * Setting a quota for `unit`: it must lie strictly below the launching unit (the root's quota is the
 * target), and the actor must be an officer or chair of its parent: quotas bind units and are handed
 * down one level at a time.
 */
export function checkQuotaSetter(
  campaign: Pick<CampaignFacts, 'unitId'>,
  unit: UnitNode,
  inCampaign: ReadonlySet<string>,
  actor: Pick<Actor, 'unitIds'>,
): RuleViolation | null {
  if (unit.id === campaign.unitId) return violation('unprocessable', 'campaign.quota_root');
  if (!inCampaign.has(unit.id) || unit.parentId === null) return violation('unprocessable', 'campaign.unit_outside');
  if (!actsAt(actor, unit.parentId)) return violation('forbidden', 'campaign.not_parent_officer');
  return null;
}

/** What the caller may do on the campaign now, from the same rules the commands enforce. */
export function campaignAllowedActions(
  campaign: CampaignFacts,
  inCampaign: ReadonlySet<string>,
  units: readonly UnitNode[],
  actor: Pick<Actor, 'unitIds'>,
  now: number,
  extensions: ReadonlyMap<string, string> = new Map(),
): CampaignAction[] {
  const actions: CampaignAction[] = [];
  const atRoot = actsAt(actor, campaign.unitId);
  const acting = actor.unitIds.filter((id) => inCampaign.has(id));
  if (atRoot && !checkCampaignLaunch(campaign, now)) actions.push('launch');
  if (atRoot && !checkCampaignCancel(campaign)) actions.push('cancel');
  // A quota can be set by whoever acts at a unit of the campaign that has units below it in the campaign.
  const parents = new Set(units.filter((u) => u.parentId !== null && inCampaign.has(u.id) && u.id !== campaign.unitId).map((u) => u.parentId!));
  if (!checkQuotaWindow(campaign, now) && acting.some((id) => parents.has(id))) actions.push('setQuota');
  if (acting.some((id) => !checkTakesEntries(campaign, now, extensions.get(id) ?? null))) actions.push('contribute');
  if (acting.length > 0) actions.push('viewContributions');
  if (acting.some((id) => !checkUnitRequest(campaign, id))) actions.push('remit', 'requestExtension');
  return actions;
}

/** A unit of the progress tree as the tree is built from (its name and level for display). */
export interface ProgressUnit extends UnitNode {
  name: string;
  levelCode: string;
}

export interface ProgressNode {
  unit: { id: string; name: string; levelCode: string };
  /** VND; the root's is the target; null where the parent set none. */
  quota: number | null;
  /** Net VND collected by the unit and every unit below it (reversals subtracted). */
  collected: number;
  /** VND the unit itself has handed to its parent, pending or confirmed (not the subtree's: money moves within it). */
  remitted: number;
  /** Of `remitted`, what the parent has confirmed receiving. */
  confirmed: number;
  /** collected ÷ quota in percent, one decimal; null without a quota (or a quota of 0). */
  percent: number | null;
  /** collected ÷ quota at least the share of the campaign's time passed; null without a quota. */
  onPace: boolean | null;
  children: ProgressNode[];
}

/**
 * The campaign's progress as a tree rooted at the launching unit. `collectedOwn` holds each unit's own
 * net entries; a node's `collected` adds its subtree, so every level adds up exactly. Children are in
 * name order (a table to read, not a ranking).
 */
export function progressTree(input: {
  units: readonly ProgressUnit[];
  rootId: string;
  target: number;
  quotas: ReadonlyMap<string, number>;
  collectedOwn: ReadonlyMap<string, number>;
  /** Each unit's own remittances to its parent (pending + confirmed) and the confirmed part; none when absent. */
  remittedOwn?: ReadonlyMap<string, number>;
  confirmedOwn?: ReadonlyMap<string, number>;
  dates: CampaignDates;
  now: number;
}): ProgressNode {
  const byId = new Map(input.units.map((u) => [u.id, u]));
  const children = childrenOf(input.units);
  const share = elapsedShare(input.dates, input.now);
  const build = (id: string, seen: Set<string>): ProgressNode => {
    if (seen.has(id)) throw new Error(`unit tree has a cycle at ${id}`);
    seen.add(id);
    const unit = byId.get(id);
    if (!unit) throw new Error(`unit ${id} is not in the tree`);
    const kids = (children.get(id) ?? [])
      .map((c) => byId.get(c)!)
      .sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true }))
      .map((c) => build(c.id, seen));
    const collected = kids.reduce((sum, k) => sum + k.collected, input.collectedOwn.get(id) ?? 0);
    const quota = id === input.rootId ? input.target : input.quotas.get(id) ?? null;
    return {
      unit: { id: unit.id, name: unit.name, levelCode: unit.levelCode },
      quota,
      collected,
      remitted: input.remittedOwn?.get(id) ?? 0,
      confirmed: input.confirmedOwn?.get(id) ?? 0,
      ...pace(collected, quota, share),
      children: kids,
    };
  };
  return build(input.rootId, new Set());
}

/** Percent and pace of one unit; a tiny tolerance keeps "exactly on pace" from reading as behind. */
export function pace(collected: number, quota: number | null, share: number): { percent: number | null; onPace: boolean | null } {
  if (quota === null || quota <= 0) return { percent: null, onPace: null };
  return { percent: Math.round((collected * 1000) / quota) / 10, onPace: collected / quota + 1e-9 >= share };
}

/** The units of a progress tree that are behind pace (with a quota), top-down: who a reminder goes to. */
export function unitsBehind(tree: ProgressNode): ProgressNode[] {
  const out: ProgressNode[] = [];
  const visit = (n: ProgressNode) => {
    if (n.onPace === false) out.push(n);
    n.children.forEach(visit);
  };
  visit(tree);
  return out;
}

/** The workflow's timer schedule: reminders at T−7 and T−1 days (those still ahead at `from`), then the close. */
export function campaignSchedule(endDate: string, from: number): { at: number; kind: 'remind' | 'close'; daysLeft: number }[] {
  const end = campaignEndsAt(endDate);
  const reminders = CAMPAIGN_REMINDER_DAYS.map((d) => ({ at: end - d * DAY_MS, kind: 'remind' as const, daysLeft: d })).filter(
    (r) => r.at > from,
  );
  return [...reminders, { at: end, kind: 'close' as const, daysLeft: 0 }];
}
