// Run by npm before `npm start` and `npm test` (the prestart/pretest scripts in package.json): installs
// what a fresh clone lacks, so those two commands are the whole set-up.
// - `npm ci` when node_modules is missing or differs from package-lock.json;
// - with --temporal-cli (and --temporal-test-server), `npm run temporal:install` when the Temporal CLI
//   (and the time-skipping test server) are found neither where TEMPORAL_CLI_PATH /
//   TEMPORAL_TEST_SERVER_PATH point, nor on PATH, nor in the project's tools folder.
// Plain Node with no imports from node_modules: it runs before any dependency exists.
// LIENTHONG_SKIP_INSTALL=1 skips it all (a machine that manages node_modules itself).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const say = (message) => process.stderr.write(`[ensure-installed] ${message}\n`);

/** Why node_modules must be (re)installed, or null when it matches package-lock.json. */
export function installProblem(dir) {
  if (!existsSync(join(dir, 'node_modules'))) return 'node_modules is missing';
  // npm records the tree it installed in node_modules/.package-lock.json; compare it with the lockfile.
  const hiddenLock = join(dir, 'node_modules', '.package-lock.json');
  if (!existsSync(hiddenLock)) return 'node_modules was not installed by npm (no node_modules/.package-lock.json)';
  const wanted = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(hiddenLock, 'utf8')).packages ?? {};
  for (const [path, want] of Object.entries(wanted)) {
    if (!path.startsWith('node_modules/') || want.link) continue;
    const have = installed[path];
    if (!have) {
      // Optional packages are for other platforms (esbuild's, rollup's binaries): absent is normal.
      if (want.optional || want.devOptional) continue;
      return `${path} is not installed`;
    }
    if (have.version !== want.version) return `${path} is ${have.version}, package-lock.json says ${want.version}`;
  }
  return null;
}

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};
const onPath = (name) => (env.PATH ?? '').split(delimiter).some((dir) => dir && isExecutable(join(dir, name)));

/** The same places tools/stack/temporal-cli.ts looks first (it installs from there on). */
function haveBinary(explicit, name, folder) {
  if (explicit) return true; // used as given; the tools themselves report a bad path
  return onPath(name) || isExecutable(resolve(root, env.LIENTHONG_TOOLS_DIR || '.tools', folder, 'bin', name));
}

function run(args) {
  // The npm that runs this script (npm_execpath), else the one on PATH.
  const [command, prefix] = env.npm_execpath ? [process.execPath, [env.npm_execpath]] : ['npm', []];
  const result = spawnSync(command, [...prefix, ...args], { cwd: root, stdio: 'inherit', shell: !env.npm_execpath && process.platform === 'win32' });
  if (result.status !== 0) {
    say(`npm ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

function main() {
  if (env.LIENTHONG_SKIP_INSTALL === '1') return;
  const problem = installProblem(root);
  if (problem) {
    say(`${problem}: running npm ci`);
    run(['ci', '--no-audit', '--no-fund']);
  }
  const args = process.argv.slice(2);
  const missing = [];
  if (args.includes('--temporal-cli') && !haveBinary(env.TEMPORAL_CLI_PATH, 'temporal', 'temporal-cli')) missing.push('the Temporal CLI');
  if (args.includes('--temporal-test-server') && !haveBinary(env.TEMPORAL_TEST_SERVER_PATH, 'temporal-test-server', 'temporal-test-server')) {
    missing.push('the time-skipping test server');
  }
  if (missing.length) {
    say(`${missing.join(' and ')} not found: running npm run temporal:install`);
    run(['run', '--silent', 'temporal:install', ...(args.includes('--temporal-test-server') ? [] : ['--', '--cli-only'])]);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
