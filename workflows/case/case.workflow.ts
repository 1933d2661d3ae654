import type { CaseWorkflowInput } from '@lienthong/contracts';
import type { CaseStatus } from '@lienthong/domain';
import { PROCESSES } from '@lienthong/processes';
import { installApprovalChain } from '../shared/approval-chain';
import { CaseRuntime } from '../shared/case-runtime';
import { installExecutionPhase } from '../shared/execution-phase';

/**
 * One workflow per case, of any process: the chain comes resolved in `input.chain`, the rules after
 * approval come from the process's module (`PROCESSES`, the same registry the API uses). Completes
 * when the case is completed, rejected or cancelled.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<{ caseId: string; status: CaseStatus }> {
  const phase = PROCESSES.phaseOf(input.processType);
  // A plan without rules would leave the case stuck after approval: fail the task (Temporal retries
  // it) until a build that knows the process polls, rather than complete the case wrongly.
  if ((input.plan ?? input.carried?.plan) && !phase) throw new Error(`No execution phase for process ${input.processType}`);
  const run = new CaseRuntime(input, phase);
  installApprovalChain(run);
  installExecutionPhase(run);
  const final = await run.runToClose();
  return { caseId: final.caseId, status: final.status };
}
