import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ConfigError,
  EXAMPLE_DB_PASSWORD,
  EXAMPLE_JWT_SECRET,
  estimatedSecretBits,
  loadAppConfig,
  loadStackConfig,
  MIN_JWT_SECRET_BITS,
} from './config.schema';

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

describe('TRUST_PROXY', () => {
  it('is off unless set: X-Forwarded-For is not believed', () => {
    expect(loadAppConfig(valid).TRUST_PROXY).toBe(false);
    expect(loadAppConfig({ ...valid, TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
  });

  it('takes a hop count or a list of proxy addresses, ranges and names', () => {
    expect(loadAppConfig({ ...valid, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadAppConfig({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 192.168.1.10' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.168.1.10',
    ]);
  });

  it.each(['yes please', '10.0.0.0/33', '10.0.0', 'proxy.example.com', ','])('refuses %s, naming the variable', (value) => {
    expect(problems({ ...valid, TRUST_PROXY: value }).map((p) => p.variable)).toEqual(['TRUST_PROXY']);
  });
});

describe('production refuses unsafe configuration', () => {
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://lienthong:k8%2FqZ3vR9x@db:5432/lienthong',
    JWT_SECRET: 'q1Vb7r+Yh0mZcT4s8uKxW2nE5pLaGf9dRjo3iNvBy6Q=kD7HsXe1tMw4zAqPcU2',
  };

  it('starts with a random secret, a database password and no demo data', () => {
    expect(loadAppConfig(production)).toMatchObject({ NODE_ENV: 'production', SEED_DEMO: false });
  });

  it('refuses the JWT secret of docker/.env.example, naming JWT_SECRET in one clear line', () => {
    expect(problems({ ...production, JWT_SECRET: EXAMPLE_JWT_SECRET })).toEqual([
      { variable: 'JWT_SECRET', message: expect.stringMatching(/example value.*openssl rand/) },
    ]);
    expect(() => loadAppConfig({ ...production, JWT_SECRET: EXAMPLE_JWT_SECRET })).toThrow(
      /^Invalid configuration:\n {2}- JWT_SECRET: is the example value/,
    );
    expect(problems({ ...production, JWT_SECRET: 'please-change-me-before-going-live-2026' }).map((p) => p.variable)).toEqual(['JWT_SECRET']);
  });

  it.each([
    ['one character repeated', 'a'.repeat(64)],
    ['two characters', 'ab'.repeat(40)],
    ['a short alphabet', '0123456789'.repeat(4)],
  ])('refuses a JWT secret of low entropy (%s)', (_, secret) => {
    expect(estimatedSecretBits(secret)).toBeLessThan(MIN_JWT_SECRET_BITS);
    expect(problems({ ...production, JWT_SECRET: secret })).toEqual([{ variable: 'JWT_SECRET', message: expect.stringMatching(/too predictable/) }]);
  });

  it('refuses SEED_DEMO=true (published passwords)', () => {
    expect(problems({ ...production, SEED_DEMO: 'true' })).toEqual([{ variable: 'SEED_DEMO', message: expect.stringMatching(/false in production/) }]);
  });

  it.each([
    ['no password', 'postgres://lienthong@db:5432/lienthong'],
    ['an empty password', 'postgres://lienthong:@db:5432/lienthong'],
    ['the example password', `postgres://lienthong:${EXAMPLE_DB_PASSWORD}@db:5432/lienthong`],
  ])('refuses a database URL with %s', (_, url) => {
    expect(problems({ ...production, DATABASE_URL: url }).map((p) => p.variable)).toEqual(['DATABASE_URL']);
  });

  it('lists every unsafe variable at once', () => {
    const env = { ...production, JWT_SECRET: EXAMPLE_JWT_SECRET, SEED_DEMO: 'yes', DATABASE_URL: 'postgres://u@db/x' };
    expect(problems(env).map((p) => p.variable)).toEqual(['JWT_SECRET', 'SEED_DEMO', 'DATABASE_URL']);
  });

  it('leaves development and tests alone (demo data, throwaway secrets)', () => {
    expect(loadAppConfig({ ...valid, SEED_DEMO: 'true', JWT_SECRET: EXAMPLE_JWT_SECRET }).SEED_DEMO).toBe(true);
  });

  it("knows the example file's values (they must not drift apart)", () => {
    const example = readFileSync(resolve(__dirname, '../../../docker/.env.example'), 'utf8');
    expect(example).toContain(`JWT_SECRET=${EXAMPLE_JWT_SECRET}\n`);
    expect(example).toContain(`POSTGRES_PASSWORD=${EXAMPLE_DB_PASSWORD}\n`);
  });
});

describe('embedded stack configuration', () => {
  it('defaults to ports that do not collide with a system PostgreSQL, and takes overrides', () => {
    expect(loadStackConfig({})).toMatchObject({ EMBEDDED_PG_PORT: 5433, EMBEDDED_TEMPORAL_PORT: 7233, EMBEDDED_TEMPORAL_UI_PORT: 8233 });
    expect(loadStackConfig({ EMBEDDED_PG_PORT: '6543' }).EMBEDDED_PG_PORT).toBe(6543);
    expect(() => loadStackConfig({ EMBEDDED_TEMPORAL_PORT: 'x' })).toThrow(/EMBEDDED_TEMPORAL_PORT/);
  });
});
