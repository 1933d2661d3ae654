import { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { CASE_SEARCH_ATTRIBUTES } from '@lienthong/contracts';
import { clearLeftover, spawnServer } from './child-process';
import { StackLog } from './log';
import { isPortFree, waitFor } from './ports';

export interface TemporalDevServer {
  address: string;
  namespace: string;
  /** null when started headless (tests). */
  uiUrl: string | null;
  /** The server, or its watchdog: its 'exit' is the server's. */
  process: ChildProcess;
  /** SIGTERM, SIGKILL after `graceMs` (default 15 s). */
  stop(graceMs?: number): Promise<void>;
}

export interface TemporalDevServerOptions {
  cliPath: string;
  dataDir: string;
  port: number;
  /** null: no Web UI. */
  uiPort: number | null;
  namespace: string;
  /** false: in-memory history (tests); true: SQLite file in dataDir, so cases survive a restart. */
  persistent: boolean;
  /** Dynamic config overrides (`limit.historyCount.suggestContinueAsNew` = 20, say, to test continue-as-new). */
  dynamicConfig?: Record<string, string | number>;
  log: StackLog;
  /** `npm start`: run under the watchdog (tools/stack/watchdog.ts), which stops the server if we die. */
  watchdog?: boolean;
  /** Gives up waiting for the server with this error (the orchestrator is stopping). */
  abort?: () => Error | undefined;
}

const CLI_TYPE: Record<string, string> = { KEYWORD: 'Keyword', TEXT: 'Text', INT: 'Int', BOOL: 'Bool', DATETIME: 'Datetime' };

export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const { log, port, uiPort, namespace } = options;
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const dbFile = join(dataDir, 'temporal.db');
  // A persistent server records its pid: if an earlier `npm start` was killed together with the server's
  // watchdog, the server is still running on our port and our database file; stop it as PostgreSQL's is.
  const pidFile = options.persistent ? join(dataDir, 'temporal.pid') : undefined;
  if (pidFile) await clearLeftover(pidFile, dbFile, 'the Temporal dev server', log);
  for (const [p, variable] of [
    [port, 'EMBEDDED_TEMPORAL_PORT'],
    [uiPort, 'EMBEDDED_TEMPORAL_UI_PORT'],
  ] as const) {
    if (p !== null && !(await isPortFree(p))) {
      throw new Error(`Port ${p} for the embedded Temporal server is taken; set ${variable} to another port`);
    }
  }

  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--namespace',
    namespace,
    '--log-level',
    'warn',
    // WAL with synchronous=normal measured 1.7x the default's throughput here, and stays crash-safe
    // for the database file (a power cut may lose the last transactions, never corrupt history).
    '--sqlite-pragma',
    'journal_mode=wal',
    '--sqlite-pragma',
    'synchronous=normal',
    ...(options.persistent ? ['--db-filename', dbFile] : []),
    ...(uiPort === null ? ['--headless'] : ['--ui-port', String(uiPort), '--ui-disable-news-fetch']),
    // Our case search attributes, so operators can filter cases in the UI from the first start.
    ...CASE_SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=${CLI_TYPE[key.type]}`]),
    ...Object.entries(options.dynamicConfig ?? {}).flatMap(([k, v]) => ['--dynamic-config-value', `${k}=${JSON.stringify(v)}`]),
  ];
  const logFile = join(dataDir, 'temporal.log');
  const server = spawnServer({
    command: options.cliPath,
    args,
    logFile,
    stopSignal: 'SIGTERM',
    graceMs: 15_000,
    pidFile,
    watchdog: options.watchdog ?? false,
  });
  const child = server.child;
  let exited: Error | undefined;
  child.once('exit', (code, signal) => {
    exited = new Error(`Temporal dev server exited (code ${code}, signal ${signal}); see ${logFile}`);
  });
  child.once('error', (err) => {
    exited = err;
  });

  const address = `127.0.0.1:${port}`;
  try {
    await waitFor(
      'the Temporal dev server',
      async () => {
        const connection = await Connection.connect({ address, connectTimeout: 1_000 });
        try {
          await connection.workflowService.describeNamespace({ namespace });
          return true;
        } finally {
          await connection.close();
        }
      },
      { timeoutMs: 60_000, intervalMs: 250, abort: () => exited ?? options.abort?.() },
    );
  } catch (err) {
    // Not ready (or we are stopping): leave nothing running behind the error.
    await server.stop(2_000);
    throw err;
  }
  const uiUrl = uiPort === null ? null : `http://127.0.0.1:${uiPort}`;
  log(`Temporal ready on ${address}, namespace "${namespace}"${uiUrl ? `, UI ${uiUrl}` : ''}`);

  return {
    address,
    namespace,
    uiUrl,
    process: child,
    stop: (graceMs) => server.stop(graceMs),
  };
}
