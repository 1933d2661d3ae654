/**
 * `npm run bench`: Liên Thông against a bare Temporal baseline in one run, on one stack, then the read
 * model at a million cases. Prints a table and writes bench/results/<timestamp>.json. See bench/README.md.
 *
 *   node dist/bench/run.js [--quick] [--duration 8] [--rounds 3] [--open-cases 10000]
 *                          [--read-model-cases 1000000] [--skip-read-model] [--out FILE] [--profile DIR]
 *                          [--only throughput] [--concurrencies 1,8,32]
 *
 * --quick is a smoke run (seconds, not minutes; its figures mean little). --only throughput runs the
 * throughput rounds alone (no history cost, open cases or read model), e.g. with --concurrencies 8.
 * --profile writes V8 CPU profiles of the API and the worker (each of its threads) into DIR/api and
 * DIR/worker (open them in Chrome DevTools or `npx speedscope`).
 */
import { Client, Connection } from '@temporalio/client';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join, resolve } from 'node:path';
import { Client as PgClient } from 'pg';
import { freePort } from '../tools/stack/ports';
import { measureHistoryCost } from './history-cost.bench';
import { measureMembersImport } from './members-import.bench';
import { measureOpenCases } from './open-cases.bench';
import { runReadModelBench } from './read-model.bench';
import { AppProcess, startBenchStack } from './support/bench-stack';
import { cpuDelta, cpuReading } from './support/cpu-accounting';
import { closedLoop, demoSession, lienThongDriver, rawDriver, summarize, ThroughputFigures, ThroughputRun } from './throughput.bench';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const quick = flag('quick');
const numArg = (name: string, full: number, smoke: number) => Number(arg(name) ?? (quick ? smoke : full));

const SETTINGS = {
  durationSeconds: numArg('duration', 8, 2),
  rounds: numArg('rounds', 3, 1),
  concurrencies: (arg('concurrencies') ?? '1,8,32').split(',').map(Number),
  openCases: numArg('open-cases', 10_000, 300),
  membersImportRows: numArg('members-import-rows', 10_000, 1_000),
  readModelCases: numArg('read-model-cases', 1_000_000, 20_000),
  readModel: !flag('skip-read-model') && arg('only') !== 'throughput',
  throughputOnly: arg('only') === 'throughput',
};

const began = Date.now();
const log = (m: string) => process.stderr.write(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)}s] ${m}\n`);
const LIENTHONG_QUEUE = 'lienthong';
const PROFILE_DIR = arg('profile');
// One folder per process, with Node's own file names: they name the thread, so the worker's workflow
// threads each get their own profile instead of overwriting the main thread's.
const profiled = (name: string): string[] => (PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(PROFILE_DIR, name)}`] : []);
const RAW_QUEUE = 'raw-baseline';

async function main(): Promise<void> {
  const stack = await startBenchStack(log);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection, namespace: stack.namespace });
  try {
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const spawnWorker = () =>
      stack.spawnApp('worker', 'apps/worker/src/main.js', [], stack.appEnv({ TEMPORAL_TASK_QUEUE: LIENTHONG_QUEUE }), 'Polling task queue', profiled('worker'));
    let worker: AppProcess = await spawnWorker();
    const apiReady = async () => (await fetch(`${apiUrl}/api/health`)).ok;
    const api = await stack.spawnApp('api', 'apps/api/src/main.js', [], stack.appEnv({ PORT: String(apiPort), HOST: '127.0.0.1' }), apiReady, profiled('api'));
    const rawWorker = await stack.spawnApp('raw-worker', 'bench/raw/raw-worker.main.js', [stack.temporalAddress, stack.namespace, RAW_QUEUE, stack.rawBundle], {}, 'raw worker polling');
    const session = await demoSession(apiUrl);
    const drivers = { raw: rawDriver(client, RAW_QUEUE), lienthong: lienThongDriver(session) };

    // 1 + 2. Throughput and latency, interleaved: raw and Liên Thông alternate at each concurrency,
    // and alternate which goes first, so drift on this shared machine hits both alike.
    log('Warm-up');
    for (const system of ['raw', 'lienthong'] as const) await closedLoop(drivers[system], 8, 3000);
    const runs: ThroughputRun[] = [];
    for (let round = 1; round <= SETTINGS.rounds; round++) {
      for (const concurrency of SETTINGS.concurrencies) {
        const order = (round + concurrency) % 2 ? (['raw', 'lienthong'] as const) : (['lienthong', 'raw'] as const);
        for (const system of order) {
          const pids = { api: api.child.pid, worker: worker.child.pid, rawWorker: rawWorker.child.pid };
          const before = cpuReading(stack.dir, pids);
          const r = await closedLoop(drivers[system], concurrency, SETTINGS.durationSeconds * 1000);
          const cpu = cpuDelta(before, cpuReading(stack.dir, pids));
          const casesPerSecond = r.timings.length / r.seconds;
          runs.push({ system, concurrency, round, cases: r.timings.length, errors: r.errors, seconds: r.seconds, casesPerSecond, timings: r.timings, cpu });
          log(`round ${round} c=${concurrency} ${system.padEnd(9)} ${casesPerSecond.toFixed(1)} cases/s${r.errors ? ` (${r.errors} errors: ${r.firstError})` : ''}`);
        }
      }
    }
    const throughput = SETTINGS.concurrencies.map((c) => {
      const raw = summarize(runs, 'raw', c);
      const lienthong = summarize(runs, 'lienthong', c);
      // Every figure as Liên Thông ÷ raw: throughput below 1 is a cost, latencies above 1 are.
      const latency = (k: 'start' | 'ward' | 'district' | 'decision') => ({
        p50: round2(lienthong[k].p50 / raw[k].p50),
        p95: round2(lienthong[k].p95 / raw[k].p95),
        p99: round2(lienthong[k].p99 / raw[k].p99),
      });
      const ratios = { start: latency('start'), ward: latency('ward'), district: latency('district'), decision: latency('decision') };
      return { concurrency: c, raw, lienthong, ratio: round2(lienthong.casesPerSecond / raw.casesPerSecond), ratios };
    });

    // 5. History cost of one housing case through handover.
    const historyCost = SETTINGS.throughputOnly ? undefined : (log('History cost of one housing case'), await measureHistoryCost(session, client));

    // Members register: one Excel import of a ward's list (target: 10,000 rows under 30 s).
    if (!SETTINGS.throughputOnly) log(`Members import of ${SETTINGS.membersImportRows} rows`);
    const membersImport = SETTINGS.throughputOnly ? undefined : await measureMembersImport(session, SETTINGS.membersImportRows);

    // 4. Open cases and a worker restart.
    if (!SETTINGS.throughputOnly) log(`Opening ${SETTINGS.openCases} cases waiting at the ward step`);
    const openCases = SETTINGS.throughputOnly ? undefined : await measureOpenCases({
      client,
      databaseUrl: stack.databaseUrl,
      taskQueue: LIENTHONG_QUEUE,
      cases: SETTINGS.openCases,
      worker,
      restartWorker: async () => {
        await worker.stop();
        const spawnedAt = performance.now();
        worker = await spawnWorker();
        return { worker, spawnedAt, bootSeconds: (performance.now() - spawnedAt) / 1000 };
      },
      log,
    });

    // 3. The read model at scale, loaded with straight SQL into the same database.
    const readModel = SETTINGS.readModel
      ? await runReadModelBench({ databaseUrl: stack.databaseUrl, apiUrl, cases: SETTINGS.readModelCases, log })
      : undefined;

    const results = {
      startedAt: new Date(began).toISOString(),
      durationSeconds: Math.round((Date.now() - began) / 1000),
      quick,
      settings: SETTINGS,
      machine: await machine(stack.databaseUrl, stack.temporalCliVersion),
      throughput,
      historyCost,
      membersImport,
      openCases,
      readModel,
      targets: targets(throughput, historyCost?.events, openCases?.workerRssPeakMb, readModel?.queries, membersImport),
    };
    print(results);
    const out = arg('out') ?? join(resolve(__dirname, '..', '..', 'bench', 'results'), `${results.startedAt.replace(/[:.]/g, '-')}.json`);
    mkdirSync(resolve(out, '..'), { recursive: true });
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    log(`Results written to ${out}`);
  } finally {
    await connection.close();
    await stack.stop();
    rmSync(stack.dir, { recursive: true, force: true });
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

async function machine(databaseUrl: string, temporalCli: string) {
  const pg = new PgClient({ connectionString: databaseUrl });
  await pg.connect();
  const postgres = (await pg.query('SHOW server_version')).rows[0].server_version as string;
  await pg.end();
  let commit: string | undefined;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    commit = undefined;
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    temporalCli: temporalCli.replace(/\s+/g, ' '),
    postgres,
    commit,
  };
}

interface Target {
  name: string;
  target: string;
  value: string;
  met: boolean;
}

function targets(
  throughput: { concurrency: number; raw: ThroughputFigures; lienthong: ThroughputFigures; ratio: number }[],
  historyEvents?: number,
  rssMb?: number,
  queries?: Record<string, { p99: number }>,
  membersImport?: Awaited<ReturnType<typeof measureMembersImport>>,
): Target[] {
  const list: Target[] = [];
  if (membersImport && membersImport.rows >= 10_000) {
    list.push({
      name: `members import, ${membersImport.rows} rows`,
      target: '< 30 s',
      value: `${membersImport.createSeconds} s`,
      met: membersImport.createSeconds < 30,
    });
  }
  const at8 = throughput.find((t) => t.concurrency === 8);
  if (at8) {
    const decisionBound = 2 * at8.raw.decision.p99 + 20;
    list.push({ name: 'throughput at concurrency 8', target: '≥ 0.5× raw', value: `${at8.ratio}×`, met: at8.ratio >= 0.5 });
    list.push({
      name: 'decision p99 at concurrency 8',
      target: `≤ 2×raw update p99 + 20 ms = ${decisionBound.toFixed(1)} ms`,
      value: `${at8.lienthong.decision.p99} ms`,
      met: at8.lienthong.decision.p99 <= decisionBound,
    });
  }
  if (historyEvents !== undefined) {
    list.push({ name: 'history events per housing case', target: '≤ 60', value: String(historyEvents), met: historyEvents <= 60 });
  }
  if (rssMb !== undefined) list.push({ name: 'worker RSS with the open cases', target: '≤ 400 MB', value: `${rssMb} MB`, met: rssMb <= 400 });
  for (const [name, q] of Object.entries(queries ?? {})) {
    list.push({ name: `${name} p99`, target: '≤ 30 ms', value: `${q.p99} ms`, met: q.p99 <= 30 });
  }
  return list;
}

type LatencyRatios = Record<'p50' | 'p95' | 'p99', number>;

function print(r: {
  throughput: {
    concurrency: number;
    raw: ThroughputFigures;
    lienthong: ThroughputFigures;
    ratio: number;
    ratios: Record<'start' | 'ward' | 'district' | 'decision', LatencyRatios>;
  }[];
  historyCost?: Awaited<ReturnType<typeof measureHistoryCost>>;
  membersImport?: Awaited<ReturnType<typeof measureMembersImport>>;
  openCases?: Awaited<ReturnType<typeof measureOpenCases>>;
  readModel?: Awaited<ReturnType<typeof runReadModelBench>>;
  targets: Target[];
}): void {
  const out: string[] = [];
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  out.push('', 'Throughput (completed cases/s, median of rounds) and latency (ms, p50/p99)');
  out.push(`${'c'.padStart(3)} ${'raw/s'.padStart(8)} ${'LT/s'.padStart(8)} ${'ratio'.padStart(6)}   ${'start raw'.padStart(12)} ${'start LT'.padStart(12)}   ${'decision raw'.padStart(13)} ${'decision LT'.padStart(13)}`);
  for (const t of r.throughput) {
    const pp = (f: { p50: number; p99: number }) => `${f.p50.toFixed(1)}/${f.p99.toFixed(1)}`;
    out.push(
      `${pad(t.concurrency, 3)} ${pad(t.raw.casesPerSecond.toFixed(1), 8)} ${pad(t.lienthong.casesPerSecond.toFixed(1), 8)} ${pad(`${t.ratio}×`, 6)}   ${pad(pp(t.raw.start), 12)} ${pad(pp(t.lienthong.start), 12)}   ${pad(pp(t.raw.decision), 13)} ${pad(pp(t.lienthong.decision), 13)}`,
    );
  }
  out.push('', 'Latency ratios, Liên Thông ÷ raw (p50 / p95 / p99)');
  for (const t of r.throughput) {
    const rr = (x: LatencyRatios) => `${x.p50}/${x.p95}/${x.p99}`;
    out.push(
      `  c=${String(t.concurrency).padEnd(3)} start ${rr(t.ratios.start)}   ward approval ${rr(t.ratios.ward)}   district approval ${rr(t.ratios.district)}`,
    );
  }
  out.push('', 'CPU per completed case (ms), by part of the stack');
  for (const t of r.throughput) {
    for (const system of ['raw', 'lienthong'] as const) {
      const cpu = Object.entries(t[system].cpuMsPerCase).filter(([, v]) => v > 0);
      out.push(`  c=${String(t.concurrency).padEnd(3)} ${system.padEnd(9)} ${cpu.map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }
  }
  const h = r.historyCost;
  if (h) {
    out.push('', `History of one housing case through handover: ${h.events} events, ${h.stateTransitions} state transitions, ${h.changes.length} changes (${h.eventsPerChange} events per change)`);
  }
  const m = r.membersImport;
  if (m) {
    out.push('', `Members import: ${m.rows} rows (${m.fileKb} KB .xlsx) created in ${m.createSeconds}s, the same file again (unchanged) in ${m.unchangedSeconds}s`);
  }
  const o = r.openCases;
  if (o) {
    out.push(
      '',
      `Open cases: ${o.cases} opened in ${o.createSeconds}s (${o.createdPerSecond}/s); worker RSS ${o.workerRssMb} MB (peak ${o.workerRssPeakMb} MB)`,
      `  fresh worker: polling after ${o.restart.bootSeconds}s, first decision after ${o.restart.firstDecisionSeconds}s; cold decisions p50/p99 ${o.coldDecisions.p50}/${o.coldDecisions.p99} ms (${o.coldDecisions.perSecond}/s); RSS after ${o.workerRssAfterMb} MB`,
    );
  }
  if (r.readModel) {
    out.push('', `Read model: ${r.readModel.cases} cases, ${r.readModel.events} events, ${r.readModel.units} units (loaded in ${r.readModel.loadSeconds}s)`);
    for (const [name, q] of Object.entries(r.readModel.queries)) {
      out.push(`  ${name.padEnd(22)} p50 ${pad(q.p50.toFixed(1), 6)}  p95 ${pad(q.p95.toFixed(1), 6)}  p99 ${pad(q.p99.toFixed(1), 6)} ms  (${q.description})`);
    }
  }
  out.push('', 'Targets');
  for (const t of r.targets) out.push(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.name.padEnd(38)} ${t.value.padStart(12)}   (${t.target})`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
