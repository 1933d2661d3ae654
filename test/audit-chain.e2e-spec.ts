import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { childEnv } from '@lienthong/config';
import { AuditChainService, runMigrationsLocked } from '@lienthong/persistence';
import { casesApi, demoUnitId, housingBody } from './support/cases-api';
import { startTestApps, TestApps } from './support/test-apps';

/**
 * Tamper evidence: every case event is chained by hash to the one before it; an edit made by a superuser
 * who switched the append-only trigger off is caught by the admin route and by `npm run audit:verify`.
 */
describe('audit trail hash chain', () => {
  let apps: TestApps;
  let api: ReturnType<typeof casesApi>;
  let caseId: string;
  let otherId: string;
  const verifyScript = resolve(__dirname, '../dist/tools/audit-verify.js');

  beforeAll(async () => {
    apps = await startTestApps();
    api = casesApi(apps);
    const branch = await apps.login('ngocthuy.ch1');
    const created = await api.create(branch, housingBody(await demoUnitId(apps.dataSource, 'ngocthuy.ch1')));
    expect(created.status).toBe(201);
    caseId = created.body.id;
    expect((await api.decide(await apps.login('ngocthuy'), caseId, { action: 'approve', comment: 'Đã khảo sát thực tế' })).status).toBe(200);
    // A second case, left intact until the later tests: its chain must be reported as holding.
    const other = await api.create(branch, housingBody(await demoUnitId(apps.dataSource, 'ngocthuy.ch1')));
    expect(other.status).toBe(201);
    otherId = other.body.id;
    expect((await api.decide(await apps.login('ngocthuy'), otherId, { action: 'approve' })).status).toBe(200);
  });
  afterAll(() => apps?.close());

  const verifyAs = async (username: string) =>
    apps.http().get('/api/admin/audit/verify').set('authorization', `Bearer ${await apps.login(username)}`);

  /** `npm run audit:verify` (the built script) against the test database. */
  const verifyCli = () => {
    if (!existsSync(verifyScript)) throw new Error(`${verifyScript} is missing: run \`npm run build\` first`);
    return spawnSync(process.execPath, [verifyScript], { env: childEnv({ DATABASE_URL: apps.config.DATABASE_URL }), encoding: 'utf8' });
  };

  /** As the operator would: a superuser switches the append-only trigger off for one statement. */
  async function asSuperuser(sql: string, params: unknown[] = []): Promise<void> {
    const client = new Client({ connectionString: apps.config.DATABASE_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE case_events DISABLE TRIGGER tr_case_events_append_only');
      await client.query(sql, params);
      await client.query('ALTER TABLE case_events ENABLE TRIGGER tr_case_events_append_only');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  }

  it('chains each event to the previous one of its case, and every chain holds', async () => {
    const rows: { seq: number; chain_pos: number; prev_hash: string | null; hash: string }[] = await apps.dataSource.query(
      'SELECT seq, chain_pos, prev_hash, hash FROM case_events WHERE case_id = $1 ORDER BY chain_pos',
      [caseId],
    );
    expect(rows.map((r) => [r.seq, r.chain_pos])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(rows[0].prev_hash).toBeNull();
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows[1].hash).toMatch(/^[0-9a-f]{64}$/);

    const res = await verifyAs('admin');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ casesChecked: 2, eventsChecked: 4, broken: [] });
    const cli = verifyCli();
    expect(cli.stdout).toContain('Every chain holds.');
    expect(cli.status).toBe(0);
  });

  it('two transactions writing one case at once chain one after the other', async () => {
    const [a, b] = [new Client({ connectionString: apps.config.DATABASE_URL }), new Client({ connectionString: apps.config.DATABASE_URL })];
    await Promise.all([a.connect(), b.connect()]);
    const insert = (c: Client, seq: number) =>
      c.query(`INSERT INTO case_events (case_id, seq, action, at) VALUES ($1, $2, 'commented', now())`, [caseId, seq]);
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await insert(a, 101);
      // b waits on a's per-case lock, then reads a's committed link.
      const second = insert(b, 100);
      await a.query('COMMIT');
      await second;
      await b.query('COMMIT');
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    const chain: { seq: number; chain_pos: number }[] = await apps.dataSource.query(
      'SELECT seq, chain_pos FROM case_events WHERE case_id = $1 AND seq >= 100 ORDER BY chain_pos',
      [caseId],
    );
    // Inserted out of seq order, chained in the order of insertion.
    expect(chain).toEqual([
      { seq: 101, chain_pos: 3 },
      { seq: 100, chain_pos: 4 },
    ]);
    expect((await new AuditChainService(apps.dataSource).verify()).broken).toEqual([]);
  });

  it('catches a row edited by a superuser with the append-only trigger disabled, naming the first broken event', async () => {
    await asSuperuser(`UPDATE case_events SET comment = 'Không đủ điều kiện' WHERE case_id = $1 AND seq = 2`, [caseId]);

    const res = await verifyAs('admin');
    expect(res.status).toBe(200);
    expect(res.body.broken).toEqual([{ caseId, eventId: expect.any(String), seq: 2, chainPos: 2, reason: 'content_changed' }]);

    const cli = verifyCli();
    expect(cli.stdout).toContain(`BROKEN case ${caseId}`);
    expect(cli.stdout).toContain('seq 2, chain position 2): content_changed');
    expect(cli.status).toBe(2);
  });

  it('catches a deleted event, and an edit whose hash was recomputed, at the event after it', async () => {
    // Replace event 1 of the other case with a forged but self-consistent row: its own hash matches,
    // the next event's link does not.
    await asSuperuser(
      `UPDATE case_events SET actor_name = 'Người khác',
         hash = case_event_hash(prev_hash, chain_pos, case_id, seq, action, actor_id, 'Người khác', step_id, level_code, unit_id,
           comment, data, at, update_id, request_hash)
       WHERE case_id = $1 AND seq = 1`,
      [otherId],
    );
    await asSuperuser(`DELETE FROM case_events WHERE case_id = $1 AND seq IN (1, 2)`, [caseId]);
    const broken = (await new AuditChainService(apps.dataSource).verify()).broken;
    expect(broken).toHaveLength(2);
    expect(broken).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ caseId: otherId, seq: 2, chainPos: 2, reason: 'link_broken' }),
        expect.objectContaining({ caseId, seq: 101, chainPos: 3, reason: 'event_missing' }),
      ]),
    );
  });

  it('is for admins only: an officer or a chair gets 403, a visitor 401', async () => {
    for (const username of ['ngocthuy.ch1', 'ngocthuy', 'longbien']) {
      const res = await verifyAs(username);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('admin.only');
    }
    expect((await apps.http().get('/api/admin/audit/verify')).status).toBe(401);
  });

  it('the migration chains rows written before it, in seq order, as the trigger would have', async () => {
    // Only rows written in seq order by the app keep their hashes (the tampered ones are re-chained).
    await asSuperuser(`DELETE FROM case_events WHERE case_id = $1`, [otherId]);
    const third = await api.create(await apps.login('ngocthuy.ch2'), housingBody(await demoUnitId(apps.dataSource, 'ngocthuy.ch2')));
    expect(third.status).toBe(201);
    expect((await api.decide(await apps.login('ngocthuy'), third.body.id, { action: 'approve' })).status).toBe(200);
    const before: { id: string; hash: string }[] = await apps.dataSource.query(
      'SELECT id, hash FROM case_events WHERE case_id = $1 ORDER BY id',
      [third.body.id],
    );
    expect(before.length).toBeGreaterThan(0);
    // Back to the schema before the chain (and whatever came after it), then forward again over the existing rows.
    const undone: string[] = [];
    for (;;) {
      const [{ name }]: { name: string }[] = await apps.dataSource.query('SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1');
      await apps.dataSource.undoLastMigration({ transaction: 'each' });
      undone.unshift(name);
      if (name === 'CaseEventChain1796400000000') break;
    }
    expect(await runMigrationsLocked(apps.dataSource)).toEqual(undone);

    const after: { id: string; hash: string }[] = await apps.dataSource.query(
      'SELECT id, hash FROM case_events WHERE case_id = $1 ORDER BY id',
      [third.body.id],
    );
    expect(after).toEqual(before);
    // The tampered case was re-chained from what is left (a migration cannot tell); the check holds again.
    expect((await new AuditChainService(apps.dataSource).verify()).broken).toEqual([]);
  });
});
