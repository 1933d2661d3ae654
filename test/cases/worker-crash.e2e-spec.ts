import { Client, Connection } from '@temporalio/client';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { childEnv } from '@lienthong/config';
import { caseWorkflowId, disbursementUpdate } from '@lienthong/contracts';
import { dateInHcm } from '@lienthong/domain';
import { ProjectionChecksService } from '@lienthong/persistence';
import { waitFor } from '../../tools/stack/ports';
import { casesApi, demoUnitId, housingBody } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';

/**
 * The worker as a separate process, killed with SIGKILL (no shutdown, no draining) while a case waits
 * at a step and while a decision is on its way to it; and an API that dies between a change and its
 * write to the read model, which the worker's reconciler then writes. Nothing lost, nothing twice.
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
        PROJECTION_CHECK_AFTER_SECONDS: '1',
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

  it('loses nothing when the worker dies, or when the API dies between a change and its write', async () => {
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

    // 2. A decision sent while no worker runs: the API waits for one, and answers once it is back.
    await kill(worker!);
    const answered = api
      .decide(district, caseId, { action: 'approve', data: { approvedAmount: 50_000_000, fundingSource: 'Quỹ Nghĩa tình đồng đội quận' } })
      .then((res) => res);
    await startWorker();

    const res = await answered;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'in_progress', approvedAmount: 50_000_000 });

    // 3. The API dies right after a change went through, before writing it: what it leaves behind is
    // its check row. The reconciler in the worker process finds it due and writes the change.
    const [officer] = await apps.dataSource.query(`SELECT id, display_name FROM users WHERE username = 'longbien'`);
    const actor = { userId: officer.id, displayName: officer.display_name, unitIds: [await demoUnitId(apps.dataSource, 'longbien')] };
    const updateId = `${officer.id}:${randomUUID()}`;
    const checks = new ProjectionChecksService(apps.dataSource);
    await checks.expect(caseId, updateId, 1);
    const connection = await Connection.connect({ address: apps.config.TEMPORAL_ADDRESS });
    const temporal = new Client({ connection, namespace: apps.config.TEMPORAL_NAMESPACE });
    try {
      await temporal.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(disbursementUpdate, {
        args: [{ actor, requestHash: 'h', amount: 20_000_000, date: dateInHcm(Date.now()), note: 'Đợt 1' }],
        updateId,
      });
    } finally {
      await temporal.connection.close();
    }
    const unchecked = async () =>
      (await apps.dataSource.query(`SELECT count(*)::int AS n FROM projection_checks WHERE case_id = $1`, [caseId]))[0].n as number;
    await waitFor(
      'the reconciler to write the change and settle its check',
      async () => (await eventsOf(caseId)).length === 4 && (await unchecked()) === 0,
      { timeoutMs: 30_000 },
    );
    expect((await api.detail(district, caseId).expect(200)).body).toMatchObject({ disbursedAmount: 20_000_000 });

    const events = await eventsOf(caseId);
    expect(events.map((e) => e.action)).toEqual(['submitted', 'approved', 'approved', 'disbursement']);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    const [{ n }] = await apps.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE case_id = $1 AND kind = 'case_approved'`,
      [caseId],
    );
    expect(n).toBe(1);
  });
});
