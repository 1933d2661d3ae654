import { ChildProcess, spawn } from 'node:child_process';
import { waitFor } from './ports';
import { stopChild } from './child-process';
import { Supervisor } from './supervisor';

/** The supervisor on real (tiny) processes, with short delays. */
describe('Supervisor', () => {
  const lines: string[] = [];
  const log = (m: string) => lines.push(m);
  const backoff = { firstMs: 50, maxMs: 200, healthyAfterMs: 60_000 };
  const events: string[] = [];

  /** A service that is a sleeping node process; `starts` counts its starts. */
  function service(name: string) {
    const svc = {
      starts: 0,
      current: undefined as ChildProcess | undefined,
      spec: {
        name,
        graceMs: 2_000,
        start: async () => {
          svc.starts++;
          svc.current = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
          return svc.current;
        },
        stop: async (graceMs: number) => {
          events.push(`stop ${name}`);
          if (svc.current) await stopChild(svc.current, 'SIGTERM', graceMs);
        },
      },
    };
    return svc;
  }

  beforeEach(() => {
    lines.length = 0;
    events.length = 0;
  });

  it('restarts a killed part with a growing delay while the others keep running, and stops in reverse order', async () => {
    const supervisor = new Supervisor(log, undefined, backoff);
    const [db, app] = [service('db'), service('app')];
    await supervisor.add(db.spec);
    await supervisor.add(app.spec);
    const dbPid = db.current!.pid;

    for (const n of [2, 3]) {
      app.current!.kill('SIGKILL');
      await waitFor(`restart ${n - 1}`, async () => app.starts === n && app.current!.pid !== undefined, { timeoutMs: 5_000, intervalMs: 10 });
    }
    expect(lines).toEqual([
      'The app exited (code null, signal SIGKILL); restarting it in 0.05 s (restart 1)',
      'The app is back',
      'The app exited (code null, signal SIGKILL); restarting it in 0.1 s (restart 2)',
      'The app is back',
    ]);
    expect(db.current!.pid).toBe(dbPid);
    expect(db.starts).toBe(1);

    const [dbProcess, appProcess] = [db.current!, app.current!];
    await supervisor.stop(5_000);
    expect(events).toEqual(['stop app', 'stop db']);
    expect([dbProcess.signalCode, appProcess.signalCode]).toEqual(['SIGTERM', 'SIGTERM']);
  });

  it('does not restart what its owner refuses to, nor anything once stopping', async () => {
    const refused: string[] = [];
    const supervisor = new Supervisor(log, (name) => (refused.push(name), false), backoff);
    const app = service('app');
    await supervisor.add(app.spec);
    app.current!.kill('SIGKILL');
    await waitFor('the exit to be reported', async () => refused.length === 1, { timeoutMs: 5_000, intervalMs: 10 });
    // Nothing to poll for in an absence: wait four times the first restart delay.
    await new Promise((r) => setTimeout(r, 200));
    expect(app.starts).toBe(1);

    const other = new Supervisor(log, undefined, backoff);
    const svc = service('svc');
    await other.add(svc.spec);
    await other.stop(1_000);
    await expect(other.add(service('late').spec)).rejects.toThrow('stopping');
    expect(svc.starts).toBe(1);
  });
});
