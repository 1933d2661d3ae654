import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { AppConfig, loadAppConfig } from '@lienthong/config';
import type { ProcessRegistry } from '@lienthong/domain';
import { createDataSource, DEMO_PASSWORD } from '@lienthong/persistence';
import { quoteIdent } from '../../tools/stack/embedded-postgres';
import { testEnv } from './test-env';

/** A fresh, empty database on the shared test PostgreSQL; dropped by the returned function. */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const adminUrl = testEnv('pgAdminUrl');
  const name = `lt_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  return {
    url,
    name,
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A real AppConfig (through the real schema) pointing at the test servers. */
export function testConfig(overrides: Record<string, string>): AppConfig {
  return loadAppConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    TEMPORAL_ADDRESS: testEnv('temporalAddress'),
    WORKFLOW_BUNDLE_PATH: testEnv('workflowBundle'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    WORKER_SHUTDOWN_GRACE_SECONDS: '5',
    ...overrides,
  });
}

export interface TestApps {
  config: AppConfig;
  api: INestApplication;
  worker?: INestApplicationContext;
  dataSource: DataSource;
  http: () => ReturnType<typeof request>;
  login: (username: string, password?: string) => Promise<string>;
  close: () => Promise<void>;
}

/**
 * The API (and, unless told otherwise, the worker) as production builds them, on their own database
 * and task queue, with the demo organization seeded. `processes` replaces the build's registry (test-only
 * process modules; the worker's workflow code still takes execution phases from the build's).
 */
export async function startTestApps(
  options: { worker?: boolean; env?: Record<string, string>; processes?: ProcessRegistry } = {},
): Promise<TestApps> {
  const db = await createTestDatabase();
  const config = testConfig({
    DATABASE_URL: db.url,
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    SEED_DEMO: 'true',
    ...options.env,
  });
  const worker = options.worker === false ? undefined : await createWorkerApp(config, options.processes);
  const api = await createApiApp(config, options.processes);
  const dataSource = await createDataSource(db.url, 'lienthong-test').initialize();
  const http = () => request(api.getHttpServer());
  return {
    config,
    api,
    worker,
    dataSource,
    http,
    login: async (username, password = DEMO_PASSWORD) => {
      const res = await http().post('/api/auth/login').send({ username, password }).expect(200);
      return res.body.accessToken as string;
    },
    close: async () => {
      await api.close();
      await worker?.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}
