import { ChildProcess } from 'node:child_process';

/**
 * Stops a server we spawned in its own process group: `signal` to the server itself first (its graceful
 * shutdown; PostgreSQL's backends must hear it from the postmaster, not from us), SIGKILL to the whole
 * group if it has not exited within `graceMs`.
 */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // Negative pid: the whole process group (the child was spawned detached, as its group leader).
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
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
