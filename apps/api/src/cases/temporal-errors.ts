import {
  ApplicationFailure,
  isGrpcServiceError,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { RULE_VIOLATION_FAILURE } from '@lienthong/contracts';
import { DomainError, RuleViolation } from '@lienthong/domain';

/** gRPC status 6; @grpc/grpc-js is Temporal's dependency, not ours, so the number is spelled out. */
const GRPC_ALREADY_EXISTS = 6;
const RULE_KINDS: ReadonlySet<string> = new Set<RuleViolation['kind']>(['forbidden', 'conflict', 'unprocessable']);

/** A rule's refusal as the API's error: its kind picks the status (403, 409, 422), its code the message. */
export function violationError(violation: RuleViolation): DomainError {
  return new DomainError(violation.kind, violation.code, violation.params ?? {});
}

function ruleViolationOf(err: WorkflowUpdateFailedError): RuleViolation | null {
  const cause = err.cause;
  if (!(cause instanceof ApplicationFailure) || cause.type !== RULE_VIOLATION_FAILURE) return null;
  const detail = cause.details?.[0] as Partial<RuleViolation> | undefined;
  if (!detail || typeof detail.code !== 'string' || !RULE_KINDS.has(detail.kind as string)) return null;
  return detail as RuleViolation;
}

/**
 * The start of update-with-start was refused because the workflow ID is taken by a closed run
 * (REJECT_DUPLICATE). Depending on the path, the SDK reports it as its own error or as the raw gRPC
 * ALREADY_EXISTS status it unpacked from the multi-operation failure.
 */
export function isAlreadyStarted(err: unknown): boolean {
  return (
    err instanceof WorkflowExecutionAlreadyStartedError ||
    (isGrpcServiceError(err) && err.code === GRPC_ALREADY_EXISTS) ||
    (err instanceof ServiceError && isGrpcServiceError(err.cause) && err.cause.code === GRPC_ALREADY_EXISTS)
  );
}

/** Temporal (or the way to it) is not answering; the client may retry with the same Idempotency-Key. */
function isUnavailable(err: unknown): boolean {
  return (
    err instanceof ServiceError ||
    err instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    isGrpcServiceError(err) ||
    (err as { name?: string } | null)?.name === 'TransportError'
  );
}

/**
 * Runs one call to a case workflow and turns what Temporal answers into the API's errors, the same way
 * for every command:
 * - a refusal by an Update validator (a RuleViolation) → its own kind and code (403, 409, 422);
 * - a workflow that is gone (completed, or never existed) → 409 case.closed, via `closed`;
 * - Temporal unreachable or timing out → 503 temporal.unavailable.
 * Anything else is a bug and surfaces as a 500 (logged by the exception filter).
 */
export async function callCaseWorkflow<T>(call: () => Promise<T>, closed: () => Promise<DomainError>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      const violation = ruleViolationOf(err);
      if (violation) throw violationError(violation);
      throw err;
    }
    if (err instanceof WorkflowNotFoundError) throw await closed();
    if (isAlreadyStarted(err)) throw err;
    if (isUnavailable(err)) throw new DomainError('unavailable', 'temporal.unavailable');
    throw err;
  }
}
