/**
 * The raw baseline's workflow: the bare shape of a housing case in Temporal — started, then two
 * approvals as Updates with validators, then complete — with no read model, no rules engine, no
 * timers. Whatever Liên Thông costs beyond this is the price of our layers.
 */
import { allHandlersFinished, condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const approveUpdate = defineUpdate<{ approvals: number }, [{ level: string; by: string }]>('approve');

export async function rawCaseWorkflow(): Promise<number> {
  const levels = ['ward', 'district'];
  let approvals = 0;
  setHandler(
    approveUpdate,
    () => {
      approvals += 1;
      return { approvals };
    },
    {
      validator: ({ level }) => {
        if (level !== levels[approvals]) throw new Error(`not the ${level} level's turn`);
      },
    },
  );
  await condition(() => approvals === levels.length && allHandlersFinished());
  return approvals;
}
