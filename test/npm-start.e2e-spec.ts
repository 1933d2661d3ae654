import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection, Client } from '@temporalio/client';
import { childEnv } from '@lienthong/config';
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

  /**
   * Every process of the system that is still there: its command line names our data dir or ports
   * (Temporal, PostgreSQL), or its environment carries our data dir (the api and worker, which `npm start`
   * spawns in process groups of their own). Must be none after a stop.
   */
  const leftovers = (): number[] =>
    execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
      .split('\n')
      .slice(1)
      .map((line) => ({ pid: Number(line.trim().split(/\s+/)[0]), line }))
      .filter(({ pid, line }) => {
        if (!pid || pid === process.pid) return false;
        if (line.includes(dataDir) || line.includes(`--port ${ports.temporal}`) || line.includes(`-p ${ports.pg}`)) return true;
        try {
          return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`LIENTHONG_DATA_DIR=${dataDir}`);
        } catch {
          return false; // gone meanwhile, or not ours to read
        }
      })
      .map(({ pid }) => pid);

  it('serves the API with demo data and the Temporal UI, stops cleanly, and keeps data across a restart', async () => {
    const first = start();
    await healthy();
    const token = await login('admin'); // smoke routes are for admins
    const ui = await fetch(`http://127.0.0.1:${ports.ui}/`);
    expect(ui.status).toBe(200);
    // The officers' web app, built by `npm run build`, at the root.
    const web = await api('/inbox');
    expect(web.status).toBe(200);
    expect(await web.text()).toContain('<div id="root">');

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

  it('carries a case on after the whole system is killed in the middle of it', async () => {
    const send = (token: string, path: string, body: unknown) =>
      api(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
        body: JSON.stringify(body),
      });
    const first = start();
    await healthy();
    const branch = await login('ngocthuy.ch1');
    const me = (await (await api('/api/me', { headers: { authorization: `Bearer ${branch}` } })).json()) as {
      memberships: { unit: { id: string } }[];
    };
    const created = await send(branch, '/api/cases', {
      processType: 'housing-support',
      unitId: me.memberships[0].unit.id,
      title: 'Sửa nhà cho hội viên Trần Đình Thắng',
      payload: {
        beneficiary: { name: 'Trần Đình Thắng', address: 'Tổ dân phố 1, phường Ngọc Thụy' },
        situation: 'Mái ngói vỡ, tường thấm nước',
        kind: 'repair',
        estimatedCost: 45_000_000,
        requestedAmount: 30_000_000,
      },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await send(await login('ngocthuy'), `/api/cases/${id}/decisions`, { action: 'approve' })).status).toBe(200);

    // No shutdown at all: every process of the system at once, as in a power cut of the machine's apps.
    const pids = [first.child.pid!, ...leftovers()];
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    await first.exited;
    await waitFor('the killed processes to be gone', async () => leftovers().length === 0, { timeoutMs: 10_000 });

    const second = start();
    try {
      await healthy();
      const district = await login('longbien');
      const approved = await send(district, `/api/cases/${id}/decisions`, {
        action: 'approve',
        data: { approvedAmount: 30_000_000, fundingSource: 'Quỹ Hội CCB quận' },
      });
      expect(approved.status).toBe(200);
      const body = (await approved.json()) as { status: string; timeline: { seq: number; action: string }[] };
      expect(body.status).toBe('in_progress');
      expect(body.timeline.map((e) => [e.seq, e.action])).toEqual([
        [1, 'submitted'],
        [2, 'approved'],
        [3, 'approved'],
      ]);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
    expect(leftovers()).toEqual([]);
  });
});
