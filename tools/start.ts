import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_NAMESPACE } from '@lienthong/contracts';
import { childEnv, ConfigError, loadStackConfig } from '@lienthong/config';
import { DEMO_PASSWORD, DEMO_USERS } from '@lienthong/persistence';
import { clearLeftover, stopChild } from './stack/child-process';
import { EmbeddedPostgres, startEmbeddedPostgres } from './stack/embedded-postgres';
import { stackLog } from './stack/log';
import { waitFor } from './stack/ports';
import { resolveTemporalCli } from './stack/temporal-cli';
import { Supervisor } from './stack/supervisor';
import { startTemporalDevServer, TemporalDevServer } from './stack/temporal-dev-server';

/**
 * `npm start`: the whole system on one machine — Temporal dev server (SQLite file), embedded PostgreSQL,
 * the worker and the API — with the demo organization. Data lives in LIENTHONG_DATA_DIR and survives
 * restarts. A part that dies is restarted with backoff (tools/stack/supervisor.ts); Ctrl-C stops the apps
 * first (the worker drains), then PostgreSQL, then Temporal, within 10 s. If this process itself is killed,
 * its children stop by themselves (tools/stack/watchdog.ts, parent-watch.ts), and the next start clears
 * whatever was left (pid files in the data dir).
 */
const log = stackLog('lienthong');

/** A stable secret per data folder, so tokens survive a restart of `npm start`. */
function devJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The whole stop, Ctrl-C to exit, stays under this (apps, then PostgreSQL, then Temporal). */
const STOP_BUDGET_MS = 9_000;
/** The worker's grace for in-flight activities at a stop (ours are short database writes). */
const WORKER_GRACE_SECONDS = 3;

/** The API and the worker, each restarted by the supervisor as one unit. */
const APPS = [
  { name: 'worker', script: 'apps/worker/src/main.js', graceMs: 6_000 },
  { name: 'api', script: 'apps/api/src/main.js', graceMs: 3_000 },
] as const;

async function main(): Promise<void> {
  const stack = loadStackConfig();
  const dataDir = resolve(stack.LIENTHONG_DATA_DIR);
  const runDir = join(dataDir, 'run');
  mkdirSync(runDir, { recursive: true, mode: 0o755 });
  const distRoot = resolve(__dirname, '..');
  // Until the system is up, a part that exits fails the start (with its own output above) instead of
  // being restarted: the same bad variable or port would only fail again.
  let up = false;
  let startupFailure: Error | undefined;
  const supervisor = new Supervisor(log, (name, why) => {
    if (up) return true;
    startupFailure ??= new Error(`The ${name} ${why} while starting; see its output above`);
    return false;
  });
  let stopping: Promise<void> | undefined;

  const shutdown = (code: number) => {
    stopping ??= (async () => {
      log('Stopping: API and worker first (the worker drains), then PostgreSQL, then Temporal');
      await supervisor.stop(STOP_BUDGET_MS);
      log('Stopped.');
      process.exit(code);
    })();
    return stopping;
  };
  let firstSignalAt: number | undefined;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      // A second Ctrl-C while stopping: stop waiting. Each child's watchdog (or parent-watch) sees this
      // process go and stops its server or app by itself. Within the first second it is the same Ctrl-C
      // twice (the terminal's, and npm forwarding it to its script), not a second one.
      if (firstSignalAt !== undefined && Date.now() - firstSignalAt > 1_000) process.exit(130);
      firstSignalAt ??= Date.now();
      void shutdown(0);
    });
  }
  const abort = () => startupFailure ?? (supervisor.isStopping ? new Error('stopping') : undefined);

  try {
    // Whatever an earlier run left behind when it was killed too hard to stop it (its apps hold our
    // ports); PostgreSQL's and Temporal's leftovers are cleared as each starts.
    for (const app of APPS) {
      await clearLeftover(join(runDir, `${app.name}.pid`), join(distRoot, app.script), `the ${app.name}`, log);
    }
    const cliPath = await resolveTemporalCli({
      explicitPath: stack.TEMPORAL_CLI_PATH,
      toolsDir: stack.LIENTHONG_TOOLS_DIR,
      pathVar: childEnv({}).PATH,
      log,
    });
    let temporal: TemporalDevServer | undefined;
    await supervisor.add({
      name: 'Temporal dev server',
      graceMs: 2_000,
      start: async () => {
        temporal = await startTemporalDevServer({
          cliPath,
          dataDir: join(dataDir, 'temporal'),
          port: stack.EMBEDDED_TEMPORAL_PORT,
          uiPort: stack.EMBEDDED_TEMPORAL_UI_PORT,
          namespace: DEFAULT_NAMESPACE,
          persistent: true,
          watchdog: true,
          abort,
          log,
        });
        return temporal.process;
      },
      stop: (graceMs) => temporal!.stop(graceMs),
    });
    let databaseUrl = stack.DATABASE_URL;
    if (databaseUrl) {
      log('Using the external PostgreSQL from DATABASE_URL');
    } else {
      let postgres: EmbeddedPostgres | undefined;
      await supervisor.add({
        name: 'PostgreSQL server',
        graceMs: 3_000,
        start: async () => {
          postgres = await startEmbeddedPostgres({
            dataDir: join(dataDir, 'postgres'),
            port: stack.EMBEDDED_PG_PORT,
            database: 'lienthong',
            durable: true,
            watchdog: true,
            abort,
            log,
          });
          return postgres.process;
        },
        stop: (graceMs) => postgres!.stop(graceMs),
      });
      databaseUrl = postgres!.url;
    }

    const env = childEnv({
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal!.address,
      TEMPORAL_NAMESPACE: temporal!.namespace,
      JWT_SECRET: devJwtSecret(dataDir),
      PORT: String(stack.PORT),
      // The demo organization is seeded once (it is skipped when already there).
      SEED_DEMO: 'true',
      WORKER_SHUTDOWN_GRACE_SECONDS: String(WORKER_GRACE_SECONDS),
    });
    const parentWatch = join(distRoot, 'tools/stack/parent-watch.js');
    for (const app of APPS) {
      let child: ChildProcess | undefined;
      await supervisor.add({
        name: app.name === 'api' ? 'API' : app.name,
        graceMs: app.graceMs,
        start: async () => {
          const pidFile = join(runDir, `${app.name}.pid`);
          // Own process group: a terminal Ctrl-C reaches only this orchestrator, which then sends each app
          // exactly one SIGTERM (a second signal during Nest's shutdown would kill the worker mid-drain).
          // The IPC channel is how the app (parent-watch) notices that this orchestrator died.
          const spawned = spawn(process.execPath, ['--require', parentWatch, join(distRoot, app.script)], {
            env,
            stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
            detached: true,
          });
          child = spawned;
          if (spawned.pid !== undefined) writeFileSync(pidFile, `${spawned.pid}\n`);
          spawned.once('exit', () => rmSync(pidFile, { force: true }));
          return spawned;
        },
        stop: (graceMs) => (child ? stopChild(child, 'SIGTERM', graceMs) : Promise.resolve()),
      });
    }

    const apiUrl = `http://127.0.0.1:${stack.PORT}`;
    await waitFor(
      'the API to report healthy',
      async () => (await fetch(`${apiUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok,
      { timeoutMs: 120_000, intervalMs: 500, abort },
    );

    up = true;
    const users = DEMO_USERS.map((u) => `    ${u.username.padEnd(14)} ${u.role.padEnd(8)} ${u.displayName}`).join('\n');
    process.stdout.write(
      [
        '',
        'Liên Thông is running.',
        `  Web app       ${apiUrl}/`,
        `  API           ${apiUrl}/api`,
        `  OpenAPI docs  ${apiUrl}/api/docs`,
        `  Health        ${apiUrl}/api/health`,
        `  Temporal UI   ${temporal!.uiUrl} (namespace ${temporal!.namespace})`,
        `  Data          ${dataDir}`,
        `Demo sign-ins (password ${DEMO_PASSWORD}):`,
        users,
        'A part that stops is restarted; press Ctrl-C to stop everything.',
        '',
      ].join('\n'),
    );
  } catch (err) {
    if (!supervisor.isStopping) log(err instanceof ConfigError ? err.message : (err as Error).message);
    await shutdown(1);
  }
}

void main();
