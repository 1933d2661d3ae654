/**
 * Runs the read-model benchmark on its own: an embedded PostgreSQL in a temporary folder, the API as a
 * child process (it migrates and seeds the demo organization at boot; no Temporal is needed for reads,
 * its client connects lazily), then runReadModelBench. Build first (`npm run build`), then:
 *
 *   node dist/bench/read-model.main.js [--cases 1000000] [--units 1000] [--rounds 3] [--samples 100]
 *                                     [--data-dir DIR --keep] [--out FILE]
 *
 * With --keep and a --data-dir, the loaded database stays for the next run, which then skips the load
 * (handy when tuning queries); without --keep the folder is deleted at the end.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { childEnv } from '@lienthong/config';
import { stopChild } from '../tools/stack/child-process';
import { startEmbeddedPostgres } from '../tools/stack/embedded-postgres';
import { freePort, waitFor } from '../tools/stack/ports';
import { runReadModelBench } from './read-model.bench';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);
const num = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));

const log = (m: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${m}\n`);

async function main(): Promise<void> {
  const dataDir = resolve(arg('data-dir') ?? mkdtempSync(join(tmpdir(), 'lienthong-read-model-')));
  const keep = flag('keep');
  // PostgreSQL runs as its own user when we are root: it must be able to enter the folder.
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'lienthong_bench', log, durable: false });
  let api: ChildProcess | undefined;
  try {
    const port = await freePort();
    api = spawn(process.execPath, [resolve(__dirname, '../apps/api/src/main.js')], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: childEnv({
        DATABASE_URL: pg.url,
        JWT_SECRET: randomBytes(32).toString('hex'),
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: arg('log-level') ?? 'warn',
        // Not 'production': demo users and a throwaway secret, which production refuses (the app's code does not branch on it).
        NODE_ENV: 'development',
        SEED_DEMO: 'true',
        // Reads never reach Temporal; the client is lazy, so nothing needs to listen here.
        TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
      }),
    });
    const apiUrl = `http://127.0.0.1:${port}`;
    let exited: Error | undefined;
    api.once('exit', (code) => (exited = new Error(`API exited with ${code}`)));
    await waitFor('the API', () => probe(`${apiUrl}/api/docs-json`), { timeoutMs: 120_000, abort: () => exited });
    log(`API on ${apiUrl}, PostgreSQL on ${pg.url}`);

    const result = await runReadModelBench({
      databaseUrl: pg.url,
      apiUrl,
      cases: num('cases'),
      units: num('units'),
      rounds: num('rounds'),
      samplesPerRound: num('samples'),
      log,
    });
    const out = arg('out');
    const { plans, ...figures } = result;
    if (out) writeFileSync(out, JSON.stringify(result, null, 2));
    if (flag('plans')) for (const [k, v] of Object.entries(plans ?? {})) process.stdout.write(`\n== ${k}\n${v}\n`);
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    const rows = Object.entries(result.queries).map(([k, q]) => `${k.padEnd(24)} ${[q.p50, q.p95, q.p99, q.max].map((x) => x.toFixed(1).padStart(8)).join('')}`);
    process.stdout.write(`\n${'query'.padEnd(24)}${['p50', 'p95', 'p99', 'max'].map((h) => h.padStart(8)).join('')}  (ms)\n${rows.join('\n')}\n`);
  } finally {
    if (api) await stopChild(api, 'SIGTERM', 10_000);
    await pg.stop();
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

function probe(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      })
      .on('error', () => resolve(false));
  });
}

main().catch((err) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
