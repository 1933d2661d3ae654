/**
 * The raw baseline's worker, a process of its own like Liên Thông's: a bare Temporal Worker, no Nest,
 * no database. Usage: node raw-worker.main.js <temporal address> <namespace> <task queue> <bundle path>
 */
import { NativeConnection, Worker } from '@temporalio/worker';

async function main(): Promise<void> {
  const [address, namespace, taskQueue, bundlePath] = process.argv.slice(2);
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, namespace, taskQueue, workflowBundle: { codePath: bundlePath } });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());
  process.stdout.write('raw worker polling\n');
  await worker.run();
  await connection.close();
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
