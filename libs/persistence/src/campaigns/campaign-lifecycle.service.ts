import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { CampaignChangeInput } from '@lienthong/contracts';
import {
  CampaignEventAction,
  CampaignStatus,
  ProgressNode,
  ProgressUnit,
  progressTree,
  subtreeIds,
  unitsBehind,
  vietnameseDate,
} from '@lienthong/domain';

/** A campaign row as the lifecycle and the API read it. */
export interface CampaignRow {
  id: string;
  code: string;
  organization_id: string;
  unit_id: string;
  title: string;
  fund_name: string;
  purpose: string;
  target: string;
  start_date: string;
  end_date: string;
  suggestion: string | null;
  public: boolean;
  status: CampaignStatus;
  request_hash: string;
  created_by: string;
  created_at: Date;
  launched_at: Date | null;
  closed_at: Date | null;
}

export const CAMPAIGN_COLUMNS = `id, code, organization_id, unit_id, title, fund_name, purpose, target, to_char(start_date, 'YYYY-MM-DD') AS start_date,
  to_char(end_date, 'YYYY-MM-DD') AS end_date, suggestion, public, status, request_hash, created_by, created_at, launched_at, closed_at`;

export interface NewCampaignEvent {
  action: CampaignEventAction;
  actorId?: string | null;
  actorName?: string | null;
  unitId?: string | null;
  comment?: string | null;
  data?: Record<string, unknown> | null;
  /** Makes the write idempotent: a second event under the same key is not written. */
  eventKey: string;
  requestHash?: string | null;
}

/**
 * Appends one event to a campaign's timeline, in the caller's transaction, unless an event with the
 * same key is there already; returns its seq, or null when it was there. Takes the campaign row's lock
 * (the seq comes from `last_seq`), which also orders it against the writes that check the status.
 */
export async function appendCampaignEvent(manager: EntityManager, campaignId: string, event: NewCampaignEvent): Promise<number | null> {
  await manager.query('SELECT 1 FROM campaigns WHERE id = $1 FOR UPDATE', [campaignId]);
  const [existing] = await manager.query('SELECT seq FROM campaign_events WHERE campaign_id = $1 AND event_key = $2', [campaignId, event.eventKey]);
  if (existing) return null;
  const [{ seq }] = await manager.query<{ seq: number }[]>(
    `WITH next AS (UPDATE campaigns SET last_seq = last_seq + 1, updated_at = now() WHERE id = $1 RETURNING last_seq)
     INSERT INTO campaign_events (campaign_id, seq, action, actor_id, actor_name, unit_id, comment, data, at, event_key, request_hash)
     SELECT $1, next.last_seq, $2, $3, $4, $5, $6, $7::jsonb, now(), $8, $9 FROM next RETURNING seq`,
    [
      campaignId,
      event.action,
      event.actorId ?? null,
      event.actorName ?? null,
      event.unitId ?? null,
      event.comment ?? null,
      event.data ? JSON.stringify(event.data) : null,
      event.eventKey,
      event.requestHash ?? null,
    ],
  );
  return seq;
}

/**
 * Notifies the active officers and chairs of `unitIds` about a campaign event (one notification per
 * user, event and kind: written again, it notifies nobody twice), never `exclude`.
 */
export async function notifyCampaignUnits(
  manager: EntityManager,
  notice: { campaignId: string; seq: number; kind: string; params: Record<string, string | number>; unitIds: string[]; exclude?: string[] },
): Promise<void> {
  if (notice.unitIds.length === 0) return;
  await manager.query(
    `INSERT INTO notifications (user_id, campaign_id, event_seq, kind, params)
     SELECT DISTINCT m.user_id, $1::uuid, $2::int, $3, $4::jsonb FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.unit_id = ANY($5::uuid[]) AND m.role IN ('officer', 'chair') AND u.active AND m.user_id <> ALL($6::uuid[])
     ON CONFLICT (user_id, campaign_id, event_seq, kind) DO NOTHING`,
    [notice.campaignId, notice.seq, notice.kind, JSON.stringify(notice.params), notice.unitIds, notice.exclude ?? []],
  );
}

/** An organization's units with their level codes: what campaign trees are built from. */
export async function organizationUnits(manager: EntityManager | DataSource, organizationId: string): Promise<ProgressUnit[]> {
  const rows = await manager.query<{ id: string; parent_id: string | null; name: string; level_code: string; organization_id: string }[]>(
    `SELECT u.id, u.parent_id, u.name, l.code AS level_code, u.organization_id FROM units u JOIN organization_levels l ON l.id = u.level_id
     WHERE u.organization_id = $1`,
    [organizationId],
  );
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, levelCode: r.level_code, organizationId: r.organization_id }));
}

/**
 * A campaign's progress tree, now: the units below the launching unit, their quotas and the running
 * totals (one row per unit that has entries or remittances; no contribution is read).
 */
export async function campaignProgress(manager: EntityManager | DataSource, campaign: CampaignRow, now: number): Promise<ProgressNode> {
  const all = await organizationUnits(manager, campaign.organization_id);
  const inCampaign = subtreeIds(all, campaign.unit_id);
  const [quotas, totals] = await Promise.all([
    manager.query<{ unit_id: string; amount: string }[]>('SELECT unit_id, amount FROM campaign_quotas WHERE campaign_id = $1', [campaign.id]),
    manager.query<{ unit_id: string; collected: string; remitted: string; confirmed: string }[]>(
      'SELECT unit_id, collected, remitted, confirmed FROM campaign_unit_totals WHERE campaign_id = $1',
      [campaign.id],
    ),
  ]);
  return progressTree({
    units: all.filter((u) => inCampaign.has(u.id)),
    rootId: campaign.unit_id,
    target: Number(campaign.target),
    quotas: new Map(quotas.map((q) => [q.unit_id, Number(q.amount)])),
    collectedOwn: new Map(totals.map((t) => [t.unit_id, Number(t.collected)])),
    remittedOwn: new Map(totals.map((t) => [t.unit_id, Number(t.remitted)])),
    confirmedOwn: new Map(totals.map((t) => [t.unit_id, Number(t.confirmed)])),
    dates: { startDate: campaign.start_date, endDate: campaign.end_date },
    now,
  });
}

/**
 * What the campaign workflow's activities write: each a transaction, each idempotent (the status only
 * moves forward and every event has a fixed key), so Temporal may run any of them twice.
 */
@Injectable()
export class CampaignLifecycleService {
  constructor(private readonly dataSource: DataSource) {}

  async find(manager: EntityManager | DataSource, campaignId: string, lock = false): Promise<CampaignRow | null> {
    const [row] = await manager.query<CampaignRow[]>(
      `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [campaignId],
    );
    return row ?? null;
  }

  /** draft → open; every unit below the launching unit is told (the launcher is not). */
  async launched(campaignId: string, change: CampaignChangeInput): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const campaign = await this.mustFind(m, campaignId);
      if (campaign.status === 'draft') {
        await m.query(`UPDATE campaigns SET status = 'open', launched_at = now(), updated_at = now() WHERE id = $1`, [campaignId]);
      }
      const seq = await appendCampaignEvent(m, campaignId, {
        action: 'launched',
        actorId: change.actor.userId,
        actorName: change.actor.displayName,
        unitId: campaign.unit_id,
        eventKey: change.eventKey,
        requestHash: change.requestHash,
      });
      if (seq === null) return;
      const units = await organizationUnits(m, campaign.organization_id);
      const below = [...subtreeIds(units, campaign.unit_id)].filter((id) => id !== campaign.unit_id);
      const launcher = units.find((u) => u.id === campaign.unit_id)?.name ?? '';
      await notifyCampaignUnits(m, {
        campaignId,
        seq,
        kind: 'campaign_launched',
        params: { title: campaign.title, unit: launcher, endDate: vietnameseDate(campaign.end_date) },
        unitIds: below,
        exclude: [change.actor.userId],
      });
    });
  }

  /** draft/open → cancelled, with the reason in the timeline. */
  async cancelled(campaignId: string, change: CampaignChangeInput): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const campaign = await this.mustFind(m, campaignId);
      if (campaign.status === 'draft' || campaign.status === 'open') {
        await m.query(`UPDATE campaigns SET status = 'cancelled', closed_at = now(), updated_at = now() WHERE id = $1`, [campaignId]);
      }
      await appendCampaignEvent(m, campaignId, {
        action: 'cancelled',
        actorId: change.actor.userId,
        actorName: change.actor.displayName,
        unitId: campaign.unit_id,
        comment: change.comment ?? null,
        eventKey: change.eventKey,
        requestHash: change.requestHash,
      });
    });
  }

  /**
   * T−7 and T−1 days: the units with a quota that are behind the share of time passed (the launching
   * unit against the target included) are told. Returns how many units were behind.
   */
  async remindBehind(campaignId: string, daysLeft: number, now = Date.now()): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const campaign = await this.mustFind(m, campaignId);
      if (campaign.status !== 'open') return 0;
      const behind = unitsBehind(await campaignProgress(m, campaign, now));
      const seq = await appendCampaignEvent(m, campaignId, {
        action: 'reminded',
        eventKey: `remind-${daysLeft}`,
        data: { daysLeft, units: behind.map((n) => ({ unitId: n.unit.id, percent: n.percent })) },
      });
      if (seq === null) return behind.length;
      for (const node of behind) {
        await notifyCampaignUnits(m, {
          campaignId,
          seq,
          kind: 'campaign_behind',
          params: { title: campaign.title, unit: node.unit.name, percent: node.percent ?? 0, days: daysLeft },
          unitIds: [node.unit.id],
        });
      }
      return behind.length;
    });
  }

  /** At the end of the end date: closed, with the net total in the timeline. A cancelled campaign stays cancelled. */
  async close(campaignId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const campaign = await this.mustFind(m, campaignId);
      if (campaign.status === 'cancelled') return;
      if (campaign.status === 'draft' || campaign.status === 'open') {
        await m.query(`UPDATE campaigns SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = $1`, [campaignId]);
      }
      const [{ collected }] = await m.query<{ collected: string }[]>(
        'SELECT coalesce(sum(collected), 0)::text AS collected FROM campaign_unit_totals WHERE campaign_id = $1',
        [campaignId],
      );
      await appendCampaignEvent(m, campaignId, { action: 'closed', eventKey: 'close', unitId: campaign.unit_id, data: { collected: Number(collected) } });
    });
  }

  private async mustFind(m: EntityManager, campaignId: string): Promise<CampaignRow> {
    // Locked: the status change and the entries that check the status are ordered by this row.
    const campaign = await this.find(m, campaignId, true);
    if (!campaign) throw new Error(`Campaign ${campaignId} is not in the database`);
    return campaign;
  }
}
