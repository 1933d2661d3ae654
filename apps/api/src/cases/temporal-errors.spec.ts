import {
  ApplicationFailure,
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { RULE_VIOLATION_FAILURE } from '@lienthong/contracts';
import { DomainError } from '@lienthong/domain';
import { callCaseWorkflow, isAlreadyStarted } from './temporal-errors';

const closed = async () => new DomainError('conflict', 'case.closed', { status: 'completed' });
const failWith = (err: unknown) => callCaseWorkflow(() => Promise.reject(err), closed);

describe('callCaseWorkflow', () => {
  it('returns what the workflow answered', async () => {
    await expect(callCaseWorkflow(async () => ({ seq: 3, requestHash: 'h' }), closed)).resolves.toEqual({ seq: 3, requestHash: 'h' });
  });

  it.each([
    ['forbidden', 'case.not_decider', { unit: 'Hội CCB phường Ngọc Thụy' }],
    ['conflict', 'case.stale_step', { expected: 'ward-verification', current: 'district-approval' }],
    ['unprocessable', 'case.comment_required', { action: 'reject' }],
  ] as const)('turns a validator refusal (%s %s) into the same DomainError', async (kind, code, params) => {
    const failure = ApplicationFailure.create({ type: RULE_VIOLATION_FAILURE, message: code, details: [{ kind, code, params }], nonRetryable: true });
    const err = await failWith(new WorkflowUpdateFailedError('Workflow Update failed', failure)).catch((e) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ kind, code, params });
  });

  it('passes other update failures through (a bug, not a rule)', async () => {
    const failure = ApplicationFailure.create({ type: 'TypeError', message: 'x is undefined' });
    await expect(failWith(new WorkflowUpdateFailedError('Workflow Update failed', failure))).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
  });

  it('answers 409 case.closed when the workflow is gone', async () => {
    await expect(failWith(new WorkflowNotFoundError('workflow execution already completed', 'case-1', undefined))).rejects.toMatchObject({
      kind: 'conflict',
      code: 'case.closed',
    });
  });

  it('answers 503 when Temporal is unreachable', async () => {
    await expect(failWith(new ServiceError('Failed to connect'))).rejects.toMatchObject({ kind: 'unavailable', code: 'temporal.unavailable' });
  });

  it('leaves "already started" to the caller, which answers from the read model', async () => {
    const err = new WorkflowExecutionAlreadyStartedError('Workflow execution already started', 'case-1', 'housingSupportWorkflow');
    await expect(failWith(err)).rejects.toBe(err);
    expect(isAlreadyStarted(err)).toBe(true);
    expect(isAlreadyStarted(Object.assign(new Error('ALREADY_EXISTS'), { code: 6, details: '', metadata: { get: () => [] } }))).toBe(true);
  });
});
