import { setHandler } from '@temporalio/workflow';
import { disbursementUpdate, milestoneUpdate } from '@lienthong/contracts';
import {
  applyDisbursement,
  applyMilestone,
  checkDisbursement,
  checkMilestone,
} from '@lienthong/domain';
import { CaseRuntime, refuse } from '../shared/case-runtime';

/**
 * After approval: milestones in order up to handover (which closes the case) and disbursements into a
 * ledger whose total the validator keeps at or below the approved amount. The workflow is the single
 * writer of a case, so this check cannot race with another disbursement.
 */
export function installExecutionPhase(run: CaseRuntime): void {
  setHandler(
    milestoneUpdate,
    ({ actor, requestHash, ...milestone }) => run.change((now) => applyMilestone(run.state, actor, milestone, now), requestHash),
    { validator: ({ actor, requestHash: _, ...milestone }) => refuse(checkMilestone(run.state, actor, milestone, Date.now())) },
  );
  setHandler(
    disbursementUpdate,
    ({ actor, requestHash, ...disbursement }) =>
      run.change((now) => applyDisbursement(run.state, actor, disbursement, now), requestHash),
    {
      validator: ({ actor, requestHash: _, ...disbursement }) =>
        refuse(checkDisbursement(run.state, actor, disbursement, Date.now())),
    },
  );
}
