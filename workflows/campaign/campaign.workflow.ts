import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CampaignActivities, CampaignWorkflowInput, CampaignWorkflowState } from '@lienthong/contracts';
import { campaignStateQuery, cancelCampaignUpdate, launchCampaignUpdate } from '@lienthong/contracts';
import { CampaignStatus, campaignSchedule, checkCampaignCancel, checkCampaignLaunch } from '@lienthong/domain';
import { refuse } from '../shared/case-runtime';

const { recordCampaignLaunched, recordCampaignCancelled, remindCampaignUnitsBehind, closeCampaign } = proxyActivities<CampaignActivities>({
  startToCloseTimeout: '30 seconds',
  // The decision is already in the workflow's state when its write runs: retry until PostgreSQL answers.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One workflow per campaign (`campaign-<id>`), started in draft when the campaign is created. It owns
 * the lifecycle: launch and cancel (Updates, validated by the same rules the API checks), reminders to
 * units below pace at T−7 and T−1 days, and the close at the end of the end date in Vietnam. Its
 * history stays a few dozen events whatever the number of contributions, which never come here.
 */
export async function campaignWorkflow(input: CampaignWorkflowInput): Promise<{ campaignId: string; status: CampaignStatus }> {
  const state: CampaignWorkflowState = {
    campaignId: input.campaignId,
    status: input.status ?? 'draft',
    startDate: input.startDate,
    endDate: input.endDate,
    launchedAt: input.launchedAt ?? null,
    remindersSent: [],
    closedAt: null,
  };
  setHandler(campaignStateQuery, () => state);

  setHandler(
    launchCampaignUpdate,
    async (change) => {
      // Changed before the write, so a second launch in the same task is already refused by its validator.
      state.status = 'open';
      state.launchedAt = new Date().toISOString();
      await recordCampaignLaunched({ campaignId: input.campaignId, ...change });
      return { status: state.status, requestHash: change.requestHash };
    },
    { validator: (_change) => refuse(checkCampaignLaunch(state, Date.now())) },
  );

  setHandler(
    cancelCampaignUpdate,
    async (change) => {
      state.status = 'cancelled';
      await recordCampaignCancelled({ campaignId: input.campaignId, ...change });
      return { status: state.status, requestHash: change.requestHash };
    },
    { validator: (_change) => refuse(checkCampaignCancel(state)) },
  );

  // Reminders still ahead when the workflow starts, then the close; a cancellation wakes it at once.
  for (const step of campaignSchedule(input.endDate, Date.now())) {
    const wait = step.at - Date.now();
    if (wait > 0) await condition(() => state.status === 'cancelled', wait);
    if (state.status === 'cancelled') break;
    if (step.kind === 'remind') {
      // A draft has no units collecting yet: nobody to remind.
      if (state.status !== 'open') continue;
      await remindCampaignUnitsBehind({ campaignId: input.campaignId, daysLeft: step.daysLeft });
      state.remindersSent.push(step.daysLeft);
    } else {
      // A draft never launched closes too: it can no longer be launched.
      state.status = 'closed';
      state.closedAt = new Date().toISOString();
      await closeCampaign({ campaignId: input.campaignId });
    }
  }
  // Answer every Update in flight (a launch racing the close) before the workflow completes.
  await condition(allHandlersFinished);
  return { campaignId: input.campaignId, status: state.status };
}
