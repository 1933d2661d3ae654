import { spawn } from 'node:child_process';
import { openSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Runs one server binary (PostgreSQL, the Temporal dev server) for `npm start`, which spawns this script
 * with an IPC channel. Such binaries cannot notice that the orchestrator died; this script can: the
 * channel closes when the orchestrator exits in any way, SIGKILL included, and then the server is stopped
 * as gracefully as it would have been. Also:
 * - SIGTERM/SIGINT (the orchestrator's stop) become the server's own stop signal, then SIGKILL after
 *   `graceMs` to its whole process group;
 * - when the server exits (killed, crashed), whatever is left of its process group (PostgreSQL backends
 *   of a killed postmaster) is killed too, so a restart finds its port and shared memory free;
 * - its pid goes to the orchestrator (a message) and to `pidFile`, for the next `npm start` to clear
 *   it if everything above it was killed at once.
 * Plain Node, no dependencies: it runs from dist/ like the orchestrator.
 */
export interface WatchdogSpec {
  command: string;
  args: string[];
  logFile: string;
  stopSignal: NodeJS.Signals;
  graceMs: number;
  pidFile?: string;
  uid?: number;
  gid?: number;
}

function main(): void {
  const spec = JSON.parse(process.argv[2] ?? '') as WatchdogSpec;
  const out = openSync(spec.logFile, 'a');
  // Own process group: its leftovers can be killed as one, and this script survives doing it.
  const server = spawn(spec.command, spec.args, {
    detached: true,
    stdio: ['ignore', out, out],
    ...(spec.uid !== undefined ? { uid: spec.uid, gid: spec.gid } : {}),
  });
  const pid = server.pid;
  const killGroup = () => {
    if (pid === undefined) return;
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.kill(spec.stopSignal);
    setTimeout(killGroup, spec.graceMs).unref();
  };

  server.once('error', (err) => {
    process.stderr.write(`[watchdog] ${spec.command}: ${err.message}\n`);
    process.exit(127);
  });
  server.once('exit', (code, signal) => {
    killGroup();
    if (spec.pidFile) rmSync(spec.pidFile, { force: true });
    // The orchestrator reads the server's own exit from this code: 128 + n for "killed by signal n".
    process.exit(code ?? 128 + (signal ? signalNumber(signal) : 0));
  });
  if (pid !== undefined) {
    if (spec.pidFile) writeFileSync(spec.pidFile, `${pid}\n`);
    process.send?.({ pid });
  }
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, stop);
  // The orchestrator is gone (exited, crashed, SIGKILLed): stop the server rather than orphan it.
  process.on('disconnect', stop);
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGSEGV: 11, SIGTERM: 15 } as Record<string, number>)[signal] ?? 0;
}

main();
