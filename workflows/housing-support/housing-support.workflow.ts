import { caseWorkflow } from '../case/case.workflow';

/**
 * The workflow type housing cases ran as before every process ran `caseWorkflow`: the same code under
 * its old name, for the cases still open under it (and their recorded histories, test/replay).
 */
export const housingSupportWorkflow = caseWorkflow;
