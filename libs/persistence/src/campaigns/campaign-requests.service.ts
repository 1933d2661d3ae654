import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CampaignEventAction, ChainOutcome, ExtensionStatus, RemittanceStatus } from '@lienthong/domain';
import { CaseOutcome, CaseOutcomeHandlers } from '../cases/case-outcomes';
import { appendCampaignEvent } from './campaign-lifecycle.service';

/** The name campaigns register their case outcomes under; process modules name it in `startedBy`. */
export const CAMPAIGN_PRIMITIVE = 'campaign';
/** What campaigns open cases for (`ProcessModule.startedBy.purpose`). */
export const CAMPAIGN_PURPOSES = { remittance: 'remittance', extension: 'extension' } as const;

const REMITTANCE_AFTER: Record<ChainOutcome, { status: RemittanceStatus; action: CampaignEventAction }> = {
  approved: { status: 'confirmed', action: 'remittance_confirmed' },
  rejected: { status: 'disputed', action: 'remittance_disputed' },
  cancelled: { status: 'withdrawn', action: 'remittance_withdrawn' },
};
const EXTENSION_AFTER: Record<ChainOutcome, { status: ExtensionStatus; action: CampaignEventAction }> = {
  approved: { status: 'approved', action: 'extension_approved' },
  rejected: { status: 'refused', action: 'extension_refused' },
  cancelled: { status: 'withdrawn', action: 'extension_withdrawn' },
};

/**
 * What the parent's decision on a remittance or an extension does to the campaign's ledger. Runs in the
 * transaction that stores the deciding event (CaseOutcomeHandlers), so exactly once; and it also checks
 * that the row is still pending, so a second call (there is none) would change nothing.
 *
 * - A confirmed remittance adds to the unit's `confirmed` and to its parent's `received` (money the
 *   parent now holds and may remit in turn). A disputed or withdrawn one gives its amount back to the
 *   unit (`remitted` falls): the money is still with it.
 * - An approved extension lets its unit record contributions until its date (the API reads it).
 *
 * Locks: the campaign row first, then the request, then the totals rows: the order the API's writes
 * take them in (campaign, totals), so the two never deadlock.
 */
@Injectable()
export class CampaignRequestsService implements OnModuleInit {
  constructor(private readonly outcomes: CaseOutcomeHandlers) {}

  onModuleInit(): void {
    this.outcomes.register(CAMPAIGN_PRIMITIVE, (m, outcome) => this.decided(m, outcome));
  }

  async decided(m: EntityManager, outcome: CaseOutcome): Promise<void> {
    if (outcome.purpose === CAMPAIGN_PURPOSES.remittance) return this.remittanceDecided(m, outcome);
    if (outcome.purpose === CAMPAIGN_PURPOSES.extension) return this.extensionDecided(m, outcome);
    throw new Error(`Campaigns open no case for ${outcome.purpose}`);
  }

  private async remittanceDecided(m: EntityManager, { caseId, outcome, event }: CaseOutcome): Promise<void> {
    const row = await this.pendingRow<{ id: string; campaign_id: string; unit_id: string; parent_unit_id: string; amount: string }>(
      m,
      'campaign_remittances',
      'id, campaign_id, unit_id, parent_unit_id, amount',
      caseId,
    );
    if (!row) return;
    const after = REMITTANCE_AFTER[outcome];
    const amount = Number(row.amount);
    await this.decide(m, 'campaign_remittances', row.id, after.status, event.at, event.comment);
    if (after.status === 'confirmed') {
      await m.query('UPDATE campaign_unit_totals SET confirmed = confirmed + $3 WHERE campaign_id = $1 AND unit_id = $2', [
        row.campaign_id,
        row.unit_id,
        amount,
      ]);
      await m.query(
        `INSERT INTO campaign_unit_totals (campaign_id, unit_id, received) VALUES ($1, $2, $3)
         ON CONFLICT (campaign_id, unit_id) DO UPDATE SET received = campaign_unit_totals.received + EXCLUDED.received`,
        [row.campaign_id, row.parent_unit_id, amount],
      );
    } else {
      await m.query('UPDATE campaign_unit_totals SET remitted = remitted - $3 WHERE campaign_id = $1 AND unit_id = $2', [
        row.campaign_id,
        row.unit_id,
        amount,
      ]);
    }
    await appendCampaignEvent(m, row.campaign_id, {
      action: after.action,
      actorId: event.actor?.userId ?? null,
      actorName: event.actor?.displayName ?? null,
      unitId: row.unit_id,
      comment: event.comment,
      data: { remittanceId: row.id, caseId, amount, parentUnitId: row.parent_unit_id },
      eventKey: `remittance:${row.id}:${after.status}`,
    });
  }

  private async extensionDecided(m: EntityManager, { caseId, outcome, event }: CaseOutcome): Promise<void> {
    const row = await this.pendingRow<{ id: string; campaign_id: string; unit_id: string; until: string }>(
      m,
      'campaign_extensions',
      `id, campaign_id, unit_id, to_char(until, 'YYYY-MM-DD') AS until`,
      caseId,
    );
    if (!row) return;
    const after = EXTENSION_AFTER[outcome];
    await this.decide(m, 'campaign_extensions', row.id, after.status, event.at, event.comment);
    await appendCampaignEvent(m, row.campaign_id, {
      action: after.action,
      actorId: event.actor?.userId ?? null,
      actorName: event.actor?.displayName ?? null,
      unitId: row.unit_id,
      comment: event.comment,
      data: { extensionId: row.id, caseId, until: row.until },
      eventKey: `extension:${row.id}:${after.status}`,
    });
  }

  /** The request of this case, locked, if it is still pending (its campaign row locked first). */
  private async pendingRow<T extends { campaign_id: string }>(m: EntityManager, table: string, columns: string, caseId: string): Promise<T | null> {
    const [found] = await m.query<{ campaign_id: string }[]>(`SELECT campaign_id FROM ${table} WHERE case_id = $1`, [caseId]);
    if (!found) throw new Error(`Case ${caseId} ended, but no row of ${table} names it`);
    await m.query('SELECT 1 FROM campaigns WHERE id = $1 FOR UPDATE', [found.campaign_id]);
    const [row] = await m.query<(T & { status: string })[]>(`SELECT ${columns}, status FROM ${table} WHERE case_id = $1 FOR UPDATE`, [caseId]);
    return row.status === 'pending' ? row : null;
  }

  private async decide(m: EntityManager, table: string, id: string, status: string, at: string, comment: string | null): Promise<void> {
    await m.query(`UPDATE ${table} SET status = $2, decided_at = $3, decision_comment = $4 WHERE id = $1`, [id, status, at, comment]);
  }
}
