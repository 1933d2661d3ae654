/**
 * The smoke process proves the wiring end to end: API → Temporal → worker → activity → PostgreSQL.
 * It is deliberately tiny; real processes follow the same contract shape.
 */
export const SMOKE_WORKFLOW_TYPE = 'smokeWorkflow';

export interface SmokeInput {
  pingId: string;
  message: string;
  requestedBy: string;
}

export interface SmokeResult {
  pingId: string;
  workflowId: string;
  recordedAt: string;
}

/** Deterministic from the business key, so starting the same ping twice is refused by Temporal. */
export function smokeWorkflowId(pingId: string): string {
  return `smoke-${pingId}`;
}

/** Implemented by `activities/smoke`; workflows only ever see this interface. */
export interface SmokeActivities {
  recordSmokePing(input: SmokeInput & { workflowId: string }): Promise<{ recordedAt: string }>;
}
