import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SmokeActivities, SmokeInput, SmokeResult } from '@lienthong/contracts';

const { recordSmokePing } = proxyActivities<SmokeActivities>({
  startToCloseTimeout: '10 seconds',
  // A database blip should not fail the smoke test; a broken schema should, within a minute.
  retry: { maximumAttempts: 5, initialInterval: '200 milliseconds' },
});

/** API → Temporal → worker → activity → PostgreSQL, and back: proves every hop of the wiring. */
export async function smokeWorkflow(input: SmokeInput): Promise<SmokeResult> {
  const { workflowId } = workflowInfo();
  const { recordedAt } = await recordSmokePing({ ...input, workflowId });
  return { pingId: input.pingId, workflowId, recordedAt };
}
