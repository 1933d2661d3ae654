import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client as PgClient } from 'pg';
import { childEnv } from '../../libs/config/src';
import { waitFor } from '../../tools/stack/ports';
import { casesApi, demoUnitId, housingBody } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';

/**
 * The worker as a separate process, killed with SIGKILL (no shutdown, no draining) while a case waits
 * at a step and while its projection activity is writing. A fresh worker must carry the case on with
 * nothing lost and nothing written twice.
 */
const workerMain = resolve(__dirname, '../../dist/apps/worker/src/main.js');

describe('a worker crash in the middle of a case', () => {
  let apps: TestApps;
  let api: ReturnType<typeof casesApi>;
  let worker: ChildProcess | undefined;

  function startWorker(): Promise<ChildProcess> {
    const { config } = apps;
    const child = spawn(process.execPath, [workerMain], {
      env: childEnv({
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DATABASE_URL: config.DATABASE_URL,
        TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS,
        TEMPORAL_NAMESPACE: config.TEMPORAL_NAMESPACE,
        TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE,
        WORKFLOW_BUNDLE_PATH: config.WORKFLOW_BUNDLE_PATH,
        JWT_SECRET: config.JWT_SECRET,
        SEED_DEMO: 'false',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    worker = child;
    return waitFor('the worker process to poll', async () => (output.includes('Polling task queue') ? child : undefined), {
      timeoutMs: 60_000,
      abort: () => (child.exitCode !== null ? new Error(`worker exited ${child.exitCode}:\n${output}`) : undefined),
    });
  }

  function kill(child: ChildProcess): Promise<void> {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGKILL');
    return exited;
  }

  const eventsOf = async (caseId: string) =>
    (await apps.dataSource.query(`SELECT seq, action, actor_name FROM case_events WHERE case_id = $1 ORDER BY seq`, [caseId])) as {
      seq: number;
      action: string;
    }[];

  beforeAll(async () => {
    if (!existsSync(workerMain)) throw new Error(`${workerMain} is missing: run \`npm run build\` first (npm test does)`);
    apps = await startTestApps({ worker: false });
    api = casesApi(apps);
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) await kill(worker);
    await apps?.close();
  });

  it('loses nothing when the worker dies while the case waits, or while it writes the read model', async () => {
    await startWorker();
    const initiator = await apps.login('ngocthuy.ch1');
    const ward = await apps.login('ngocthuy');
    const district = await apps.login('longbien');
    const created = await api.create(initiator, housingBody(await demoUnitId(apps.dataSource, 'ngocthuy.ch1'))).expect(201);
    const caseId = created.body.id as string;

    // 1. Killed while the case waits at the ward step.
    await kill(worker!);
    await startWorker();
    await api.decide(ward, caseId, { action: 'approve', comment: 'Đã khảo sát, đúng thực tế' }).expect(200);

    // 2. Killed while the projection activity is writing: a lock holds its transaction mid-way.
    const blocker = new PgClient({ connectionString: apps.config.DATABASE_URL });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
    const decision = api.decide(district, caseId, {
      action: 'approve',
      data: { approvedAmount: 50_000_000, fundingSource: 'Quỹ Nghĩa tình đồng đội quận' },
    });
    const answered = decision.then((res) => res);
    await waitFor(
      'the projection activity to wait on the lock',
      async () => {
        const [{ n }] = await apps.dataSource.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`);
        return n > 0;
      },
      { timeoutMs: 30_000 },
    );
    await kill(worker!);
    await blocker.query('ROLLBACK');
    await blocker.end();
    await startWorker();

    const res = await answered;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'in_progress', approvedAmount: 50_000_000 });
    const events = await eventsOf(caseId);
    expect(events.map((e) => e.action)).toEqual(['submitted', 'approved', 'approved']);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    const [{ n }] = await apps.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE case_id = $1 AND kind = 'case_approved'`,
      [caseId],
    );
    expect(n).toBe(1);
  });
});
