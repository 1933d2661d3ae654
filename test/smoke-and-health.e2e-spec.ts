import { join } from 'node:path';
import { SmokePing } from '@lienthong/persistence';
import { startEmbeddedPostgres } from '../tools/stack/embedded-postgres';
import { quietLog } from '../tools/stack/log';
import { freePort } from '../tools/stack/ports';
import { startTestApps, TestApps } from './support/test-apps';
import { testEnv } from './support/test-env';

describe('the wiring end to end: API → Temporal → worker → PostgreSQL', () => {
  let apps: TestApps;
  beforeAll(async () => {
    apps = await startTestApps();
  });
  afterAll(() => apps.close());

  it('runs the smoke workflow on the real Temporal server and its activity writes the row', async () => {
    // Smoke routes are for admins (an officer's 403: test/security-headers.e2e-spec.ts).
    const token = await apps.login('admin');
    const res = await apps
      .http()
      .post('/api/smoke')
      .auth(token, { type: 'bearer' })
      .send({ message: 'Kiểm tra hệ thống — Ngọc Thụy' })
      .expect(201);
    expect(res.body.workflowId).toBe(`smoke-${res.body.pingId}`);

    const row = await apps.dataSource.getRepository(SmokePing).findOneByOrFail({ id: res.body.pingId });
    expect(row.message).toBe('Kiểm tra hệ thống — Ngọc Thụy');
    expect(row.workflowId).toBe(res.body.workflowId);
    expect(row.recordedAt.toISOString()).toBe(res.body.recordedAt);

    // Temporal holds the completed execution under the deterministic id.
    const client = apps.api.get((await import('@lienthong/temporal')).TemporalClient);
    const description = await client.workflow.getHandle(res.body.workflowId).describe();
    expect(description.status.name).toBe('COMPLETED');
    expect(description.taskQueue).toBe(apps.config.TEMPORAL_TASK_QUEUE);

    const read = await apps.http().get(`/api/smoke/${res.body.pingId}`).auth(token, { type: 'bearer' }).expect(200);
    expect(read.body.message).toBe('Kiểm tra hệ thống — Ngọc Thụy');
  });

  it('the smoke activity is idempotent on its business key (a retry writes nothing twice)', async () => {
    const { SmokePingService } = await import('@lienthong/persistence');
    const service = apps.worker!.get(SmokePingService);
    const ping = { id: '7c1d2a9e-0000-4000-8000-000000000001', message: 'một', requestedBy: '7c1d2a9e-0000-4000-8000-000000000002', workflowId: 'w' };
    const first = await service.record(ping);
    const second = await service.record({ ...ping, message: 'hai' });
    expect(second.recordedAt).toEqual(first.recordedAt);
    expect(second.message).toBe('một');
    expect(await apps.dataSource.getRepository(SmokePing).countBy({ id: ping.id })).toBe(1);
  });

  it('GET /api/health is public and 200 when PostgreSQL and Temporal are up', async () => {
    const res = await apps.http().get('/api/health').expect(200);
    expect(res.body.info).toEqual({ database: { status: 'up' }, temporal: { status: 'up' } });
  });
});

describe('GET /api/health when a dependency is down', () => {
  it('is 503 naming Temporal when Temporal is unreachable', async () => {
    const apps = await startTestApps({ worker: false, env: { TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` } });
    try {
      const res = await apps.http().get('/api/health').expect(503);
      expect(res.body.error.temporal.status).toBe('down');
      expect(res.body.info.database.status).toBe('up');
    } finally {
      await apps.close();
    }
  });

  it('is 503 naming the database when PostgreSQL stops under a running API', async () => {
    const pg = await startEmbeddedPostgres({
      dataDir: join(testEnv('root'), `pg-${Date.now()}`),
      port: await freePort(),
      database: 'lienthong',
      durable: false,
      log: quietLog,
    });
    const { createApiApp } = await import('../apps/api/src/create-api-app');
    const { testConfig } = await import('./support/test-apps');
    const api = await createApiApp(testConfig({ DATABASE_URL: pg.url, SEED_DEMO: 'true' }));
    try {
      const request = (await import('supertest')).default;
      await request(api.getHttpServer()).get('/api/health').expect(200);
      await pg.stop();
      const res = await request(api.getHttpServer()).get('/api/health').expect(503);
      expect(res.body.error.database.status).toBe('down');
      expect(res.body.info.temporal.status).toBe('up');
    } finally {
      await api.close().catch(() => undefined);
      await pg.stop();
    }
  });
});
