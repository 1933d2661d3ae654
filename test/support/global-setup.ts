import './lib-paths';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '@lienthong/temporal';
import { startEmbeddedPostgres } from '../../tools/stack/embedded-postgres';
import { stackLog } from '../../tools/stack/log';
import { freePort } from '../../tools/stack/ports';
import { startTestTemporal } from './temporal-server';
import { TEST_ENV } from './test-env';

/**
 * Starts one real Temporal dev server and one real PostgreSQL for the whole run, on free ports, with
 * the same code as `npm start`; bundles the workflows once. Test files get their own database and task
 * queue (test/support/test-apps.ts), so they can run in parallel.
 */
export default async function globalSetup(): Promise<void> {
  const log = stackLog('test-stack');
  const root = mkdtempSync(join(tmpdir(), 'lienthong-test-'));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to enter this folder.
  chmodSync(root, 0o755);

  const [temporal, postgres, bundle] = await Promise.all([
    startTestTemporal({ dataDir: join(root, 'temporal'), log }),
    freePort().then((port) =>
      startEmbeddedPostgres({ dataDir: join(root, 'postgres'), port, database: 'lienthong', durable: false, log }),
    ),
    bundleWorkflowCode({ ...workflowBundleOptions(require.resolve('../../workflows')), logger: quietLogger }),
  ]);
  const bundlePath = join(root, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.code);

  // Test workers inherit the environment jest had when it forked them.
  Object.assign(process.env, {
    [TEST_ENV.temporalAddress]: temporal.address,
    [TEST_ENV.pgAdminUrl]: postgres.adminUrl,
    [TEST_ENV.workflowBundle]: bundlePath,
    [TEST_ENV.root]: root,
  });
  (globalThis as Record<string, unknown>).__lienthongStack = { temporal, postgres, root };
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => process.stderr.write(`${message}\n`),
};
