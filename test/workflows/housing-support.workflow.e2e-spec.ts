import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  caseProjectionQuery,
  caseStateQuery,
  cancelUpdate,
  decideUpdate,
  disbursementUpdate,
  milestoneUpdate,
  resubmitUpdate,
  settlementUpdate,
  RULE_VIOLATION_FAILURE,
  SA_STATUS,
} from '@lienthong/contracts';
import { Actor, dateInHcm, RuleViolation } from '@lienthong/domain';
import { stackLog } from '../../tools/stack/log';
import { waitFor } from '../../tools/stack/ports';
import type { TemporalDevServer } from '../../tools/stack/temporal-dev-server';
import { startTestTemporal } from '../support/temporal-server';
import { recordHistory } from '../support/history-fixtures';
import {
  ACTORS,
  caseInput,
  createWorkflowHarness,
  eventsOf,
  PAYLOAD,
  sendUpdate,
  startCase,
  WorkflowHarness,
} from '../support/workflow-harness';

const EventType = temporal.api.enums.v1.EventType;
const today = () => dateInHcm(Date.now());

/** The rule a refused Update names (the validator's ApplicationFailure details). */
async function refusal(promise: Promise<unknown>): Promise<RuleViolation> {
  const err = await promise.then(
    () => {
      throw new Error('expected the update to be refused');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect((cause as ApplicationFailure).type).toBe(RULE_VIOLATION_FAILURE);
  return (cause as ApplicationFailure).details![0] as RuleViolation;
}

let key = 0;
/** The harness of the describe block running (each block starts its own). */
let harness: WorkflowHarness;
const decide = (h: Awaited<ReturnType<typeof startCase>>['handle'], actor: Actor, body: Record<string, unknown>) =>
  sendUpdate(harness, h, decideUpdate, { args: [{ actor, requestHash: `h${++key}`, action: 'approve', ...body }], updateId: `u${key}` });

async function approveToExecution(h: Awaited<ReturnType<typeof startCase>>['handle']) {
  await decide(h, ACTORS.wardChair, { action: 'approve' });
  await decide(h, ACTORS.districtChair, {
    action: 'approve',
    data: { approvedAmount: 50_000_000, fundingSource: 'Quỹ Nghĩa tình đồng đội' },
  });
}

describe('housing support workflow (real Temporal dev server, stub read model)', () => {
  beforeAll(async () => {
    harness = await createWorkflowHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('runs from submission through both levels, milestones and disbursements to handover', async () => {
    const { handle, input, result } = await startCase(harness);
    expect(result).toMatchObject({ seq: 1, requestHash: input.requestHash });
    expect(eventsOf(harness, input.caseId).map((e) => e.action)).toEqual(['submitted']);

    await approveToExecution(handle);
    let state = await handle.query(caseStateQuery);
    expect(state.status).toBe('in_progress');
    expect(state.execution).toMatchObject({ disbursed: 0, cap: 50_000_000 });

    const disburse = (amount: number) =>
      sendUpdate(harness, handle, disbursementUpdate, {
        args: [{ actor: ACTORS.districtChair, requestHash: `d${amount}`, amount, date: today(), note: 'Đợt giải ngân' }],
      });
    await disburse(30_000_000);
    expect(await refusal(disburse(30_000_000))).toMatchObject({
      kind: 'unprocessable',
      code: 'case.disbursement_exceeds',
      params: { remaining: 20_000_000 },
    });
    await disburse(20_000_000);

    // The branch records the works; the ward confirms the handover, which closes the case.
    for (const kind of ['construction-started', 'construction-completed', 'handed-over']) {
      const actor = kind === 'handed-over' ? ACTORS.wardChair : ACTORS.initiator;
      await sendUpdate(harness, handle, milestoneUpdate, {
        args: [{ actor, requestHash: kind, kind, date: today(), note: null }],
      });
    }
    expect(await handle.result()).toEqual({ caseId: input.caseId, status: 'completed' });

    const events = eventsOf(harness, input.caseId);
    expect(events.map((e) => e.action)).toEqual([
      'submitted',
      'approved',
      'approved',
      'disbursement',
      'disbursement',
      'milestone',
      'milestone',
      'milestone',
    ]);
    // Numbered 1..n without gaps: the read model can tell a missing event from a late one.
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    state = harness.projections[harness.projections.length - 1].state;
    expect(state).toMatchObject({ status: 'completed', execution: { disbursed: 50_000_000 } });

    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(SA_STATUS)).toBe('completed');
    await recordHistory(handle, 'workflow-handover');
  });

  it('refuses decisions synchronously and records nothing for a refusal', async () => {
    const { handle } = await startCase(harness);
    expect(await refusal(decide(handle, ACTORS.otherWard, {}))).toMatchObject({ kind: 'forbidden', code: 'case.not_decider' });
    expect(await refusal(decide(handle, ACTORS.districtChair, {}))).toMatchObject({ code: 'case.not_decider' });
    const initiatorAtWard = { ...ACTORS.initiator, unitIds: [...ACTORS.initiator.unitIds, ...ACTORS.wardChair.unitIds] };
    expect(await refusal(decide(handle, initiatorAtWard, {}))).toMatchObject({ kind: 'forbidden', code: 'case.own_case' });
    expect(await refusal(decide(handle, ACTORS.wardChair, { action: 'return' }))).toMatchObject({
      kind: 'unprocessable',
      code: 'case.comment_required',
    });
    expect(await refusal(decide(handle, ACTORS.wardChair, { expectedStep: 'district-approval' }))).toMatchObject({
      kind: 'conflict',
      code: 'case.stale_step',
    });

    await decide(handle, ACTORS.wardChair, {});
    expect(await refusal(decide(handle, ACTORS.wardVice, { expectedStep: 'ward-verification' }))).toMatchObject({
      kind: 'conflict',
      code: 'case.stale_step',
    });
    const bothLevels = { ...ACTORS.wardChair, unitIds: [...ACTORS.wardChair.unitIds, ...ACTORS.districtChair.unitIds] };
    expect(
      await refusal(decide(handle, bothLevels, { data: { approvedAmount: 1, fundingSource: 'Quỹ' } })),
    ).toMatchObject({ kind: 'forbidden', code: 'case.decided_other_step' });
    expect(await refusal(decide(handle, ACTORS.districtChair, {}))).toMatchObject({
      code: 'case.field_required',
      params: { field: 'data.approvedAmount' },
    });
    expect(
      await refusal(decide(handle, ACTORS.districtChair, { data: { approvedAmount: 60_000_001, fundingSource: 'Quỹ' } })),
    ).toMatchObject({ code: 'case.amount_above' });
    expect(await refusal(sendUpdate(harness, handle, cancelUpdate, { args: [{ actor: ACTORS.initiator, requestHash: 'c' }] }))).toMatchObject({
      code: 'case.cancel_after_approval',
    });

    // Only the one accepted decision (plus the submission) reached the history.
    const history = await handle.fetchHistory();
    const accepted = history.events!.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
    expect(accepted).toHaveLength(2);
    await handle.terminate('test done');
    await recordHistory(handle, 'workflow-refusals');
  });

  it('of 20 concurrent approvals of one step, exactly one is accepted; the others conflict', async () => {
    const { handle, input } = await startCase(harness);
    const attempts = Array.from({ length: 20 }, (_, i) =>
      decide(handle, i % 2 ? ACTORS.wardVice : ACTORS.wardChair, { expectedStep: 'ward-verification' }),
    );
    const settled = await Promise.allSettled(attempts);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1);
    for (const s of settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected')) {
      const violation = ((s.reason as WorkflowUpdateFailedError).cause as ApplicationFailure).details![0] as RuleViolation;
      expect(violation.kind).toBe('conflict');
    }
    expect(eventsOf(harness, input.caseId).filter((e) => e.action === 'approved')).toHaveLength(1);
    await handle.terminate('test done');
    await recordHistory(handle, 'workflow-concurrent-approvals');
  });

  it('answers a repeated Update ID with the first result and decides once', async () => {
    const { handle, input } = await startCase(harness);
    const send = (requestHash: string) =>
      sendUpdate(harness, handle, decideUpdate, {
        args: [{ actor: ACTORS.wardChair, requestHash, action: 'approve' }],
        updateId: 'same-key',
      });
    const first = await send('first-body');
    const again = await send('other-body');
    expect(again).toEqual(first);
    expect(again.requestHash).toBe('first-body');
    expect(eventsOf(harness, input.caseId).filter((e) => e.action === 'approved')).toHaveLength(1);
    await handle.terminate('test done');
  });

  it('sends a returned case back to its initiator and resumes at the step that returned it', async () => {
    const { handle, input } = await startCase(harness);
    await decide(handle, ACTORS.wardChair, {});
    await decide(handle, ACTORS.districtChair, { action: 'return', comment: 'Bổ sung ảnh hiện trạng nhà' });
    expect(await handle.query(caseStateQuery)).toMatchObject({ status: 'returned', step: null });
    expect(
      await refusal(sendUpdate(harness, handle, resubmitUpdate, { args: [{ actor: ACTORS.wardChair, requestHash: 'r', payload: PAYLOAD }] })),
    ).toMatchObject({ kind: 'forbidden', code: 'case.not_initiator' });
    // A revision that leaves the money and the household as they were resumes at the district.
    await sendUpdate(harness, handle, resubmitUpdate, {
      args: [{ actor: ACTORS.initiator, requestHash: 'r', payload: { ...PAYLOAD, situation: 'Nhà cấp bốn xuống cấp; ảnh hiện trạng kèm theo' } }],
    });
    let state = await handle.query(caseStateQuery);
    expect(state).toMatchObject({ status: 'pending', step: { stepId: 'district-approval' } });
    expect(state.passed.map((p) => p.stepId)).toEqual(['ward-verification']);

    // One that changes the money goes back to the ward: its verification was of the old request.
    await decide(handle, ACTORS.districtChair, { action: 'return', comment: 'Giảm số tiền đề nghị' });
    await sendUpdate(harness, handle, resubmitUpdate, {
      args: [{ actor: ACTORS.initiator, requestHash: 'r2', payload: { ...PAYLOAD, requestedAmount: 55_000_000 } }],
    });
    state = await handle.query(caseStateQuery);
    expect(state).toMatchObject({ status: 'pending', step: { stepId: 'ward-verification' }, payload: { requestedAmount: 55_000_000 } });
    expect(state.passed).toEqual([]);
    const events = eventsOf(harness, input.caseId);
    expect(events.map((e) => e.action)).toEqual(['submitted', 'approved', 'returned', 'resubmitted', 'returned', 'resubmitted']);
    expect(events[5].data).toEqual({ restarted: true, changed: ['requestedAmount'] });
    await handle.terminate('test done');
    await recordHistory(handle, 'workflow-return-resubmit');
  });

  it('lets the initiator cancel before any approval, which ends the workflow', async () => {
    const { handle } = await startCase(harness);
    await sendUpdate(harness, handle, cancelUpdate, { args: [{ actor: ACTORS.initiator, requestHash: 'c', comment: 'Gia đình đã tự sửa' }] });
    expect(await handle.result()).toMatchObject({ status: 'cancelled' });
    await recordHistory(handle, 'workflow-cancel');
  });

  it('marks a late step overdue, then escalates it to the level above, and starts a fresh deadline at the next step', async () => {
    const { handle, input } = await startCase(harness, caseInput({ deadlines: { afterMs: 1500, escalateAfterMs: 1500 } }));
    const events = await waitFor(
      'overdue and escalation',
      async () => {
        const e = eventsOf(harness, input.caseId);
        return e.some((x) => x.action === 'escalated') ? e : undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect(events.map((e) => e.action)).toEqual(['submitted', 'overdue', 'escalated']);
    const ward = input.chain[0];
    expect(events[1]).toMatchObject({ actor: null, stepId: ward.id, unitId: ward.unitId });
    expect(events[2].data).toMatchObject({ escalatedTo: ward.escalationUnitId });

    await decide(handle, ACTORS.wardChair, {});
    const state = await handle.query(caseStateQuery);
    expect(state.step).toMatchObject({ stepId: 'district-approval', overdue: false, escalated: false });
    await handle.terminate('test done');
    await recordHistory(handle, 'workflow-overdue-escalation');
  });

  it('keeps retrying its own failing read-model write (a deadline firing) until it is written once', async () => {
    let failures = 0;
    harness.setProjector(async (p) => {
      if (p.events.some((e) => e.action === 'overdue') && failures < 2) {
        failures += 1;
        throw new Error('database unavailable');
      }
      harness.projections.push(p);
    });
    try {
      const { handle, input } = await startCase(harness, caseInput({ deadlines: { afterMs: 500, escalateAfterMs: null } }));
      await waitFor('the overdue event to be written', async () => eventsOf(harness, input.caseId).some((e) => e.action === 'overdue'), {
        timeoutMs: 20_000,
      });
      expect(failures).toBe(2);
      expect(eventsOf(harness, input.caseId).map((e) => e.action)).toEqual(['submitted', 'overdue']);
      await handle.terminate('test done');
    } finally {
      harness.setProjector(async (p) => {
        harness.projections.push(p);
      });
    }
  });

  it('hands every change back to its caller and keeps it pending for the reconciler', async () => {
    const { handle, input, result } = await startCase(harness);
    expect(result.projection?.events.map((e) => e.action)).toEqual(['submitted']);
    const decided = await decide(handle, ACTORS.wardChair, { comment: 'Đã khảo sát' });
    expect(decided.projection).toMatchObject({
      state: { seq: 2, step: { stepId: 'district-approval' } },
      events: [{ seq: 2, action: 'approved', comment: 'Đã khảo sát', actor: { userId: ACTORS.wardChair.userId } }],
      requestHash: input.requestHash,
    });
    // Nothing went through the activity: a change costs no activity events.
    expect(harness.projections.filter((p) => p.state.caseId === input.caseId)).toHaveLength(2);
    // What a reconciler sees if the caller died before writing: the state and every unwritten event.
    const unwritten = await handle.query(caseProjectionQuery);
    expect(unwritten.state.seq).toBe(2);
    expect(unwritten.events.map((e) => e.seq)).toEqual([1, 2]);
    await handle.terminate('test done');
  });

  it('picks a waiting case up on a new worker after the old one is gone', async () => {
    const { handle, input } = await startCase(harness);
    await harness.stopWorker();
    await harness.startWorker();
    await decide(handle, ACTORS.wardChair, {});
    expect(eventsOf(harness, input.caseId).map((e) => e.action)).toEqual(['submitted', 'approved']);
    await handle.terminate('test done');
  });
});

describe('housing support workflow: continue-as-new', () => {
  let server: TemporalDevServer;
  beforeAll(async () => {
    // Its own server with a tiny history limit, so the server suggests continue-as-new after a few changes.
    server = await startTestTemporal({
      dataDir: mkdtempSync(join(tmpdir(), 'lienthong-can-')),
      dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 40 },
      log: stackLog('continue-as-new-test'),
    });
    harness = await createWorkflowHarness(server.address);
  });
  afterAll(async () => {
    await harness?.close();
    await server?.stop();
  });

  it('carries the whole case into a new run and keeps numbering its events', async () => {
    const { handle, input } = await startCase(harness);
    const firstRun = (await handle.describe()).runId;
    await approveToExecution(handle);
    for (let i = 1; i <= 12; i++) {
      await sendUpdate(harness, handle, disbursementUpdate, {
        args: [{ actor: ACTORS.districtChair, requestHash: `d${i}`, amount: 1_000_000, date: today(), note: `Đợt ${i}` }],
      });
    }
    await waitFor('a new run', async () => (await handle.describe()).runId !== firstRun || undefined, { timeoutMs: 10_000 });
    const state = await handle.query(caseStateQuery);
    expect(state).toMatchObject({ status: 'in_progress', execution: { disbursed: 12_000_000 }, seq: 15 });
    for (const kind of ['construction-started', 'construction-completed']) {
      await sendUpdate(harness, handle, milestoneUpdate, { args: [{ actor: ACTORS.initiator, requestHash: kind, kind, date: today() }] });
    }
    // The rest of the approved amount is settled, and the ward's handover closes the case.
    await sendUpdate(harness, handle, settlementUpdate, {
      args: [{ actor: ACTORS.districtChair, requestHash: 'settle', date: today(), reason: 'Chi phí thực tế thấp hơn dự toán' }],
    });
    await sendUpdate(harness, handle, milestoneUpdate, {
      args: [{ actor: ACTORS.wardChair, requestHash: 'handed-over', kind: 'handed-over', date: today() }],
    });
    expect(await handle.result()).toMatchObject({ status: 'completed' });
    const events = eventsOf(harness, input.caseId);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    await recordHistory(handle, 'workflow-continue-as-new-first-run', firstRun);
    await recordHistory(handle, 'workflow-continue-as-new-last-run');
  });
});
