import { ConfigError, loadAppConfig, loadStackConfig } from './config.schema';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/lienthong',
  JWT_SECRET: 'a'.repeat(32),
};

function problems(env: Record<string, string | undefined>): { variable: string; message: string }[] {
  try {
    loadAppConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected the configuration to be refused');
}

describe('app configuration', () => {
  it('fills defaults for everything optional', () => {
    const config = loadAppConfig(valid);
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      TEMPORAL_ADDRESS: 'localhost:7233',
      TEMPORAL_NAMESPACE: 'lienthong',
      TEMPORAL_TASK_QUEUE: 'lienthong',
      DB_MIGRATE_ON_BOOT: true,
      SEED_DEMO: false,
      JWT_EXPIRES_IN_SECONDS: 3600,
      LOGIN_MAX_FAILURES: 5,
      CASE_DAY_SECONDS: 86_400,
      PROJECTION_CHECK_AFTER_SECONDS: 60,
      WORKER_MAX_CACHED_WORKFLOWS: 100,
    });
  });

  it('names each missing required variable', () => {
    expect(problems({})).toEqual([
      { variable: 'DATABASE_URL', message: 'is required' },
      { variable: 'JWT_SECRET', message: 'is required' },
    ]);
  });

  it('treats an empty variable as unset, so defaults apply', () => {
    expect(loadAppConfig({ ...valid, PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://x'],
    ['JWT_SECRET', 'short'],
    ['TEMPORAL_ADDRESS', 'no-port'],
    ['SEED_DEMO', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['JWT_EXPIRES_IN_SECONDS', '5'],
    ['CASE_DAY_SECONDS', '0'],
    ['CASE_DAY_SECONDS', '86401'],
    ['PROJECTION_CHECK_AFTER_SECONDS', '0'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(problems({ ...valid, [variable]: value }).map((p) => p.variable)).toEqual([variable]);
  });

  it('parses booleans and numbers from their text', () => {
    const config = loadAppConfig({ ...valid, SEED_DEMO: 'yes', DB_MIGRATE_ON_BOOT: '0', PORT: '8080' });
    expect(config).toMatchObject({ SEED_DEMO: true, DB_MIGRATE_ON_BOOT: false, PORT: 8080 });
  });

  it('requires the TLS certificate and key together', () => {
    expect(problems({ ...valid, TEMPORAL_TLS_CERT_PATH: '/certs/client.pem' })).toEqual([
      { variable: 'TEMPORAL_TLS_KEY_PATH', message: 'TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH must be set together' },
    ]);
  });

  it('puts every problem in one readable message', () => {
    expect(() => loadAppConfig({ PORT: '0' })).toThrow(/PORT: .*\n.*DATABASE_URL: is required\n.*JWT_SECRET: is required/s);
  });
});

describe('embedded stack configuration', () => {
  it('defaults to ports that do not collide with a system PostgreSQL, and takes overrides', () => {
    expect(loadStackConfig({})).toMatchObject({ EMBEDDED_PG_PORT: 5433, EMBEDDED_TEMPORAL_PORT: 7233, EMBEDDED_TEMPORAL_UI_PORT: 8233 });
    expect(loadStackConfig({ EMBEDDED_PG_PORT: '6543' }).EMBEDDED_PG_PORT).toBe(6543);
    expect(() => loadStackConfig({ EMBEDDED_TEMPORAL_PORT: 'x' })).toThrow(/EMBEDDED_TEMPORAL_PORT/);
  });
});
