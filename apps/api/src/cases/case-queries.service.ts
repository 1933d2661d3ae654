import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { allowedActions, CaseState, DomainError, foldVietnamese } from '../../../../libs/domain/src';
import { AccessService, CallerScope, subtreeOf } from '../units/access.service';
import {
  CaseEventRow,
  CaseSummaryRow,
  chainView,
  executionView,
  LedgerRow,
  toLedgerEntry,
  toSummary,
  toTimelineEvent,
} from './case-view';
import { ListCasesQueryDto } from './dto/case-requests.dto';
import { CaseDetailDto, CaseListDto, InboxDto } from './dto/case-responses.dto';

/** What the command side needs of a case before it talks to Temporal. */
export interface CaseRef {
  id: string;
  status: CaseState['status'];
  originUnitId: string;
  organizationId: string;
  processType: string;
  definitionVersion: number;
  currentStep: string | null;
  workflowId: string;
  requestHash: string | null;
}

/** The columns a summary needs, read from the narrow set of page rows (never `state`). */
const CASE_COLUMNS = `c.id, c.process_type, c.title, c.status, c.origin_unit_id, c.current_step, c.current_level,
  c.deciding_unit_id, c.due_at, c.overdue, c.escalated, c.requested_amount, c.approved_amount, c.disbursed_amount,
  c.funding_source, c.created_by, c.created_at, c.updated_at, c.closed_at`;

/** Unit and user names joined onto already-selected case rows `c`. */
const SUMMARY_SELECT = `SELECT ${CASE_COLUMNS}, ou.name AS origin_unit_name, du.name AS deciding_unit_name,
  cu.display_name AS created_by_name`;
const SUMMARY_JOINS = `JOIN units ou ON ou.id = c.origin_unit_id
  LEFT JOIN units du ON du.id = c.deciding_unit_id
  LEFT JOIN users cu ON cu.id = c.created_by`;

const INBOX_LIMIT = 100;

/** `%` and `_` typed by a user are text to find, not wildcards (backslash is LIKE's default escape). */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Positional parameters for hand-written SQL. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Reads of the case read model, always through the caller's visibility: a case is visible when its
 * origin unit is. Plain SQL: the queries are the point here (each is shaped for an index, see
 * the comments), and the rows map to the API in case-view.ts.
 */
@Injectable()
export class CaseQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(userId: string, query: ListCasesQueryDto): Promise<CaseListDto> {
    const scope = await this.access.scope(userId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    let origins = scope.visible;
    if (query.unitId) {
      // A filter on a unit the caller cannot see is refused as if the unit did not exist.
      if (!scope.visible.has(query.unitId)) throw new DomainError('not_found', 'unit.not_found');
      origins = subtreeOf(scope.units, query.unitId);
    }
    if (origins.size === 0) return { items: [], page, pageSize, total: 0 };

    const p = new Params();
    const where = [`c.origin_unit_id = ANY(${p.add([...origins])}::uuid[])`];
    if (query.status) where.push(`c.status = ${p.add(query.status)}`);
    if (query.processType) where.push(`c.process_type = ${p.add(query.processType)}`);
    if (query.overdue !== undefined) where.push(`c.overdue = ${p.add(query.overdue)}`);
    const needle = query.q ? foldVietnamese(query.q) : '';
    // Served by the trigram index on search_text; the stored text is folded the same way.
    if (needle) where.push(`c.search_text LIKE '%' || ${p.add(escapeLike(needle))} || '%'`);
    const filter = where.join(' AND ');

    const countParams = [...p.values];
    // The page is picked from `cases` alone (created_at index), and only its rows are joined to names.
    const rows = this.dataSource.query<CaseSummaryRow[]>(
      `${SUMMARY_SELECT}
       FROM (SELECT ${CASE_COLUMNS} FROM cases c WHERE ${filter}
             ORDER BY c.created_at DESC, c.id DESC LIMIT ${p.add(pageSize)} OFFSET ${p.add((page - 1) * pageSize)}) c
       ${SUMMARY_JOINS}
       ORDER BY c.created_at DESC, c.id DESC`,
      p.values,
    );
    const count = this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM cases c WHERE ${filter}`, countParams);
    const [items, [{ total }]] = await Promise.all([rows, count]);
    return { items: items.map(toSummary), page, pageSize, total };
  }

  /**
   * Cases waiting for the caller's decision: pending at a unit where they decide, not their own, not
   * one they already decided (at this or another step). The (status, deciding_unit_id, due_at) index
   * serves both the rows, earliest due first, and the counts.
   */
  async inbox(userId: string): Promise<InboxDto> {
    const { actor } = await this.access.scope(userId);
    if (actor.unitIds.length === 0) return { items: [], counts: {} };
    const filter = `c.status = 'pending' AND c.deciding_unit_id = ANY($1::uuid[])
      AND c.created_by <> $2 AND NOT ($2::uuid = ANY(coalesce(c.decided_by, '{}'::uuid[])))`;
    const params = [actor.unitIds, actor.userId];
    const [rows, counts] = await Promise.all([
      this.dataSource.query<CaseSummaryRow[]>(
        `${SUMMARY_SELECT}
         FROM (SELECT ${CASE_COLUMNS} FROM cases c WHERE ${filter}
               ORDER BY c.due_at ASC NULLS LAST, c.created_at ASC LIMIT ${INBOX_LIMIT}) c
         ${SUMMARY_JOINS}
         ORDER BY c.due_at ASC NULLS LAST, c.created_at ASC`,
        params,
      ),
      this.dataSource.query<{ process_type: string; n: number }[]>(
        `SELECT c.process_type, count(*)::int AS n FROM cases c WHERE ${filter} GROUP BY c.process_type`,
        params,
      ),
    ]);
    return { items: rows.map(toSummary), counts: Object.fromEntries(counts.map((r) => [r.process_type, r.n])) };
  }

  /** The case, if it exists and the caller may see it; 404 otherwise (the two are not told apart). */
  async ref(scope: CallerScope, caseId: string): Promise<CaseRef> {
    const ref = await this.findRef(caseId);
    if (!ref || !scope.visible.has(ref.originUnitId)) throw new DomainError('not_found', 'case.not_found');
    return ref;
  }

  /** The request hash of the change an Update ID made to a case, or null if it made none. */
  async requestHashOf(caseId: string, updateId: string): Promise<string | null> {
    const rows: { request_hash: string }[] = await this.dataSource.query(
      'SELECT request_hash FROM case_events WHERE case_id = $1 AND update_id = $2 LIMIT 1',
      [caseId, updateId],
    );
    return rows[0]?.request_hash ?? null;
  }

  /** The case by ID regardless of visibility (idempotent replays of a creation), or null. */
  async findRef(caseId: string): Promise<CaseRef | null> {
    const [row] = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT id, status, origin_unit_id, organization_id, process_type, definition_version, current_step, workflow_id, request_hash
       FROM cases WHERE id = $1`,
      [caseId],
    );
    if (!row) return null;
    return {
      id: row.id as string,
      status: row.status as CaseRef['status'],
      originUnitId: row.origin_unit_id as string,
      organizationId: row.organization_id as string,
      processType: row.process_type as string,
      definitionVersion: row.definition_version as number,
      currentStep: row.current_step as string | null,
      workflowId: row.workflow_id as string,
      requestHash: row.request_hash as string | null,
    };
  }

  async detail(userId: string, caseId: string): Promise<CaseDetailDto> {
    return this.detailFor(await this.access.scope(userId), caseId);
  }

  /** The detail as `scope` sees it (the command side already holds the scope). */
  async detailFor(scope: CallerScope, caseId: string): Promise<CaseDetailDto> {
    const [row] = await this.dataSource.query<(CaseSummaryRow & { state: CaseState })[]>(
      `${SUMMARY_SELECT}, c.state FROM cases c ${SUMMARY_JOINS} WHERE c.id = $1`,
      [caseId],
    );
    if (!row || !scope.visible.has(row.origin_unit_id)) throw new DomainError('not_found', 'case.not_found');
    const [events, ledger] = await Promise.all([
      this.dataSource.query<CaseEventRow[]>(
        `SELECT seq, action, actor_id, actor_name, step_id, level_code, unit_id, comment, data, at
         FROM case_events WHERE case_id = $1 ORDER BY seq`,
        [caseId],
      ),
      this.dataSource.query<LedgerRow[]>(
        `SELECT l.seq, l.kind, l.amount, l.entry_date::text AS entry_date, l.note, l.recorded_by,
                u.display_name AS recorded_by_name, l.recorded_at
         FROM ledger_entries l LEFT JOIN users u ON u.id = l.recorded_by
         WHERE l.case_id = $1 ORDER BY l.seq`,
        [caseId],
      ),
    ]);
    const state = row.state;
    return {
      ...toSummary(row),
      payload: state.payload,
      chain: chainView(state),
      execution: executionView(state),
      timeline: events.map(toTimelineEvent),
      ledger: ledger.map(toLedgerEntry),
      allowedActions: allowedActions(state, scope.actor),
    };
  }
}
