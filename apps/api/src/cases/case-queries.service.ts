import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PROCESS_REGISTRY } from '@lienthong/config';
import { Actor, allowedActions, CaseState, DeciderRole, DomainError, foldVietnamese, ProcessRegistry } from '@lienthong/domain';
import { AccessService, CallerScope, subtreeOf } from '../units/access.service';
import {
  CaseEventRow,
  CaseSummaryRow,
  chainView,
  executionView,
  iso,
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
  /** When the case was submitted (ISO): its date picks the settings in force for it. */
  createdAt: string;
  /** The request hash of the change the Update asked about made (`ref`'s `updateId`), or null. */
  doneHash: string | null;
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

export interface Statement {
  sql: string;
  params: unknown[];
}

/** The filters of a case list, page and page size resolved. */
export type ListFilter = Pick<ListCasesQueryDto, 'status' | 'processType' | 'overdue' | 'q' | 'page' | 'pageSize'>;

/**
 * Up to this many origin units, a search reads the scope's own cases (`ix_cases_origin_created`: origin,
 * created_at, id and search_text, so an index-only scan) and matches the text with strpos; above it (a
 * city, an admin's whole organization) it asks the trigram index instead. A trigram lookup costs about
 * the same whatever the scope (~50 ms at a million cases: names share trigrams like "  t" and " th" with
 * every row), the scan grows with the scope (a district of ~85k cases: ~15 ms).
 *
 * Within that limit, a search of several words that few of the scope's cases can match asks the word
 * index instead (see wordQueries): a full name across a district then costs a few milliseconds.
 */
export const SCOPE_FIRST_MAX_UNITS = 250;

/** How a list finds its cases: no text (`null`), the scope's scan, the trigram index, the word index. */
export type SearchStrategy = null | 'scope' | 'trigram' | 'words';

/**
 * The statements behind `GET /api/cases` for cases started at `origins`: the page, and the total.
 * Exported so the benchmark explains exactly what the API runs.
 */
export interface ListStatements {
  search: SearchStrategy;
  rows: Statement;
  count: Statement;
  /** The rows statement also returns the total (column `total`) on each row; `count` is then needed only for an empty page. */
  rowsCarryTotal: boolean;
  /**
   * Word index only: the rows statement always returns at least one row (with a null `id` when the page
   * is empty), carrying `total` and `candidates`, the cases the index returned before the exact match.
   * More than this many and the index was the wrong choice: the list is run again as a scan of the scope
   * (the candidates are cut at one more, so the mistake costs a bounded amount).
   */
  candidateCap?: number;
  /** planList only: the sample of the scope that chose between the scan and the word index. */
  sample?: { statement: Statement; counts: WordSample };
}

/** The filters of a list, as SQL on cases `c`; the text match is the caller's. */
function listFilters(p: Params, origins: string[], query: ListFilter): string[] {
  const where = [`c.origin_unit_id = ANY(${p.add(origins)}::uuid[])`];
  if (query.status) where.push(`c.status = ${p.add(query.status)}`);
  if (query.processType) where.push(`c.process_type = ${p.add(query.processType)}`);
  if (query.overdue !== undefined) where.push(`c.overdue = ${p.add(query.overdue)}`);
  return where;
}

/**
 * The statements for a list or a search. `words` asks for the word index; it applies only to a search
 * of two words or more in at most SCOPE_FIRST_MAX_UNITS units (planList decides when it wins).
 */
export function listStatements(origins: string[], query: ListFilter, strategy?: 'words'): ListStatements {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  // search_text is folded the same way by the projection. strpos and LIKE '%…%' (with % and _ escaped)
  // find the same cases; only LIKE can use the trigram index.
  const needle = query.q ? foldVietnamese(query.q) : '';
  if (strategy === 'words' && wordSearchable(origins, needle)) return wordStatements(origins, query, needle, page, pageSize);
  const p = new Params();
  const where = listFilters(p, origins, query);
  const scopeFirst = needle !== '' && origins.length <= SCOPE_FIRST_MAX_UNITS;
  if (scopeFirst) where.push(`strpos(c.search_text, ${p.add(needle)}) > 0`);
  else if (needle) where.push(`c.search_text LIKE '%' || ${p.add(escapeLike(needle))} || '%'`);
  const filter = where.join(' AND ');
  const count = { sql: `SELECT count(*)::int AS total FROM cases c WHERE ${filter}`, params: [...p.values] };
  const limit = `LIMIT ${p.add(pageSize)} OFFSET ${p.add((page - 1) * pageSize)}`;

  if (scopeFirst) {
    // The matches are found in one scan of the scope's index entries, then counted and paged. (Asked
    // for "newest first, 20", the planner would otherwise walk the created_at index of all cases,
    // reading each row, hoping to meet 20 matches soon: ~1 s for a rare name in a ward.)
    return {
      search: 'scope',
      rows: {
        sql: `WITH matches AS MATERIALIZED (SELECT c.id, c.created_at FROM cases c WHERE ${filter}),
              page AS (SELECT id, created_at FROM matches ORDER BY created_at DESC, id DESC ${limit})
              ${SUMMARY_SELECT}, (SELECT count(*)::int FROM matches) AS total
              FROM page JOIN cases c ON c.id = page.id
              ${SUMMARY_JOINS}
              ORDER BY c.created_at DESC, c.id DESC`,
        params: p.values,
      },
      count,
      rowsCarryTotal: true,
    };
  }
  // The page's IDs come from `cases` alone (created_at index), and only its rows are joined to names.
  return {
    search: needle ? 'trigram' : null,
    rows: {
      sql: `${SUMMARY_SELECT}
            FROM (SELECT c.id, c.created_at FROM cases c WHERE ${filter} ORDER BY c.created_at DESC, c.id DESC ${limit}) page
            JOIN cases c ON c.id = page.id
            ${SUMMARY_JOINS}
            ORDER BY c.created_at DESC, c.id DESC`,
      params: p.values,
    },
    count,
    rowsCarryTotal: false,
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* The word index (ix_cases_search_words, see the SearchWords migration)                            */
/* ------------------------------------------------------------------------------------------------ */

/** The index's expression, which a query must repeat exactly for the planner to use the index. */
const SEARCH_WORDS = 'array_to_tsvector(case_search_words(left(md5(c.origin_unit_id::text), 8), c.search_text))';

/** The index cuts words to this many characters, and so does the query. */
const WORD_MAX_CHARS = 200;

/** By characters (code points), as PostgreSQL's left() and reverse() count them. */
const cut = (word: string) => [...word].slice(0, WORD_MAX_CHARS).join('');
const reversed = (word: string) => [...word].reverse().join('');

/** A tsquery operand: quoted, embedded quotes and backslashes doubled, taken as is (no parsing, no stemming). */
const lexeme = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The index's tag for an origin unit: 8 hex digits of the md5 of its id. */
export function unitTag(unitId: string): string {
  return createHash('md5').update(unitId.toLowerCase()).digest('hex').slice(0, 8);
}

/** The word index can only look for a folded needle of two words or more, in a scope of SCOPE_FIRST_MAX_UNITS units at most. */
function wordSearchable(origins: string[], needle: string): boolean {
  return needle.includes(' ') && origins.length > 0 && origins.length <= SCOPE_FIRST_MAX_UNITS;
}

/**
 * What the word index is asked for a folded needle "q1 q2 … qn" (n ≥ 2): in each origin unit, the cases
 * with a word that ends with q1 (is it, or ends with it), the words q2 … qn-1, and a word that starts
 * with qn (is it, or starts with it). Every case where the needle occurs is among them; the statement
 * then checks each with strpos, so the results are those of the scan. The last query, `+`, brings the
 * cases whose text was too long to be indexed whole.
 */
export function wordQueries(origins: string[], needle: string): string[] {
  const words = needle.split(' ');
  const last = words.length - 1;
  const perUnit = origins.map((unit) => {
    const tag = unitTag(unit);
    return words
      .map((word, i) => {
        const whole = lexeme(`${tag}|${cut(word)}`);
        if (i === 0) return `(${whole} | ${lexeme(`${tag}~${cut(reversed(word))}`)}:*)`;
        if (i === last) return `(${whole} | ${lexeme(`${tag}^${cut(word)}`)}:*)`;
        return whole;
      })
      .join(' & ');
  });
  return [...perUnit, lexeme('+')];
}

/**
 * At most this many candidates for the word index: past it, planList's sample misjudged the scope (the
 * words are common there), and the list is run as the scope's scan instead.
 */
export function wordCandidateCap(units: number): number {
  return Math.max(5_000, 50 * units);
}

/**
 * A sample of the scope, to tell whether the word index wins: the newest few cases of each origin unit
 * (index-only, a fraction of a millisecond), how many of them the index would return for the needle
 * (`candidates`: the conditions of wordQueries, with strpos), and how many have a word that q1 ends or
 * qn starts without being all of it (`partial`: the index reads those entries whole).
 */
export function wordSampleStatement(origins: string[], needle: string): Statement {
  const words = needle.split(' ');
  const [first, last] = [words[0], words[words.length - 1]];
  const p = new Params();
  const units = p.add(origins);
  const perUnit = p.add(Math.min(50, Math.max(3, Math.ceil(400 / origins.length))));
  const text = `' ' || s.search_text || ' '`;
  const candidate = words.map((word, i) => {
    if (i === 0) return `strpos(${text}, ${p.add(`${word} `)}) > 0`;
    if (i === words.length - 1) return `strpos(${text}, ${p.add(` ${word}`)}) > 0`;
    return `strpos(${text}, ${p.add(` ${word} `)}) > 0`;
  });
  // Once the whole words are blanked out, what is left of "q1 " ends a longer word, of " qn" starts one.
  const partial = [
    `strpos(replace(${text}, ${p.add(` ${first} `)}, ' '), ${p.add(`${first} `)}) > 0`,
    `strpos(replace(${text}, ${p.add(` ${last} `)}, ' '), ${p.add(` ${last}`)}) > 0`,
  ];
  return {
    sql: `SELECT count(*)::int AS sampled, (count(*) FILTER (WHERE ${candidate.join(' AND ')}))::int AS candidates,
                 (count(*) FILTER (WHERE ${partial.join(' OR ')}))::int AS partial
          FROM unnest(${units}::uuid[]) AS u(id)
          CROSS JOIN LATERAL (SELECT c.search_text FROM cases c WHERE c.origin_unit_id = u.id
                              ORDER BY c.created_at DESC LIMIT ${perUnit}) s`,
    params: p.values,
  };
}

export interface WordSample {
  sampled: number;
  candidates: number;
  partial: number;
}

/**
 * The word index wins when it returns few of the scope's cases and reads few of them whole. Per case of
 * the scope, the scan costs an index entry and a strpos (~0.25 µs); the index costs per candidate a heap
 * row and a strpos (~1.5 µs), per entry of a whole word a few ns, per entry of a partial one a bitmap
 * slot (~0.3 µs). So: at most 1 candidate in 20 and 1 partial word in 5. A scope whose sample is small is
 * cheap to scan anyway.
 */
export function wordsWin(sample: WordSample): boolean {
  return sample.sampled >= 100 && sample.candidates * 20 <= sample.sampled && sample.partial * 5 <= sample.sampled;
}

function wordStatements(origins: string[], query: ListFilter, needle: string, page: number, pageSize: number): ListStatements {
  const p = new Params();
  const candidateCap = wordCandidateCap(origins.length);
  // The candidates come from the index alone: nothing else in this WHERE, or the planner would combine
  // it with the scope's B-tree (a bitmap of the whole scope, the very scan this avoids).
  const candidates = `SELECT c.id, c.created_at, c.origin_unit_id, c.status, c.process_type, c.overdue, c.search_text
    FROM cases c WHERE ${SEARCH_WORDS} @@ ANY(${p.add(wordQueries(origins, needle))}::tsquery[]) LIMIT ${p.add(candidateCap + 1)}`;
  // Then the exact match, as the scan does it, and the scope: two units may share a tag.
  const where = [...listFilters(p, origins, query), `strpos(c.search_text, ${p.add(needle)}) > 0`].join(' AND ');
  const ctes = `WITH candidates AS MATERIALIZED (${candidates}),
    matches AS MATERIALIZED (SELECT c.id, c.created_at FROM candidates c WHERE ${where})`;
  const count = {
    sql: `${ctes} SELECT (SELECT count(*)::int FROM matches) AS total, (SELECT count(*)::int FROM candidates) AS candidates`,
    params: [...p.values],
  };
  const limit = `LIMIT ${p.add(pageSize)} OFFSET ${p.add((page - 1) * pageSize)}`;
  return {
    search: 'words',
    rows: {
      // One row at least: the counts, with the page's rows joined (none: one row of nulls).
      sql: `${ctes}, page AS (SELECT id, created_at FROM matches ORDER BY created_at DESC, id DESC ${limit})
            SELECT n.total, n.candidates, s.*
            FROM (SELECT (SELECT count(*)::int FROM matches) AS total, (SELECT count(*)::int FROM candidates) AS candidates) n
            LEFT JOIN LATERAL (${SUMMARY_SELECT} FROM page JOIN cases c ON c.id = page.id ${SUMMARY_JOINS}) s ON true
            ORDER BY s.created_at DESC, s.id DESC`,
      params: p.values,
    },
    count,
    rowsCarryTotal: true,
    candidateCap,
  };
}

/** Runs a statement (the API's DataSource, the benchmark's client). */
export type SqlRunner = <T>(sql: string, params: unknown[]) => Promise<T[]>;

/**
 * The statements for a list, choosing for a search of several words between the scope's scan and the
 * word index by a sample of the scope (wordSampleStatement, one round trip).
 */
export async function planList(run: SqlRunner, origins: string[], query: ListFilter): Promise<ListStatements> {
  const needle = query.q ? foldVietnamese(query.q) : '';
  if (wordSearchable(origins, needle)) {
    const sample = wordSampleStatement(origins, needle);
    const [counts] = await run<WordSample>(sample.sql, sample.params);
    return { ...listStatements(origins, query, wordsWin(counts) ? 'words' : undefined), sample: { statement: sample, counts } };
  }
  return listStatements(origins, query);
}

/**
 * The statements behind `GET /api/inbox`: pending at a unit where the user decides, not their own,
 * not one they may no longer decide for what they decided already (at this or another step). A step
 * reserved to some roles (`deciding_roles`: the chair signs) is in the inbox of those roles only; a
 * council's step (`deciding_user_ids`) in its members' only, whatever their role at the unit (pass
 * the units where the user holds any membership as `memberOf`). The partial index of pending cases
 * (`ix_cases_pending_inbox`: deciding unit, due, submitted, with creator, deciders, process, roles and
 * council) serves the first 100, earliest due first, and the counts without reading the table.
 * Without `roles`, the user is officer and chair at each of `unitIds`.
 */
export function inboxStatements(
  unitIds: string[],
  userId: string,
  more: { roles?: Actor['roles']; memberOf?: string[] } = {},
): [rows: Statement, counts: Statement] {
  const holds = (role: DeciderRole) => unitIds.filter((u) => !more.roles || (more.roles[u] ?? []).includes(role));
  const candidates = [...new Set([...unitIds, ...(more.memberOf ?? [])])];
  const filter = `c.status = 'pending' AND c.deciding_unit_id = ANY($1::uuid[])
      AND c.created_by <> $2 AND NOT ($2::uuid = ANY(coalesce(c.decided_by, '{}'::uuid[])))
      AND CASE WHEN c.deciding_user_ids IS NOT NULL THEN $2::uuid = ANY(c.deciding_user_ids)
               WHEN c.deciding_roles IS NULL THEN c.deciding_unit_id = ANY($3::uuid[])
               ELSE ('chair' = ANY(c.deciding_roles) AND c.deciding_unit_id = ANY($4::uuid[]))
                 OR ('officer' = ANY(c.deciding_roles) AND c.deciding_unit_id = ANY($5::uuid[])) END`;
  const params = [candidates, userId, unitIds, holds('chair'), holds('officer')];
  return [
    {
      sql: `${SUMMARY_SELECT}
         FROM (SELECT c.id FROM cases c WHERE ${filter}
               ORDER BY c.due_at ASC NULLS LAST, c.created_at ASC LIMIT ${INBOX_LIMIT}) inbox
         JOIN cases c ON c.id = inbox.id
         ${SUMMARY_JOINS}
         ORDER BY c.due_at ASC NULLS LAST, c.created_at ASC`,
      params,
    },
    { sql: `SELECT c.process_type, count(*)::int AS n FROM cases c WHERE ${filter} GROUP BY c.process_type`, params },
  ];
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
    @Inject(PROCESS_REGISTRY) private readonly processes: ProcessRegistry,
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

    const filter = { ...query, page, pageSize };
    const run: SqlRunner = (sql, params) => this.dataSource.query(sql, params);
    let statements = await planList(run, [...origins], filter);
    if (statements.search === 'words') {
      const found = await this.dataSource.query<(CaseSummaryRow & { total: number; candidates: number })[]>(statements.rows.sql, statements.rows.params);
      if (found[0].candidates <= statements.candidateCap!) {
        return { items: found.filter((row) => row.id !== null).map(toSummary), page, pageSize, total: found[0].total };
      }
      statements = listStatements([...origins], filter);
    }
    const { rows, count, rowsCarryTotal } = statements;
    const counting = async () => (await this.dataSource.query<{ total: number }[]>(count.sql, count.params))[0].total;
    if (rowsCarryTotal) {
      const items = await this.dataSource.query<(CaseSummaryRow & { total: number })[]>(rows.sql, rows.params);
      // An empty page: no matches at all on page 1, or a page past the end (whose total is still told).
      const total = items.length > 0 ? items[0].total : page === 1 ? 0 : await counting();
      return { items: items.map(toSummary), page, pageSize, total };
    }
    const [items, total] = await Promise.all([this.dataSource.query<CaseSummaryRow[]>(rows.sql, rows.params), counting()]);
    return { items: items.map(toSummary), page, pageSize, total };
  }

  /** Cases waiting for the caller's decision (see inboxStatements). */
  async inbox(userId: string): Promise<InboxDto> {
    const { actor, memberships } = await this.access.scope(userId);
    // Council members vote whatever their role at the unit: any unit the user belongs to may hold their council's case.
    const memberOf = [...new Set(memberships.map((m) => m.unitId))];
    if (memberOf.length === 0) return { items: [], counts: {} };
    const [rows, counts] = inboxStatements(actor.unitIds, actor.userId, { roles: actor.roles, memberOf });
    const [items, perProcess] = await Promise.all([
      this.dataSource.query<CaseSummaryRow[]>(rows.sql, rows.params),
      this.dataSource.query<{ process_type: string; n: number }[]>(counts.sql, counts.params),
    ]);
    return { items: items.map(toSummary), counts: Object.fromEntries(perProcess.map((r) => [r.process_type, r.n])) };
  }

  /**
   * The case, if it exists and the caller may see it; 404 otherwise (the two are not told apart).
   * With `updateId`, in the same read: `doneHash`, the request hash of the change that Update made
   * to the case (its events name it), or null if it made none.
   */
  async ref(scope: CallerScope, caseId: string, updateId?: string): Promise<CaseRef> {
    const ref = await this.findRef(caseId, updateId);
    if (!ref || !scope.visible.has(ref.originUnitId)) throw new DomainError('not_found', 'case.not_found');
    return ref;
  }

  /** The case by ID regardless of visibility (idempotent replays of a creation), or null. `updateId`: see `ref`. */
  async findRef(caseId: string, updateId?: string): Promise<CaseRef | null> {
    const [row] = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT id, status, origin_unit_id, organization_id, process_type, definition_version, current_step, workflow_id, request_hash, created_at,
         (SELECT e.request_hash FROM case_events e WHERE e.case_id = $1 AND e.update_id = $2 LIMIT 1) AS done_hash
       FROM cases WHERE id = $1`,
      [caseId, updateId ?? null],
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
      createdAt: iso(row.created_at as Date),
      doneHash: row.done_hash as string | null,
    };
  }

  async detail(userId: string, caseId: string): Promise<CaseDetailDto> {
    return this.detailFor(await this.access.scope(userId), caseId);
  }

  /** The detail as `scope` sees it (the command side already holds the scope). */
  async detailFor(scope: CallerScope, caseId: string): Promise<CaseDetailDto> {
    // One round trip: the row with its events and ledger entries as JSON arrays (timestamps come as
    // ISO text, the amount as text, as the mappers in case-view.ts accept).
    const [row] = await this.dataSource.query<(CaseSummaryRow & { state: CaseState; events: CaseEventRow[]; ledger: LedgerRow[] })[]>(
      `${SUMMARY_SELECT}, c.state,
         (SELECT coalesce(json_agg(e ORDER BY e.seq), '[]') FROM (
            SELECT seq, action, actor_id, actor_name, step_id, level_code, unit_id, comment, data, at
            FROM case_events WHERE case_id = c.id) e) AS events,
         (SELECT coalesce(json_agg(l ORDER BY l.seq), '[]') FROM (
            SELECT l.seq, l.kind, l.amount::text AS amount, l.entry_date::text AS entry_date, l.note, l.recorded_by,
                   u.display_name AS recorded_by_name, l.recorded_at
            FROM ledger_entries l LEFT JOIN users u ON u.id = l.recorded_by WHERE l.case_id = c.id) l) AS ledger
       FROM cases c ${SUMMARY_JOINS} WHERE c.id = $1`,
      [caseId],
    );
    if (!row || !scope.visible.has(row.origin_unit_id)) throw new DomainError('not_found', 'case.not_found');
    const { state, events, ledger } = row;
    return {
      ...toSummary(row),
      payload: state.payload,
      chain: chainView(state),
      execution: executionView(state),
      timeline: events.map(toTimelineEvent),
      ledger: ledger.map(toLedgerEntry),
      allowedActions: allowedActions(state, scope.actor, this.processes.phaseOf(state.processType)),
    };
  }
}
