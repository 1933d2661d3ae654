import { Inject, Injectable } from '@nestjs/common';
import { UpdateDefinition, WithStartWorkflowOperation } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, PROCESS_REGISTRY } from '@lienthong/config';
import {
  cancelUpdate,
  caseWorkflowId,
  CaseWorkflowInput,
  decideUpdate,
  disbursementUpdate,
  milestoneUpdate,
  repaymentUpdate,
  resubmitUpdate,
  SA_ORIGIN_UNIT,
  SA_PROCESS_TYPE,
  SA_STATUS,
  settlementUpdate,
  submittedUpdate,
  UpdateResult,
} from '@lienthong/contracts';
import {
  Actor,
  ancestorsOf,
  caseSettings,
  CaseStatus,
  definitionOfCase,
  dateInHcm,
  DomainError,
  FINAL_STATUSES,
  FrozenSettings,
  frozenCalendarWindow,
  hasConditionalSteps,
  hasCouncilSteps,
  PathUnit,
  ProcessDefinition,
  ProcessRegistry,
  resolveChain,
  ResolvedStep,
  settingsInForce,
  valueAtPath,
  workingDeadline,
} from '@lienthong/domain';
import { CalendarDaysService, CaseProjectionService, ProjectionChecksService } from '@lienthong/persistence';
import { TemporalClient } from '@lienthong/temporal';
import { keyedUpdateId, keyedUuid, requestHash } from '../common/idempotency';
import { AccessService, CallerScope } from '../units/access.service';
import { CouncilsService } from '../units/councils.service';
import { CaseQueriesService, CaseRef } from './case-queries.service';
import {
  CancelDto,
  CreateCaseDto,
  DecisionDto,
  RecordLedgerEntryDto,
  RecordMilestoneDto,
  RecordSettlementDto,
  ResubmitDto,
} from './dto/case-requests.dto';
import { CaseDetailDto } from './dto/case-responses.dto';
import { callCaseWorkflow, isAlreadyStarted, violationError } from './temporal-errors';

/** Every case workflow takes its input and nothing else; the type is for `args`, not a specific process. */
type CaseWorkflow = (input: CaseWorkflowInput) => Promise<unknown>;

/** What an Update carries besides the actor and the request hash, which `change` adds. */
type UpdateFields<I> = Omit<I, 'actor' | 'requestHash'>;

/**
 * How long one call to a case workflow may take before the API answers 503. A healthy worker answers
 * in well under a second; without a running worker an Update would wait for one indefinitely. The
 * change may still happen later: the reconciler then writes it, and a retry with the same
 * Idempotency-Key returns it. PROJECTION_CHECK_AFTER_SECONDS must be longer than this.
 */
const WORKFLOW_CALL_TIMEOUT_MS = 30_000;

/** Fixed: exactly one `submitted` Update per case, so every retry of a creation attaches to the first. */
const SUBMITTED_UPDATE_ID = 'submitted';

const keyReused = () => new DomainError('unprocessable', 'idempotency.key_reused');

/**
 * Creating and changing cases. The API validates what it can see (the body, the unit, the payload
 * against the process definition), then leaves every rule about the case's progress to the workflow,
 * which runs the same rules in its Update validators; a refusal comes back as the rule's own error.
 * The workflow answers with the change's projection, which is written to the read model before the
 * API answers, so the detail returned is current (see `send` for what happens if we die in between).
 */
@Injectable()
export class CaseCommandsService {
  constructor(
    private readonly access: AccessService,
    private readonly queries: CaseQueriesService,
    private readonly client: TemporalClient,
    private readonly projections: CaseProjectionService,
    private readonly checks: ProjectionChecksService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PROCESS_REGISTRY) private readonly processes: ProcessRegistry,
    private readonly calendarDays: CalendarDaysService,
    private readonly councils: CouncilsService,
  ) {}

  async create(userId: string, key: string, body: CreateCaseDto): Promise<CaseDetailDto> {
    const scope = await this.access.scope(userId);
    // Some processes are opened only by the primitive they serve (a campaign opens its remittances).
    if (this.processes.get(body.processType) && !this.processes.startableByApi(body.processType)) {
      throw new DomainError('unprocessable', 'process.not_startable', { processType: body.processType });
    }
    await this.open(scope, keyedUuid(userId, key), requestHash(body), body);
    return this.queries.detailFor(scope, keyedUuid(userId, key));
  }

  /**
   * Opens a case (or finds the one a retry opened) and waits until it is in the read model: for
   * `POST /api/cases`, and for primitives that open cases of their own processes (a campaign's
   * remittance), which check their own rules first. `caseId` derives from the caller and their key;
   * `hash` is the request's: the same ID with another hash is 422 `idempotency.key_reused`.
   * `beforeStart` runs once every check has passed and the chain is resolved, just before the
   * workflow starts: a primitive writes its own row there, so a case it cannot open leaves nothing
   * behind, and a refusal of its own (over what a unit holds) opens no case.
   */
  async open(
    scope: CallerScope,
    caseId: string,
    hash: string,
    body: { processType: string; unitId: string; title: string; payload: Record<string, unknown> },
    beforeStart?: () => Promise<void>,
  ): Promise<void> {
    // A retry of a creation that went through: answer from the read model without going to Temporal.
    const existing = await this.queries.findRef(caseId);
    if (existing) {
      await this.replayCreation(scope, existing, hash);
      return;
    }

    const unit = scope.visible.has(body.unitId) ? scope.byId.get(body.unitId) : undefined;
    if (!unit) throw new DomainError('not_found', 'unit.not_found');
    const pathUnits = this.pathOf(scope, unit.id);
    if (!pathUnits.some((u) => scope.actor.unitIds.includes(u.id))) throw new DomainError('forbidden', 'case.not_unit_officer');

    const definition = this.processes.definitionFor(body.processType, await this.organizationCode(body.processType, unit.organizationId));
    const workflowType = this.processes.workflowTypeOf(body.processType);
    if (!definition || !workflowType) throw new DomainError('unprocessable', 'process.unknown', { processType: body.processType });
    const payload = await this.validPayload(definition, body.payload, unit.id);
    // The case's date: its settings (caps, thresholds) are those in force on the day it is submitted.
    const frozen = caseSettings(definition, dateInHcm(Date.now()));
    if ('violation' in frozen) throw violationError(frozen.violation);
    const resolved = await this.resolve(definition, pathUnits, payload, frozen.settings, scope.actor.userId);

    const input: CaseWorkflowInput = {
      caseId,
      processType: definition.processType,
      definitionVersion: definition.version,
      organizationId: unit.organizationId,
      originUnitId: unit.id,
      title: body.title.normalize('NFC').trim(),
      payload,
      initiator: { userId: scope.actor.userId, displayName: scope.actor.displayName },
      chain: resolved.chain,
      plan: resolved.plan,
      resubmitTo: definition.resubmitTo,
      ...(definition.restartOnChangeOf ? { restartOnChangeOf: definition.restartOnChangeOf } : {}),
      ...(frozen.settings ? { settings: frozen.settings } : {}),
      calendar: await this.calendarFor(definition, resolved.chain, Date.now()),
      requestHash: hash,
      callerProjects: true,
    };
    await beforeStart?.();
    // Update-with-start: one round trip starts the workflow (or finds the one a concurrent retry
    // started: USE_EXISTING) and waits until the case is in the read model. A closed case under the
    // same ID is never restarted (REJECT_DUPLICATE): Temporal either repeats the first `submitted`
    // result (the hash check below applies) or refuses the start, and then the row answers.
    const start = new WithStartWorkflowOperation<CaseWorkflow>(workflowType, {
      workflowId: caseWorkflowId(caseId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: SA_PROCESS_TYPE, value: definition.processType },
        { key: SA_STATUS, value: 'pending' },
        { key: SA_ORIGIN_UNIT, value: unit.id },
      ],
    });
    try {
      const result = await this.send(caseId, SUBMITTED_UPDATE_ID, () =>
        this.client.workflow.executeUpdateWithStart(submittedUpdate, {
          args: [{ requestHash: hash }],
          updateId: SUBMITTED_UPDATE_ID,
          startWorkflowOperation: start,
        }),
      );
      // The workflow echoes the hash it was started with: another body under this key started it.
      if (result.requestHash !== hash) throw keyReused();
    } catch (err) {
      if (!isAlreadyStarted(err)) throw err;
      await this.checks.settle(caseId, [SUBMITTED_UPDATE_ID]);
      const row = await this.queries.findRef(caseId);
      if (!row) throw new Error(`Workflow ${caseWorkflowId(caseId)} is closed but case ${caseId} is not in the read model`);
      await this.replayCreation(scope, row, hash);
    }
  }

  decide(userId: string, caseId: string, key: string, body: DecisionDto): Promise<CaseDetailDto> {
    return this.change(userId, caseId, key, body, decideUpdate, (ref) => ({
      action: body.action,
      comment: body.comment ?? null,
      data: body.data ?? null,
      // Without it, the decision is about the step the case is at as far as the caller could know.
      expectedStep: body.expectedStep ?? ref.currentStep,
    }));
  }

  /**
   * A revision of a returned case. Where steps depend on the payload (`when`), the chain is resolved
   * again for the revised payload, on the case's own date: the workflow keeps its chain if the steps
   * are the same, and starts over at the first step of the new one if they are not.
   */
  resubmit(userId: string, caseId: string, key: string, body: ResubmitDto): Promise<CaseDetailDto> {
    return this.change(userId, caseId, key, body, resubmitUpdate, async (ref, scope) => {
      const definition = await this.definitionOf(ref);
      const payload = await this.validPayload(definition, body.payload, ref.originUnitId);
      let chain: ResolvedStep[] | null = null;
      if (hasConditionalSteps(definition)) {
        const settings = definition.settings ? settingsInForce(definition.settings, dateInHcm(Date.parse(ref.createdAt))) : undefined;
        chain = (await this.resolve(definition, this.pathOf(scope, ref.originUnitId), payload, settings, scope.actor.userId)).chain;
      }
      return {
        payload,
        title: body.title?.normalize('NFC').trim() ?? null,
        comment: body.comment ?? null,
        ...(chain ? { chain } : {}),
      };
    });
  }

  cancel(userId: string, caseId: string, key: string, body: CancelDto): Promise<CaseDetailDto> {
    return this.change(userId, caseId, key, body, cancelUpdate, () => ({ comment: body.comment ?? null }));
  }

  recordMilestone(userId: string, caseId: string, key: string, body: RecordMilestoneDto): Promise<CaseDetailDto> {
    return this.change(userId, caseId, key, body, milestoneUpdate, () => ({
      kind: body.kind,
      date: body.date,
      note: body.note ?? null,
    }));
  }

  recordDisbursement(userId: string, caseId: string, key: string, body: RecordLedgerEntryDto): Promise<CaseDetailDto> {
    return this.change(userId, caseId, key, body, disbursementUpdate, () => ({ amount: body.amount, date: body.date, note: body.note ?? null }));
  }

  recordRepayment(userId: string, caseId: string, key: string, body: RecordLedgerEntryDto): Promise<CaseDetailDto> {
    return this.change(userId, caseId, key, body, repaymentUpdate, () => ({ amount: body.amount, date: body.date, note: body.note ?? null }));
  }

  recordSettlement(userId: string, caseId: string, key: string, body: RecordSettlementDto): Promise<CaseDetailDto> {
    return this.change(userId, caseId, key, body, settlementUpdate, () => ({ date: body.date, reason: body.reason }));
  }

  /**
   * One change of a visible, open case as a Workflow Update. The Update ID comes from the caller and
   * their Idempotency-Key: Temporal runs an Update ID once and answers repeats with the first result,
   * whose hash tells a true retry from a reused key.
   */
  private async change<I extends { actor: Actor; requestHash: string }>(
    userId: string,
    caseId: string,
    key: string,
    body: object,
    update: UpdateDefinition<UpdateResult, [I]>,
    build: (ref: CaseRef, scope: CallerScope) => UpdateFields<I> | Promise<UpdateFields<I>>,
  ): Promise<CaseDetailDto> {
    const scope = await this.access.scope(userId);
    const hash = requestHash(body);
    const updateId = keyedUpdateId(userId, key);
    const ref = await this.queries.ref(scope, caseId, updateId);
    // A retry of a change that went through: its event names the Update. Answer from the read model,
    // because Temporal forgets Update IDs when the workflow closes (the change may have closed it) or
    // continues as new.
    if (ref.doneHash !== null) {
      if (ref.doneHash !== hash) throw keyReused();
      return this.queries.detailFor(scope, caseId);
    }
    // Closed cases have no workflow left to ask; say so without a round trip.
    if (FINAL_STATUSES.includes(ref.status)) throw closedError(ref.status);
    const args = { ...(await build(ref, scope)), actor: scope.actor, requestHash: hash } as I;
    const handle = this.client.workflow.getHandle(ref.workflowId || caseWorkflowId(caseId));
    const result = await this.send(caseId, updateId, () => handle.executeUpdate(update, { args: [args], updateId }));
    if (result.requestHash !== hash) throw keyReused();
    return this.queries.detailFor(scope, caseId);
  }

  /**
   * The working-day calendar a new case freezes: for its chain, or, when a revision may bring in a
   * conditional step counting working days, in any case (the workflow never reads the table).
   */
  private async calendarFor(definition: ProcessDefinition, chain: ResolvedStep[], now: number) {
    const dayMs = this.config.CASE_DAY_SECONDS * 1000;
    const later = definition.steps.some((s) => s.when && workingDeadline(s.deadline, dayMs).workingDays !== undefined);
    if (!later) return this.calendarDays.forCase(chain, now);
    const { from, to } = frozenCalendarWindow(now);
    return this.calendarDays.between(from, to);
  }

  /** The units from `unitId` up to the top of its organization, as the chain resolver takes them. */
  private pathOf(scope: CallerScope, unitId: string): PathUnit[] {
    return ancestorsOf(scope.units, unitId)
      .reverse()
      .map((id) => scope.byId.get(id)!)
      .map((u) => ({ id: u.id, name: u.name, levelCode: u.level.code, levelName: u.level.name }));
  }

  /** The chain and plan for a case of `definition` on `path` with `payload` (the councils on the path read when a step is a council's). */
  private async resolve(
    definition: ProcessDefinition,
    path: PathUnit[],
    payload: Record<string, unknown>,
    settings: FrozenSettings | undefined,
    initiatorId: string,
  ) {
    const councils = hasCouncilSteps(definition) ? await this.councils.of(path.map((u) => u.id)) : {};
    const resolved = resolveChain(definition, path, this.config.CASE_DAY_SECONDS * 1000, { payload, councils, settings, initiatorId });
    if ('code' in resolved) throw violationError(resolved);
    return resolved;
  }

  private async replayCreation(_scope: CallerScope, row: CaseRef, hash: string): Promise<void> {
    if (row.requestHash !== hash) throw keyReused();
  }

  /**
   * One Update to a case workflow, and its projection written to the read model. A check row is
   * written first and removed once the projection is in (or the workflow refused: nothing changed).
   * If we die in between, or give up waiting on Temporal (503) while the change still goes through
   * later, the row stays behind and the worker's reconciler writes the change from the workflow.
   */
  private async send(caseId: string, updateId: string, call: () => Promise<UpdateResult>): Promise<UpdateResult> {
    await this.checks.expect(caseId, updateId, this.config.PROJECTION_CHECK_AFTER_SECONDS);
    let result: UpdateResult;
    try {
      result = await callCaseWorkflow(
        () => this.client.withDeadline(Date.now() + WORKFLOW_CALL_TIMEOUT_MS, call),
        // The workflow is gone: the case closed after we read it. Name the status it closed with.
        async () => closedError((await this.queries.findRef(caseId))?.status ?? 'completed'),
      );
    } catch (err) {
      if (err instanceof DomainError && err.kind !== 'unavailable') await this.checks.settle(caseId, [updateId]);
      throw err;
    }
    // Absent for cases started before the workflow handed projections back: it wrote this one itself.
    if (result.projection) await this.projections.apply(result.projection, updateId);
    else await this.checks.settle(caseId, [updateId]);
    return result;
  }

  /**
   * The payload as the definition accepts it: its schema (400, naming `payload.<path>`), its business
   * rules (422), and a registered member it names (`memberFields`) must belong to the originating unit.
   * Returns the parsed payload (defaults filled, strings trimmed), which is what the workflow gets.
   */
  private async validPayload(definition: ProcessDefinition, raw: Record<string, unknown>, originUnitId: string) {
    const parsed = definition.payloadSchema.safeParse(raw);
    if (!parsed.success) {
      const byField = new Map<string, string[]>();
      for (const issue of parsed.error.issues) {
        const field = ['payload', ...issue.path.map(String)].join('.');
        byField.set(field, [...(byField.get(field) ?? []), issue.message]);
      }
      const details = [...byField].map(([field, messages]) => ({ field, messages }));
      throw new DomainError('invalid', 'validation.failed', { fields: [...byField.keys()].join(', ') }, details);
    }
    const payload = parsed.data;
    const violation = definition.checkPayload?.(payload, dateInHcm(Date.now()));
    if (violation) throw violationError(violation);
    for (const path of definition.memberFields ?? []) {
      const memberId = valueAtPath(payload, path);
      if (typeof memberId !== 'string') continue;
      const found = await this.dataSource.query('SELECT 1 FROM members WHERE id = $1 AND unit_id = $2', [memberId, originUnitId]);
      if (found.length === 0) throw new DomainError('unprocessable', 'case.member_not_in_unit', { field: `payload.${path}` });
    }
    return payload;
  }

  /** The definition a running case was started with (its type and version, in its organization's variant). */
  private async definitionOf(ref: CaseRef): Promise<ProcessDefinition> {
    const definition = definitionOfCase(this.processes.definitions, ref, await this.organizationCode(ref.processType, ref.organizationId));
    if (!definition) throw new DomainError('unprocessable', 'process.unknown', { processType: ref.processType });
    return definition;
  }

  /** The code that picks an organization's own variant of a process: read only when the process has variants. */
  private async organizationCode(processType: string, organizationId: string): Promise<string> {
    if (!this.processes.definitions.some((d) => d.processType === processType && d.organizations)) return '';
    const [org] = await this.dataSource.query<{ code: string }[]>('SELECT code FROM organizations WHERE id = $1', [organizationId]);
    if (!org) throw new Error(`Organization ${organizationId} not found`);
    return org.code;
  }
}

function closedError(status: CaseStatus | string): DomainError {
  return new DomainError('conflict', 'case.closed', { status });
}
