import { childEnv, loadStackConfig } from '@lienthong/config';
import { DEFAULT_NAMESPACE } from '@lienthong/contracts';
import { StackLog } from '../../tools/stack/log';
import { freePort } from '../../tools/stack/ports';
import { resolveTemporalCli } from '../../tools/stack/temporal-cli';
import { startTemporalDevServer, TemporalDevServer } from '../../tools/stack/temporal-dev-server';

/** A headless, in-memory Temporal dev server on a free port, found and started as `npm start` does. */
export async function startTestTemporal(options: {
  dataDir: string;
  log: StackLog;
  dynamicConfig?: Record<string, string | number>;
}): Promise<TemporalDevServer> {
  const stack = loadStackConfig();
  const cliPath = await resolveTemporalCli({
    explicitPath: stack.TEMPORAL_CLI_PATH,
    toolsDir: stack.LIENTHONG_TOOLS_DIR,
    pathVar: childEnv({}).PATH,
    log: options.log,
  });
  return startTemporalDevServer({
    cliPath,
    dataDir: options.dataDir,
    port: await freePort(),
    uiPort: null,
    namespace: DEFAULT_NAMESPACE,
    persistent: false,
    dynamicConfig: options.dynamicConfig,
    log: options.log,
  });
}
