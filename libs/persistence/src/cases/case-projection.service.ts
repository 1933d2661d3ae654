import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PROCESS_REGISTRY } from '@lienthong/config';
import { caseWorkflowId } from '@lienthong/contracts';
import type { CaseProjection } from '@lienthong/contracts';
import {
  ACTING_ROLES,
  CaseEvent,
  barredFromCurrentStep,
  CaseState,
  definitionOfCase,
  ExecutionPhase,
  FINAL_STATUSES,
  foldVietnamese,
  isVnd,
  NotificationPlan,
  ProcessDefinition,
  ProcessRegistry,
  ResolvedStep,
  stepDeciders,
} from '@lienthong/domain';
import { LEDGER_ENTRY_KINDS } from '../entities';
import { settleChecks } from './projection-checks.service';

/**
 * Kinds addressed to a step's deciders: the initiator never decides their own case, so is never told
 * (a milestone, by contrast, the origin branch records, initiator included).
 */
const DECIDER_KINDS = new Set<string>(['decision_needed', 'case_overdue', 'case_escalated', 'case_cancelled']);
const LEDGER_KINDS = new Set<string>(LEDGER_ENTRY_KINDS);

/**
 * Writes what case workflows report into the read model: the `cases` row, the audit trail, the ledger
 * and notifications, in one transaction. Temporal retries the activity and may run it twice (a worker
 * dies after the commit, before reporting), and projections of one case may arrive out of order; so
 * every write is idempotent and the case row only ever moves forward (`last_seq`).
 *
 * Concurrency: the first statement upserts the case row, which locks it (ON CONFLICT locks the
 * existing row even when its WHERE refuses the update), so two projections of one case run one after
 * the other. The second then finds the events already there, and notifies nobody again.
 */
@Injectable()
export class CaseProjectionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PROCESS_REGISTRY) private readonly processes: ProcessRegistry,
  ) {}

  /**
   * `settles`: the Update ID of the caller's check row (ProjectionChecksService), deleted in the same
   * transaction: the write and the end of the promise to make it are one commit.
   */
  async apply(projection: CaseProjection, settles?: string): Promise<void> {
    const { state, requestHash } = projection;
    const events = [...projection.events].sort((a, b) => a.seq - b.seq);
    const beyond = events.find((e) => e.seq > state.seq);
    if (beyond) throw new Error(`Projection of case ${state.caseId}: event ${beyond.seq} is beyond the state's seq ${state.seq}`);

    await this.dataSource.transaction(async (tx) => {
      const definition = await this.definitionOf(tx, state);
      const phase = this.processes.phaseOf(state.processType);
      await this.upsertCase(tx, state, requestHash, definition, phase);
      const inserted = await this.insertEvents(tx, state.caseId, events);
      await this.insertLedger(tx, state.caseId, events);
      const deciders = barredFromCurrentStep(state);
      for (const event of events.filter((e) => inserted.has(e.seq))) {
        for (const plan of notificationsFor(state, event, phase)) await this.notify(tx, state, event, plan, deciders);
      }
      if (settles) await settleChecks(tx, state.caseId, [settles]);
    });
  }

  /** The definition the case was started with (its organization's own variant, if there is one). */
  private async definitionOf(tx: EntityManager, state: CaseState): Promise<ProcessDefinition | null> {
    // Only with organization variants does the answer depend on the organization: skip the query otherwise.
    const definitions = this.processes.definitions;
    const variants = definitions.some((d) => d.processType === state.processType && d.organizations);
    const rows: { code: string }[] = variants
      ? await tx.query('SELECT code FROM organizations WHERE id = $1', [state.organizationId])
      : [];
    return definitionOfCase(definitions, state, rows[0]?.code);
  }

  private async upsertCase(
    tx: EntityManager,
    state: CaseState,
    requestHash: string,
    definition: ProcessDefinition | null,
    phase: ExecutionPhase | null,
  ): Promise<void> {
    const row = caseColumns(state, requestHash, definition, phase);
    const columns = Object.keys(row);
    const placeholders = columns.map((c, i) => `$${i + 1}${CASTS[c] ?? ''}`);
    const updates = columns.filter((c) => !IMMUTABLE.has(c)).map((c) => `${c} = EXCLUDED.${c}`);
    await tx.query(
      `INSERT INTO cases (${columns.join(', ')}) VALUES (${placeholders.join(', ')})
       ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}
       WHERE cases.last_seq < EXCLUDED.last_seq`,
      Object.values(row),
    );
  }

  /** Appends the events not yet stored; returns the seqs this call inserted. */
  private async insertEvents(tx: EntityManager, caseId: string, events: CaseEvent[]): Promise<Set<number>> {
    const inserted = new Set<number>();
    for (const e of events) {
      const rows: { seq: number }[] = await tx.query(
        `INSERT INTO case_events (case_id, seq, action, actor_id, actor_name, step_id, level_code, unit_id, comment, data, at, update_id, request_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13)
         ON CONFLICT (case_id, seq) DO NOTHING
         RETURNING seq`,
        [
          caseId,
          e.seq,
          e.action,
          e.actor?.userId ?? null,
          e.actor?.displayName ?? null,
          e.stepId,
          e.levelCode,
          e.unitId,
          e.comment,
          e.data === null ? null : JSON.stringify(e.data),
          e.at,
          e.updateId ?? null,
          e.requestHash ?? null,
        ],
      );
      for (const r of rows) inserted.add(r.seq);
    }
    return inserted;
  }

  private async insertLedger(tx: EntityManager, caseId: string, events: CaseEvent[]): Promise<void> {
    for (const e of events) {
      if (!LEDGER_KINDS.has(e.action)) continue;
      const amount = e.data?.amount;
      const date = e.data?.date;
      if (!isVnd(amount) || typeof date !== 'string' || !e.actor) {
        throw new Error(`Ledger event ${e.seq} (${e.action}) of case ${caseId} lacks an amount, a date or an actor`);
      }
      await tx.query(
        `INSERT INTO ledger_entries (case_id, seq, kind, amount, entry_date, note, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (case_id, seq) DO NOTHING`,
        [caseId, e.seq, e.action, amount, date, e.comment, e.actor.userId, e.at],
      );
    }
  }

  /**
   * Active officers and chairs of the units (those of `roles` only, when a step is reserved to them),
   * or the users named; never the one who acted, never the initiator as a decider, and
   * `decision_needed` never to someone who may not decide for what they decided already.
   */
  private async notify(tx: EntityManager, state: CaseState, event: CaseEvent, plan: NotificationPlan, barred: string[]): Promise<void> {
    const exclude = event.actor ? [event.actor.userId] : [];
    if (DECIDER_KINDS.has(plan.kind)) exclude.push(state.initiator.userId);
    if (plan.kind === 'decision_needed') exclude.push(...barred);
    const to = plan.to;
    const [who, target] =
      'units' in to
        ? [`JOIN memberships m ON m.user_id = u.id WHERE m.unit_id = ANY($6::uuid[]) AND m.role = ANY($7::text[])`, [to.units, to.roles ?? ACTING_ROLES]]
        : 'users' in to
          ? [`WHERE u.id = ANY($6::uuid[])`, [to.users]]
          : [`WHERE u.id = $6`, [to.user]];
    await tx.query(
      `INSERT INTO notifications (user_id, case_id, event_seq, kind, params)
       SELECT DISTINCT u.id, $1::uuid, $2::int, $3, $4::jsonb FROM users u
       ${who} AND u.active AND u.id <> ALL($5::uuid[])
       ON CONFLICT (user_id, case_id, event_seq, kind) DO NOTHING`,
      [state.caseId, event.seq, plan.kind, JSON.stringify(plan.params), exclude, ...target],
    );
  }
}

/** Columns never changed once the case row exists. */
const IMMUTABLE = new Set(['id', 'organization_id', 'process_type', 'definition_version', 'origin_unit_id', 'created_by', 'created_at', 'request_hash', 'workflow_id']);
const CASTS: Record<string, string> = { decided_by: '::uuid[]', deciding_roles: '::text[]', deciding_user_ids: '::uuid[]', state: '::jsonb' };

/** The `cases` row for a state, column by column (raw SQL: the upsert needs ON CONFLICT … WHERE). */
export function caseColumns(
  state: CaseState,
  requestHash: string,
  definition: ProcessDefinition | null,
  phase: ExecutionPhase | null,
): Record<string, unknown> {
  const deciding = state.status === 'pending' || state.status === 'returned' ? (state.chain[state.stepIndex] ?? null) : null;
  const { dueAt, overdue } = deadlineOf(state, phase);
  const requested = definition?.requestedAmountField ? state.payload[definition.requestedAmountField] : null;
  const capField = state.plan?.capField;
  const approved = capField ? state.outcome?.[capField] : null;
  const fundingSource = definition?.fundField ? state.outcome?.[definition.fundField] : null;
  return {
    id: state.caseId,
    organization_id: state.organizationId,
    process_type: state.processType,
    definition_version: state.definitionVersion,
    origin_unit_id: state.originUnitId,
    title: state.title,
    status: state.status,
    current_step: deciding?.id ?? null,
    current_level: deciding?.levelCode ?? null,
    deciding_unit_id: deciding?.unitId ?? null,
    due_at: dueAt,
    overdue,
    escalated: state.step?.escalated ?? false,
    requested_amount: isVnd(requested) ? requested : null,
    approved_amount: isVnd(approved) ? approved : null,
    disbursed_amount: state.execution?.disbursed ?? 0,
    funding_source: typeof fundingSource === 'string' ? fundingSource : null,
    created_by: state.initiator.userId,
    created_at: state.submittedAt,
    updated_at: state.updatedAt,
    closed_at: FINAL_STATUSES.includes(state.status) ? state.updatedAt : null,
    last_seq: state.seq,
    decided_by: barredFromCurrentStep(state),
    // Who decides the current step when it is not every officer and chair of its unit (the inbox filters on it).
    deciding_roles: state.status === 'pending' && deciding?.deciderRoles ? deciding.deciderRoles : null,
    deciding_user_ids: state.status === 'pending' && deciding?.council ? deciding.council.map((m) => m.userId) : null,
    search_text: searchText(state, definition),
    request_hash: requestHash,
    state: JSON.stringify(state),
    workflow_id: caseWorkflowId(state.caseId),
  };
}

/** Pending: the step's due time. In execution: what the process's phase says is due next. */
function deadlineOf(state: CaseState, phase: ExecutionPhase | null): { dueAt: string | null; overdue: boolean } {
  if (state.status === 'pending' && state.step) return { dueAt: state.step.dueAt, overdue: state.step.overdue };
  if (state.status === 'in_progress' && state.execution && phase) return phase.deadline(state);
  return { dueAt: null, overdue: false };
}

/** Title and the definition's search fields (dot paths into the payload), folded for diacritic-free search. */
export function searchText(state: CaseState, definition: ProcessDefinition | null): string {
  const parts: string[] = [state.title];
  for (const path of definition?.searchFields ?? []) {
    const value = path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), state.payload);
    if (typeof value === 'string' || typeof value === 'number') parts.push(String(value));
  }
  return foldVietnamese(parts.join(' '));
}

/** Reached the count a step needs: `data.votes`/`data.required` are only there when a step needs several. */
function decisive(event: CaseEvent): boolean {
  const { votes, required } = event.data ?? {};
  return typeof required !== 'number' || (typeof votes === 'number' && votes >= required);
}

/**
 * Who an event tells what. Derived from the event and the case's frozen chain, not from the state at
 * the end of the batch, so an event always yields the same notifications whichever projection carries it.
 */
export function notificationsFor(state: CaseState, event: CaseEvent, phase: ExecutionPhase | null): NotificationPlan[] {
  const base = { title: state.title };
  const at = (step: ResolvedStep) => ({ ...base, stepId: step.id, unitId: step.unitId, unitName: step.unitName });
  const withComment = (params: Record<string, unknown>) => (event.comment ? { ...params, comment: event.comment } : params);
  const initiator = { user: state.initiator.userId };
  const stepIndex = state.chain.findIndex((s) => s.id === event.stepId);
  const step = stepIndex >= 0 ? state.chain[stepIndex] : null;
  const stepParams = step ? at(step) : { ...base, stepId: event.stepId, unitId: event.unitId };

  switch (event.action) {
    case 'submitted':
    case 'resubmitted':
      if (step) return [{ kind: 'decision_needed', to: stepDeciders(step), params: withComment(stepParams) }];
      return event.unitId ? [{ kind: 'decision_needed', to: { units: [event.unitId] }, params: withComment(stepParams) }] : [];
    case 'approved': {
      if (!step || !decisive(event)) return [];
      const next = state.chain[stepIndex + 1];
      if (next) return [{ kind: 'decision_needed', to: stepDeciders(next), params: at(next) }];
      return [{ kind: 'case_approved', to: initiator, params: withComment(stepParams) }];
    }
    case 'returned':
      return [{ kind: 'case_returned', to: initiator, params: withComment(stepParams) }];
    case 'rejected':
      return decisive(event) ? [{ kind: 'case_rejected', to: initiator, params: withComment(stepParams) }] : [];
    case 'cancelled':
      if (step) return [{ kind: 'case_cancelled', to: stepDeciders(step), params: withComment(stepParams) }];
      return event.unitId ? [{ kind: 'case_cancelled', to: { units: [event.unitId] }, params: withComment(stepParams) }] : [];
    case 'overdue':
      if (step) return [{ kind: 'case_overdue', to: stepDeciders(step), params: { ...stepParams, dueAt: event.data?.dueAt } }];
      return event.unitId ? [{ kind: 'case_overdue', to: { units: [event.unitId] }, params: { ...stepParams, dueAt: event.data?.dueAt } }] : [];
    case 'escalated': {
      const to = event.data?.escalatedTo;
      return typeof to === 'string'
        ? [{ kind: 'case_escalated', to: { units: [to] }, params: { ...stepParams, dueAt: event.data?.dueAt, escalatedTo: to } }]
        : [];
    }
    default:
      // The execution phase's own events (milestones, ledger entries, their clock): the process's rules.
      return phase?.notifications(state, event) ?? [];
  }
}
