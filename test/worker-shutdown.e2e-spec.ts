import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { childEnv } from '@lienthong/config';
import { waitFor } from '../tools/stack/ports';
import { createTestDatabase } from './support/test-apps';
import { testEnv } from './support/test-env';

/**
 * The worker process (dist/apps/worker/src/main.js, as `npm start` and the image run it) ends promptly on
 * SIGTERM whenever it comes. It did not when the signal arrived while it was still bundling its
 * workflows: Nest closed the app, but the Temporal SDK's own signal listener kept the process from dying
 * of the signal Nest re-raises, and it lingered with a stopped worker until killed (~40 s under `npm start`).
 */
describe('worker process shutdown', () => {
  const script = resolve(__dirname, '../dist/apps/worker/src/main.js');
  let db: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` first`);
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  function startWorker() {
    const child = spawn(process.execPath, [script], {
      env: childEnv({
        DATABASE_URL: db.url,
        TEMPORAL_ADDRESS: testEnv('temporalAddress'),
        TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
        JWT_SECRET: randomBytes(32).toString('hex'),
        // Bundles the workflows from source at start, as `npm start` does: seconds in which to signal it.
        WORKFLOW_BUNDLE_PATH: undefined,
        WORKER_SHUTDOWN_GRACE_SECONDS: '3',
        LOG_LEVEL: 'debug',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    return { child, exited, output: () => output };
  }

  async function stopWithin(worker: ReturnType<typeof startWorker>, ms: number): Promise<void> {
    const t0 = Date.now();
    worker.child.kill('SIGTERM');
    const timer = setTimeout(() => worker.child.kill('SIGKILL'), ms);
    await worker.exited;
    clearTimeout(timer);
    expect(worker.child.signalCode).not.toBe('SIGKILL');
    expect(Date.now() - t0).toBeLessThan(ms);
  }

  it('SIGTERM while it is still bundling its workflows: it exits at once', async () => {
    const worker = startWorker();
    // The SDK says so before it bundles; the bundle then takes seconds.
    await waitFor('the worker to start creating its Temporal worker', async () => worker.output().includes('Creating worker'), {
      timeoutMs: 60_000,
      intervalMs: 20,
    });
    expect(worker.output()).not.toContain('Polling task queue');
    await stopWithin(worker, 8_000);
  });

  it('SIGTERM once it polls: it drains and exits within its grace', async () => {
    const worker = startWorker();
    await waitFor('the worker to poll', async () => worker.output().includes('Polling task queue'), { timeoutMs: 60_000, intervalMs: 50 });
    await stopWithin(worker, 8_000);
  });
});
