import { bundleWorkflowCode } from '@temporalio/worker';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { childEnv, loadStackConfig } from '@lienthong/config';
import { DEFAULT_NAMESPACE } from '@lienthong/contracts';
import { workflowBundleOptions } from '@lienthong/temporal';
import { stopChild } from '../../tools/stack/child-process';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../../tools/stack/embedded-postgres';
import { StackLog } from '../../tools/stack/log';
import { freePort, waitFor } from '../../tools/stack/ports';
import { resolveTemporalCli } from '../../tools/stack/temporal-cli';
import { startTemporalDevServer, TemporalDevServer } from '../../tools/stack/temporal-dev-server';

const DIST = resolve(__dirname, '..', '..');

/** One of our apps (or the raw worker) as a child process, its output in a log file. */
export interface AppProcess {
  child: ChildProcess;
  /** Resident set size in MB, from /proc (Linux). */
  rssMb(): number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface BenchStack {
  dir: string;
  temporalAddress: string;
  namespace: string;
  databaseUrl: string;
  temporalCliVersion: string;
  /** Liên Thông's workflows, bundled once, as production runs them (WORKFLOW_BUNDLE_PATH). */
  caseBundle: string;
  rawBundle: string;
  appEnv(overrides?: Record<string, string>): NodeJS.ProcessEnv;
  /** `ready`: a line the process logs when it is ready, or a probe. */
  spawnApp(
    name: string,
    script: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    ready: string | (() => Promise<boolean>),
    nodeArgs?: string[],
  ): Promise<AppProcess>;
  stop(): Promise<void>;
}

/**
 * The same embedded servers as `npm start` — the Temporal CLI dev server on a SQLite file (WAL) and
 * PostgreSQL with full durability — in a throwaway folder; or an external PostgreSQL (DATABASE_URL)
 * and Temporal (BENCH_TEMPORAL_ADDRESS). Both systems under test share them, so ratios compare like
 * with like.
 */
export async function startBenchStack(log: StackLog): Promise<BenchStack> {
  const stack = loadStackConfig();
  const dir = mkdtempSync(join(tmpdir(), 'lienthong-bench-'));
  chmodSync(dir, 0o755);
  const cliPath = await resolveTemporalCli({
    explicitPath: stack.TEMPORAL_CLI_PATH,
    toolsDir: stack.LIENTHONG_TOOLS_DIR,
    pathVar: childEnv({}).PATH,
    log,
  });
  const temporalCliVersion = execFileSync(cliPath, ['--version'], { encoding: 'utf8' }).trim();

  let temporal: TemporalDevServer | undefined;
  let postgres: EmbeddedPostgres | undefined;
  const temporalAddress =
    stack.BENCH_TEMPORAL_ADDRESS ??
    (temporal = await startTemporalDevServer({
      cliPath,
      dataDir: join(dir, 'temporal'),
      port: await freePort(),
      uiPort: null,
      namespace: DEFAULT_NAMESPACE,
      persistent: true,
      log,
    })).address;
  const databaseUrl =
    stack.DATABASE_URL ??
    (postgres = await startEmbeddedPostgres({
      dataDir: join(dir, 'postgres'),
      port: await freePort(),
      database: 'lienthong',
      durable: true,
      log,
    })).url;

  log('Bundling the workflows (Liên Thông and the raw baseline)');
  const quiet = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: log };
  const caseBundle = join(dir, 'case-workflows.js');
  const rawBundle = join(dir, 'raw-workflows.js');
  const [cases, raw] = await Promise.all([
    bundleWorkflowCode({ ...workflowBundleOptions(require.resolve('../../workflows')), logger: quiet }),
    bundleWorkflowCode({ workflowsPath: require.resolve('../raw/raw-case.workflow'), logger: quiet }),
  ]);
  writeFileSync(caseBundle, cases.code);
  writeFileSync(rawBundle, raw.code);

  const apps: AppProcess[] = [];
  const jwtSecret = randomBytes(32).toString('hex');
  return {
    dir,
    temporalAddress,
    namespace: DEFAULT_NAMESPACE,
    databaseUrl,
    temporalCliVersion,
    caseBundle,
    rawBundle,
    appEnv: (overrides = {}) =>
      childEnv({
        // Not 'production': demo users and a throwaway secret, which production refuses (the app's code does not branch on it).
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        DATABASE_URL: databaseUrl,
        TEMPORAL_ADDRESS: temporalAddress,
        TEMPORAL_NAMESPACE: DEFAULT_NAMESPACE,
        JWT_SECRET: jwtSecret,
        SEED_DEMO: 'true',
        WORKFLOW_BUNDLE_PATH: caseBundle,
        ...overrides,
      }),
    spawnApp: async (name, script, args, env, ready, nodeArgs = []) => {
      const logFile = join(dir, `${name}-${apps.length}.log`);
      const out = openSync(logFile, 'a');
      const child = spawn(process.execPath, [...nodeArgs, join(DIST, script), ...args], { env, stdio: ['ignore', out, out] });
      closeSync(out);
      const app: AppProcess = {
        child,
        rssMb: () => {
          const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
          return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
        },
        stop: (signal = 'SIGTERM') => stopChild(child, signal, 30_000),
      };
      apps.push(app);
      const isReady = typeof ready === 'string' ? async () => readFileSync(logFile, 'utf8').includes(ready) : ready;
      await waitFor(`the ${name} to start`, () => isReady().catch(() => false), {
        timeoutMs: 120_000,
        intervalMs: 100,
        abort: () => (child.exitCode !== null ? new Error(`${name} exited (${child.exitCode}); see ${logFile}`) : undefined),
      });
      return app;
    },
    stop: async () => {
      await Promise.all(apps.map((a) => (a.child.exitCode === null && a.child.signalCode === null ? a.stop() : undefined)));
      await postgres?.stop();
      await temporal?.stop();
    },
  };
}
