/**
 * The worker's single entry point for workflow code, bundled by Temporal into a deterministic sandbox.
 * Everything reachable from here must be free of Node, Nest and database imports (enforced by lint).
 */
export { smokeWorkflow } from './smoke/smoke.workflow';
export { caseWorkflow } from './case/case.workflow';
export { housingSupportWorkflow } from './housing-support/housing-support.workflow';
export { campaignWorkflow } from './campaign/campaign.workflow';
