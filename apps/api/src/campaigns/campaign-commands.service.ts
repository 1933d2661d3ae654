import { Inject, Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { APP_CONFIG, AppConfig, PROCESS_REGISTRY } from '@lienthong/config';
import {
  CAMPAIGN_WORKFLOW_TYPE,
  CampaignChangeInput,
  CampaignUpdateResult,
  campaignWorkflowId,
  CampaignWorkflowInput,
  cancelCampaignUpdate,
  launchCampaignUpdate,
} from '@lienthong/contracts';
import {
  actsAt,
  checkCampaignCancel,
  checkCampaignLaunch,
  checkContributionDate,
  checkExtensionDate,
  checkNewCampaign,
  checkQuotaSetter,
  checkQuotaWindow,
  checkRemittanceAmount,
  checkRemittanceDate,
  checkTakesEntries,
  checkUnitRequest,
  dateInHcm,
  DomainError,
  isIsoDate,
  ProcessRegistry,
  RuleViolation,
  subtreeIds,
  unitHoldings,
  vietnameseDate,
} from '@lienthong/domain';
import { appendCampaignEvent, CAMPAIGN_COLUMNS, CAMPAIGN_PRIMITIVE, CAMPAIGN_PURPOSES, CampaignRow } from '@lienthong/persistence';
import { TemporalClient } from '@lienthong/temporal';
import { keyedUpdateId, keyedUuid, requestHash } from '../common/idempotency';
import { CaseCommandsService } from '../cases/case-commands.service';
import { callCaseWorkflow, isAlreadyStarted, violationError } from '../cases/temporal-errors';
import { AccessService, CallerScope } from '../units/access.service';
import { CampaignQueriesService, CONTRIBUTION_SELECT, ContributionRow, contributionView, facts } from './campaign-queries.service';
import {
  CancelCampaignDto,
  CreateCampaignDto,
  RecordContributionDto,
  RecordRemittanceDto,
  RequestExtensionDto,
  ReverseContributionDto,
  SetQuotaDto,
} from './dto/campaign-requests.dto';
import {
  CampaignDetailDto,
  CampaignStatusDto,
  ContributionDto,
  ExtensionCreatedDto,
  QuotaDto,
  RemittanceCreatedDto,
} from './dto/campaign-responses.dto';

type CampaignWorkflow = (input: CampaignWorkflowInput) => Promise<unknown>;

/**
 * How long a call to a campaign workflow may take before the API answers 503 (as for cases): without
 * a running worker an Update would wait indefinitely. A retry with the same Idempotency-Key picks the
 * same Update up again.
 */
const WORKFLOW_CALL_TIMEOUT_MS = 30_000;

const keyReused = () => new DomainError('unprocessable', 'idempotency.key_reused');
const refuse = (violation: RuleViolation | null) => {
  if (violation) throw violationError(violation);
};
const invalidDate = (field: string) =>
  new DomainError('invalid', 'validation.failed', { fields: field }, [{ field, messages: [`${field} must be a real day written YYYY-MM-DD`] }]);

/** A unique violation on one of these constraints means a concurrent request with the same key won. */
const SAME_KEY_CONSTRAINTS = new Set([
  'uq_contributions_idempotency',
  'PK_contributions',
  'uq_campaign_remittances_idempotency',
  'PK_campaign_remittances',
  'uq_campaign_extensions_idempotency',
  'PK_campaign_extensions',
]);

const VND_VI = new Intl.NumberFormat('vi-VN');

/** A remittance or extension request as stored: enough to answer a retry and to open its case again. */
interface RequestRow {
  id: string;
  campaign_id: string;
  case_id: string;
  request_hash: string;
}
function uniqueViolation(err: unknown): string | null {
  if (!(err instanceof QueryFailedError)) return null;
  const driverError = err.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' ? driverError.constraint ?? '' : null;
}

/** Thrown inside a creation's transaction when a concurrent retry inserted the campaign first (rolls back the number). */
class CreatedConcurrently extends Error {}

/**
 * Creating and changing campaigns, and recording their contributions.
 *
 * - The lifecycle (launch, cancel) goes through the campaign's workflow as Updates; the workflow's
 *   activities write the status, the timeline and the notifications before the Update answers.
 * - Quotas and contributions are rows, written here in one transaction each. A contribution takes a
 *   share lock on the campaign row (the close takes an update lock: an entry and the close are ordered)
 *   and the unit's totals row, whose lock hands out receipt numbers one at a time.
 * - Every POST is idempotent by Idempotency-Key: the same key and body answer as the first time, the
 *   same key with another body is 422.
 */
@Injectable()
export class CampaignCommandsService {
  constructor(
    private readonly access: AccessService,
    private readonly queries: CampaignQueriesService,
    private readonly client: TemporalClient,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CaseCommandsService,
    @Inject(PROCESS_REGISTRY) private readonly processes: ProcessRegistry,
  ) {}

  async create(userId: string, key: string, body: CreateCampaignDto): Promise<CampaignDetailDto> {
    const scope = await this.access.scope(userId);
    const id = keyedUuid(userId, key);
    const hash = requestHash(body);
    const replay = await this.replayCreation(scope, id, hash);
    if (replay) return replay;

    if (!scope.visible.has(body.unitId) || !scope.byId.has(body.unitId)) throw new DomainError('not_found', 'unit.not_found');
    if (!actsAt(scope.actor, body.unitId)) throw new DomainError('forbidden', 'campaign.not_unit_officer');
    if (!isIsoDate(body.startDate)) throw invalidDate('startDate');
    if (!isIsoDate(body.endDate)) throw invalidDate('endDate');
    refuse(checkNewCampaign(body, Date.now()));

    const unit = scope.byId.get(body.unitId)!;
    try {
      await this.dataSource.transaction(async (m) => {
        const year = Number(dateInHcm(Date.now()).slice(0, 4));
        const [{ last }] = await m.query<{ last: number }[]>(
          `INSERT INTO campaign_code_counters (year, last) VALUES ($1, 1)
           ON CONFLICT (year) DO UPDATE SET last = campaign_code_counters.last + 1 RETURNING last`,
          [year],
        );
        const inserted = await m.query<{ id: string }[]>(
          `INSERT INTO campaigns (id, code, organization_id, unit_id, title, fund_name, purpose, target, start_date, end_date, suggestion, public,
             status, workflow_id, request_hash, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'draft', $13, $14, $15) ON CONFLICT (id) DO NOTHING RETURNING id`,
          [
            id,
            `VD-${year}-${String(last).padStart(4, '0')}`,
            unit.organizationId,
            unit.id,
            body.title.trim(),
            body.fundName.trim(),
            body.purpose.trim(),
            body.target,
            body.startDate,
            body.endDate,
            body.suggestion ?? null,
            body.public ?? false,
            campaignWorkflowId(id),
            hash,
            userId,
          ],
        );
        if (inserted.length === 0) throw new CreatedConcurrently();
        await appendCampaignEvent(m, id, {
          action: 'created',
          actorId: scope.actor.userId,
          actorName: scope.actor.displayName,
          unitId: unit.id,
          eventKey: 'created',
          requestHash: hash,
        });
      });
    } catch (err) {
      if (!(err instanceof CreatedConcurrently)) throw err;
      return (await this.replayCreation(scope, id, hash))!;
    }
    // The row first, then the workflow: its activities find the row. Should Temporal be down, the
    // client's retry with the same key starts it (and launching starts it too: update-with-start).
    await this.startWorkflow(id, body.startDate, body.endDate);
    return this.queries.detailFor(scope, id);
  }

  /** The same key again: the first answer if the body is the same (the workflow started if it was not), else 422. */
  private async replayCreation(scope: CallerScope, id: string, hash: string): Promise<CampaignDetailDto | null> {
    const [existing] = await this.dataSource.query<CampaignRow[]>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1`, [id]);
    if (!existing) return null;
    if (existing.request_hash !== hash) throw keyReused();
    await this.startWorkflow(id, existing.start_date, existing.end_date);
    return this.queries.detailFor(scope, id);
  }

  private async startWorkflow(campaignId: string, startDate: string, endDate: string): Promise<void> {
    try {
      await callCaseWorkflow(
        () =>
          this.client.withDeadline(Date.now() + WORKFLOW_CALL_TIMEOUT_MS, () =>
            this.client.workflow.start<CampaignWorkflow>(CAMPAIGN_WORKFLOW_TYPE, {
              workflowId: campaignWorkflowId(campaignId),
              taskQueue: this.config.TEMPORAL_TASK_QUEUE,
              args: [{ campaignId, startDate, endDate }],
              workflowIdConflictPolicy: 'USE_EXISTING',
              workflowIdReusePolicy: 'REJECT_DUPLICATE',
            }),
          ),
        async () => new DomainError('conflict', 'campaign.closed', { endDate: vietnameseDate(endDate) }),
      );
    } catch (err) {
      // A run under this ID has already completed (the campaign closed): nothing to start.
      if (!isAlreadyStarted(err)) throw err;
    }
  }

  launch(userId: string, campaignId: string, key: string): Promise<CampaignStatusDto> {
    return this.lifecycle(userId, campaignId, key, { action: 'launch' }, (campaign, now) => checkCampaignLaunch(campaign, now), launchCampaignUpdate);
  }

  cancel(userId: string, campaignId: string, key: string, body: CancelCampaignDto): Promise<CampaignStatusDto> {
    return this.lifecycle(userId, campaignId, key, { action: 'cancel', ...body }, (campaign) => checkCampaignCancel(campaign), cancelCampaignUpdate, body.reason);
  }

  /**
   * A lifecycle change by the launching unit, sent to the workflow as an Update whose ID is the
   * caller's key (update-with-start: a workflow lost to a Temporal outage at creation is started now).
   * A retry after the change is answered from the timeline, where the activity wrote it under that key.
   */
  private async lifecycle(
    userId: string,
    campaignId: string,
    key: string,
    request: Record<string, unknown>,
    check: (campaign: ReturnType<typeof facts>, now: number) => RuleViolation | null,
    update: typeof launchCampaignUpdate,
    comment: string | null = null,
  ): Promise<CampaignStatusDto> {
    const scope = await this.access.scope(userId);
    const campaign = await this.queries.visibleCampaign(scope, campaignId);
    const eventKey = keyedUpdateId(userId, key);
    const hash = requestHash(request);
    const [done] = await this.dataSource.query<{ request_hash: string }[]>(
      'SELECT request_hash FROM campaign_events WHERE campaign_id = $1 AND event_key = $2',
      [campaignId, eventKey],
    );
    if (done) {
      if (done.request_hash !== hash) throw keyReused();
      return { id: campaignId, status: (await this.queries.visibleCampaign(scope, campaignId)).status };
    }
    if (!actsAt(scope.actor, campaign.unit_id)) throw new DomainError('forbidden', 'campaign.not_launching_unit');
    refuse(check(facts(campaign), Date.now()));

    const change: CampaignChangeInput = {
      actor: { userId: scope.actor.userId, displayName: scope.actor.displayName },
      eventKey,
      requestHash: hash,
      comment,
    };
    const closed = async () => new DomainError('conflict', 'campaign.closed', { endDate: vietnameseDate(campaign.end_date) });
    let result: CampaignUpdateResult;
    try {
      result = await callCaseWorkflow(
        () =>
          this.client.withDeadline(Date.now() + WORKFLOW_CALL_TIMEOUT_MS, () =>
            this.client.workflow.executeUpdateWithStart(update, {
              args: [change],
              updateId: eventKey,
              startWorkflowOperation: new WithStartWorkflowOperation<CampaignWorkflow>(CAMPAIGN_WORKFLOW_TYPE, {
                workflowId: campaignWorkflowId(campaignId),
                taskQueue: this.config.TEMPORAL_TASK_QUEUE,
                args: [{ campaignId, startDate: campaign.start_date, endDate: campaign.end_date }],
                workflowIdConflictPolicy: 'USE_EXISTING',
                workflowIdReusePolicy: 'REJECT_DUPLICATE',
              }),
            }),
          ),
        closed,
      );
    } catch (err) {
      // The workflow has completed (closed at its end date, or cancelled).
      if (isAlreadyStarted(err)) throw await closed();
      throw err;
    }
    if (result.requestHash !== hash) throw keyReused();
    return { id: campaignId, status: result.status };
  }

  /**
   * Sets (or changes) a unit's quota. PUT: the same amount again changes nothing and adds no event;
   * a new amount is an event in the timeline with the previous one.
   */
  async setQuota(userId: string, campaignId: string, unitId: string, body: SetQuotaDto): Promise<QuotaDto> {
    const scope = await this.access.scope(userId);
    const campaign = await this.queries.visibleCampaign(scope, campaignId);
    const unit = scope.visible.has(unitId) ? scope.byId.get(unitId) : undefined;
    if (!unit) throw new DomainError('not_found', 'unit.not_found');
    const inCampaign = subtreeIds(scope.units, campaign.unit_id);
    refuse(checkQuotaSetter(facts(campaign), unit, inCampaign, scope.actor));
    refuse(checkQuotaWindow(facts(campaign), Date.now()));

    await this.dataSource.transaction(async (m) => {
      // Under the campaign row's lock: the close cannot slip in between the check and the write.
      const locked = await this.lockedCampaign(m, campaignId, 'UPDATE');
      refuse(checkQuotaWindow(facts(locked), Date.now()));
      const [current] = await m.query<{ amount: string }[]>('SELECT amount FROM campaign_quotas WHERE campaign_id = $1 AND unit_id = $2', [
        campaignId,
        unitId,
      ]);
      const previous = current ? Number(current.amount) : null;
      if (previous === body.amount) return;
      await m.query(
        `INSERT INTO campaign_quotas (campaign_id, unit_id, amount, updated_by, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (campaign_id, unit_id) DO UPDATE SET amount = EXCLUDED.amount, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [campaignId, unitId, body.amount, userId],
      );
      await appendCampaignEvent(m, campaignId, {
        action: 'quota_set',
        actorId: scope.actor.userId,
        actorName: scope.actor.displayName,
        unitId,
        data: { amount: body.amount, previous },
        eventKey: `quota:${randomUUID()}`,
      });
    });
    return { unitId, amount: body.amount };
  }

  async contribute(userId: string, campaignId: string, key: string, body: RecordContributionDto): Promise<ContributionDto> {
    const scope = await this.access.scope(userId);
    const campaign = await this.queries.visibleCampaign(scope, campaignId);
    const hash = requestHash(body);
    const replay = await this.replayEntry(userId, key, hash, campaignId);
    if (replay) return replay;

    if (!scope.visible.has(body.unitId) || !scope.byId.has(body.unitId)) throw new DomainError('not_found', 'unit.not_found');
    if (!subtreeIds(scope.units, campaign.unit_id).has(body.unitId)) throw new DomainError('unprocessable', 'campaign.unit_outside');
    if (!actsAt(scope.actor, body.unitId)) throw new DomainError('forbidden', 'campaign.not_unit_officer');
    const extended = await this.extendedUntil(this.dataSource.manager, campaignId, body.unitId);
    refuse(checkTakesEntries(facts(campaign), Date.now(), extended));
    if (!isIsoDate(body.date)) throw invalidDate('date');
    refuse(checkContributionDate(body.date, facts(campaign), Date.now(), extended));
    const donorName = await this.donorName(body);

    const id = keyedUuid(userId, key);
    return this.writeEntry(userId, key, hash, campaignId, async (m) => {
      // A share lock: entries run side by side; the close (an update lock) waits for them, or they for it,
      // and so does an extension's approval (written under an update lock too).
      const locked = await this.lockedCampaign(m, campaignId, 'SHARE');
      refuse(checkTakesEntries(facts(locked), Date.now(), await this.extendedUntil(m, campaignId, body.unitId)));
      // The unit's totals row: created on its first entry, then locked by each; the receipt number is
      // taken under that lock, so numbers are unique and gap-free (a rollback gives its number back).
      const [{ last_receipt }] = await m.query<{ last_receipt: number }[]>(
        `INSERT INTO campaign_unit_totals (campaign_id, unit_id, collected, entries, last_receipt) VALUES ($1, $2, $3, 1, 1)
         ON CONFLICT (campaign_id, unit_id) DO UPDATE SET collected = campaign_unit_totals.collected + EXCLUDED.collected,
           entries = campaign_unit_totals.entries + 1, last_receipt = campaign_unit_totals.last_receipt + 1
         RETURNING last_receipt`,
        [campaignId, body.unitId, body.amount],
      );
      await m.query(
        `INSERT INTO contributions (id, campaign_id, unit_id, receipt_no, donor_kind, donor_name, donor_member_id, amount, contribution_date,
           method, note, created_by, idempotency_key, request_hash, donor_public_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          id,
          campaignId,
          body.unitId,
          last_receipt,
          body.donor.kind,
          donorName,
          body.donor.memberId ?? null,
          body.amount,
          body.date,
          body.method,
          body.note?.trim() || null,
          userId,
          key,
          hash,
          body.donor.publicName ?? false,
        ],
      );
      return id;
    });
  }

  /**
   * Reverses an entry: a new entry of the opposite amount, dated today, naming the one it reverses
   * (once: `reverses` is unique); the original stays. By an officer or chair of the entry's unit.
   */
  async reverse(userId: string, campaignId: string, contributionId: string, key: string, body: ReverseContributionDto): Promise<ContributionDto> {
    const scope = await this.access.scope(userId);
    const campaign = await this.queries.visibleCampaign(scope, campaignId);
    const hash = requestHash({ contributionId, ...body });
    const replay = await this.replayEntry(userId, key, hash, campaignId);
    if (replay) return replay;

    const [original] = await this.dataSource.query<ContributionRow[]>(`${CONTRIBUTION_SELECT} WHERE c.id = $1 AND c.campaign_id = $2`, [
      contributionId,
      campaignId,
    ]);
    if (!original || !scope.visible.has(original.unit_id)) throw new DomainError('not_found', 'campaign.contribution_not_found');
    if (!actsAt(scope.actor, original.unit_id)) throw new DomainError('forbidden', 'campaign.not_unit_officer');
    if (original.reverses) throw new DomainError('unprocessable', 'campaign.reversal_of_reversal');
    if (original.reversed_by) throw new DomainError('conflict', 'campaign.already_reversed');
    refuse(checkTakesEntries(facts(campaign), Date.now(), await this.extendedUntil(this.dataSource.manager, campaignId, original.unit_id)));

    const id = keyedUuid(userId, key);
    const amount = Number(original.amount);
    return this.writeEntry(userId, key, hash, campaignId, async (m) => {
      // An update lock (not share): the timeline event below needs it, and taking it first orders this
      // against concurrent entries of the unit without a deadlock.
      const locked = await this.lockedCampaign(m, campaignId, 'UPDATE');
      refuse(checkTakesEntries(facts(locked), Date.now(), await this.extendedUntil(m, campaignId, original.unit_id)));
      await m.query(
        `UPDATE campaign_unit_totals SET collected = collected - $3, entries = entries + 1 WHERE campaign_id = $1 AND unit_id = $2`,
        [campaignId, original.unit_id, amount],
      );
      await m.query(
        `INSERT INTO contributions (id, campaign_id, unit_id, receipt_no, donor_kind, donor_name, donor_member_id, amount, contribution_date,
           method, note, reverses, created_by, idempotency_key, request_hash)
         VALUES ($1, $2, $3, NULL, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          id,
          campaignId,
          original.unit_id,
          original.donor_kind,
          original.donor_name,
          original.donor_member_id,
          -amount,
          dateInHcm(Date.now()),
          original.method,
          body.reason.trim(),
          original.id,
          userId,
          key,
          hash,
        ],
      );
      await appendCampaignEvent(m, campaignId, {
        action: 'reversal',
        actorId: scope.actor.userId,
        actorName: scope.actor.displayName,
        unitId: original.unit_id,
        comment: body.reason.trim(),
        data: { contributionId: original.id, reversalId: id, receiptNo: original.receipt_no, amount: -amount },
        eventKey: keyedUpdateId(userId, key),
        requestHash: hash,
      });
      return id;
    });
  }

  /**
   * Runs an entry's transaction; a concurrent request with the same key that committed first makes
   * this one fail on the key's unique constraint (rolling back its receipt number): answer with that
   * one's entry. A second reversal of one entry fails on `reverses`: 409.
   */
  private async writeEntry(
    userId: string,
    key: string,
    hash: string,
    campaignId: string,
    write: (m: EntityManager) => Promise<string>,
  ): Promise<ContributionDto> {
    let id: string;
    try {
      id = await this.dataSource.transaction(write);
    } catch (err) {
      const constraint = uniqueViolation(err);
      if (constraint !== null && SAME_KEY_CONSTRAINTS.has(constraint)) return (await this.replayEntry(userId, key, hash, campaignId))!;
      if (constraint === 'uq_contributions_reverses') throw new DomainError('conflict', 'campaign.already_reversed');
      throw err;
    }
    const [row] = await this.dataSource.query<ContributionRow[]>(`${CONTRIBUTION_SELECT} WHERE c.id = $1`, [id]);
    return contributionView(row);
  }

  /** The entry this user already recorded under this key: the same answer for the same body, else 422. */
  private async replayEntry(userId: string, key: string, hash: string, campaignId: string): Promise<ContributionDto | null> {
    const [row] = await this.dataSource.query<ContributionRow[]>(`${CONTRIBUTION_SELECT} WHERE c.created_by = $1 AND c.idempotency_key = $2`, [
      userId,
      key,
    ]);
    if (!row) return null;
    if (row.request_hash !== hash || row.campaign_id !== campaignId) throw keyReused();
    return contributionView(row);
  }

  /**
   * A unit hands money to its parent: a `pending` remittance in the ledger, and a one-step case the
   * parent's officers confirm (approve) or dispute (reject with a reason) from their inbox; the case's
   * outcome comes back to the ledger through CampaignRequestsService. The amount may not exceed what
   * the unit holds (`unitHoldings`), checked under the unit's totals row lock (and the campaign's), so
   * concurrent remittances under different keys never hand over more than it holds.
   */
  async remit(userId: string, campaignId: string, key: string, body: RecordRemittanceDto): Promise<RemittanceCreatedDto> {
    const scope = await this.access.scope(userId);
    const campaign = await this.queries.visibleCampaign(scope, campaignId);
    const hash = requestHash({ campaignId, ...body });
    const replay = await this.replayRequest('campaign_remittances', userId, key, hash, campaignId);
    if (replay) return this.reopenRemittanceCase(scope, campaign, replay);

    const unit = this.requestingUnit(scope, campaign, body.unitId);
    refuse(checkUnitRequest(facts(campaign), unit.id));
    if (!isIsoDate(body.date)) throw invalidDate('date');
    refuse(checkRemittanceDate(body.date, facts(campaign), Date.now()));
    // Whole đồng, at least 1 (the DTO checks it too); what the unit holds is checked under its lock below.
    refuse(checkRemittanceAmount(body.amount, Number.MAX_SAFE_INTEGER));

    const id = keyedUuid(userId, key);
    const caseId = keyedUuid(userId, `remittance-case:${key}`);
    const reference = body.reference?.trim() || null;
    const caseBody = this.remittanceCase(scope, campaign, { id, unitId: unit.id, amount: body.amount, date: body.date, reference });
    // Every check of the case passes first (its chain resolves to the parent); then the ledger row,
    // under the locks; then the case's workflow. A retry with the key finds the row and opens the case.
    const write = () => this.writeRequest('campaign_remittances', userId, key, hash, campaignId, async (m) => {
      // The campaign first (the order the case outcome's write takes too), then the unit's totals row.
      const locked = await this.lockedCampaign(m, campaignId, 'UPDATE');
      refuse(checkUnitRequest(facts(locked), unit.id));
      await m.query('INSERT INTO campaign_unit_totals (campaign_id, unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [campaignId, unit.id]);
      const [totals] = await m.query<{ collected: string; received: string; remitted: string }[]>(
        'SELECT collected, received, remitted FROM campaign_unit_totals WHERE campaign_id = $1 AND unit_id = $2 FOR UPDATE',
        [campaignId, unit.id],
      );
      const holds = unitHoldings({ collected: Number(totals.collected), received: Number(totals.received), remitted: Number(totals.remitted) });
      refuse(checkRemittanceAmount(body.amount, holds));
      await m.query('UPDATE campaign_unit_totals SET remitted = remitted + $3 WHERE campaign_id = $1 AND unit_id = $2', [
        campaignId,
        unit.id,
        body.amount,
      ]);
      await m.query(
        `INSERT INTO campaign_remittances (id, campaign_id, unit_id, parent_unit_id, amount, remittance_date, reference, status, case_id,
           created_by, idempotency_key, request_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9, $10, $11)`,
        [id, campaignId, unit.id, unit.parentId, body.amount, body.date, reference, caseId, userId, key, hash],
      );
      await appendCampaignEvent(m, campaignId, {
        action: 'remittance',
        actorId: scope.actor.userId,
        actorName: scope.actor.displayName,
        unitId: unit.id,
        data: { remittanceId: id, caseId, amount: body.amount, date: body.date, parentUnitId: unit.parentId },
        eventKey: keyedUpdateId(userId, key),
        requestHash: hash,
      });
    });
    await this.cases.open(scope, caseId, hash, caseBody, write);
    return { id, caseId };
  }

  /**
   * A unit asks its parent for more time: a `pending` request and a one-step case the parent approves
   * or refuses; approved, the unit records contributions until the end of `until` (see `contribute`).
   * One pending request per unit at a time.
   */
  async requestExtension(userId: string, campaignId: string, key: string, body: RequestExtensionDto): Promise<ExtensionCreatedDto> {
    const scope = await this.access.scope(userId);
    const campaign = await this.queries.visibleCampaign(scope, campaignId);
    const hash = requestHash({ campaignId, ...body });
    const replay = await this.replayRequest('campaign_extensions', userId, key, hash, campaignId);
    if (replay) return this.reopenExtensionCase(scope, campaign, replay);

    const unit = this.requestingUnit(scope, campaign, body.unitId);
    refuse(checkUnitRequest(facts(campaign), unit.id));
    if (!isIsoDate(body.until)) throw invalidDate('until');
    refuse(checkExtensionDate(body.until, facts(campaign), Date.now()));

    const id = keyedUuid(userId, key);
    const caseId = keyedUuid(userId, `extension-case:${key}`);
    const reason = body.reason.trim();
    const caseBody = this.extensionCase(scope, campaign, { id, unitId: unit.id, until: body.until, reason });
    const write = () => this.writeRequest('campaign_extensions', userId, key, hash, campaignId, async (m) => {
      const locked = await this.lockedCampaign(m, campaignId, 'UPDATE');
      refuse(checkUnitRequest(facts(locked), unit.id));
      const pending = await m.query(`SELECT 1 FROM campaign_extensions WHERE campaign_id = $1 AND unit_id = $2 AND status = 'pending'`, [
        campaignId,
        unit.id,
      ]);
      if (pending.length > 0) throw new DomainError('conflict', 'campaign.extension_pending');
      await m.query(
        `INSERT INTO campaign_extensions (id, campaign_id, unit_id, until, reason, status, case_id, created_by, idempotency_key, request_hash)
         VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9)`,
        [id, campaignId, unit.id, body.until, reason, caseId, userId, key, hash],
      );
      await appendCampaignEvent(m, campaignId, {
        action: 'extension_requested',
        actorId: scope.actor.userId,
        actorName: scope.actor.displayName,
        unitId: unit.id,
        comment: reason,
        data: { extensionId: id, caseId, until: body.until },
        eventKey: keyedUpdateId(userId, key),
        requestHash: hash,
      });
    });
    await this.cases.open(scope, caseId, hash, caseBody, write);
    return { id, caseId };
  }

  /** The unit a remittance or an extension is for: visible, in the campaign, and the caller acts there. */
  private requestingUnit(scope: CallerScope, campaign: CampaignRow, unitId: string) {
    const unit = scope.visible.has(unitId) ? scope.byId.get(unitId) : undefined;
    if (!unit) throw new DomainError('not_found', 'unit.not_found');
    if (!subtreeIds(scope.units, campaign.unit_id).has(unit.id)) throw new DomainError('unprocessable', 'campaign.unit_outside');
    if (!actsAt(scope.actor, unit.id)) throw new DomainError('forbidden', 'campaign.not_unit_officer');
    return unit;
  }

  /** The process module campaigns open cases with for `purpose` (found by what it serves, never by name). */
  private primitiveProcess(purpose: string) {
    const module = this.processes.startedBy(CAMPAIGN_PRIMITIVE, purpose);
    if (!module) throw new DomainError('unprocessable', 'process.unknown', { processType: `${CAMPAIGN_PRIMITIVE}/${purpose}` });
    return module;
  }

  /** A remittance's case: at the remitting unit, its payload what the parent needs to confirm it. */
  private remittanceCase(
    scope: CallerScope,
    campaign: CampaignRow,
    r: { id: string; unitId: string; amount: number; date: string; reference: string | null },
  ) {
    return {
      processType: this.primitiveProcess(CAMPAIGN_PURPOSES.remittance).processType,
      unitId: r.unitId,
      title: `${scope.byId.get(r.unitId)?.name ?? ''} nộp ${VND_VI.format(r.amount)} đồng – ${campaign.code}`,
      payload: {
        campaignId: campaign.id,
        campaignCode: campaign.code,
        campaignTitle: campaign.title,
        remittanceId: r.id,
        amount: r.amount,
        date: r.date,
        ...(r.reference ? { reference: r.reference } : {}),
      },
    };
  }

  private extensionCase(scope: CallerScope, campaign: CampaignRow, r: { id: string; unitId: string; until: string; reason: string }) {
    return {
      processType: this.primitiveProcess(CAMPAIGN_PURPOSES.extension).processType,
      unitId: r.unitId,
      title: `${scope.byId.get(r.unitId)?.name ?? ''} xin gia hạn đến ${vietnameseDate(r.until)} – ${campaign.code}`,
      payload: {
        campaignId: campaign.id,
        campaignCode: campaign.code,
        campaignTitle: campaign.title,
        extensionId: r.id,
        endDate: campaign.end_date,
        until: r.until,
        reason: r.reason,
      },
    };
  }

  /** A retry of a remittance whose row is written: the same answer, its case opened if the first try could not (Temporal down). */
  private async reopenRemittanceCase(scope: CallerScope, campaign: CampaignRow, row: RequestRow): Promise<RemittanceCreatedDto> {
    const [r] = await this.dataSource.query<{ unit_id: string; amount: string; date: string; reference: string | null }[]>(
      `SELECT unit_id, amount, to_char(remittance_date, 'YYYY-MM-DD') AS date, reference FROM campaign_remittances WHERE id = $1`,
      [row.id],
    );
    const body = this.remittanceCase(scope, campaign, { id: row.id, unitId: r.unit_id, amount: Number(r.amount), date: r.date, reference: r.reference });
    await this.cases.open(scope, row.case_id, row.request_hash, body);
    return { id: row.id, caseId: row.case_id };
  }

  private async reopenExtensionCase(scope: CallerScope, campaign: CampaignRow, row: RequestRow): Promise<ExtensionCreatedDto> {
    const [r] = await this.dataSource.query<{ unit_id: string; until: string; reason: string }[]>(
      `SELECT unit_id, to_char(until, 'YYYY-MM-DD') AS until, reason FROM campaign_extensions WHERE id = $1`,
      [row.id],
    );
    const body = this.extensionCase(scope, campaign, { id: row.id, unitId: r.unit_id, until: r.until, reason: r.reason });
    await this.cases.open(scope, row.case_id, row.request_hash, body);
    return { id: row.id, caseId: row.case_id };
  }

  /** This user's request under this key: the same body is a retry (its case opened if it is not yet), another is 422. */
  private async replayRequest(table: string, userId: string, key: string, hash: string, campaignId: string): Promise<RequestRow | null> {
    const [row] = await this.dataSource.query<RequestRow[]>(
      `SELECT id, campaign_id, case_id, request_hash FROM ${table} WHERE created_by = $1 AND idempotency_key = $2`,
      [userId, key],
    );
    if (!row) return null;
    if (row.request_hash !== hash || row.campaign_id !== campaignId) throw keyReused();
    return row;
  }

  /**
   * Runs a request's transaction. A concurrent request with the same key that committed first makes it
   * fail on the key: then that one's row stands (and its case is the same, by the key), unless its body
   * differed (422).
   */
  private async writeRequest(
    table: string,
    userId: string,
    key: string,
    hash: string,
    campaignId: string,
    write: (m: EntityManager) => Promise<void>,
  ): Promise<void> {
    try {
      await this.dataSource.transaction(write);
    } catch (err) {
      const constraint = uniqueViolation(err);
      if (constraint === null || !SAME_KEY_CONSTRAINTS.has(constraint)) throw err;
      await this.replayRequest(table, userId, key, hash, campaignId);
    }
  }

  /** The last day of the unit's approved extension in the campaign, if it holds one. */
  private async extendedUntil(m: EntityManager, campaignId: string, unitId: string): Promise<string | null> {
    const [row] = await m.query<{ until: string | null }[]>(
      `SELECT to_char(max(until), 'YYYY-MM-DD') AS until FROM campaign_extensions WHERE campaign_id = $1 AND unit_id = $2 AND status = 'approved'`,
      [campaignId, unitId],
    );
    return row?.until ?? null;
  }

  /**
   * The donor as recorded: a member by the unit's roll (their name from it unless given), a resident
   * or an organization by name, an anonymous gift with neither.
   */
  private async donorName(body: RecordContributionDto): Promise<string | null> {
    const { kind, name, memberId } = body.donor;
    if (kind === 'anonymous') {
      if (name || memberId || body.donor.publicName) throw new DomainError('unprocessable', 'campaign.donor_anonymous_named');
      return null;
    }
    if (kind !== 'member' && memberId) throw new DomainError('unprocessable', 'campaign.donor_member_kind');
    if (memberId) {
      const [member] = await this.dataSource.query<{ full_name: string }[]>('SELECT full_name FROM members WHERE id = $1 AND unit_id = $2', [
        memberId,
        body.unitId,
      ]);
      if (!member) throw new DomainError('unprocessable', 'campaign.member_not_in_unit');
      return name?.trim() || member.full_name;
    }
    if (!name?.trim()) throw new DomainError('unprocessable', 'campaign.donor_name_required');
    return name.trim();
  }

  private async lockedCampaign(m: EntityManager, campaignId: string, mode: 'SHARE' | 'UPDATE'): Promise<CampaignRow> {
    const [row] = await m.query<CampaignRow[]>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1 FOR ${mode}`, [campaignId]);
    return row;
  }
}
