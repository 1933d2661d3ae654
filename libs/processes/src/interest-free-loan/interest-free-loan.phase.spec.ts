import { Actor, allowedActions, applyAlarm, applyDecision, nextAlarm, openCase, PathUnit, resolveChain } from '@lienthong/domain';
import { interestFreeLoanDefinition } from './interest-free-loan.definition';
import { addMonths, interestFreeLoanPhase as phase } from './interest-free-loan.phase';

const path: PathUnit[] = [
  { id: 'u-branch', name: 'Chi hội 1', levelCode: 'branch', levelName: 'Chi hội' },
  { id: 'u-ward', name: 'Hội CCB phường Ngọc Thụy', levelCode: 'ward', levelName: 'Phường' },
];
const branch: Actor = { userId: 'p-branch', displayName: 'Nguyễn Văn Thành', unitIds: ['u-branch'] };
const ward: Actor = { userId: 'p-ward', displayName: 'Trần Văn Đức', unitIds: ['u-ward'] };
const T0 = Date.parse('2027-01-31T03:00:00Z');

function approved(amount = 10_000_000) {
  const resolved = resolveChain(interestFreeLoanDefinition, path);
  if ('code' in resolved) throw new Error(resolved.code);
  const { state } = openCase(
    {
      caseId: 'loan-1',
      processType: interestFreeLoanDefinition.processType,
      definitionVersion: 1,
      organizationId: 'org',
      originUnitId: 'u-branch',
      title: 'Cho vay vốn chăn nuôi',
      payload: { borrower: { name: 'Phạm Văn Bình', memberId: 'm-1' }, amount: 15_000_000, termMonths: 1, purpose: 'Mua bò giống' },
      initiator: branch,
      chain: resolved.chain,
      plan: resolved.plan,
      resubmitTo: 'returning-step',
    },
    T0,
  );
  applyDecision(state, ward, { action: 'approve', data: { approvedAmount: amount, fundingSource: 'Quỹ hội' } }, T0, phase);
  return state;
}
const op = phase.operations;

describe('interest-free loan: payout, repayments, term', () => {
  it('counts the term in calendar months, on the last day of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(addMonths('2027-03-10', 24)).toBe('2029-03-10');
  });

  it('starts the term at the first payout, and completes only when all that was lent is back', () => {
    const state = approved();
    expect(nextAlarm(state, phase)).toBeNull();
    op.disbursement!.apply(state, ward, { amount: 6_000_000, date: '2027-01-31' }, T0);
    op.disbursement!.apply(state, ward, { amount: 4_000_000, date: '2027-02-05' }, T0);
    expect(state.execution!.repaymentDue).toEqual({ date: '2027-02-28', overdue: false });
    op.repayment!.apply(state, ward, { amount: 6_000_000, date: '2027-02-10' }, T0);
    expect(state.status).toBe('in_progress');
    expect(op.repayment!.check(state, ward, { amount: 4_000_001, date: '2027-02-10' }, T0 + 86_400_000 * 10)).toMatchObject({
      code: 'case.repayment_exceeds',
      params: { outstanding: 4_000_000 },
    });
    const last = op.repayment!.apply(state, ward, { amount: 4_000_000, date: '2027-02-11' }, T0);
    expect(last[0].data).toMatchObject({ total: 10_000_000, closed: true });
    expect(state.status).toBe('completed');
  });

  it('a loan settled below the approved amount completes once what was paid out is back', () => {
    const state = approved();
    op.disbursement!.apply(state, ward, { amount: 8_000_000, date: '2027-01-31' }, T0);
    op.settlement!.apply(state, ward, { date: '2027-01-31', reason: 'Hội viên chỉ cần 8 triệu' }, T0);
    expect(allowedActions(state, ward, phase)).toEqual(['repayment']);
    op.repayment!.apply(state, ward, { amount: 8_000_000, date: '2027-02-20' }, T0);
    expect(state.status).toBe('completed');
  });

  it('flags the loan once at the end of its due day if money is still owed', () => {
    const state = approved();
    op.disbursement!.apply(state, ward, { amount: 10_000_000, date: '2027-01-31' }, T0);
    const endOfDue = Date.parse('2027-02-28T23:59:59.999+07:00');
    expect(nextAlarm(state, phase)).toBe(endOfDue);
    expect(applyAlarm(state, endOfDue - 1, phase)).toEqual([]);
    const events = applyAlarm(state, endOfDue, phase);
    expect(events).toEqual([expect.objectContaining({ action: 'repayment_overdue', data: { dueDate: '2027-02-28', outstanding: 10_000_000 } })]);
    expect(phase.notifications(state, events[0]).map((n) => n.to)).toEqual([{ units: ['u-ward'] }, { user: 'p-branch' }]);
    expect(nextAlarm(state, phase)).toBeNull();
    expect(phase.deadline(state)).toEqual({ dueAt: new Date(endOfDue).toISOString(), overdue: true });
  });
});
