import { childEnv, loadStackConfig } from '@lienthong/config';
import { stackLog } from './stack/log';
import { resolveTemporalCli, resolveTemporalTestServer } from './stack/temporal-cli';

/**
 * Installs (or finds) the Temporal CLI and the time-skipping test server; used by CI before the tests
 * and by tools/ensure-installed.mjs on a fresh clone. `--cli-only`: the CLI alone (what `npm start` needs).
 */
async function main(): Promise<void> {
  const stack = loadStackConfig();
  const log = stackLog('install-temporal');
  const options = { toolsDir: stack.LIENTHONG_TOOLS_DIR, pathVar: childEnv({}).PATH, log };
  const cli = await resolveTemporalCli({ ...options, explicitPath: stack.TEMPORAL_CLI_PATH });
  if (process.argv.includes('--cli-only')) {
    process.stdout.write(`temporal: ${cli}\n`);
    return;
  }
  const testServer = await resolveTemporalTestServer({ ...options, explicitPath: stack.TEMPORAL_TEST_SERVER_PATH });
  process.stdout.write(`temporal: ${cli}\ntemporal-test-server: ${testServer}\n`);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
