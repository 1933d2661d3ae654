import 'reflect-metadata';
import { describeStartupError, loadAppConfig } from '@lienthong/config';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  // Validate before Nest starts, so a bad variable is one clear line, not a stack trace.
  const config = loadAppConfig();
  const app = await createApiApp(config);
  await app.listen(config.PORT, config.HOST);
}

main().catch((err) => {
  process.stderr.write(`${describeStartupError(err)}\n`);
  process.exit(1);
});
