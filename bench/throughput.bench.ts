import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { dateInHcm } from '@lienthong/domain';
import { approveUpdate } from './raw/raw-case.workflow';
import { figures, LatencyFigures, median, since } from './support/stats';

/** One case's timings: its creation and its two approvals (ward, district), in ms. */
interface CaseTimings {
  start: number;
  ward: number;
  district: number;
}

/** Runs one case from creation to its district approval, returning its timings. */
export type CaseDriver = () => Promise<CaseTimings>;

export interface ThroughputRun {
  system: 'raw' | 'lienthong';
  concurrency: number;
  round: number;
  cases: number;
  errors: number;
  seconds: number;
  casesPerSecond: number;
  timings: CaseTimings[];
  /** CPU seconds each part of the stack used during the run (bench/support/cpu-accounting.ts). */
  cpu: Record<string, number>;
}

/**
 * A closed loop: `concurrency` callers, each running cases back to back until `durationMs` is up
 * (the cases in flight then finish). Completed cases per second over the whole run.
 */
export async function closedLoop(
  driver: CaseDriver,
  concurrency: number,
  durationMs: number,
): Promise<{ timings: CaseTimings[]; errors: number; seconds: number; firstError?: string }> {
  const timings: CaseTimings[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const caller = async () => {
    while (since(started) < durationMs) {
      try {
        timings.push(await driver());
      } catch (err) {
        errors += 1;
        firstError ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return { timings, errors, seconds: since(started) / 1000, firstError };
}

/** The raw baseline: a bare client against the bare worker (bench/raw). */
export function rawDriver(client: Client, taskQueue: string): CaseDriver {
  return async () => {
    let t = performance.now();
    const handle = await client.workflow.start('rawCaseWorkflow', { taskQueue, workflowId: `raw-${randomUUID()}`, args: [] });
    const start = since(t);
    t = performance.now();
    await handle.executeUpdate(approveUpdate, { args: [{ level: 'ward', by: 'ward-officer' }] });
    const ward = since(t);
    t = performance.now();
    await handle.executeUpdate(approveUpdate, { args: [{ level: 'district', by: 'district-officer' }] });
    return { start, ward, district: since(t) };
  };
}

export interface DemoSession {
  apiUrl: string;
  tokens: { branch: string; ward: string; district: string };
  branchUnitId: string;
}

/** Signs the three demo officers in once (a token lasts an hour) and finds the branch's unit. */
export async function demoSession(apiUrl: string): Promise<DemoSession> {
  const login = async (username: string) => {
    const res = await fetch(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo1234' }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const [branch, ward, district] = await Promise.all(['ngocthuy.ch1', 'ngocthuy', 'longbien'].map(login));
  const me = (await (await fetch(`${apiUrl}/api/me`, { headers: { authorization: `Bearer ${branch}` } })).json()) as {
    memberships: { unit: { id: string } }[];
  };
  return { apiUrl, tokens: { branch, ward, district }, branchUnitId: me.memberships[0].unit.id };
}

/** POST with an Idempotency-Key, as the web app does; throws on anything but the expected status. */
export async function post<T>(session: DemoSession, token: string, path: string, body: unknown, expected: number): Promise<T> {
  const res = await fetch(`${session.apiUrl}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  if (res.status !== expected) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A repair asking for the national programme's cap (30.000.000 đ since 10/11/2024): the district grants it in full. */
export const housingCase = (unitId: string, n: number) => ({
  processType: 'housing-support',
  unitId,
  title: `Sửa chữa nhà cho hội viên Nguyễn Văn Hùng (${n})`,
  payload: {
    beneficiary: { name: 'Nguyễn Văn Hùng', address: 'Tổ dân phố 1, phường Ngọc Thụy' },
    situation: 'Nhà cấp bốn xuống cấp, mái dột khi mưa',
    kind: 'repair',
    estimatedCost: 60_000_000,
    requestedAmount: 30_000_000,
  },
});

/**
 * Liên Thông's path for the same shape of work, through the HTTP API as the demo officers: create
 * (update-with-start, answered once the case is in the read model), the ward's approval, the
 * district's approval with an amount and a fund. Each answer already shows the new state.
 */
export function lienThongDriver(session: DemoSession): CaseDriver {
  let n = 0;
  return async () => {
    const { tokens } = session;
    let t = performance.now();
    const body = housingCase(session.branchUnitId, ++n);
    const created = await post<{ id: string }>(session, tokens.branch, '/cases', body, 201);
    const start = since(t);
    t = performance.now();
    await post(session, tokens.ward, `/cases/${created.id}/decisions`, { action: 'approve', comment: 'Đã khảo sát, đúng thực tế' }, 200);
    const ward = since(t);
    t = performance.now();
    const approved = await post<{ status: string }>(
      session,
      tokens.district,
      `/cases/${created.id}/decisions`,
      { action: 'approve', data: { approvedAmount: body.payload.requestedAmount, fundingSource: 'Quỹ Nghĩa tình đồng đội' } },
      200,
    );
    if (approved.status !== 'in_progress') throw new Error(`case ${created.id} is ${approved.status} after both approvals`);
    return { start, ward, district: since(t) };
  };
}

export interface ThroughputFigures {
  concurrency: number;
  /** Median over rounds of completed cases per second, and every round's figure. */
  casesPerSecond: number;
  rounds: number[];
  errors: number;
  start: LatencyFigures;
  ward: LatencyFigures;
  district: LatencyFigures;
  /** Both decisions' latencies together: what the target on decision latency is about. */
  decision: LatencyFigures;
  /** CPU milliseconds per completed case, by part of the stack, over all rounds. */
  cpuMsPerCase: Record<string, number>;
}

export function summarize(runs: ThroughputRun[], system: ThroughputRun['system'], concurrency: number): ThroughputFigures {
  const mine = runs.filter((r) => r.system === system && r.concurrency === concurrency);
  const timings = mine.flatMap((r) => r.timings);
  const rounds = mine.map((r) => Math.round(r.casesPerSecond * 10) / 10);
  return {
    concurrency,
    casesPerSecond: median(rounds),
    rounds,
    errors: mine.reduce((a, r) => a + r.errors, 0),
    start: figures(timings.map((t) => t.start)),
    ward: figures(timings.map((t) => t.ward)),
    district: figures(timings.map((t) => t.district)),
    decision: figures(timings.flatMap((t) => [t.ward, t.district])),
    cpuMsPerCase: Object.fromEntries(
      Object.keys(mine[0]?.cpu ?? {}).map((k) => [k, Math.round((mine.reduce((a, r) => a + r.cpu[k], 0) * 1000) / Math.max(1, timings.length))]),
    ),
  };
}

/** A date for payloads that need one: today in Vietnam. */
export const today = () => dateInHcm(Date.now());
