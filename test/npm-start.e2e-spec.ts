import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection, Client } from '@temporalio/client';
import { childEnv } from '../libs/config/src';
import { freePort, waitFor } from '../tools/stack/ports';
import { testEnv } from './support/test-env';

/**
 * `npm start` as a user runs it (the compiled dist/tools/start.js): everything embedded, demo data,
 * stop with a signal, start again, nothing lost and nothing left running.
 */
const startScript = resolve(__dirname, '../dist/tools/start.js');

describe('npm start: the embedded system', () => {
  const dataDir = join(testEnv('root'), 'npm-start');
  let ports: { api: number; temporal: number; ui: number; pg: number };
  const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${ports.api}${path}`, init);

  beforeAll(async () => {
    if (!existsSync(startScript)) throw new Error(`${startScript} is missing: run \`npm run build\` first (npm test does)`);
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    ports = { api: await freePort(), temporal: await freePort(), ui: await freePort(), pg: await freePort() };
  });

  function start(): { child: ChildProcess; exited: Promise<number | null> } {
    const child = spawn(process.execPath, [startScript], {
      env: childEnv({
        LIENTHONG_DATA_DIR: dataDir,
        PORT: String(ports.api),
        EMBEDDED_TEMPORAL_PORT: String(ports.temporal),
        EMBEDDED_TEMPORAL_UI_PORT: String(ports.ui),
        EMBEDDED_PG_PORT: String(ports.pg),
        DATABASE_URL: undefined,
        LOG_LEVEL: 'warn',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    void exited.then((code) => {
      if (code !== 0) process.stderr.write(`npm start exited with ${code}:\n${output.slice(-4000)}\n`);
    });
    return { child, exited };
  }

  const healthy = () =>
    waitFor('the embedded system to be healthy', async () => (await api('/api/health')).ok, { timeoutMs: 120_000, intervalMs: 500 });

  const login = async (username: string) => {
    const res = await api('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo1234' }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };

  /** Every process whose command line mentions our data dir or ports: must be none after a stop. */
  const leftovers = () =>
    execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(dataDir) || line.includes(`--port ${ports.temporal}`) || line.includes(`-p ${ports.pg}`));

  it('serves the API with demo data and the Temporal UI, stops cleanly, and keeps data across a restart', async () => {
    const first = start();
    await healthy();
    const token = await login('ngocthuy.ch1');
    const ui = await fetch(`http://127.0.0.1:${ports.ui}/`);
    expect(ui.status).toBe(200);

    const smoke = await api('/api/smoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ message: 'Trước khi khởi động lại' }),
    });
    expect(smoke.status).toBe(201);
    const { pingId, workflowId } = (await smoke.json()) as { pingId: string; workflowId: string };

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(leftovers()).toEqual([]);

    const second = start();
    try {
      await healthy();
      // The same token still works: the dev secret is kept in the data dir.
      const row = await api(`/api/smoke/${pingId}`, { headers: { authorization: `Bearer ${token}` } });
      expect(row.status).toBe(200);
      expect(((await row.json()) as { message: string }).message).toBe('Trước khi khởi động lại');

      // Temporal kept its history too (SQLite file in the data dir).
      const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
      const client = new Client({ connection, namespace: 'lienthong' });
      expect((await client.workflow.getHandle(workflowId).describe()).status.name).toBe('COMPLETED');
      await connection.close();

      // The demo seed ran once: signing in still works, and no duplicate organization appeared.
      const admin = await login('admin');
      const units = await api('/api/units', { headers: { authorization: `Bearer ${admin}` } });
      expect(((await units.json()) as { items: unknown[] }).items).toHaveLength(6);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
    expect(leftovers()).toEqual([]);
  });
});
