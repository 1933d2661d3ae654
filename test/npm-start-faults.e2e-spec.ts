import { randomUUID } from 'node:crypto';
import { waitFor } from '../tools/stack/ports';
import { isAlive, npmStartHarness, StartedSystem } from './support/npm-start';

/**
 * `npm start` as a supervisor under faults: Ctrl-C at any moment, a part killed with SIGKILL, the
 * orchestrator itself killed. Slow (each start is ~15 s): run on its own.
 */
describe('npm start under faults', () => {
  let system: Awaited<ReturnType<typeof npmStartHarness>>;

  beforeAll(async () => {
    system = await npmStartHarness('npm-start-faults');
  });

  /** SIGINT (Ctrl-C) and how long until the orchestrator has exited. */
  async function interrupt(started: StartedSystem, signal: NodeJS.Signals = 'SIGINT'): Promise<{ code: number | null; ms: number }> {
    const t0 = Date.now();
    started.child.kill(signal);
    const code = await started.exited;
    return { code, ms: Date.now() - t0 };
  }

  const smoke = async (token: string) =>
    system.api('/api/smoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ message: 'Sau sự cố' }),
    });

  it('Ctrl-C stops everything within 10 s: right after start, and after busy work', async () => {
    // Right after the API answers: the worker is typically still bundling its workflows. This took ~40 s
    // (the worker lingered until `npm start` killed it).
    const first = system.start();
    await system.healthy();
    const fresh = await interrupt(first);
    expect(fresh.code).toBe(0);
    expect(fresh.ms).toBeLessThan(10_000);
    expect(system.leftovers()).toEqual([]);

    // After work: cases created and decided, smoke workflows run, some still in flight at the signal.
    const second = system.start();
    await system.healthy();
    const branch = await system.login('ngocthuy.ch1');
    const admin = await system.login('admin');
    const me = (await (await system.api('/api/me', { headers: { authorization: `Bearer ${branch}` } })).json()) as {
      memberships: { unit: { id: string } }[];
    };
    for (let i = 0; i < 3; i++) {
      const created = await system.api('/api/cases', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${branch}`, 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          processType: 'housing-support',
          unitId: me.memberships[0].unit.id,
          title: `Sửa nhà cho hội viên số ${i + 1}`,
          payload: {
            beneficiary: { name: 'Trần Đình Thắng', address: 'Tổ dân phố 1, phường Ngọc Thụy' },
            situation: 'Mái ngói vỡ, tường thấm nước',
            kind: 'repair',
            estimatedCost: 45_000_000,
            requestedAmount: 30_000_000,
          },
        }),
      });
      expect(created.status).toBe(201);
    }
    expect((await smoke(admin)).status).toBe(201);
    const inFlight = Array.from({ length: 4 }, () => smoke(admin).catch(() => undefined));
    const busy = await interrupt(second);
    await Promise.all(inFlight);
    expect(busy.code).toBe(0);
    expect(busy.ms).toBeLessThan(10_000);
    expect(system.leftovers()).toEqual([]);
  }, 300_000);

  it('a killed worker, Temporal, PostgreSQL or API is restarted while the rest keeps running; the API answers 503 meanwhile', async () => {
    const started = system.start();
    try {
      await system.healthy();
      const admin = await system.login('admin');

      // The worker: a new one comes up, and a request that needs it works.
      const api = system.pidOf('api')!;
      const worker = system.pidOf('worker')!;
      process.kill(worker, 'SIGKILL');
      await waitFor('a new worker', async () => (system.pidOf('worker') ?? worker) !== worker && isAlive(system.pidOf('worker')!), {
        timeoutMs: 30_000,
      });
      const res = await smoke(admin);
      expect(res.status).toBe(201);
      expect(system.pidOf('api')).toBe(api); // the rest kept running

      // Temporal, then PostgreSQL: the API reports 503 while one is down, then recovers by itself.
      for (const part of ['temporal', 'postgres'] as const) {
        const pid = system.pidOf(part)!;
        process.kill(pid, 'SIGKILL');
        const statuses: number[] = [];
        // Healthy again once the part runs anew. Whether a poll lands inside the outage depends on
        // how fast the restart is, so the 503 is not waited for; what the API answered meanwhile is
        // checked below: 503 or 200, never an error of its own.
        await waitFor(
          `the API to be healthy again after ${part} was killed`,
          async () => {
            const status = (await system.api('/api/health')).status;
            statuses.push(status);
            return status === 200 && (system.pidOf(part) ?? pid) !== pid;
          },
          { timeoutMs: 90_000, intervalMs: 50 },
        );
        expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
        expect(system.pidOf(part)).not.toBe(pid);
        expect(system.pidOf('api')).toBe(api);
      }
      // Everything works again end to end (worker ↔ restarted Temporal ↔ restarted PostgreSQL).
      await waitFor('a smoke run after the restarts', async () => (await smoke(await system.login('admin'))).status === 201, {
        timeoutMs: 60_000,
        intervalMs: 1_000,
      });

      // The API itself.
      process.kill(api, 'SIGKILL');
      await waitFor('a new API', async () => system.pidOf('api') !== api && (await system.api('/api/health')).ok, { timeoutMs: 60_000 });
      expect(await system.login('ngocthuy')).toBeTruthy();
      expect(started.child.exitCode).toBeNull();
    } finally {
      const stop = await interrupt(started, 'SIGTERM');
      expect(stop.code).toBe(0);
      expect(stop.ms).toBeLessThan(10_000);
    }
    expect(system.leftovers()).toEqual([]);
  }, 300_000);

  it('when the orchestrator is killed its children stop by themselves, and the next start clears what was left', async () => {
    const first = system.start();
    await system.healthy();
    first.child.kill('SIGKILL');
    await first.exited;
    await waitFor('every child to stop by itself', async () => system.leftovers().length === 0, { timeoutMs: 20_000 });

    // Killed together with Temporal's watchdog, nothing is left to stop the Temporal server.
    const second = system.start();
    await system.healthy();
    const temporal = system.pidOf('temporal')!;
    const watchdog = system.leftovers().find((p) => p.line.includes('watchdog.js') && p.line.includes('temporal'))!;
    expect(watchdog).toBeDefined();
    second.child.kill('SIGKILL');
    process.kill(watchdog.pid, 'SIGKILL');
    await second.exited;
    await waitFor('all but the Temporal server to stop', async () => system.leftovers().every((p) => p.pid === temporal), {
      timeoutMs: 20_000,
    });
    expect(isAlive(temporal)).toBe(true);

    // This stopped at "Port … for the embedded Temporal server is taken".
    const third = system.start();
    try {
      await system.healthy();
      expect(third.output()).toContain(`Stopping the Temporal dev server left running by an earlier run (pid ${temporal})`);
      expect(isAlive(temporal)).toBe(false);
      expect(await system.login('longbien')).toBeTruthy();
    } finally {
      expect((await interrupt(third)).code).toBe(0);
    }
    expect(system.leftovers()).toEqual([]);
  }, 300_000);
});
