import 'reflect-metadata';
import { describeStartupError, loadAppConfig } from '@lienthong/config';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  // Validate before Nest starts, so a bad variable is one clear line, not a stack trace.
  const config = loadAppConfig();
  await createWorkerApp(config);
}

main().catch((err) => {
  process.stderr.write(`${describeStartupError(err)}\n`);
  process.exit(1);
});
