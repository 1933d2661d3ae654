import { randomUUID } from 'node:crypto';
import { SCOPE_FIRST_MAX_UNITS } from '../../apps/api/src/cases/case-queries.service';
import { openCase, PathUnit, resolveChain } from '@lienthong/domain';
import { housingSupportDefinition } from '@lienthong/processes';
import { CaseProjectionService } from '@lienthong/persistence';
import { casesApi, demoPath } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';
import { PAYLOAD } from '../support/workflow-harness';

/**
 * The read side's shapes at a glance, without Temporal: cases written by the real projection, then
 * listed, searched (scope first, and through the trigram index for scopes above SCOPE_FIRST_MAX_UNITS)
 * and paged over HTTP; and the cached unit tree seeing a unit added by plain SQL at once.
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
