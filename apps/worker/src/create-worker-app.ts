import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '@lienthong/config';
import type { ProcessRegistry } from '@lienthong/domain';
import { WorkerModule } from './worker.module';

/** Builds and starts the worker; `main.ts` and the integration tests share it. */
export async function createWorkerApp(config?: AppConfig, processes?: ProcessRegistry): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, processes), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  return app;
}
