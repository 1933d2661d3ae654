import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { campaignStateQuery, campaignWorkflowId, CampaignWorkflowInput } from '@lienthong/contracts';
import { campaignEndsAt, dateInHcm, DAY_MS, shiftDate } from '@lienthong/domain';
import { startTimeSkipping } from '../support/time-skipping';
import { testEnv } from '../support/test-env';

/** Polls until `check` holds (activities run on the worker; the assertion waits for them, never a fixed sleep). */
async function eventually(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The campaign workflow's clock on Temporal's time-skipping server: units below pace are reminded at
 * T−7 and T−1 days (not a minute before), and the campaign closes itself at the end of its end date in
 * Hà Nội (23:59:59.999 +07), not before. The activities are recorded, not run: what they write is
 * tested through the API (test/campaigns). The time-skipping server takes no Updates, so the launched
 * campaign is started as `open`, as a launched one carries on.
 */
describe('campaign deadlines (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await startTimeSkipping();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  async function recordingWorker() {
    const calls: { name: string; input: Record<string, unknown> }[] = [];
    const record = (name: string) => async (input: Record<string, unknown>) => {
      calls.push({ name, input });
      return 0;
    };
    const taskQueue = `campaign-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: testEnv('workflowBundle') },
      activities: {
        recordCampaignLaunched: record('launched'),
        recordCampaignCancelled: record('cancelled'),
        remindCampaignUnitsBehind: record('remind'),
        closeCampaign: record('close'),
      },
    });
    return { worker, taskQueue, calls };
  }

  it('reminds at T−7 and T−1 days and closes at the end of the end date in Hà Nội', async () => {
    const { worker, taskQueue, calls } = await recordingWorker();
    await worker.runUntil(async () => {
      const now = await env.currentTimeMs();
      const endDate = shiftDate(dateInHcm(now), 10);
      const end = campaignEndsAt(endDate);
      expect(new Date(end).toISOString()).toMatch(/T16:59:59\.999Z$/);
      const input: CampaignWorkflowInput = { campaignId: randomUUID(), startDate: dateInHcm(now), endDate, status: 'open' };
      const handle = await env.client.workflow.start('campaignWorkflow', {
        workflowId: campaignWorkflowId(input.campaignId),
        taskQueue,
        args: [input],
      });
      const names = () => calls.map((c) => c.name);

      await env.sleep(end - 7 * DAY_MS - (await env.currentTimeMs()) - 60_000);
      expect(names()).toEqual([]);
      await env.sleep(120_000);
      await eventually(() => names().length === 1);
      expect(calls[0]).toEqual({ name: 'remind', input: { campaignId: input.campaignId, daysLeft: 7 } });

      await env.sleep(end - DAY_MS - (await env.currentTimeMs()) - 60_000);
      expect(names()).toEqual(['remind']);
      await env.sleep(120_000);
      await eventually(() => names().length === 2);
      expect(calls[1].input).toEqual({ campaignId: input.campaignId, daysLeft: 1 });
      expect((await handle.query(campaignStateQuery)).remindersSent).toEqual([7, 1]);

      // The last day runs to its last millisecond in Hà Nội.
      await env.sleep(end - (await env.currentTimeMs()) - 60_000);
      expect(names()).toEqual(['remind', 'remind']);
      expect((await handle.query(campaignStateQuery)).status).toBe('open');
      await env.sleep(120_000);
      expect(await handle.result()).toEqual({ campaignId: input.campaignId, status: 'closed' });
      expect(calls[2]).toEqual({ name: 'close', input: { campaignId: input.campaignId } });
    });
  });

  it('reminds nobody while in draft, and closes a campaign never launched at its end', async () => {
    const { worker, taskQueue, calls } = await recordingWorker();
    await worker.runUntil(async () => {
      const now = await env.currentTimeMs();
      const endDate = shiftDate(dateInHcm(now), 9);
      const input: CampaignWorkflowInput = { campaignId: randomUUID(), startDate: dateInHcm(now), endDate };
      const handle = await env.client.workflow.start('campaignWorkflow', {
        workflowId: campaignWorkflowId(input.campaignId),
        taskQueue,
        args: [input],
      });
      expect((await handle.query(campaignStateQuery)).status).toBe('draft');
      await env.sleep(campaignEndsAt(endDate) - (await env.currentTimeMs()) + 60_000);
      expect(await handle.result()).toEqual({ campaignId: input.campaignId, status: 'closed' });
      expect(calls.map((c) => c.name)).toEqual(['close']);
    });
  });

  it('launched three days before its end: no "7 days left" after the fact, only T−1', async () => {
    const { worker, taskQueue, calls } = await recordingWorker();
    await worker.runUntil(async () => {
      const now = await env.currentTimeMs();
      const endDate = shiftDate(dateInHcm(now), 3);
      const input: CampaignWorkflowInput = { campaignId: randomUUID(), startDate: dateInHcm(now), endDate, status: 'open' };
      const handle = await env.client.workflow.start('campaignWorkflow', {
        workflowId: campaignWorkflowId(input.campaignId),
        taskQueue,
        args: [input],
      });
      await env.sleep(campaignEndsAt(endDate) - (await env.currentTimeMs()) + 60_000);
      expect((await handle.result()).status).toBe('closed');
      expect(calls.map((c) => [c.name, c.input.daysLeft])).toEqual([
        ['remind', 1],
        ['close', undefined],
      ]);
    });
  });
});
