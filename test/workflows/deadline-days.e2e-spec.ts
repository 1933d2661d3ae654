import { TestWorkflowEnvironment } from '@temporalio/testing';
import { collectingWorker, startTimeSkipping } from '../support/time-skipping';
import { randomUUID } from 'node:crypto';
import { caseStateQuery, caseWorkflowId } from '@lienthong/contracts';
import { addMonths as addMonthsTo, interestFreeLoanDefinition, PROCESSES } from '@lienthong/processes';
import { applyDecision, dateInHcm, DAY_MS, endOfDateHcm, endOfDayHcm, openCase, resolveChain } from '@lienthong/domain';
import { ACTORS, caseInput, PATH } from '../support/workflow-harness';

/**
 * The real housing deadlines, in days, on Temporal's time-skipping test server: the ward's 7 days end at
 * midnight in Ho Chi Minh City, overdue is flagged then and not a millisecond before, and the district
 * hears of it 3 days later. Weeks pass in seconds.
 */
describe('housing deadlines in days (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTimeSkipping();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('is overdue after the end of the 7th day in Ho Chi Minh City, and escalates 3 days later', async () => {
    const { worker, taskQueue, projections } = await collectingWorker(env, 'days');
    const actions = () => projections.flatMap((p) => p.events.map((e) => e.action));

    await worker.runUntil(async () => {
      const input = caseInput();
      const handle = await env.client.workflow.start(PROCESSES.workflowTypeOf('housing-support')!, {
        workflowId: caseWorkflowId(input.caseId),
        taskQueue,
        args: [input],
      });
      const state = await handle.query(caseStateQuery);
      const submittedAt = Date.parse(state.submittedAt);
      const dueAt = Date.parse(state.step!.dueAt);
      expect(dueAt).toBe(endOfDayHcm(submittedAt + 7 * DAY_MS));
      expect(new Date(dueAt + 1).toISOString()).toMatch(/T17:00:00\.000Z$/); // midnight in Hà Nội

      await env.sleep(dueAt - (await env.currentTimeMs()) - 60_000);
      expect((await handle.query(caseStateQuery)).step!.overdue).toBe(false);
      await env.sleep(120_000);
      expect((await handle.query(caseStateQuery)).step).toMatchObject({ overdue: true, escalated: false });
      expect(actions()).toEqual(['submitted', 'overdue']);

      await env.sleep(3 * DAY_MS);
      expect((await handle.query(caseStateQuery)).step).toMatchObject({ escalated: true });
      expect(actions()).toEqual(['submitted', 'overdue', 'escalated']);
      const escalated = projections.flatMap((p) => p.events).find((e) => e.action === 'escalated')!;
      expect(Date.parse(escalated.at)).toBeGreaterThanOrEqual(dueAt + 3 * DAY_MS);
      await handle.terminate('test done');
    });
  });

  it('tells the ward and the branch when a loan is still owed at the end of its term, and not a day before', async () => {
    const { worker, taskQueue, projections } = await collectingWorker(env, 'loan');
    const overdue = () => projections.flatMap((p) => p.events).filter((e) => e.action === 'repayment_overdue');

    await worker.runUntil(async () => {
      const resolved = resolveChain(interestFreeLoanDefinition, PATH);
      if ('code' in resolved) throw new Error(resolved.code);
      const input = {
        ...caseInput(),
        processType: interestFreeLoanDefinition.processType,
        definitionVersion: interestFreeLoanDefinition.version,
        title: 'Cho vay vốn chăn nuôi',
        payload: { borrower: { name: 'Phạm Văn Bình', memberId: randomUUID() }, amount: 10_000_000, termMonths: 3, purpose: 'Mua bò giống' },
        chain: resolved.chain,
        plan: resolved.plan,
        restartOnChangeOf: interestFreeLoanDefinition.restartOnChangeOf,
      };
      // The time-skipping server takes no Updates: the loan is approved, paid out and partly repaid by
      // the module's own rules, and the workflow carries on from there as after a continue-as-new.
      const phase = PROCESSES.phaseOf(input.processType)!;
      const now = await env.currentTimeMs();
      const paidOn = dateInHcm(now);
      const { state } = openCase(input, now);
      applyDecision(state, ACTORS.wardChair, { action: 'approve', data: { approvedAmount: 10_000_000, fundingSource: 'Quỹ hội' } }, now, phase);
      phase.operations.disbursement!.apply(state, ACTORS.wardChair, { amount: 10_000_000, date: paidOn }, now);
      phase.operations.repayment!.apply(state, ACTORS.wardVice, { amount: 4_000_000, date: paidOn }, now);
      const due = state.execution!.repaymentDue!;
      expect(due).toEqual({ date: addMonthsTo(paidOn, 3), overdue: false });

      const handle = await env.client.workflow.start(PROCESSES.workflowTypeOf(input.processType)!, {
        workflowId: caseWorkflowId(input.caseId),
        taskQueue,
        args: [{ ...input, carried: state }],
      });
      await env.sleep(endOfDateHcm(due.date) - (await env.currentTimeMs()) - 60_000);
      expect(overdue()).toEqual([]);
      expect((await handle.query(caseStateQuery)).execution!.repaymentDue).toEqual(due);
      await env.sleep(120_000);
      expect((await handle.query(caseStateQuery)).execution!.repaymentDue).toEqual({ date: due.date, overdue: true });
      expect(overdue()).toEqual([expect.objectContaining({ data: { dueDate: due.date, outstanding: 6_000_000 } })]);
      expect(Date.parse(overdue()[0].at)).toBeGreaterThanOrEqual(endOfDateHcm(due.date));
      await handle.terminate('test done');
    });
  });
});
