import type { ExecutionPhase } from '../execution/execution-phase';
import { PHASE_OPERATIONS } from '../execution/execution-model';
import { Actor, CaseAction, CaseState } from './case-model';
import { checkCancel, checkDecider, checkResubmit, currentStep } from './chain.rules';

/** What `actor` may do now; the API shows exactly these, and the workflow would accept each of them. */
export function allowedActions(state: CaseState, actor: Actor, phase: ExecutionPhase | null): CaseAction[] {
  const actions: CaseAction[] = [];
  if (!checkDecider(state, actor)) actions.push(...currentStep(state)!.actions);
  if (!checkResubmit(state, actor)) actions.push('resubmit');
  if (!checkCancel(state, actor)) actions.push('cancel');
  for (const operation of PHASE_OPERATIONS) {
    const rules = phase?.operations[operation];
    if (rules && !rules.offered(state, actor)) actions.push(operation);
  }
  return actions;
}
