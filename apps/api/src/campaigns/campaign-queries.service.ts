import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ancestorsOf,
  campaignAllowedActions,
  daysLeft,
  DomainError,
  FINAL_CAMPAIGN_STATUSES,
  ProgressNode,
  subtreeIds,
} from '@lienthong/domain';
import { CAMPAIGN_COLUMNS, campaignProgress, CampaignRow } from '@lienthong/persistence';
import { AccessService, CallerScope } from '../units/access.service';
import { ListCampaignsQueryDto, ListContributionsQueryDto } from './dto/campaign-requests.dto';
import {
  CampaignDetailDto,
  CampaignEventDto,
  CampaignListDto,
  CampaignSummaryDto,
  ContributionDto,
  ContributionListDto,
} from './dto/campaign-responses.dto';

/** A contribution row with its reversal's id and the recorder's name. */
export interface ContributionRow {
  id: string;
  campaign_id: string;
  unit_id: string;
  receipt_no: number | null;
  donor_kind: ContributionDto['donor']['kind'];
  donor_name: string | null;
  donor_member_id: string | null;
  donor_public_name: boolean;
  amount: string;
  contribution_date: string;
  method: ContributionDto['method'];
  note: string | null;
  reverses: string | null;
  reversed_by: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  request_hash: string;
}

export const CONTRIBUTION_SELECT = `SELECT c.id, c.campaign_id, c.unit_id, c.receipt_no, c.donor_kind, c.donor_name, c.donor_member_id, c.donor_public_name, c.amount,
  to_char(c.contribution_date, 'YYYY-MM-DD') AS contribution_date, c.method, c.note, c.reverses, r.id AS reversed_by, c.created_by,
  u.display_name AS created_by_name, c.created_at, c.request_hash
  FROM contributions c LEFT JOIN contributions r ON r.reverses = c.id JOIN users u ON u.id = c.created_by`;

export function contributionView(row: ContributionRow): ContributionDto {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    unitId: row.unit_id,
    receiptNo: row.receipt_no,
    donor: { kind: row.donor_kind, name: row.donor_name, memberId: row.donor_member_id, publicName: row.donor_public_name },
    amount: Number(row.amount),
    date: row.contribution_date,
    method: row.method,
    note: row.note,
    reverses: row.reverses,
    reversedBy: row.reversed_by,
    recordedBy: { userId: row.created_by, displayName: row.created_by_name },
    createdAt: row.created_at.toISOString(),
  };
}

/** Largest contribution page; a branch's list is read page by page, never whole. */
const DEFAULT_PAGE_SIZE = 50;

/**
 * Reading campaigns. Who sees a campaign: whoever sees its launching unit (its officers and every
 * level above), and, once it is launched, the units below it (those it was launched for). Everyone
 * else, another ward's users included, gets 404 as if it did not exist.
 */
@Injectable()
export class CampaignQueriesService {
  constructor(
    private readonly access: AccessService,
    private readonly dataSource: DataSource,
  ) {}

  /** Whether the caller may see the campaign (see the class comment). */
  canSee(scope: CallerScope, campaign: Pick<CampaignRow, 'unit_id' | 'status'>): boolean {
    if (scope.visible.has(campaign.unit_id)) return true;
    if (campaign.status === 'draft') return false;
    return scope.memberships.some((m) => ancestorsOf(scope.units, m.unitId).includes(campaign.unit_id));
  }

  /** The campaign if the caller may see it, else 404 campaign.not_found. */
  async visibleCampaign(scope: CallerScope, campaignId: string): Promise<CampaignRow> {
    const [row] = await this.dataSource.query<CampaignRow[]>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1`, [campaignId]);
    if (!row || !this.canSee(scope, row)) throw new DomainError('not_found', 'campaign.not_found');
    return row;
  }

  async list(userId: string, query: ListCampaignsQueryDto): Promise<CampaignListDto> {
    const scope = await this.access.scope(userId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const visible = [...scope.visible];
    // The units above the caller's: their campaigns reach the caller once launched.
    const above = [...new Set(scope.memberships.flatMap((m) => ancestorsOf(scope.units, m.unitId)))].filter((id) => !scope.visible.has(id));
    const where = `(unit_id = ANY($1::uuid[]) OR (unit_id = ANY($2::uuid[]) AND status <> 'draft'))`;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<(CampaignRow & { collected: string })[]>(
        `SELECT ${CAMPAIGN_COLUMNS},
           (SELECT coalesce(sum(t.collected), 0) FROM campaign_unit_totals t WHERE t.campaign_id = campaigns.id)::text AS collected
         FROM campaigns WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        [visible, above],
      ),
      this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM campaigns WHERE ${where}`, [visible, above]),
    ]);
    return { items: rows.map((r) => this.summary(scope, r, Number(r.collected))), page, pageSize, total };
  }

  async detail(userId: string, campaignId: string): Promise<CampaignDetailDto> {
    const scope = await this.access.scope(userId);
    return this.detailFor(scope, campaignId);
  }

  async detailFor(scope: CallerScope, campaignId: string): Promise<CampaignDetailDto> {
    const campaign = await this.visibleCampaign(scope, campaignId);
    const [[totals], events, [creator], [remitted], extensions] = await Promise.all([
      this.dataSource.query<{ collected: string; entries: number }[]>(
        `SELECT coalesce(sum(collected), 0)::text AS collected, coalesce(sum(entries), 0)::int AS entries FROM campaign_unit_totals WHERE campaign_id = $1`,
        [campaignId],
      ),
      this.dataSource.query<
        {
          seq: number;
          action: CampaignEventDto['action'];
          actor_id: string | null;
          actor_name: string | null;
          unit_id: string | null;
          comment: string | null;
          data: Record<string, unknown> | null;
          at: Date;
        }[]
      >('SELECT seq, action, actor_id, actor_name, unit_id, comment, data, at FROM campaign_events WHERE campaign_id = $1 ORDER BY seq', [
        campaignId,
      ]),
      this.dataSource.query<{ display_name: string }[]>('SELECT display_name FROM users WHERE id = $1', [campaign.created_by]),
      // What reached the launching unit from the units right below it.
      this.dataSource.query<{ remitted: string; confirmed: string }[]>(
        `SELECT coalesce(sum(amount) FILTER (WHERE status IN ('pending', 'confirmed')), 0)::text AS remitted,
           coalesce(sum(amount) FILTER (WHERE status = 'confirmed'), 0)::text AS confirmed
         FROM campaign_remittances WHERE campaign_id = $1 AND parent_unit_id = $2`,
        [campaignId, campaign.unit_id],
      ),
      this.dataSource.query<{ unit_id: string; until: string }[]>(
        `SELECT unit_id, to_char(max(until), 'YYYY-MM-DD') AS until FROM campaign_extensions WHERE campaign_id = $1 AND status = 'approved'
         GROUP BY unit_id ORDER BY unit_id`,
        [campaignId],
      ),
    ]);
    const now = Date.now();
    const inCampaign = subtreeIds(scope.units, campaign.unit_id);
    return {
      ...this.summary(scope, campaign, Number(totals.collected), now),
      purpose: campaign.purpose,
      suggestion: campaign.suggestion === null ? null : Number(campaign.suggestion),
      public: campaign.public,
      entries: totals.entries,
      remitted: Number(remitted.remitted),
      confirmed: Number(remitted.confirmed),
      extensions: extensions.map((e) => ({ unitId: e.unit_id, until: e.until })),
      createdBy: { userId: campaign.created_by, displayName: creator?.display_name ?? '' },
      launchedAt: campaign.launched_at?.toISOString() ?? null,
      closedAt: campaign.closed_at?.toISOString() ?? null,
      timeline: events.map((e) => ({
        seq: e.seq,
        action: e.action,
        actor: e.actor_id ? { userId: e.actor_id, displayName: e.actor_name ?? '' } : null,
        unitId: e.unit_id,
        comment: e.comment,
        data: e.data,
        at: e.at.toISOString(),
      })),
      allowedActions: campaignAllowedActions(
        facts(campaign),
        inCampaign,
        scope.units,
        scope.actor,
        now,
        new Map(extensions.map((e) => [e.unit_id, e.until])),
      ),
    };
  }

  async progress(userId: string, campaignId: string): Promise<ProgressNode> {
    const scope = await this.access.scope(userId);
    const campaign = await this.visibleCampaign(scope, campaignId);
    return campaignProgress(this.dataSource, campaign, Date.now());
  }

  /**
   * A unit's entries, with its whole subtree for a parent; donors' names are the officers' to see, so
   * only officers and chairs of the unit or of a unit above it may list them.
   */
  async contributions(userId: string, campaignId: string, query: ListContributionsQueryDto): Promise<ContributionListDto> {
    const scope = await this.access.scope(userId);
    const campaign = await this.visibleCampaign(scope, campaignId);
    const inCampaign = subtreeIds(scope.units, campaign.unit_id);
    if (!scope.byId.has(query.unitId) || !(scope.visible.has(query.unitId) || inCampaign.has(query.unitId))) {
      throw new DomainError('not_found', 'unit.not_found');
    }
    if (!inCampaign.has(query.unitId)) throw new DomainError('unprocessable', 'campaign.unit_outside');
    const acting = new Set(scope.actor.unitIds);
    if (!ancestorsOf(scope.units, query.unitId).some((id) => acting.has(id))) {
      throw new DomainError('forbidden', 'campaign.entries_officers_only');
    }
    const units = [...subtreeIds(scope.units, query.unitId)];
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const [rows, [sums]] = await Promise.all([
      this.dataSource.query<ContributionRow[]>(
        `${CONTRIBUTION_SELECT} WHERE c.campaign_id = $1 AND c.unit_id = ANY($2::uuid[])
         ORDER BY c.created_at DESC, c.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        [campaignId, units],
      ),
      this.dataSource.query<{ total: number; collected: string }[]>(
        `SELECT coalesce(sum(entries), 0)::int AS total, coalesce(sum(collected), 0)::text AS collected
         FROM campaign_unit_totals WHERE campaign_id = $1 AND unit_id = ANY($2::uuid[])`,
        [campaignId, units],
      ),
    ]);
    return { items: rows.map(contributionView), page, pageSize, total: sums.total, collected: Number(sums.collected) };
  }

  private summary(scope: CallerScope, row: CampaignRow, collected: number, now = Date.now()): CampaignSummaryDto {
    const unit = scope.byId.get(row.unit_id);
    const target = Number(row.target);
    return {
      id: row.id,
      code: row.code,
      unit: { id: row.unit_id, name: unit?.name ?? '', levelCode: unit?.level.code ?? '' },
      title: row.title,
      fundName: row.fund_name,
      status: row.status,
      startDate: row.start_date,
      endDate: row.end_date,
      target,
      collected,
      percent: Math.round((collected * 1000) / target) / 10,
      daysLeft: FINAL_CAMPAIGN_STATUSES.includes(row.status) ? 0 : daysLeft(row.end_date, now),
      createdAt: row.created_at.toISOString(),
    };
  }
}

/** The row as the domain rules see it. */
export function facts(row: CampaignRow) {
  return { unitId: row.unit_id, status: row.status, startDate: row.start_date, endDate: row.end_date };
}
