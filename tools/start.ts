import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_NAMESPACE } from '@lienthong/contracts';
import { childEnv, ConfigError, loadStackConfig } from '@lienthong/config';
import { DEMO_PASSWORD, DEMO_USERS } from '@lienthong/persistence';
import { stopChild } from './stack/child-process';
import { EmbeddedPostgres, startEmbeddedPostgres } from './stack/embedded-postgres';
import { stackLog } from './stack/log';
import { waitFor } from './stack/ports';
import { resolveTemporalCli } from './stack/temporal-cli';
import { startTemporalDevServer, TemporalDevServer } from './stack/temporal-dev-server';

/**
 * `npm start`: the whole system on one machine — Temporal dev server (SQLite file), embedded PostgreSQL,
 * the worker and the API — with the demo organization. Data lives in LIENTHONG_DATA_DIR and survives
 * restarts. Ctrl-C stops the apps first (the worker drains), then PostgreSQL, then Temporal.
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

async function main(): Promise<void> {
  const stack = loadStackConfig();
  const dataDir = resolve(stack.LIENTHONG_DATA_DIR);
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });

  let temporal: TemporalDevServer | undefined;
  let postgres: EmbeddedPostgres | undefined;
  const apps: ChildProcess[] = [];
  let stopping: Promise<void> | undefined;

  const shutdown = (code: number) => {
    stopping ??= (async () => {
      log('Stopping: API and worker first (the worker drains), then PostgreSQL, then Temporal');
      await Promise.all(apps.map((app) => stopChild(app, 'SIGTERM', 40_000)));
      await postgres?.stop();
      await temporal?.stop();
      log('Stopped.');
      process.exit(code);
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(0));
  }

  try {
    const cliPath = await resolveTemporalCli({
      explicitPath: stack.TEMPORAL_CLI_PATH,
      toolsDir: stack.LIENTHONG_TOOLS_DIR,
      pathVar: childEnv({}).PATH,
      log,
    });
    temporal = await startTemporalDevServer({
      cliPath,
      dataDir: join(dataDir, 'temporal'),
      port: stack.EMBEDDED_TEMPORAL_PORT,
      uiPort: stack.EMBEDDED_TEMPORAL_UI_PORT,
      namespace: DEFAULT_NAMESPACE,
      persistent: true,
      log,
    });
    let databaseUrl = stack.DATABASE_URL;
    if (databaseUrl) {
      log('Using the external PostgreSQL from DATABASE_URL');
    } else {
      postgres = await startEmbeddedPostgres({
        dataDir: join(dataDir, 'postgres'),
        port: stack.EMBEDDED_PG_PORT,
        database: 'lienthong',
        durable: true,
        log,
      });
      databaseUrl = postgres.url;
    }

    const env = childEnv({
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      JWT_SECRET: devJwtSecret(dataDir),
      PORT: String(stack.PORT),
      // The demo organization is seeded once (it is skipped when already there).
      SEED_DEMO: 'true',
    });
    const distRoot = resolve(__dirname, '..');
    for (const [name, script] of [
      ['worker', 'apps/worker/src/main.js'],
      ['api', 'apps/api/src/main.js'],
    ] as const) {
      // Own process group: a terminal Ctrl-C reaches only this orchestrator, which then sends each app
      // exactly one SIGTERM. A second signal during Nest's shutdown would kill the worker mid-drain.
      const child = spawn(process.execPath, [join(distRoot, script)], { env, stdio: 'inherit', detached: true });
      child.once('exit', (code, signal) => {
        if (!stopping) {
          log(`The ${name} exited unexpectedly (code ${code}, signal ${signal}); stopping everything`);
          void shutdown(1);
        }
      });
      apps.push(child);
    }

    const apiUrl = `http://127.0.0.1:${stack.PORT}`;
    await waitFor(
      'the API to report healthy',
      async () => (await fetch(`${apiUrl}/api/health`)).ok,
      { timeoutMs: 120_000, intervalMs: 500, abort: () => (stopping ? new Error('stopping') : undefined) },
    );

    const users = DEMO_USERS.map((u) => `    ${u.username.padEnd(14)} ${u.role.padEnd(8)} ${u.displayName}`).join('\n');
    process.stdout.write(
      [
        '',
        'Liên Thông is running.',
        `  Web app       ${apiUrl}/`,
        `  API           ${apiUrl}/api`,
        `  OpenAPI docs  ${apiUrl}/api/docs`,
        `  Health        ${apiUrl}/api/health`,
        `  Temporal UI   ${temporal.uiUrl} (namespace ${temporal.namespace})`,
        `  Data          ${dataDir}`,
        `Demo sign-ins (password ${DEMO_PASSWORD}):`,
        users,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (err) {
    log(err instanceof ConfigError ? err.message : (err as Error).message);
    await shutdown(1);
  }
}

void main();
