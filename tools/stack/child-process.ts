import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WatchdogSpec } from './watchdog';

/**
 * Stops a server we spawned in its own process group: `signal` to the server itself first (its graceful
 * shutdown; PostgreSQL's backends must hear it from the postmaster, not from us), SIGKILL to the whole
 * group if it has not exited within `graceMs`.
 */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.pid !== undefined && signalGroup(child.pid, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** `signal` to the process group led by `pid` (a child spawned detached), or to `pid` alone if it leads none. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    // Negative pid: the whole process group (the child was spawned detached, as its group leader).
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How a server binary is run: as it is, or under tools/stack/watchdog (`npm start`). */
export interface ServerSpawn extends WatchdogSpec {
  /** Run under the watchdog, which stops the server when the orchestrator dies. */
  watchdog: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface ServerProcess {
  /** The server itself, or its watchdog (which exits when the server does, with its code). */
  child: ChildProcess;
  /** Graceful stop with `spec.stopSignal`, SIGKILL to the server's process group after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const WATCHDOG_SCRIPT = resolve(__dirname, 'watchdog.js');

/**
 * Spawns a server binary in its own process group (a terminal's Ctrl-C reaches only the orchestrator,
 * which decides the order of shutdown), its output appended to `logFile`.
 */
export function spawnServer(spec: ServerSpawn): ServerProcess {
  const { watchdog, env, ...watchdogSpec } = spec;
  if (!watchdog) {
    const out = openSync(spec.logFile, 'a');
    const child = spawn(spec.command, spec.args, {
      detached: true,
      stdio: ['ignore', out, out],
      env,
      ...(spec.uid !== undefined ? { uid: spec.uid, gid: spec.gid } : {}),
    });
    closeSync(out);
    if (spec.pidFile && child.pid !== undefined) {
      writeFileSync(spec.pidFile, `${child.pid}\n`);
      child.once('exit', () => rmSync(spec.pidFile!, { force: true }));
    }
    return { child, stop: (graceMs = spec.graceMs) => stopChild(child, spec.stopSignal, graceMs) };
  }
  const child = spawn(process.execPath, [WATCHDOG_SCRIPT, JSON.stringify(watchdogSpec)], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env,
  });
  let serverPid: number | undefined;
  child.on('message', (m: { pid?: number }) => (serverPid = m.pid ?? serverPid));
  return {
    child,
    stop: async (graceMs = spec.graceMs) => {
      // The watchdog turns SIGTERM into the server's own stop signal and SIGKILLs it after graceMs;
      // should the watchdog itself hang, both groups are killed a little later.
      const timer = setTimeout(() => serverPid !== undefined && signalGroup(serverPid, 'SIGKILL'), graceMs + 1_000);
      await stopChild(child, 'SIGTERM', graceMs + 1_000);
      clearTimeout(timer);
    },
  };
}

/** The command line of a running process ('' when gone or unreadable); `ps` works on Linux and macOS. */
export function commandLine(pid: number): string {
  const ps = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  return ps.status === 0 ? ps.stdout.trim() : '';
}

/**
 * A process recorded in `pidFile` by an earlier `npm start` that was killed too hard to stop it (its
 * orchestrator and watchdog SIGKILLed at once). Stopped, with its process group, if it is still running
 * and its command line still contains `marker` (so a recycled pid is left alone).
 */
export async function clearLeftover(pidFile: string, marker: string, what: string, log: (m: string) => void): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid) || !commandLine(pid).includes(marker)) return;
  log(`Stopping ${what} left running by an earlier run (pid ${pid})`);
  // A zombie (exited, not yet reaped by whoever adopted it) has let go of its ports already.
  const alive = () => isRunning(pid) && !commandLine(pid).includes('<defunct>');
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + 5_000;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) signalGroup(pid, 'SIGKILL');
  while (alive() && Date.now() < deadline + 5_000) await new Promise((r) => setTimeout(r, 100));
}
