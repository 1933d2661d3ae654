import { Client, Connection, UpdateDefinition, WithStartWorkflowOperation, WorkflowHandle, WorkflowUpdateOptions } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import {
  CaseActivities,
  CaseProjection,
  caseWorkflowId,
  CaseWorkflowInput,
  DEFAULT_NAMESPACE,
  SA_ORIGIN_UNIT,
  SA_PROCESS_TYPE,
  SA_STATUS,
  submittedUpdate,
  UpdateResult,
} from '@lienthong/contracts';
import { Actor, CaseEvent, PathUnit, resolveChain, ResolvedStep } from '@lienthong/domain';
import { housingSupportDefinition, PROCESSES } from '@lienthong/processes';
import { testEnv } from './test-env';

/**
 * A real Worker on the test Temporal server with stub activities typed by the contract: workflow
 * tests see exactly what reaches the read model, without a database — what the workflow writes
 * through its activity, and what callers write from Update results (`sendUpdate`, `startCase`).
 */
export interface WorkflowHarness {
  client: Client;
  taskQueue: string;
  /** Every write to the read model, in order: the activity's and the callers'. */
  projections: CaseProjection[];
  /** Replace the stub's behaviour (slow it down, fail it) for one test. */
  setProjector(fn: CaseActivities['projectCase']): void;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function createWorkflowHarness(address = testEnv('temporalAddress')): Promise<WorkflowHarness> {
  const taskQueue = `wf-test-${randomUUID()}`;
  const projections: CaseProjection[] = [];
  let projector: CaseActivities['projectCase'] = async (p) => {
    projections.push(p);
  };
  const activities: CaseActivities = { projectCase: (p) => projector(p) };
  const connection = await Connection.connect({ address });
  const client = new Client({ connection, namespace: DEFAULT_NAMESPACE });
  const native = await NativeConnection.connect({ address });
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const harness: WorkflowHarness = {
    client,
    taskQueue,
    projections,
    setProjector: (fn) => {
      projector = fn;
    },
    startWorker: async () => {
      worker = await Worker.create({
        connection: native,
        namespace: DEFAULT_NAMESPACE,
        taskQueue,
        activities,
        workflowBundle: { codePath: testEnv('workflowBundle') },
        shutdownGraceTime: '1 second',
      });
      running = worker.run();
    },
    stopWorker: async () => {
      worker?.shutdown();
      await running;
      worker = undefined;
    },
    close: async () => {
      if (worker) await harness.stopWorker();
      await native.close();
      await connection.close();
    },
  };
  await harness.startWorker();
  return harness;
}

/** Three levels as in the demo: Chi hội 1 → Hội CCB phường Ngọc Thụy → Hội CCB quận Long Biên. */
export const PATH: PathUnit[] = [
  { id: randomUUID(), name: 'Chi hội 1', levelCode: 'branch', levelName: 'Chi hội' },
  { id: randomUUID(), name: 'Hội CCB phường Ngọc Thụy', levelCode: 'ward', levelName: 'Phường' },
  { id: randomUUID(), name: 'Hội CCB quận Long Biên', levelCode: 'district', levelName: 'Quận' },
];
const [branch, ward, district] = PATH;
const actor = (displayName: string, unitIds: string[]): Actor => ({ userId: randomUUID(), displayName, unitIds });
export const ACTORS = {
  initiator: actor('Nguyễn Văn Thành', [branch.id]),
  wardChair: actor('Trần Văn Đức', [ward.id]),
  wardVice: actor('Phạm Thị Hằng', [ward.id]),
  districtChair: actor('Nguyễn Huy Hoàng', [district.id]),
  otherWard: actor('Hoàng Văn Khải', [randomUUID()]),
};

export const PAYLOAD = {
  beneficiary: { name: 'Nguyễn Văn Hùng', address: 'Tổ dân phố 1, phường Ngọc Thụy' },
  situation: 'Nhà cấp bốn xuống cấp, mái dột khi mưa',
  kind: 'new-build',
  estimatedCost: 120_000_000,
  requestedAmount: 60_000_000,
  otherFunding: [],
};

/** A housing case input; `deadlines` shortens every step's deadline (ms) for tests of timers. */
export function caseInput(
  options: { deadlines?: { afterMs: number; escalateAfterMs: number | null } } = {},
): CaseWorkflowInput {
  const resolved = resolveChain(housingSupportDefinition, PATH);
  if (!('chain' in resolved)) throw new Error(`chain did not resolve: ${resolved.code}`);
  const chain: ResolvedStep[] = resolved.chain.map((s) =>
    options.deadlines ? { ...s, deadline: { ...options.deadlines, endOfDay: false } } : s,
  );
  return {
    caseId: randomUUID(),
    processType: 'housing-support',
    definitionVersion: 1,
    organizationId: randomUUID(),
    originUnitId: branch.id,
    title: 'Xây mới nhà cho hội viên Nguyễn Văn Hùng',
    payload: PAYLOAD,
    initiator: { userId: ACTORS.initiator.userId, displayName: ACTORS.initiator.displayName },
    chain,
    plan: resolved.plan,
    resubmitTo: housingSupportDefinition.resubmitTo,
    restartOnChangeOf: housingSupportDefinition.restartOnChangeOf,
    requestHash: 'hash-of-create',
    callerProjects: true,
  };
}

/** Sends an Update the way the API does: the caller writes the projection the result carries. */
export async function sendUpdate<Args extends [unknown, ...unknown[]]>(
  harness: WorkflowHarness,
  handle: WorkflowHandle,
  update: UpdateDefinition<UpdateResult, Args>,
  options: WorkflowUpdateOptions & { args: Args },
): Promise<UpdateResult> {
  const result = await handle.executeUpdate(update, options);
  if (result.projection) harness.projections.push(result.projection);
  return result;
}

/** The events that reached the read model for a case, each once (the read model keeps one row per seq). */
export function eventsOf(harness: { projections: CaseProjection[] }, caseId: string): CaseEvent[] {
  const bySeq = new Map<number, CaseEvent>();
  for (const p of harness.projections.filter((p) => p.state.caseId === caseId)) {
    for (const e of p.events) if (!bySeq.has(e.seq)) bySeq.set(e.seq, e);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Starts a case the way the API does: update-with-start, writing the opening events from the result. */
export async function startCase(harness: WorkflowHarness, input: CaseWorkflowInput = caseInput()) {
  const start = new WithStartWorkflowOperation(PROCESSES.workflowTypeOf(input.processType)!, {
    workflowId: caseWorkflowId(input.caseId),
    taskQueue: harness.taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
    typedSearchAttributes: [
      { key: SA_PROCESS_TYPE, value: input.processType },
      { key: SA_STATUS, value: 'pending' },
      { key: SA_ORIGIN_UNIT, value: input.originUnitId },
    ],
  });
  const result = await harness.client.workflow.executeUpdateWithStart(submittedUpdate, {
    args: [{ requestHash: input.requestHash }],
    updateId: 'submitted',
    startWorkflowOperation: start,
  });
  if (result.projection) harness.projections.push(result.projection);
  return { result, handle: await start.workflowHandle(), input };
}
