import { setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { UpdateResult } from '@lienthong/contracts';
import { disbursementUpdate, milestoneUpdate, repaymentUpdate, settlementUpdate } from '@lienthong/contracts';
import { Actor, PhaseOperation, PhaseRequests, violation } from '@lienthong/domain';
import { CaseRuntime, refuse } from './case-runtime';

type Acting<R> = R & { actor: Actor; requestHash: string };

/**
 * The execution phase's Updates (recordMilestone, recordDisbursement, recordRepayment,
 * recordSettlement), each validated and applied by the process module's own rules (`run.phase`). A
 * process without an operation refuses it in the validator: nothing reaches the history.
 */
export function installExecutionPhase(run: CaseRuntime): void {
  install(run, 'milestone', milestoneUpdate);
  install(run, 'disbursement', disbursementUpdate);
  install(run, 'repayment', repaymentUpdate);
  install(run, 'settlement', settlementUpdate);
}

function install<K extends PhaseOperation>(run: CaseRuntime, operation: K, update: UpdateDefinition<UpdateResult, [Acting<PhaseRequests[K]>]>): void {
  const rules = () => run.phase?.operations[operation];
  setHandler(
    update,
    ({ actor, requestHash, ...request }) =>
      run.change((now) => rules()!.apply(run.state, actor, request as unknown as PhaseRequests[K], now), requestHash),
    {
      validator: ({ actor, requestHash: _, ...request }) => {
        const op = rules();
        refuse(
          op
            ? op.check(run.state, actor, request as unknown as PhaseRequests[K], Date.now())
            : violation('unprocessable', 'case.operation_not_offered', { operation }),
        );
      },
    },
  );
}
