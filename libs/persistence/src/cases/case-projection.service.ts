import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PROCESS_REGISTRY } from '@lienthong/config';
import { caseWorkflowId } from '@lienthong/contracts';
import type { CaseProjection } from '@lienthong/contracts';
import {
  ACTING_ROLES,
  CaseEvent,
  barredFromCurrentStep,
  CaseState,
  chainOutcome,
  decisiveVote,
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
import { CaseOutcomeHandlers } from './case-outcomes';

/**
 * Kinds addressed to a step's deciders: the initiator never decides their own case, so is never told
 * (a milestone, by contrast, the origin branch records, initiator included).
 */
const DECIDER_KINDS = new Set<string>(['decision_needed', 'case_overdue', 'case_escalated', 'case_cancelled']);
const LEDGER_KINDS = new Set<string>(LEDGER_ENTRY_KINDS);

/**
 * Writes what case workflows report into the read model: the `cases` row, the audit trail, the ledger
 * and notifications, in one statement (one round trip, one commit). Temporal retries the activity and
 * may run it twice (a worker dies after the commit, before reporting), and projections of one case may
 * arrive out of order; so every write is idempotent and the case row only ever moves forward (`last_seq`).
 *
 * Concurrency: two projections of one case that carry the same event meet on its row (unique case_id,
 * seq): the second waits for the first to commit, then inserts nothing for it, and so notifies nobody
 * again (notifications are written only for the events the statement itself inserted). Should two
 * ever deadlock, PostgreSQL fails one statement as a whole: nothing of it is written, and like any
 * failed write it is written again (the activity retries; the caller's check row brings the reconciler).
 */
@Injectable()
export class CaseProjectionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PROCESS_REGISTRY) private readonly processes: ProcessRegistry,
    private readonly outcomes: CaseOutcomeHandlers,
  ) {}

  /**
   * `settles`: the Update ID of the caller's check row (ProjectionChecksService), deleted by the same
   * statement: the write and the end of the promise to make it are one commit.
   */
  async apply(projection: CaseProjection, settles?: string): Promise<void> {
    const { state, requestHash } = projection;
    const events = [...projection.events].sort((a, b) => a.seq - b.seq);
    const beyond = events.find((e) => e.seq > state.seq);
    if (beyond) throw new Error(`Projection of case ${state.caseId}: event ${beyond.seq} is beyond the state's seq ${state.seq}`);

    const definition = await this.definitionOf(state);
    const phase = this.processes.phaseOf(state.processType);
    const row = caseColumns(state, requestHash, definition, phase);
    const barred = barredFromCurrentStep(state);
    const p = new Params();
    const caseId = p.add(state.caseId);
    const columns = Object.keys(row);
    const values = columns.map((c) => `${p.add(row[c])}${CASTS[c] ?? ''}`);
    const updates = columns.filter((c) => !IMMUTABLE.has(c)).map((c) => `${c} = EXCLUDED.${c}`);
    // One statement, so one round trip and one commit: the case row, the events not yet stored, the
    // ledger, notifications for exactly the events this statement inserted, and the caller's check.
    // A second projection carrying the same events waits on the first's event rows (unique case_id,
    // seq), then finds them there: it inserts none of them and so notifies nobody again.
    const sql = `WITH upserted AS (
         INSERT INTO cases (${columns.join(', ')}) VALUES (${values.join(', ')})
         ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}
         WHERE cases.last_seq < EXCLUDED.last_seq
         RETURNING id
       ), inserted AS (
         INSERT INTO case_events (case_id, seq, action, actor_id, actor_name, step_id, level_code, unit_id, comment, data, at, update_id, request_hash)
         SELECT ${caseId}::uuid, e.seq, e.action, e.actor_id, e.actor_name, e.step_id, e.level_code, e.unit_id, e.comment, e.data, e.at, e.update_id, e.request_hash
         FROM jsonb_to_recordset(${p.add(JSON.stringify(events.map(eventRow)))}::jsonb) AS e(seq int, action text, actor_id uuid,
           actor_name text, step_id text, level_code text, unit_id uuid, comment text, data jsonb, at timestamptz, update_id text, request_hash text)
         ORDER BY e.seq
         ON CONFLICT (case_id, seq) DO NOTHING
         RETURNING seq
       ), ledger AS (
         INSERT INTO ledger_entries (case_id, seq, kind, amount, entry_date, note, recorded_by, recorded_at)
         SELECT ${caseId}::uuid, l.seq, l.kind, l.amount, l.entry_date, l.note, l.recorded_by, l.recorded_at
         FROM jsonb_to_recordset(${p.add(JSON.stringify(ledgerRows(state.caseId, events)))}::jsonb) AS l(seq int, kind text, amount bigint,
           entry_date date, note text, recorded_by uuid, recorded_at timestamptz)
         ORDER BY l.seq
         ON CONFLICT (case_id, seq) DO NOTHING
       ), plans AS (
         SELECT * FROM jsonb_to_recordset(${p.add(JSON.stringify(notificationRows(state, events, phase, barred)))}::jsonb)
           AS n(n int, seq int, kind text, params jsonb, units uuid[], roles text[], users uuid[], exclude uuid[])
       ), recipients AS (
         SELECT n.n, n.seq, n.kind, n.params, n.exclude, m.user_id FROM plans n
         JOIN memberships m ON m.unit_id = ANY(n.units) AND m.role = ANY(n.roles)
         UNION ALL
         SELECT n.n, n.seq, n.kind, n.params, n.exclude, named.user_id FROM plans n CROSS JOIN unnest(n.users) AS named(user_id)
       ), notified AS (
         INSERT INTO notifications (user_id, case_id, event_seq, kind, params)
         SELECT DISTINCT ON (r.user_id, r.seq, r.kind) r.user_id, ${caseId}::uuid, r.seq, r.kind, r.params
         FROM recipients r JOIN inserted i ON i.seq = r.seq JOIN users u ON u.id = r.user_id
         WHERE u.active AND r.user_id <> ALL(r.exclude)
         ORDER BY r.user_id, r.seq, r.kind, r.n
         ON CONFLICT (user_id, case_id, event_seq, kind) DO NOTHING
       ), settled AS (
         DELETE FROM projection_checks WHERE case_id = ${caseId}::uuid AND update_id = ANY(${p.add(settles ? [settles] : [])}::text[])
       )
       SELECT seq FROM inserted`;

    // A case a primitive opened (a campaign's remittance) tells it how its chain ended. The outcome is
    // written in the same transaction as the event that carries it, and only by the write that inserted
    // that event: the event's unique (case_id, seq) makes it exactly once, whoever writes it (the API
    // after its Update, the worker's reconciler after the API died in between, the workflow's own
    // activity) and however often. Should the process die before the commit, neither is written and
    // the next writer (the reconciler, for the check row left behind) writes both. A workflow activity
    // at completion would also run at least once, but it would need its own idempotency and add
    // history events to every such case; this costs one transaction only where a chain ends.
    const startedBy = this.processes.get(state.processType)?.startedBy;
    const ending = startedBy ? events.filter((e) => chainOutcome(state, e) !== null) : [];
    if (!startedBy || ending.length === 0) {
      await this.dataSource.query(sql, p.values);
      return;
    }
    const handler = this.outcomes.get(startedBy.primitive);
    await this.dataSource.transaction(async (m) => {
      const rows = await m.query<{ seq: number }[]>(sql, p.values);
      const inserted = new Set(rows.map((r) => r.seq));
      for (const event of ending) {
        if (!inserted.has(event.seq)) continue;
        await handler(m, { caseId: state.caseId, purpose: startedBy.purpose, outcome: chainOutcome(state, event)!, event, state });
      }
    });
  }

  /** The definition the case was started with (its organization's own variant, if there is one). */
  private async definitionOf(state: CaseState): Promise<ProcessDefinition | null> {
    // Only with organization variants does the answer depend on the organization: skip the query otherwise.
    const definitions = this.processes.definitions;
    const variants = definitions.some((d) => d.processType === state.processType && d.organizations);
    const rows: { code: string }[] = variants
      ? await this.dataSource.query('SELECT code FROM organizations WHERE id = $1', [state.organizationId])
      : [];
    return definitionOfCase(definitions, state, rows[0]?.code);
  }
}

/** Positional parameters for the projection's statement. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** An event as a `case_events` row (the statement reads them with jsonb_to_recordset). */
function eventRow(e: CaseEvent) {
  return {
    seq: e.seq,
    action: e.action,
    actor_id: e.actor?.userId ?? null,
    actor_name: e.actor?.displayName ?? null,
    step_id: e.stepId,
    level_code: e.levelCode,
    unit_id: e.unitId,
    comment: e.comment,
    data: e.data,
    at: e.at,
    update_id: e.updateId ?? null,
    request_hash: e.requestHash ?? null,
  };
}

/** The `ledger_entries` rows of the events that record money. */
function ledgerRows(caseId: string, events: CaseEvent[]) {
  return events
    .filter((e) => LEDGER_KINDS.has(e.action))
    .map((e) => {
      const amount = e.data?.amount;
      const date = e.data?.date;
      if (!isVnd(amount) || typeof date !== 'string' || !e.actor) {
        throw new Error(`Ledger event ${e.seq} (${e.action}) of case ${caseId} lacks an amount, a date or an actor`);
      }
      return { seq: e.seq, kind: e.action, amount, entry_date: date, note: e.comment, recorded_by: e.actor.userId, recorded_at: e.at };
    });
}

/**
 * Every event's notification plans, numbered in order (where two plans of an event give one user the
 * same kind, the first wins): active officers and chairs of the units (those of `roles` only, when a
 * step is reserved to them), or the users named; never the one who acted, never the initiator as a
 * decider, and `decision_needed` never to someone who may not decide for what they decided already.
 * The statement keeps only the plans of the events it inserted.
 */
function notificationRows(state: CaseState, events: CaseEvent[], phase: ExecutionPhase | null, barred: string[]) {
  return events
    .flatMap((event) =>
      notificationsFor(state, event, phase).map((plan) => {
        const exclude = event.actor ? [event.actor.userId] : [];
        if (DECIDER_KINDS.has(plan.kind)) exclude.push(state.initiator.userId);
        if (plan.kind === 'decision_needed') exclude.push(...barred);
        const to = plan.to;
        const recipients =
          'units' in to
            ? { units: to.units, roles: to.roles ?? ACTING_ROLES, users: [] }
            : { units: [], roles: [], users: 'users' in to ? to.users : [to.user] };
        return { seq: event.seq, kind: plan.kind, params: plan.params, ...recipients, exclude };
      }),
    )
    .map((row, n) => ({ n, ...row }));
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
      if (!step || !decisiveVote(event)) return [];
      const next = state.chain[stepIndex + 1];
      if (next) return [{ kind: 'decision_needed', to: stepDeciders(next), params: at(next) }];
      return [{ kind: 'case_approved', to: initiator, params: withComment(stepParams) }];
    }
    case 'returned':
      return [{ kind: 'case_returned', to: initiator, params: withComment(stepParams) }];
    case 'rejected':
      return decisiveVote(event) ? [{ kind: 'case_rejected', to: initiator, params: withComment(stepParams) }] : [];
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
