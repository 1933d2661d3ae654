import { setHandler } from '@temporalio/workflow';
import { cancelUpdate, decideUpdate, resubmitUpdate } from '@lienthong/contracts';
import { applyCancel, applyDecision, applyResubmit, checkCancel, checkDecision, checkResubmit } from '@lienthong/domain';
import { CaseRuntime, refuse } from './case-runtime';

/**
 * The approval chain: decisions, return for revision, resubmission and cancellation as Workflow
 * Updates. Each validator runs the same pure rule the API uses for `allowedActions`, against the state
 * at the moment the Update is delivered; a refusal (not a decider, not this step's turn, already
 * decided, stale expectedStep, the initiator's own case, a second step by the same person, a missing
 * comment or amount) is answered synchronously and leaves nothing in the history. Of twenty concurrent
 * approvals of one step the first accepted moves the step on, and the other nineteen fail validation.
 */
export function installApprovalChain(run: CaseRuntime): void {
  setHandler(
    decideUpdate,
    ({ actor, requestHash, ...decision }) => run.change((now) => applyDecision(run.state, actor, decision, now, run.phase), requestHash),
    { validator: ({ actor, requestHash: _, ...decision }) => refuse(checkDecision(run.state, actor, decision)) },
  );
  setHandler(
    resubmitUpdate,
    ({ actor, requestHash, ...revision }) => run.change((now) => applyResubmit(run.state, actor, revision, now), requestHash),
    { validator: ({ actor }) => refuse(checkResubmit(run.state, actor)) },
  );
  setHandler(
    cancelUpdate,
    ({ actor, requestHash, comment }) => run.change((now) => applyCancel(run.state, actor, comment, now), requestHash),
    { validator: ({ actor }) => refuse(checkCancel(run.state, actor)) },
  );
}
