/**
 * Item 3 of the benchmarks: the read model at scale. Bulk-loads housing cases with their events into
 * the database a running API uses (straight SQL, in the shapes the projection writes: see
 * read-model.templates.ts), across an organization tree grown from the demo one, then measures the
 * inbox and search over real HTTP as the demo ward officer (`ngocthuy`) and district officer
 * (`longbien`) see them.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { Client } from 'pg';
import { inboxStatements, listStatements } from '../apps/api/src/cases/case-queries.service';
import { foldVietnamese, visibleUnitIds } from '@lienthong/domain';
import { DEMO_ORGANIZATION_CODE, DEMO_PASSWORD } from '@lienthong/persistence';
import { CASE_COLUMN_TYPES, caseTemplates, textSql, valueSql } from './read-model.templates';
import { figures, LatencyFigures, percentile } from './support/stats';

export interface ReadModelBenchOptions {
  /** The database the running API uses (migrated, demo organization seeded). */
  databaseUrl: string;
  /** e.g. http://127.0.0.1:PORT (the API is already running against databaseUrl). */
  apiUrl: string;
  cases?: number;
  units?: number;
  /** Interleaved rounds of all measured queries. */
  rounds?: number;
  samplesPerRound?: number;
  log?: (message: string) => void;
}

export interface ReadModelFigures {
  cases: number;
  events: number;
  units: number;
  loadSeconds: number;
  /** How many cases the ward officer and the district officer see (the scope each query runs in). */
  scope: { wardCases: number; districtCases: number };
  queries: Record<string, LatencyFigures & { description: string }>;
  /** EXPLAIN (ANALYZE, BUFFERS) of the SQL behind each query, as the API runs it. */
  plans?: Record<string, string>;
}

/* ------------------------------------------------------------------------------------------------ */
/* Names: Vietnamese, with diacritics, in realistic proportions.                                     */
/* ------------------------------------------------------------------------------------------------ */

/** Family names by share of the population (%), after the usual surveys: Nguyễn ~38%, Trần ~11%, Lê ~9.5% … */
const FAMILY: [string, number][] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4], ['Huỳnh', 1.1], ['Phan', 4.5], ['Vũ', 3], ['Võ', 0.9],
  ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 1], ['Trương', 0.8],
  ['Đào', 0.8], ['Trịnh', 0.8], ['Mai', 0.5], ['Lương', 0.5], ['Cao', 0.5], ['Hà', 0.5], ['Tạ', 0.3], ['Lưu', 0.3], ['Tô', 0.3],
  ['Kiều', 0.2], ['Chu', 0.3], ['Quách', 0.2],
];
const MALE_MIDDLE: [string, number][] = [
  ['Văn', 45], ['Đức', 8], ['Minh', 7], ['Quang', 6], ['Hữu', 6], ['Đình', 6], ['Xuân', 5], ['Công', 5], ['Ngọc', 3], ['Thanh', 3],
  ['Huy', 2], ['Mạnh', 2], ['Trọng', 2],
];
const FEMALE_MIDDLE: [string, number][] = [
  ['Thị', 65], ['Ngọc', 6], ['Thu', 5], ['Thanh', 5], ['Minh', 4], ['Kim', 4], ['Hồng', 4], ['Bích', 3], ['Thúy', 2], ['Phương', 2],
];
const MALE_GIVEN: [string, number][] = [
  ['Hùng', 6], ['Dũng', 5], ['Minh', 5], ['Tuấn', 5], ['Hải', 4], ['Thắng', 4], ['Sơn', 4], ['Long', 4], ['Bình', 4], ['Cường', 4],
  ['Hòa', 3], ['Nam', 3], ['Quang', 3], ['Thành', 4], ['Trung', 3], ['Vinh', 3], ['Toàn', 2], ['Khải', 2], ['Lực', 2], ['Chiến', 3],
  ['Hưng', 3], ['Tâm', 2], ['Phúc', 2], ['Tùng', 2], ['Việt', 2], ['Đức', 3], ['Thịnh', 2], ['Lâm', 2], ['Hiếu', 2], ['Kiên', 2],
  ['Thuận', 2], ['Tiến', 3],
];
const FEMALE_GIVEN: [string, number][] = [
  ['Hoa', 6], ['Lan', 6], ['Hương', 6], ['Mai', 5], ['Hạnh', 5], ['Nga', 4], ['Thủy', 5], ['Hằng', 5], ['Liên', 4], ['Thu', 4],
  ['Hà', 4], ['Phương', 4], ['Yến', 3], ['Loan', 3], ['Tuyết', 3], ['Hiền', 4], ['Dung', 4], ['Oanh', 3], ['Nhung', 3], ['Vân', 3],
  ['Xuân', 3], ['Huệ', 3], ['Thảo', 3], ['Cúc', 2], ['Đào', 2],
];
/** Veterans' households: the beneficiary is most often the member himself, sometimes a widow or a mother. */
const MALE_SHARE = 0.72;

/** A weighted list as 1,000 slots, so SQL picks with one random index. */
function slots(list: [string, number][]): string[] {
  const total = list.reduce((a, [, w]) => a + w, 0);
  const out: string[] = [];
  for (const [name, w] of list) for (let i = 0; i < Math.round((w / total) * 1000); i++) out.push(name);
  return out;
}

/** Full names typed without diacritics, as an officer would search them; rotated through in the search figures. */
const SEARCH_NAMES = [
  'tran thi hoa',
  'nguyen van hung',
  'le thi lan',
  'pham van minh',
  'hoang duc thang',
  'nguyen thi huong',
  'vu van long',
  'do thi mai',
  'bui quang vinh',
  'dang van son',
];
const COMMON_PREFIX = 'nguyen van';

/* ------------------------------------------------------------------------------------------------ */
/* The organization tree: the demo district grows into a city of districts, wards and branches.     */
/* ------------------------------------------------------------------------------------------------ */

const DISTRICTS = [
  'Ba Đình', 'Hoàn Kiếm', 'Tây Hồ', 'Cầu Giấy', 'Đống Đa', 'Hai Bà Trưng', 'Hoàng Mai', 'Thanh Xuân', 'Nam Từ Liêm', 'Bắc Từ Liêm',
  'Hà Đông', 'Gia Lâm', 'Đông Anh', 'Sóc Sơn', 'Thanh Trì', 'Mê Linh', 'Sơn Tây', 'Ba Vì', 'Phúc Thọ', 'Đan Phượng', 'Hoài Đức',
  'Quốc Oai', 'Thạch Thất', 'Chương Mỹ', 'Thanh Oai', 'Thường Tín', 'Phú Xuyên', 'Ứng Hòa', 'Mỹ Đức',
];
/** Long Biên's wards as they were before 2025 (Ngọc Thụy and Phúc Đồng are the demo's). */
const LONG_BIEN_WARDS = [
  'Ngọc Thụy', 'Phúc Đồng', 'Bồ Đề', 'Cự Khối', 'Đức Giang', 'Gia Thụy', 'Giang Biên', 'Long Biên', 'Ngọc Lâm', 'Phúc Lợi', 'Sài Đồng',
  'Thạch Bàn', 'Thượng Thanh', 'Việt Hưng',
];
const WARD_NAMES = [
  'Quán Thánh', 'Trúc Bạch', 'Liễu Giai', 'Kim Mã', 'Ngọc Hà', 'Hàng Bạc', 'Tràng Tiền', 'Phú Thượng', 'Nhật Tân', 'Yên Hòa',
  'Dịch Vọng', 'Nghĩa Đô', 'Quan Hoa', 'Văn Miếu', 'Kim Liên', 'Láng Thượng', 'Ô Chợ Dừa', 'Bạch Mai', 'Minh Khai', 'Vĩnh Tuy',
  'Định Công', 'Hoàng Liệt', 'Tương Mai', 'Khương Đình', 'Nhân Chính', 'Mỹ Đình', 'Cầu Diễn', 'Cổ Nhuế', 'Xuân Đỉnh', 'Văn Quán',
  'Mộ Lao', 'Yên Nghĩa', 'Trâu Quỳ', 'Đông Dư', 'Tiên Dương', 'Uy Nỗ', 'Phù Lỗ', 'Tứ Hiệp', 'Văn Điển', 'Quang Minh',
];
const WARDS_PER_DISTRICT = 14;

interface TreeUnit {
  id: string;
  name: string;
  level: 'city' | 'district' | 'ward' | 'branch';
  parentId: string | null;
  existing: boolean;
  /** Who works there: [user id, display name]; demo units keep the demo users. */
  officer?: [string, string];
  /** For wards and districts: "phường X, quận Y" for addresses. */
  place?: string;
}

interface Branch {
  branch: TreeUnit;
  ward: TreeUnit;
  district: TreeUnit;
}

/* ------------------------------------------------------------------------------------------------ */

export async function runReadModelBench(options: ReadModelBenchOptions): Promise<ReadModelFigures> {
  const log = options.log ?? (() => undefined);
  const target = options.cases ?? 1_000_000;
  const unitsTarget = options.units ?? 1_000;
  const rounds = options.rounds ?? 3;
  const samples = options.samplesPerRound ?? 100;

  const started = Date.now();
  const { cases, events, units } = await load(options.databaseUrl, target, unitsTarget, log);
  const loadSeconds = (Date.now() - started) / 1000;
  log(`read model: ${cases} cases, ${events} events, ${units} units ready in ${loadSeconds.toFixed(1)} s`);

  const api = new ApiClient(options.apiUrl);
  const ward = await api.login('ngocthuy');
  const district = await api.login('longbien');
  const rotate = (list: string[]) => {
    let i = 0;
    return () => list[i++ % list.length];
  };
  const wardName = rotate(SEARCH_NAMES);
  const districtName = rotate(SEARCH_NAMES);
  const q = (s: string) => `/api/cases?q=${encodeURIComponent(s)}`;
  const scenarios: { key: string; description: string; token: string; path: () => string }[] = [
    { key: 'inbox.ward', description: 'GET /api/inbox as ngocthuy (ward chair)', token: ward, path: () => '/api/inbox' },
    { key: 'inbox.district', description: 'GET /api/inbox as longbien (district chair)', token: district, path: () => '/api/inbox' },
    {
      key: 'search.ward',
      description: `GET /api/cases?q=<full name without diacritics> as ngocthuy, rotating ${SEARCH_NAMES.length} names (${SEARCH_NAMES.slice(0, 3).join(', ')}, …)`,
      token: ward,
      path: () => q(wardName()),
    },
    {
      key: 'search.district',
      description: `GET /api/cases?q=<full name without diacritics> as longbien, the same ${SEARCH_NAMES.length} names`,
      token: district,
      path: () => q(districtName()),
    },
    {
      key: 'search.district.prefix',
      description: `GET /api/cases?q=${COMMON_PREFIX} as longbien: the most common name prefix (~14% of cases)`,
      token: district,
      path: () => q(COMMON_PREFIX),
    },
    { key: 'list.district', description: 'GET /api/cases (first page, newest first) as longbien', token: district, path: () => '/api/cases' },
  ];

  // The loaded rows must read as real ones: the ward's first inbox case opens, with its decisions offered.
  const first = JSON.parse(await api.body('/api/inbox', ward)) as { items: { id: string }[] };
  if (first.items.length === 0) throw new Error('The ward inbox is empty after the load');
  const detail = JSON.parse(await api.body(`/api/cases/${first.items[0].id}`, ward)) as { allowedActions: string[]; timeline: unknown[] };
  if (!detail.allowedActions.includes('approve') || detail.timeline.length === 0) {
    throw new Error(`A loaded case does not read as a real one: ${JSON.stringify(detail).slice(0, 500)}`);
  }

  // And each officer must see the scope the figures claim (a stale view would make every query cheap).
  const visible = async (token: string) => (JSON.parse(await api.body('/api/cases?pageSize=1', token)) as { total: number }).total;
  const scope = { wardCases: await visible(ward), districtCases: await visible(district) };
  log(`read model: ngocthuy sees ${scope.wardCases} cases, longbien ${scope.districtCases}`);
  if (scope.districtCases < target / 20 || scope.wardCases < target / 200) {
    throw new Error(`The officers see too few of the loaded cases (${JSON.stringify(scope)}): is the API's unit tree stale?`);
  }

  // Warm-up: every query a few times (connection pools, plan caches, the database's buffers).
  for (const s of scenarios) for (let i = 0; i < Math.max(10, samples / 5); i++) await api.get(s.path(), s.token);
  const timings: Record<string, number[]> = Object.fromEntries(scenarios.map((s) => [s.key, []]));
  for (let r = 0; r < rounds; r++) {
    for (const s of scenarios) {
      for (let i = 0; i < samples; i++) timings[s.key].push(await api.get(s.path(), s.token));
    }
    log(`read model: round ${r + 1}/${rounds}: ${scenarios.map((s) => `${s.key} p50 ${percentile(timings[s.key], 50).toFixed(1)}`).join(', ')}`);
  }
  api.close();

  const queries = Object.fromEntries(scenarios.map((s) => [s.key, { description: s.description, ...figures(timings[s.key]) }]));
  const plans = await explainAll(options.databaseUrl);
  return { cases, events, units, loadSeconds, scope, queries, plans };
}

/** Keep-alive HTTP/1.1, one connection: what a browser tab does, and no client-side queueing in the figures. */
class ApiClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  constructor(private readonly base: string) {}

  async login(username: string): Promise<string> {
    const { status, body } = await this.request('POST', '/api/auth/login', undefined, JSON.stringify({ username, password: DEMO_PASSWORD }));
    if (status !== 200) throw new Error(`login ${username}: ${status} ${body}`);
    return (JSON.parse(body) as { accessToken: string }).accessToken;
  }

  /** Milliseconds from sending the request to the last byte of a 200. */
  async get(path: string, token: string): Promise<number> {
    const t = process.hrtime.bigint();
    const { status, body } = await this.request('GET', path, token);
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (status !== 200) throw new Error(`GET ${path}: ${status} ${body.slice(0, 300)}`);
    return ms;
  }

  async body(path: string, token: string): Promise<string> {
    const { status, body } = await this.request('GET', path, token);
    if (status !== 200) throw new Error(`GET ${path}: ${status} ${body.slice(0, 300)}`);
    return body;
  }

  close(): void {
    this.agent.destroy();
  }

  private request(method: string, path: string, token?: string, body?: string): Promise<{ status: number; body: string }> {
    const url = new URL(path, this.base);
    return new Promise((resolve, reject) => {
      const req = http.request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Loading                                                                                          */
/* ------------------------------------------------------------------------------------------------ */

async function connect(url: string): Promise<Client> {
  const c = new Client({ connectionString: url, application_name: 'lienthong-bench' });
  // A dropped connection surfaces as the failing query's error, not as an uncaught 'error' event.
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

async function load(url: string, target: number, unitsTarget: number, log: (m: string) => void) {
  const a = await connect(url);
  const b = await connect(url);
  try {
    const count = async () => {
      const [{ cases, events, units }] = (
        await a.query(
          `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_events) AS events,
                  (SELECT count(*)::int FROM units u JOIN organizations o ON o.id = u.organization_id WHERE o.code = $1) AS units`,
          [DEMO_ORGANIZATION_CODE],
        )
      ).rows;
      return { cases, events, units } as { cases: number; events: number; units: number };
    };
    const before = await count();
    if (before.cases >= target) {
      log(`read model: ${before.cases} cases already loaded, skipping the load`);
      return before;
    }
    let t = Date.now();
    const lap = (what: string) => {
      log(`read model: ${what} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      t = Date.now();
    };
    for (const c of [a, b]) {
      // The load's own sessions: no waiting on WAL flushes, no per-row FK trigger (the rows are
      // generated consistent; constraints stay declared and are enforced for everyone else).
      await c.query(`SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '256MB'; SET TimeZone = 'UTC';
                     SET max_parallel_maintenance_workers = 1`);
      // Needs a superuser (the embedded PostgreSQL's is); elsewhere the foreign keys are checked row by row, slower.
      await c.query(`SET session_replication_role = replica`).catch(() => log('read model: not a superuser, foreign keys checked during the load'));
      // Each case's `state` is ~3.7 KB of JSON: compressing 1M of them with the default pglz took most of
      // the load. lz4 (where the server has it) only changes how those values are stored; the measured
      // queries never read `state`.
      await c.query(`SET default_toast_compression = lz4`).catch(() => log('read model: no lz4 here, state compressed with pglz'));
    }
    const branches = await growTree(a, unitsTarget);
    // session_replication_role = replica skips triggers, the one that bumps unit_tree_version among
    // them: without this, a running API would go on serving the tree it cached before the load (and
    // search a district of three units). Anyone bulk-loading units that way must do the same.
    await a.query('UPDATE unit_tree_version SET version = version + 1 WHERE id = 1');
    lap(`organization grown to ${unitsTarget} units (${branches.length} branches)`);
    await buildParams(a, branches, target - before.cases);
    lap(`case parameters for ${target - before.cases} cases`);

    // Secondary indexes and the events' unique constraint are rebuilt after the load (a sort beats
    // a million random inserts into a B-tree larger than shared_buffers).
    const indexes = (
      await a.query<{ def: string; name: string }>(
        `SELECT indexname AS name, indexdef AS def FROM pg_indexes i
          WHERE schemaname = 'public' AND tablename = 'cases'
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      )
    ).rows;
    const uniques = (
      await a.query<{ name: string; def: string }>(
        `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'case_events'::regclass AND contype = 'u'`,
      )
    ).rows;
    for (const i of indexes) await a.query(`DROP INDEX "${i.name}"`);
    for (const u of uniques) await a.query(`ALTER TABLE case_events DROP CONSTRAINT "${u.name}"`);
    lap(`dropped ${indexes.length} indexes and ${uniques.length} constraints`);

    const templates = caseTemplates();
    const columns = Object.keys(templates[0].row);
    const caseSelect = columns
      .map((col) => {
        const type = CASE_COLUMN_TYPES[col];
        if (!type) throw new Error(`No type for column ${col}`);
        const branchesSql = templates.map((tpl, k) => `WHEN ${k} THEN ${valueSql(tpl.row[col], type)}`).join('\n');
        return `CASE p.tpl ${branchesSql} END`;
      })
      .join(',\n');
    const jobs: { what: string; sql: string }[] = [0, 1].map((part) => ({
      what: `cases ${part + 1}/2`,
      sql: `INSERT INTO cases (${columns.join(', ')}) SELECT ${caseSelect} FROM bench_params p WHERE p.i % 2 = ${part} ORDER BY p.upd`,
    }));
    templates.forEach((tpl, k) => {
      const rows = tpl.events.map(
        (e) => `(${[
          String(e.seq),
          valueSql(e.action, 'text'),
          valueSql(e.actor?.userId ?? null, 'uuid'),
          valueSql(e.actor?.displayName ?? null, 'text'),
          valueSql(e.stepId, 'text'),
          valueSql(e.levelCode, 'text'),
          valueSql(e.unitId, 'uuid'),
          valueSql(e.comment, 'text'),
          e.data === null ? 'NULL::jsonb' : valueSql(e.data, 'jsonb'),
          valueSql(e.at, 'timestamptz'),
          valueSql(e.updateId ?? null, 'text'),
          valueSql(e.requestHash ?? null, 'text'),
        ].join(', ')})`,
      );
      jobs.push({
        what: `events of ${tpl.key}`,
        // The hash chain's trigger is skipped too (replica). Chaining 7M events afterwards costs more
        // than the whole bench (~14 min estimated), and no query measured here reads the hashes: the
        // loaded events are marked unchained instead (audit:verify would name every one of them).
        sql: `INSERT INTO case_events (case_id, seq, action, actor_id, actor_name, step_id, level_code, unit_id, comment, data, at, update_id, request_hash,
                chain_pos, hash)
              SELECT p.id, e.*, e.seq, 'unchained: benchmark bulk load' FROM bench_params p
              CROSS JOIN LATERAL (VALUES ${rows.join(',\n')}) e(seq, action, actor_id, actor_name, step_id, level_code, unit_id, comment, data, at, update_id, request_hash)
              WHERE p.tpl = ${k} ORDER BY p.i, e.seq`,
      });
    });
    // Ledger rows for disbursements, as the projection writes them.
    jobs.push({
      what: 'ledger',
      sql: `INSERT INTO ledger_entries (case_id, seq, kind, amount, entry_date, note, recorded_by, recorded_at)
            SELECT e.case_id, e.seq, 'disbursement', (e.data->>'amount')::bigint, (e.data->>'date')::date, e.comment, e.actor_id, e.at
            FROM case_events e WHERE e.action = 'disbursement' AND e.id > $1`,
    });
    const [{ maxEvent }] = (await a.query<{ maxEvent: string }>(`SELECT coalesce(max(id), 0)::text AS "maxEvent" FROM case_events`)).rows;
    const ledger = jobs.pop()!;
    await runParallel([a, b], jobs, log);
    await a.query(ledger.sql, [maxEvent]);
    lap('cases, events and ledger inserted');

    await runParallel(
      [a, b],
      [
        ...uniques.map((u) => ({ what: u.name, sql: `ALTER TABLE case_events ADD CONSTRAINT "${u.name}" ${u.def}` })),
        ...indexes.map((i) => ({ what: i.name, sql: i.def })),
      ].sort((x, y) => Number(y.sql.includes('gin')) - Number(x.sql.includes('gin'))),
      log,
    );
    lap(`rebuilt ${indexes.length} indexes and ${uniques.length} constraints`);
    await a.query(`DROP TABLE IF EXISTS bench_params, bench_branches`);
    await runParallel(
      [a, b],
      ['cases', 'case_events', 'ledger_entries', 'units', 'users', 'memberships'].map((table) => ({
        what: `vacuum ${table}`,
        sql: `VACUUM (ANALYZE) ${table}`,
      })),
      log,
    );
    lap('VACUUM ANALYZE');
    return await count();
  } finally {
    await a.end();
    await b.end();
  }
}

/** Runs statements on the given connections, each taking the next one as it finishes. */
async function runParallel(conns: Client[], jobs: { what: string; sql: string }[], log: (m: string) => void): Promise<void> {
  const queue = [...jobs];
  await Promise.all(
    conns.map(async (c) => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const t = Date.now();
        const res = await c.query(job.sql);
        const ms = Date.now() - t;
        if (ms > 2000) log(`read model:   ${job.what}: ${res.rowCount ?? ''} rows in ${(ms / 1000).toFixed(1)} s`);
      }
    }),
  );
}

/**
 * Grows the demo organization to `total` units: a city above the demo district, more districts,
 * 14 wards in each (Long Biên's real ones), branches spread over the wards. Each new unit gets an
 * officer (branches) or a chair (wards, districts); demo units keep the demo users.
 */
async function growTree(c: Client, total: number): Promise<Branch[]> {
  const [org] = (await c.query<{ id: string }>(`SELECT id FROM organizations WHERE code = $1`, [DEMO_ORGANIZATION_CODE])).rows;
  if (!org) throw new Error('The demo organization is not seeded');
  const levels = async () =>
    Object.fromEntries(
      (await c.query<{ code: string; id: string }>(`SELECT code, id FROM organization_levels WHERE organization_id = $1`, [org.id])).rows.map((r) => [
        r.code,
        r.id,
      ]),
    );
  let level = await levels();
  if (!level.city) {
    await c.query(`INSERT INTO organization_levels (organization_id, code, name, rank) VALUES ($1, 'city', 'Thành phố', 3)`, [org.id]);
    level = await levels();
  }
  const existing = (
    await c.query<{ id: string; name: string; parent_id: string | null; code: string }>(
      `SELECT u.id, u.name, u.parent_id, l.code FROM units u JOIN organization_levels l ON l.id = u.level_id WHERE u.organization_id = $1`,
      [org.id],
    )
  ).rows;
  const demoUser = async (username: string): Promise<[string, string]> => {
    const [u] = (await c.query<{ id: string; display_name: string }>(`SELECT id, display_name FROM users WHERE username = $1`, [username])).rows;
    if (!u) throw new Error(`demo user ${username} missing`);
    return [u.id, u.display_name];
  };
  const byName = (name: string, code: string, parent?: string) => {
    const u = existing.find((x) => x.name === name && x.code === code && (parent === undefined || x.parent_id === parent));
    if (!u) throw new Error(`demo unit ${name} missing`);
    return u;
  };
  const longBien = byName('Hội CCB quận Long Biên', 'district');
  const ngocThuy = byName('Hội CCB phường Ngọc Thụy', 'ward', longBien.id);
  const phucDong = byName('Hội CCB phường Phúc Đồng', 'ward', longBien.id);

  const created: TreeUnit[] = [];
  const add = (u: Omit<TreeUnit, 'id' | 'existing'>) => {
    const unit = { ...u, id: randomUUID(), existing: false };
    created.push(unit);
    return unit;
  };
  const city = add({ name: 'Hội CCB thành phố Hà Nội', level: 'city', parentId: null });
  // Units to add besides the city: districts × (1 + 14 wards) + branches, counting the demo's 6.
  const districts = Math.max(1, Math.min(DISTRICTS.length + 1, Math.round(total / 83)));
  const wardCount = districts * WARDS_PER_DISTRICT;
  const branchCount = Math.max(wardCount, total - 1 - districts - wardCount);

  const wards: TreeUnit[] = [];
  const districtUnits: TreeUnit[] = [];
  for (let d = 0; d < districts; d++) {
    const district: TreeUnit =
      d === 0
        ? { id: longBien.id, name: longBien.name, level: 'district', parentId: city.id, existing: true, officer: await demoUser('longbien.pho'), place: 'quận Long Biên' }
        : add({ name: `Hội CCB quận ${DISTRICTS[d - 1]}`, level: 'district', parentId: city.id, place: `quận ${DISTRICTS[d - 1]}` });
    districtUnits.push(district);
    for (let w = 0; w < WARDS_PER_DISTRICT; w++) {
      let ward: TreeUnit;
      if (d === 0 && w < 2) {
        const demo = w === 0 ? ngocThuy : phucDong;
        ward = { id: demo.id, name: demo.name, level: 'ward', parentId: longBien.id, existing: true, officer: await demoUser(w === 0 ? 'ngocthuy.pho' : 'phucdong') };
      } else {
        const name = d === 0 ? LONG_BIEN_WARDS[w] : WARD_NAMES[(d * WARDS_PER_DISTRICT + w) % WARD_NAMES.length];
        ward = add({ name: `Hội CCB phường ${name}`, level: 'ward', parentId: district.id });
      }
      ward.place = `${ward.name.replace('Hội CCB ', '')}, ${district.place}`;
      wards.push(ward);
    }
  }
  const demoBranches = existing.filter((u) => u.code === 'branch');
  const branches: Branch[] = [];
  const districtOf = (ward: TreeUnit) => districtUnits.find((d) => d.id === ward.parentId)!;
  for (const u of demoBranches) {
    const ward = wards.find((w) => w.id === u.parent_id)!;
    const username = u.parent_id === ngocThuy.id ? (u.name === 'Chi hội 1' ? 'ngocthuy.ch1' : 'ngocthuy.ch2') : 'phucdong.ch1';
    branches.push({ branch: { id: u.id, name: u.name, level: 'branch', parentId: ward.id, existing: true, officer: await demoUser(username) }, ward, district: districtOf(ward) });
  }
  const perWard = new Map(wards.map((w) => [w.id, branches.filter((x) => x.ward.id === w.id).length]));
  for (let i = 0; created.length + existing.length < total && branches.length < branchCount + demoBranches.length; i++) {
    const ward = wards[i % wards.length];
    const n = perWard.get(ward.id)! + 1;
    perWard.set(ward.id, n);
    branches.push({ branch: add({ name: `Chi hội ${n}`, level: 'branch', parentId: ward.id }), ward, district: districtOf(ward) });
  }

  // Users for the new units: one officer per branch, one chair per ward and district, sharing the demo password hash.
  const [{ password_hash }] = (await c.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'admin'`)).rows;
  const newUsers: { id: string; username: string; name: string; unit: string; role: string }[] = [];
  const given = slots(MALE_GIVEN);
  const family = slots(FAMILY);
  const middle = slots(MALE_MIDDLE);
  for (const [k, u] of created.entries()) {
    if (u.level === 'city') continue;
    const name = `${family[(k * 7) % family.length]} ${middle[(k * 13) % middle.length]} ${given[(k * 17) % given.length]}`;
    const id = randomUUID();
    u.officer = [id, name];
    newUsers.push({ id, username: `bench.${u.level}.${k}`, name, unit: u.id, role: u.level === 'branch' ? 'officer' : 'chair' });
  }
  await c.query('BEGIN');
  await c.query(
    `INSERT INTO units (id, organization_id, level_id, parent_id, name)
     SELECT id, $1, level_id, parent_id, name FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) AS t(id, level_id, parent_id, name)`,
    [org.id, created.map((u) => u.id), created.map((u) => level[u.level]), created.map((u) => u.parentId), created.map((u) => u.name)],
  );
  await c.query(`UPDATE units SET parent_id = $1 WHERE id = $2`, [city.id, longBien.id]);
  await c.query(
    `INSERT INTO users (id, username, password_hash, display_name)
     SELECT id, username, $1, display_name FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(id, username, display_name)`,
    [password_hash, newUsers.map((u) => u.id), newUsers.map((u) => u.username), newUsers.map((u) => u.name)],
  );
  await c.query(
    `INSERT INTO memberships (user_id, unit_id, role) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])`,
    [newUsers.map((u) => u.id), newUsers.map((u) => u.unit), newUsers.map((u) => u.role)],
  );
  await c.query('COMMIT');

  await c.query(`DROP TABLE IF EXISTS bench_branches`);
  await c.query(`CREATE UNLOGGED TABLE bench_branches (
    idx int PRIMARY KEY, weight float8, org_id uuid, city_id uuid, city_name text, origin_id uuid, origin_name text,
    ward_id uuid, ward_name text, district_id uuid, district_name text,
    ini_id uuid, ini_name text, wu_id uuid, wu_name text, du_id uuid, du_name text, place text, place_f text)`);
  // Branches differ in size (a few dozen to a few hundred households in need a year).
  const weights = branches.map((_, i) => 0.5 + ((i * 7919) % 101) / 100);
  await c.query(
    `INSERT INTO bench_branches
     SELECT t.idx - 1, t.weight, $1, $2, $3, t.origin_id, t.origin_name, t.ward_id, t.ward_name, t.district_id, t.district_name,
            t.ini_id, t.ini_name, t.wu_id, t.wu_name, t.du_id, t.du_name, t.place, t.place_f
     FROM unnest($4::float8[], $5::uuid[], $6::text[], $7::uuid[], $8::text[], $9::uuid[], $10::text[], $11::uuid[], $12::text[],
                 $13::uuid[], $14::text[], $15::uuid[], $16::text[], $17::text[], $18::text[])
          WITH ORDINALITY AS t(weight, origin_id, origin_name, ward_id, ward_name, district_id, district_name, ini_id, ini_name, wu_id, wu_name,
                               du_id, du_name, place, place_f, idx)`,
    [
      org.id,
      city.id,
      city.name,
      weights,
      branches.map((x) => x.branch.id),
      branches.map((x) => x.branch.name),
      branches.map((x) => x.ward.id),
      branches.map((x) => x.ward.name),
      branches.map((x) => x.district.id),
      branches.map((x) => x.district.name),
      branches.map((x) => x.branch.officer![0]),
      branches.map((x) => x.branch.officer![1]),
      branches.map((x) => x.ward.officer![0]),
      branches.map((x) => x.ward.officer![1]),
      branches.map((x) => x.district.officer![0]),
      branches.map((x) => x.district.officer![1]),
      branches.map((x) => `${x.ward.place}, Hà Nội`),
      branches.map((x) => foldVietnamese(`${x.ward.place}, Hà Nội`)),
    ],
  );
  return branches;
}

/** One row per case to create: its template, branch, people, beneficiary, amounts and submission time. */
async function buildParams(c: Client, branches: Branch[], n: number): Promise<void> {
  const templates = caseTemplates();
  let acc = 0;
  const cum = templates.map((t) => (acc += t.weight) - t.weight);
  const sumW = branches.reduce((a, _, i) => a + 0.5 + ((i * 7919) % 101) / 100, 0);
  let bacc = 0;
  const bcum = branches.map((_, i) => {
    const start = bacc;
    bacc += (0.5 + ((i * 7919) % 101) / 100) / sumW;
    return start;
  });
  // Each list as names, folded names and cumulative shares: width_bucket picks by binary search.
  const pick = (list: [string, number][]) => {
    const total = list.reduce((x, [, w]) => x + w, 0);
    let run = 0;
    return [list.map(([n]) => n), list.map(([n]) => foldVietnamese(n)), list.map(([, w]) => (run += w / total) - w / total)];
  };
  const [famD, famF, famC] = pick(FAMILY);
  const [mmD, mmF, mmC] = pick(MALE_MIDDLE);
  const [fmD, fmF, fmC] = pick(FEMALE_MIDDLE);
  const [mgD, mgF, mgC] = pick(MALE_GIVEN);
  const [fgD, fgF, fgC] = pick(FEMALE_GIVEN);
  // Pending cases are recent; nothing older than what the template's state allows.
  const pendingCap = 60 * 86_400_000;
  const minAge = templates.map((t) => t.minAgeMs);
  const maxAge = templates.map((t) => (t.row.status === 'pending' || t.row.status === 'returned' ? Math.min(t.maxAgeMs, pendingCap) : t.maxAgeMs));
  const lastDelta = templates.map((t) => Date.parse(String(t.row.updated_at)) - Date.parse(String(t.row.created_at)));

  await c.query(`DROP TABLE IF EXISTS bench_params`);
  await c.query(`SELECT setseed(0.4242)`);
  await c.query(
    `CREATE UNLOGGED TABLE bench_params AS
     WITH r AS (
       SELECT i, width_bucket(random(), $1::float8[]) - 1 AS tpl, width_bucket(random(), $2::float8[]) - 1 AS bidx,
              random() < $3 AS male, random() AS f, random() AS m, random() AS g, random() AS age,
              floor(random() * 24)::int + 1 AS grp, 10 + floor(random() * 41)::int AS req, floor(random() * 40)::int AS extra,
              random() AS tod
       FROM generate_series(1, $4::int) AS i
     ), idx AS (
       SELECT r.*, width_bucket(f, $18::float8[]) AS fi,
              CASE WHEN male THEN width_bucket(m, $19::float8[]) ELSE width_bucket(m, $20::float8[]) END AS mi,
              CASE WHEN male THEN width_bucket(g, $21::float8[]) ELSE width_bucket(g, $22::float8[]) END AS gi
       FROM r
     ), named AS (
       SELECT r.*, b.*,
              ($5::text[])[fi] || ' ' || CASE WHEN male THEN ($7::text[])[mi] ELSE ($9::text[])[mi] END
                || ' ' || CASE WHEN male THEN ($11::text[])[gi] ELSE ($13::text[])[gi] END AS name,
              ($6::text[])[fi] || ' ' || CASE WHEN male THEN ($8::text[])[mi] ELSE ($10::text[])[mi] END
                || ' ' || CASE WHEN male THEN ($12::text[])[gi] ELSE ($14::text[])[gi] END AS name_f,
              -- Submitted in office hours (07:30–17:00 in Hà Nội), the age within what the template allows.
              date_trunc('day', now() AT TIME ZONE 'Asia/Ho_Chi_Minh')
                - make_interval(days => floor((($15::float8[])[tpl + 1] + age * (($16::float8[])[tpl + 1] - ($15::float8[])[tpl + 1])) / 86400000)::int)
                + make_interval(secs => 27000 + tod * 34200) AS local_a0
       FROM idx r JOIN bench_branches b ON b.idx = r.bidx
     )
     SELECT i, tpl, gen_random_uuid() AS id, gen_random_uuid() AS uk, org_id, city_id, city_name, origin_id, origin_name,
            ward_id, ward_name, district_id, district_name, ini_id, ini_name, wu_id, wu_name, du_id, du_name,
            name, name_f,
            'Tổ dân phố ' || grp || ', ' || place AS addr, 'to dan pho ' || grp || ', ' || place_f AS addr_f,
            req::bigint * 2000000 AS req, (req + extra)::bigint * 2000000 AS est,
            md5(i::text || 'a') || md5(i::text || 'b') AS rh, md5(i::text || 'c') || md5(i::text || 'd') AS rh2,
            a0, a0 + make_interval(secs => ($17::float8[])[tpl + 1] / 1000) AS upd
     FROM (SELECT named.*, date_trunc('milliseconds', least(local_a0 AT TIME ZONE 'Asia/Ho_Chi_Minh',
             now() - make_interval(secs => ($15::float8[])[tpl + 1] / 1000))) AS a0 FROM named) x`,
    [
      cum, bcum, MALE_SHARE, n,
      famD, famF, mmD, mmF, fmD, fmF, mgD, mgF, fgD, fgF,
      minAge, maxAge, lastDelta,
      famC, mmC, fmC, mgC, fgC,
    ],
  );
}

/* ------------------------------------------------------------------------------------------------ */
/* Plans                                                                                            */
/* ------------------------------------------------------------------------------------------------ */

/** EXPLAIN (ANALYZE, BUFFERS) of the statements behind each measured query, built by the API's own code. */
async function explainAll(url: string): Promise<Record<string, string>> {
  const c = await connect(url);
  try {
    const user = async (username: string) => {
      const { rows } = await c.query<{ id: string }>(`SELECT id FROM users WHERE username = $1`, [username]);
      return rows[0].id;
    };
    const units = (await c.query<{ id: string; organization_id: string; parent_id: string | null }>(
      `SELECT u.id, u.organization_id, u.parent_id FROM units u JOIN organizations o ON o.id = u.organization_id WHERE o.code = $1`,
      [DEMO_ORGANIZATION_CODE],
    )).rows.map((u) => ({ id: u.id, organizationId: u.organization_id, parentId: u.parent_id }));
    const scopeOf = async (username: string) => {
      const id = await user(username);
      const roles = (await c.query<{ unit_id: string; role: string }>(`SELECT unit_id, role FROM memberships WHERE user_id = $1`, [id])).rows;
      const visible = visibleUnitIds(units, roles.map((r) => ({ unitId: r.unit_id, role: r.role as 'officer' })));
      return { userId: id, visible: [...visible], acting: roles.filter((r) => r.role !== 'member').map((r) => r.unit_id) };
    };
    const ward = await scopeOf('ngocthuy');
    const district = await scopeOf('longbien');
    const statements: Record<string, { sql: string; params: unknown[] }> = {};
    const add = (key: string, list: { sql: string; params: unknown[] }[]) => list.forEach((s, i) => (statements[`${key}#${i + 1}`] = s));
    const listed = (l: ReturnType<typeof listStatements>) => (l.rowsCarryTotal ? [l.rows] : [l.rows, l.count]);
    add('inbox.ward', inboxStatements(ward.acting, ward.userId));
    add('inbox.district', inboxStatements(district.acting, district.userId));
    add('search.ward', listed(listStatements(ward.visible, { q: SEARCH_NAMES[0] })));
    add('search.district', listed(listStatements(district.visible, { q: SEARCH_NAMES[0] })));
    add('search.district.prefix', listed(listStatements(district.visible, { q: COMMON_PREFIX })));
    add('list.district', listed(listStatements(district.visible, {})));
    const plans: Record<string, string> = {};
    for (const [key, s] of Object.entries(statements)) {
      const { rows } = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
      plans[key] = rows.map((r) => r['QUERY PLAN']).join('\n');
    }
    return plans;
  } finally {
    await c.end();
  }
}

// Exported for the runner's sanity output.
export { SEARCH_NAMES, COMMON_PREFIX, textSql };
