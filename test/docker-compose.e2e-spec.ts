import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { EXAMPLE_DB_PASSWORD, loadAppConfig } from '@lienthong/config';
import { testEnv } from './support/test-env';

/**
 * No Docker engine runs here, but the production compose file must still be valid: Compose itself
 * renders it (`docker compose config`, or the standalone `docker-compose`), and our own config schema
 * must accept the environment it gives the apps.
 */
const composeFile = resolve(__dirname, '../docker/compose.yaml');
const envExample = resolve(__dirname, '../docker/.env.example');

function compose(args: string[]): { status: number | null; stdout: string; stderr: string } {
  for (const [cmd, prefix] of [
    ['docker', ['compose']],
    ['docker-compose', []],
  ] as const) {
    const r = spawnSync(cmd, [...prefix, ...args], { encoding: 'utf8' });
    // Without the compose plugin, `docker` answers `docker compose` with a usage error about the flags.
    const missing = r.error || /unknown (command|flag)|is not a docker command/.test(r.stderr ?? '');
    if (!missing) return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  throw new Error('Neither `docker compose` nor `docker-compose` is installed (.ci/run installs docker-compose with apt)');
}

describe('docker/compose.yaml', () => {
  let rendered: { services: Record<string, { environment?: Record<string, string> }> };

  beforeAll(() => {
    const r = compose(['--env-file', envExample, '-f', composeFile, 'config']);
    if (r.status !== 0) throw new Error(`compose config refused the file:\n${r.stderr}`);
    rendered = parse(r.stdout);
  });

  it('validates with Compose and declares the whole production stack', () => {
    expect(Object.keys(rendered.services).sort()).toEqual(
      ['api', 'postgresql', 'temporal', 'temporal-namespace', 'temporal-schema', 'temporal-ui', 'worker'].sort(),
    );
  });

  it.each(['api', 'worker'])('gives the %s an environment our config schema accepts once the example secrets are replaced', (service) => {
    const env = rendered.services[service].environment ?? {};
    // As shipped, the example's secrets are refused in production, each named.
    expect(() => loadAppConfig(env)).toThrow(/JWT_SECRET: is the example value[\s\S]*DATABASE_URL: has the example password/);
    const config = loadAppConfig({
      ...env,
      JWT_SECRET: randomBytes(48).toString('base64'),
      DATABASE_URL: env.DATABASE_URL.replace(`:${EXAMPLE_DB_PASSWORD}@`, `:${randomBytes(12).toString('hex')}@`),
    });
    expect(config.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(config.DATABASE_URL).toMatch(/@postgresql:5432\//);
  });

  it('refuses to render without a JWT secret', () => {
    const withoutSecret = join(testEnv('root'), 'compose-no-secret.env');
    writeFileSync(withoutSecret, readFileSync(envExample, 'utf8').replace(/^JWT_SECRET=.*$/m, ''));
    const r = compose(['--env-file', withoutSecret, '-f', composeFile, 'config']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/JWT_SECRET/);
  });
});
