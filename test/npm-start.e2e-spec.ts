import { randomUUID } from 'node:crypto';
import { Connection, Client } from '@temporalio/client';
import { waitFor } from '../tools/stack/ports';
import { npmStartHarness } from './support/npm-start';

/**
 * `npm start` as a user runs it (the compiled dist/tools/start.js): everything embedded, demo data,
 * stop with a signal, start again, nothing lost and nothing left running.
 */
describe('npm start: the embedded system', () => {
  let system: Awaited<ReturnType<typeof npmStartHarness>>;
  let ports: typeof system.ports;
  const api = (path: string, init?: RequestInit) => system.api(path, init);
  const start = () => system.start();
  const healthy = () => system.healthy();
  const leftovers = () => system.leftovers();

  beforeAll(async () => {
    system = await npmStartHarness('npm-start');
    ports = system.ports;
  });

  const login = async (username: string) => {
    const res = await api('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo1234' }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };

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
    const pids = [first.child.pid!, ...leftovers().map((p) => p.pid)];
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
