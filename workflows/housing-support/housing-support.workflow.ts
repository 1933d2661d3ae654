import type { CaseWorkflowInput } from '@lienthong/contracts';
import type { CaseStatus } from '@lienthong/domain';
import { installApprovalChain } from '../shared/approval-chain';
import { CaseRuntime } from '../shared/case-runtime';
import { installExecutionPhase } from './execution-phase';

/**
 * Housing support (xóa nhà dột nát, nhà tình nghĩa, nhà đồng đội), one workflow per case: the branch
 * submits, the ward verifies, the district approves an amount and a fund (the chain comes resolved
 * in `input.chain`), then construction milestones up to handover and disbursements against the
 * approved amount. Completes when the case is handed over, rejected or cancelled.
 */
export async function housingSupportWorkflow(input: CaseWorkflowInput): Promise<{ caseId: string; status: CaseStatus }> {
  const run = new CaseRuntime(input);
  installApprovalChain(run);
  installExecutionPhase(run);
  const final = await run.runToClose();
  return { caseId: final.caseId, status: final.status };
}
