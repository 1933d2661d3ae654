import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import {
  caseWorkflowId,
  CaseWorkflowInput,
  decideUpdate,
  SA_ORIGIN_UNIT,
  SA_PROCESS_TYPE,
  SA_STATUS,
  submittedUpdate,
} from '@lienthong/contracts';
import { Actor, PathUnit, resolveChain } from '@lienthong/domain';
import { housingSupportDefinition, PROCESSES } from '@lienthong/processes';
import { AppProcess } from './support/bench-stack';
import { figures, LatencyFigures, since } from './support/stats';
import { housingCase } from './throughput.bench';

export interface OpenCasesFigures {
  cases: number;
  createSeconds: number;
  createdPerSecond: number;
  /** The worker that ran all the openings, once they are done (its workflow cache is full). */
  workerRssMb: number;
  workerRssPeakMb: number;
  /** From spawning a fresh worker to it polling, and to the first decision on an open case accepted. */
  restart: { bootSeconds: number; firstDecisionSeconds: number };
  /** Decisions on further random open cases right after the restart: each replays its case first. */
  coldDecisions: LatencyFigures & { perSecond: number };
  workerRssAfterMb: number;
}

interface DemoPeople {
  path: PathUnit[];
  initiator: Actor;
  ward: Actor;
}

/** The demo organization's branch → ward → district and two of its officers, as the API would resolve them. */
async function demoPeople(databaseUrl: string): Promise<DemoPeople> {
  const pg = new PgClient({ connectionString: databaseUrl });
  await pg.connect();
  try {
    const units: { id: string; name: string; code: string; level: string }[] = (
      await pg.query(
        `SELECT u.id, u.name, l.code, l.name AS level FROM units u JOIN organization_levels l ON l.id = u.level_id
         WHERE u.name IN ('Chi hội 1', 'Hội CCB phường Ngọc Thụy', 'Hội CCB quận Long Biên')
           AND (u.name <> 'Chi hội 1' OR u.parent_id = (SELECT id FROM units WHERE name = 'Hội CCB phường Ngọc Thụy'))
         ORDER BY l.rank`,
      )
    ).rows;
    const person = async (username: string, unitId: string): Promise<Actor> => {
      const [u] = (await pg.query('SELECT id, display_name FROM users WHERE username = $1', [username])).rows;
      return { userId: u.id, displayName: u.display_name, unitIds: [unitId] };
    };
    const path = units.map((u) => ({ id: u.id, name: u.name, levelCode: u.code, levelName: u.level }));
    if (path.map((p) => p.levelCode).join() !== 'branch,ward,district') throw new Error(`unexpected demo path ${JSON.stringify(path)}`);
    return { path, initiator: await person('ngocthuy.ch1', path[0].id), ward: await person('ngocthuy', path[1].id) };
  } finally {
    await pg.end();
  }
}

async function inParallel(total: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

/**
 * `cases` housing cases opened straight through Temporal (update-with-start, as the API does, minus
 * HTTP and the read model) and left waiting at the ward step with their 7-day deadline timers. Then
 * the worker is replaced by a fresh one: how long until it decides again, and what it costs to pick
 * cold cases back up (each decision replays that case's history into the new worker's cache).
 */
export async function measureOpenCases(options: {
  client: Client;
  databaseUrl: string;
  taskQueue: string;
  cases: number;
  worker: AppProcess;
  restartWorker: () => Promise<{ worker: AppProcess; spawnedAt: number; bootSeconds: number }>;
  log: (m: string) => void;
}): Promise<OpenCasesFigures> {
  const { client, cases, log } = options;
  const people = await demoPeople(options.databaseUrl);
  const resolved = resolveChain(housingSupportDefinition, people.path);
  if (!('chain' in resolved)) throw new Error(`chain: ${resolved.code}`);
  const body = housingCase(people.path[0].id, 0);
  const ids: string[] = [];
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, options.worker.rssMb())), 1000);
  const started = performance.now();
  try {
    await inParallel(cases, 32, async (i) => {
      const caseId = randomUUID();
      const input: CaseWorkflowInput = {
        caseId,
        processType: 'housing-support',
        definitionVersion: housingSupportDefinition.version,
        organizationId: randomUUID(),
        originUnitId: people.path[0].id,
        title: `${body.title} #${i}`,
        payload: body.payload,
        initiator: { userId: people.initiator.userId, displayName: people.initiator.displayName },
        chain: resolved.chain,
        plan: resolved.plan,
        resubmitTo: housingSupportDefinition.resubmitTo,
        requestHash: `open-${i}`,
        callerProjects: true,
      };
      const start = new WithStartWorkflowOperation(PROCESSES.workflowTypeOf(housingSupportDefinition.processType)!, {
        workflowId: caseWorkflowId(caseId),
        taskQueue: options.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        typedSearchAttributes: [
          { key: SA_PROCESS_TYPE, value: 'housing-support' },
          { key: SA_STATUS, value: 'pending' },
          { key: SA_ORIGIN_UNIT, value: input.originUnitId },
        ],
      });
      await client.workflow.executeUpdateWithStart(submittedUpdate, {
        args: [{ requestHash: input.requestHash }],
        updateId: 'submitted',
        startWorkflowOperation: start,
      });
      ids.push(caseId);
      if (ids.length % 2000 === 0) log(`  ${ids.length} cases open`);
    });
  } finally {
    clearInterval(sampler);
  }
  const createSeconds = since(started) / 1000;
  const workerRssMb = options.worker.rssMb();
  peak = Math.max(peak, workerRssMb);

  log('  replacing the worker with a fresh one');
  const decide = (caseId: string) =>
    client.workflow.getHandle(caseWorkflowId(caseId)).executeUpdate(decideUpdate, {
      args: [{ actor: people.ward, requestHash: `d-${caseId}`, action: 'approve', comment: 'Đã khảo sát', expectedStep: 'ward-verification' }],
    });
  const restarted = await options.restartWorker();
  await decide(ids[0]);
  const firstDecisionSeconds = (performance.now() - restarted.spawnedAt) / 1000;

  const cold = [...ids.slice(1)].sort(() => Math.random() - 0.5).slice(0, 300);
  const latencies: number[] = [];
  const coldStarted = performance.now();
  await inParallel(cold.length, 8, async (i) => {
    const t = performance.now();
    await decide(cold[i]);
    latencies.push(since(t));
  });
  const coldSeconds = since(coldStarted) / 1000;
  return {
    cases,
    createSeconds: Math.round(createSeconds * 10) / 10,
    createdPerSecond: Math.round(cases / createSeconds),
    workerRssMb: Math.round(workerRssMb),
    workerRssPeakMb: Math.round(peak),
    restart: { bootSeconds: Math.round(restarted.bootSeconds * 100) / 100, firstDecisionSeconds: Math.round(firstDecisionSeconds * 100) / 100 },
    coldDecisions: { ...figures(latencies), perSecond: Math.round(latencies.length / coldSeconds) },
    workerRssAfterMb: Math.round(restarted.worker.rssMb()),
  };
}
