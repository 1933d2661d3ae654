import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { loadStackConfig } from '@lienthong/config';
import { CaseProjection, caseStateQuery, caseWorkflowId } from '@lienthong/contracts';
import { PROCESSES } from '@lienthong/processes';
import { DAY_MS, endOfDayHcm } from '@lienthong/domain';
import { stackLog } from '../../tools/stack/log';
import { resolveTemporalTestServer } from '../../tools/stack/temporal-cli';
import { caseInput } from '../support/workflow-harness';
import { testEnv } from '../support/test-env';

/**
 * The real housing deadlines, in days, on Temporal's time-skipping test server: the ward's 7 days end at
 * midnight in Ho Chi Minh City, overdue is flagged then and not a millisecond before, and the district
 * hears of it 3 days later. Weeks pass in seconds.
 */
describe('housing deadlines in days (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    const stack = loadStackConfig();
    const path = await resolveTemporalTestServer({
      explicitPath: stack.TEMPORAL_TEST_SERVER_PATH,
      toolsDir: stack.LIENTHONG_TOOLS_DIR,
      log: stackLog('time-skipping'),
    });
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('is overdue after the end of the 7th day in Ho Chi Minh City, and escalates 3 days later', async () => {
    const projections: CaseProjection[] = [];
    const taskQueue = `days-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: testEnv('workflowBundle') },
      activities: { projectCase: async (p: CaseProjection) => void projections.push(p) },
    });
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
});
