import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { childEnv } from '@lienthong/config';
import { freePort, waitFor } from '../../tools/stack/ports';
import { testEnv } from './test-env';

/** The compiled `npm start` (dist/tools/start.js), as a user runs it. */
export const START_SCRIPT = resolve(__dirname, '../../dist/tools/start.js');

export interface StartedSystem {
  child: ChildProcess;
  /** Resolves with the exit code when the orchestrator exits. */
  exited: Promise<number | null>;
  output: () => string;
}

/**
 * `npm start` on its own data dir and free ports, for tests that start, stop and kill it. One data dir
 * per test file (`name`), so data carries across the starts within the file.
 */
export async function npmStartHarness(name: string) {
  if (!existsSync(START_SCRIPT)) throw new Error(`${START_SCRIPT} is missing: run \`npm run build\` first (npm test does)`);
  const dataDir = join(testEnv('root'), name);
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const ports = { api: await freePort(), temporal: await freePort(), ui: await freePort(), pg: await freePort() };
  const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${ports.api}${path}`, init);

  function start(): StartedSystem {
    const child = spawn(process.execPath, [START_SCRIPT], {
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
      if (code !== 0 && child.signalCode === null) process.stderr.write(`npm start exited with ${code}:\n${output.slice(-4000)}\n`);
    });
    return { child, exited, output: () => output };
  }

  const healthy = () =>
    waitFor('the embedded system to be healthy', async () => (await api('/api/health')).ok, { timeoutMs: 120_000, intervalMs: 250 });

  const login = async (username: string) => {
    const res = await api('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo1234' }),
    });
    if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };

  /**
   * Every process of the system that is still there: its command line names our data dir or ports
   * (Temporal, PostgreSQL and their watchdogs), or its environment carries our data dir (the api and
   * worker, which `npm start` spawns in process groups of their own). Must be none after a stop.
   */
  const leftovers = (): { pid: number; line: string }[] =>
    execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
      .split('\n')
      .slice(1)
      .map((line) => ({ pid: Number(line.trim().split(/\s+/)[0]), line: line.trim() }))
      .filter(({ pid, line }) => {
        if (!pid || pid === process.pid) return false;
        if (line.includes(dataDir) || line.includes(`--port ${ports.temporal}`) || line.includes(`-p ${ports.pg}`)) return true;
        try {
          return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`LIENTHONG_DATA_DIR=${dataDir}`);
        } catch {
          return false; // gone meanwhile, or not ours to read
        }
      });

  /** The pid `npm start` recorded for a part: `worker`/`api` (run/), `temporal`, `postgres` (its postmaster.pid). */
  const pidOf = (part: 'worker' | 'api' | 'temporal' | 'postgres'): number | undefined => {
    const file = {
      worker: join(dataDir, 'run', 'worker.pid'),
      api: join(dataDir, 'run', 'api.pid'),
      temporal: join(dataDir, 'temporal', 'temporal.pid'),
      postgres: join(dataDir, 'postgres', 'pgdata', 'postmaster.pid'),
    }[part];
    try {
      const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  };

  return { dataDir, ports, api, start, healthy, login, leftovers, pidOf };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
