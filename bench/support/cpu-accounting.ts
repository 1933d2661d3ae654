import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat times; 100 on every Linux this runs on. */
const TICKS = 100;

interface Proc {
  pid: number;
  ppid: number;
  cmdline: string;
  cpuSeconds: number;
}

function processes(): Proc[] {
  const list: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: the fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      list.push({ pid: Number(entry), ppid: Number(fields[1]), cmdline, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS });
    } catch {
      // The process ended while we looked.
    }
  }
  return list;
}

/**
 * CPU seconds used so far by each part of the bench stack, found by what they run: the Temporal dev
 * server and PostgreSQL (postmaster and its backends) by their data folder under `dir`, our apps by
 * pid. Differences of two readings say where a run's CPU went — on 2 cores, that is what limits
 * throughput, so it tells which layer to look at first.
 */
export function cpuReading(dir: string, apps: Record<string, number | undefined>): Record<string, number> {
  const all = processes();
  const reading: Record<string, number> = {};
  const temporal = all.filter((p) => p.cmdline.includes('start-dev') && p.cmdline.includes(dir));
  const postmaster = all.find((p) => p.cmdline.includes('postgres') && p.cmdline.includes(`${dir}/postgres`));
  reading.temporal = temporal.reduce((a, p) => a + p.cpuSeconds, 0);
  reading.postgres = postmaster
    ? all.filter((p) => p.pid === postmaster.pid || p.ppid === postmaster.pid).reduce((a, p) => a + p.cpuSeconds, 0)
    : 0;
  for (const [name, pid] of Object.entries(apps)) reading[name] = all.find((p) => p.pid === pid)?.cpuSeconds ?? 0;
  const self = process.cpuUsage();
  reading.client = (self.user + self.system) / 1e6;
  return reading;
}

export function cpuDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, Math.max(0, after[k] - (before[k] ?? 0))]));
}
