import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { listStatements, SCOPE_FIRST_MAX_UNITS, Statement, unitTag, wordCandidateCap } from '../../apps/api/src/cases/case-queries.service';
import { openCase, PathUnit, resolveChain } from '@lienthong/domain';
import { housingSupportDefinition } from '@lienthong/processes';
import { CaseProjectionService } from '@lienthong/persistence';
import { casesApi, demoPath } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';
import { PAYLOAD } from '../support/workflow-harness';

/**
 * The read side's shapes at a glance, without Temporal: cases written by the real projection, then
 * listed, searched (scope first, and through the trigram index for scopes above SCOPE_FIRST_MAX_UNITS)
 * and paged over HTTP; and the cached unit tree seeing a unit added by plain SQL at once. Then search
 * through the word index, which must find exactly what the scan finds.
 */
describe('case lists, search and paging; the unit tree cache', () => {
  let apps: TestApps;
  let api: ReturnType<typeof casesApi>;
  let ward: string;
  let path: PathUnit[];
  let orgId: string;
  let initiator: string;

  beforeAll(async () => {
    apps = await startTestApps({ worker: false });
    api = casesApi(apps);
    ward = await apps.login('ngocthuy');
    ({ path, orgId } = await demoPath(apps.dataSource));
    [{ id: initiator }] = await apps.dataSource.query(`SELECT id FROM users WHERE username = 'ngocthuy.ch1'`);

    // 25 cases, one a minute, every fifth for a Trần Thị Hoa, one whose title holds a literal "50%_".
    const projection = apps.api.get(CaseProjectionService);
    const resolved = resolveChain(housingSupportDefinition, path);
    if (!('chain' in resolved)) throw new Error(resolved.code);
    const t0 = Date.now() - 60 * 60_000;
    for (let i = 0; i < 25; i++) {
      const name = i % 5 === 0 ? 'Trần Thị Hoa' : `Nguyễn Văn Hùng ${i}`;
      const { state, events } = openCase(
        {
          caseId: randomUUID(),
          processType: housingSupportDefinition.processType,
          definitionVersion: housingSupportDefinition.version,
          organizationId: orgId,
          originUnitId: path[0].id,
          title: i === 7 ? 'Hỗ trợ 50%_ chi phí sửa nhà' : `Xây mới nhà cho hội viên ${name}`,
          payload: { ...PAYLOAD, beneficiary: { name, address: 'Tổ dân phố 1, phường Ngọc Thụy' } },
          initiator: { userId: initiator, displayName: 'Nguyễn Văn Thành' },
          chain: resolved.chain,
          plan: resolved.plan,
          resubmitTo: 'returning-step',
        },
        t0 + i * 60_000,
      );
      await projection.apply({ state, events, requestHash: 'b'.repeat(64) });
    }
  });
  afterAll(async () => {
    await apps?.close();
  });

  const list = async (query: string) => (await api.get(ward, `/api/cases?${query}`).expect(200)).body as { items: { title: string; createdAt: string }[]; total: number; page: number };

  it('searches without accents in the caller’s scope, newest first, with the total over all pages', async () => {
    const found = await list('q=tran thi hoa&pageSize=2');
    expect(found.total).toBe(5);
    expect(found.items).toHaveLength(2);
    expect(found.items.every((c) => c.title.includes('Trần Thị Hoa'))).toBe(true);
    expect(Date.parse(found.items[0].createdAt)).toBeGreaterThan(Date.parse(found.items[1].createdAt));
    const last = await list('q=TRAN THI HOA&pageSize=2&page=3');
    expect(last).toMatchObject({ total: 5, page: 3 });
    expect(last.items).toHaveLength(1);
    // A page past the end is empty and still tells the total; no match at all is total 0.
    expect(await list('q=tran thi hoa&pageSize=2&page=9')).toMatchObject({ items: [], total: 5 });
    expect(await list('q=khong co ai')).toMatchObject({ items: [], total: 0 });
    // What a user types is text, not a pattern: % and _ match only themselves.
    expect((await list('q=50%25_')).items.map((c) => c.title)).toEqual(['Hỗ trợ 50%_ chi phí sửa nhà']);
    expect((await list('q=%25')).total).toBe(1);
  });

  it('pages through everything in order without OFFSET gaps or repeats', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) seen.push(...(await list(`pageSize=10&page=${page}`)).items.map((c) => c.createdAt));
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('finds the same through the trigram index when the scope is larger than SCOPE_FIRST_MAX_UNITS', async () => {
    // Grow the ward by enough branches that its scope takes the LIKE path; the tree cache must see them.
    const [{ level_id }] = await apps.dataSource.query(`SELECT level_id FROM units WHERE id = $1`, [path[0].id]);
    const before = (await api.get(ward, '/api/units').expect(200)).body.items.length as number;
    await apps.dataSource.query(
      `INSERT INTO units (organization_id, level_id, parent_id, name)
       SELECT $1, $2, $3, 'Chi hội thêm ' || g FROM generate_series(1, $4::int) g`,
      [orgId, level_id, path[1].id, SCOPE_FIRST_MAX_UNITS],
    );
    // Added by plain SQL, seen by the very next request (the cached tree is checked against unit_tree_version).
    expect((await api.get(ward, '/api/units').expect(200)).body.items.length).toBe(before + SCOPE_FIRST_MAX_UNITS);
    expect(await list('q=tran thi hoa&pageSize=2&page=3')).toMatchObject({ total: 5, page: 3 });
    expect((await list('q=50%25_')).items.map((c) => c.title)).toEqual(['Hỗ trợ 50%_ chi phí sửa nhà']);
    await apps.dataSource.query(`DELETE FROM units WHERE name LIKE 'Chi hội thêm %'`);
    expect((await api.get(ward, '/api/units').expect(200)).body.items.length).toBe(before);
  });

  it('keeps the inbox earliest due first, with counts', async () => {
    const inbox = (await api.inbox(ward).expect(200)).body as { items: { dueAt: string; createdAt: string }[]; counts: Record<string, number> };
    expect(inbox.counts).toEqual({ 'housing-support': 25 });
    expect(inbox.items).toHaveLength(25);
    const keys = inbox.items.map((c) => `${c.dueAt}|${c.createdAt}`);
    expect([...keys].sort()).toEqual(keys);
  });
});

/**
 * The word index (ix_cases_search_words) finds a search's candidates by the words of the folded text,
 * unit by unit, and the statement checks them as the scan does: the results must be the scan's, whatever
 * the query (whole words or parts of words, punctuation, quotes and backslashes, tsquery operators) and
 * whatever the text (a word or a text too long to be indexed whole). Its own database: it adds units
 * and hundreds of cases.
 */
describe('search through the word index', () => {
  let apps: TestApps;
  let api: ReturnType<typeof casesApi>;
  let ds: DataSource;
  let ward: string;
  let district: string;
  const scopes: Record<'ward' | 'district', string[]> = { ward: [], district: [] };
  let branch1: string;
  let template: string;

  /** Copies of a case row (state and events aside: search reads the row), at `origin`, with this text, one a second from `from`. */
  const copies = async (n: number, origin: string, searchText: string, from: Date) => {
    const columns: string[] = (
      await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'cases' ORDER BY ordinal_position`)
    ).map((c: { column_name: string }) => c.column_name);
    const set: Record<string, string> = {
      id: 'gen_random_uuid()',
      workflow_id: `'copy-' || gen_random_uuid()`,
      origin_unit_id: '$2::uuid',
      search_text: '$3',
      created_at: '$4::timestamptz + make_interval(secs => g)',
    };
    await ds.query(
      `INSERT INTO cases (${columns.join(', ')}) SELECT ${columns.map((c) => set[c] ?? `c.${c}`).join(', ')}
       FROM cases c, generate_series(1, $5::int) g WHERE c.id = $1`,
      [template, origin, searchText, from.toISOString(), n],
    );
  };

  /** Two new unit IDs whose tags in the word index are the same (a birthday search over 32 bits). */
  const collidingIds = (): [string, string] => {
    const seen = new Map<string, string>();
    for (;;) {
      const id = randomUUID();
      const other = seen.get(unitTag(id));
      if (other) return [other, id];
      seen.set(unitTag(id), id);
    }
  };

  beforeAll(async () => {
    apps = await startTestApps({ worker: false });
    api = casesApi(apps);
    ds = apps.dataSource;
    [ward, district] = [await apps.login('ngocthuy'), await apps.login('longbien')];
    const { path, orgId } = await demoPath(ds);
    branch1 = path[0].id;
    const unitId = async (name: string, parent: string) =>
      (await ds.query(`SELECT u.id FROM units u JOIN units p ON p.id = u.parent_id WHERE u.name = $1 AND p.name = $2`, [name, parent]))[0].id as string;
    const branch2 = await unitId('Chi hội 2', 'Hội CCB phường Ngọc Thụy');
    const phucDongBranch = await unitId('Chi hội 1', 'Hội CCB phường Phúc Đồng');
    // A unit in the ward and one outside it (in Phúc Đồng) that the index cannot tell apart.
    const [inWard, outside] = collidingIds();
    const [{ level_id }] = await ds.query(`SELECT level_id FROM units WHERE id = $1`, [branch1]);
    await ds.query(
      `INSERT INTO units (id, organization_id, level_id, parent_id, name) VALUES ($1, $3, $4, $5, 'Chi hội 9'), ($2, $3, $4, $6, 'Chi hội 9')`,
      [inWard, outside, orgId, level_id, path[1].id, (await ds.query(`SELECT parent_id FROM units WHERE id = $1`, [phucDongBranch]))[0].parent_id],
    );

    const projection = apps.api.get(CaseProjectionService);
    const [{ id: initiator }] = await ds.query(`SELECT id FROM users WHERE username = 'ngocthuy.ch1'`);
    const pathOf = async (unit: string): Promise<PathUnit[]> =>
      ds.query(
        `WITH RECURSIVE up AS (SELECT u.id, u.name, u.level_id, u.parent_id, 0 AS depth FROM units u WHERE u.id = $1
           UNION ALL SELECT p.id, p.name, p.level_id, p.parent_id, up.depth + 1 FROM units p JOIN up ON p.id = up.parent_id)
         SELECT up.id, up.name, l.code AS "levelCode", l.name AS "levelName" FROM up JOIN organization_levels l ON l.id = up.level_id ORDER BY depth`,
        [unit],
      );
    const t0 = Date.now() - 24 * 60 * 60_000;
    let minute = 0;
    const open = async (unit: string, name: string, address: string) => {
      const resolved = resolveChain(housingSupportDefinition, await pathOf(unit));
      if (!('chain' in resolved)) throw new Error(resolved.code);
      const { state, events } = openCase(
        {
          caseId: randomUUID(),
          processType: housingSupportDefinition.processType,
          definitionVersion: housingSupportDefinition.version,
          organizationId: orgId,
          originUnitId: unit,
          title: `Xây mới nhà cho hội viên ${name}`,
          payload: { ...PAYLOAD, beneficiary: { name, address } },
          initiator: { userId: initiator, displayName: 'Nguyễn Văn Thành' },
          chain: resolved.chain,
          plan: resolved.plan,
          resubmitTo: 'returning-step',
        },
        t0 + minute++ * 60_000,
      );
      await projection.apply({ state, events, requestHash: 'c'.repeat(64) });
      return state.caseId;
    };
    template = await open(branch1, 'Trần Thị Hoa', 'Tổ dân phố 5, phường Ngọc Thụy');
    await open(branch1, 'Trần Thị Hoài', 'Tổ dân phố 7, phường Ngọc Thụy');
    await open(branch1, 'Vũ Trần Thị Hoa', 'Tổ dân phố 2, phường Ngọc Thụy');
    await open(branch1, `O'Brien \\ Đặng Văn Ba`, 'Tổ dân phố 3, phường Ngọc Thụy');
    await open(branch1, 'Nguyễn 🏠 Hoa', 'Tổ dân phố 4, phường Ngọc Thụy');
    await open(branch2, 'Trần Thị Hoa', 'Tổ dân phố 1, phường Ngọc Thụy');
    // A word longer than the index keeps (200 characters): the case is always a candidate.
    await open(branch2, 'Lê Thị Mai', `Số ${'x'.repeat(250)}trần thị hoa, phường Ngọc Thụy`);
    await open(inWard, 'Trần Thị Hoa', 'Tổ dân phố 6, phường Ngọc Thụy');
    await open(outside, 'Trần Thị Hoa', 'Tổ dân phố 6, phường Phúc Đồng');
    // A text longer than the index splits (10,000 characters), the name at its end.
    await copies(1, branch1, `${'lorem '.repeat(2000)}tran thi hoa`, new Date(t0 - 60_000));
    // And the newest cases of each branch, other names: what a scope's sample sees.
    for (const unit of [branch1, branch2, phucDongBranch]) {
      await copies(120, unit, 'xay moi nha cho hoi vien le van an to dan pho 9, phuong ngoc thuy', new Date());
    }
    const visible = async (token: string) => (await api.get(token, '/api/units').expect(200)).body.items.map((u: { id: string }) => u.id) as string[];
    scopes.ward = await visible(ward);
    scopes.district = await visible(district);
    expect(scopes.ward).toContain(inWard);
    expect(scopes.ward).not.toContain(outside);
  });
  afterAll(async () => {
    await apps?.close();
  });

  const run = async (s: Statement) => (await ds.query(s.sql, s.params)) as { id: string | null; total: number; candidates?: number }[];
  /** The scan's answer: total and the page's IDs. */
  const scan = async (origins: string[], q: string, page = 1, pageSize = 3) => {
    const l = listStatements(origins, { q, page, pageSize });
    expect(l.search).toBe('scope');
    const rows = await run(l.rows);
    return { total: rows.length > 0 ? rows[0].total : (await run(l.count))[0].total, ids: rows.map((r) => r.id) };
  };

  it('finds exactly what the scan finds, whole words or parts of words, in every scope', async () => {
    const needles = [
      'tran thi hoa',
      'TRẦN THỊ HOÀI',
      'ran thi ho',
      'thi hoa',
      'vu tran thi',
      'pho 5, phuong',
      `o'brien \\ dang`,
      'xxxxxtran thi',
      'lorem tran thi hoa',
      'nguyen 🏠 hoa',
      `hoa & (thi) | !x:* 'o'`,
      'khong co ai',
    ];
    const totals: Record<string, number> = {};
    for (const [name, origins] of Object.entries(scopes)) {
      for (const q of needles) {
        for (const page of [1, 2]) {
          const l = listStatements(origins, { q, page, pageSize: 3 }, 'words');
          expect(l.search).toBe('words');
          const rows = await run(l.rows);
          expect(rows[0].candidates).toBeLessThanOrEqual(l.candidateCap!);
          const found = { total: rows[0].total, ids: rows.filter((r) => r.id !== null).map((r) => r.id) };
          expect({ name, q, page, ...found }).toEqual({ name, q, page, ...(await scan(origins, q, page)) });
          totals[`${name}: ${q}`] = found.total;
        }
      }
    }
    // Not vacuous: the needles find what they were written for, the ward without the unit outside it.
    expect(totals).toMatchObject({
      'ward: tran thi hoa': 7,
      'district: tran thi hoa': 8,
      'ward: TRẦN THỊ HOÀI': 1,
      'ward: ran thi ho': 7,
      'ward: vu tran thi': 1,
      'ward: pho 5, phuong': 1,
      [`ward: o'brien \\ dang`]: 1,
      'ward: xxxxxtran thi': 1,
      'ward: lorem tran thi hoa': 1,
      'ward: nguyen 🏠 hoa': 1,
      [`ward: hoa & (thi) | !x:* 'o'`]: 0,
    });
  });

  /** The statements the API's DataSource runs while `act` does. */
  const statementsDuring = async (act: () => Promise<unknown>) => {
    const spy = jest.spyOn(apps.api.get(DataSource), 'query');
    try {
      await act();
      return spy.mock.calls.map(([sql]) => sql as string);
    } finally {
      spy.mockRestore();
    }
  };
  const kind = (sql: string) =>
    sql.includes('case_search_words') ? 'words' : sql.includes('CROSS JOIN LATERAL') ? 'sample' : sql.includes('strpos(c.search_text') ? 'scan' : 'other';
  const list = async (token: string, q: string) => (await api.get(token, `/api/cases?q=${encodeURIComponent(q)}&pageSize=3`).expect(200)).body as { items: { id: string }[]; total: number };

  it('is what the API asks when a sample of the scope says few of its cases can match', async () => {
    for (const [token, origins] of [[district, scopes.district], [ward, scopes.ward]] as const) {
      let found: Awaited<ReturnType<typeof list>> | undefined;
      const ran = await statementsDuring(async () => (found = await list(token, 'Trần Thị Hoa')));
      expect(ran.map(kind).filter((k) => k !== 'other')).toEqual(['sample', 'words']);
      const scanned = await scan(origins, 'tran thi hoa');
      expect({ total: found!.total, ids: found!.items.map((c) => c.id) }).toEqual(scanned);
    }
    // A common needle (every case of the ward has it) is scanned.
    const ran = await statementsDuring(() => list(ward, 'phuong ngoc thuy'));
    expect(ran.map(kind).filter((k) => k !== 'other')).toEqual(['sample', 'scan']);
  });

  it('scans the scope after all when the index returns more candidates than its cap', async () => {
    // Older than what the sample reads, so it still says "few": cases with all three words, never in a row.
    const cap = wordCandidateCap(scopes.ward.length);
    await copies(cap + 1, branch1, 'xay moi nha cho hoi vien hoa binh tran van thi to dan pho 8', new Date(Date.now() - 30 * 24 * 60 * 60_000));
    let found: Awaited<ReturnType<typeof list>> | undefined;
    const ran = await statementsDuring(async () => (found = await list(ward, 'tran thi hoa')));
    expect(ran.map(kind).filter((k) => k !== 'other')).toEqual(['sample', 'words', 'scan']);
    expect({ total: found!.total, ids: found!.items.map((c) => c.id) }).toEqual(await scan(scopes.ward, 'tran thi hoa'));
    expect(found!.total).toBe(7);
  });
});
