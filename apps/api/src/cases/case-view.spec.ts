import {
  Actor,
  applyCancel,
  applyDecision,
  CaseState,
  openCase,
  PathUnit,
  resolveChain,
  settingsInForce,
} from '@lienthong/domain';
import { housingSupportDefinition, PROCESSES } from '@lienthong/processes';

const phase = PROCESSES.phaseOf('housing-support');
import { chainView, executionView, toLedgerEntry, toSummary } from './case-view';

const path: PathUnit[] = [
  { id: 'u-branch', name: 'Chi hội 1', levelCode: 'branch', levelName: 'Chi hội' },
  { id: 'u-ward', name: 'Hội CCB phường Ngọc Thụy', levelCode: 'ward', levelName: 'Phường' },
  { id: 'u-district', name: 'Hội CCB quận Long Biên', levelCode: 'district', levelName: 'Quận' },
];
const initiator: Actor = { userId: 'p-branch', displayName: 'Nguyễn Văn Thành', unitIds: ['u-branch'] };
const ward: Actor = { userId: 'p-ward', displayName: 'Trần Văn Đức', unitIds: ['u-ward'] };
const district: Actor = { userId: 'p-district', displayName: 'Nguyễn Huy Hoàng', unitIds: ['u-district'] };
const t0 = Date.parse('2025-03-03T02:00:00Z');

function newCase(): CaseState {
  const resolved = resolveChain(housingSupportDefinition, path);
  if ('code' in resolved) throw new Error(resolved.code);
  return openCase(
    {
      caseId: 'c-1',
      processType: 'housing-support',
      definitionVersion: 1,
      organizationId: 'o-1',
      originUnitId: 'u-branch',
      title: 'Hỗ trợ sửa nhà',
      payload: { requestedAmount: 50_000_000 },
      initiator,
      chain: resolved.chain,
      plan: resolved.plan,
      resubmitTo: 'returning-step',
    },
    t0,
  ).state;
}

describe('chainView', () => {
  it('shows the first step pending with its deadline and the rest upcoming', () => {
    const chain = chainView(newCase());
    expect(chain.map((s) => [s.id, s.state])).toEqual([
      ['ward-verification', 'pending'],
      ['district-approval', 'upcoming'],
    ]);
    expect(chain[0]).toMatchObject({ unitName: 'Hội CCB phường Ngọc Thụy', enteredAt: new Date(t0).toISOString(), overdue: false });
    expect(chain[0].dueAt).toBe('2025-03-10T16:59:59.999Z'); // end of the 7th day, Hanoi time
    expect(chain[1]).toMatchObject({ dueAt: null, decidedBy: [] });
  });

  it('tells what the decisions at each step must carry: the district approves a sum and a fund, both steps want a reason to return or reject', () => {
    const chain = chainView(newCase());
    expect(chain[0]).toMatchObject({ commentRequiredFor: ['return', 'reject'], approveData: [] });
    expect(chain[1].commentRequiredFor).toEqual(['return', 'reject']);
    expect(chain[1].approveData).toEqual([
      { name: 'approvedAmount', type: 'vnd', maxFromPayload: 'requestedAmount' },
      { name: 'fundingSource', type: 'text', maxLength: 200 },
    ]);
  });

  it('shows the cap in force for the case (its date, its kind of works) next to the amount, and who decides', () => {
    const state = newCase();
    state.payload = { kind: 'repair', requestedAmount: 30_000_000 };
    state.settings = settingsInForce(housingSupportDefinition.settings, '2026-12-02');
    // The chain as version 2 resolves it today: the approved amount capped by the support per house.
    const resolved = resolveChain(housingSupportDefinition, path);
    if ('code' in resolved) throw new Error(resolved.code);
    state.chain = resolved.chain;
    const chain = chainView(state);
    expect(chain[1].approveData[0]).toEqual({
      name: 'approvedAmount',
      type: 'vnd',
      maxFromPayload: 'requestedAmount',
      cap: { amount: 30_000_000, since: '2024-11-10', setting: 'supportCap' },
    });
    state.payload = { kind: 'new-build', requestedAmount: 60_000_000 };
    expect(chainView(state)[1].approveData[0].cap).toEqual({ amount: 60_000_000, since: '2024-11-10', setting: 'supportCap' });
    // Neither step is reserved to a role or a council: the fields are left out.
    expect(chain.map((s) => ['deciderRoles' in s, 'council' in s])).toEqual([
      [false, false],
      [false, false],
    ]);
    state.chain[1] = { ...state.chain[1], deciderRoles: ['chair'] };
    state.chain[0] = { ...state.chain[0], council: [{ userId: 'p-1', displayName: 'Ủy viên Một' }] };
    expect(chainView(state).map((s) => [s.deciderRoles, s.council])).toEqual([
      [undefined, [{ id: 'p-1', displayName: 'Ủy viên Một' }]],
      [['chair'], undefined],
    ]);
  });

  it('shows who passed a step and with what, and the execution phase after the last', () => {
    const state = newCase();
    applyDecision(state, ward, { action: 'approve' }, t0 + 1000, phase);
    const data = { approvedAmount: 40_000_000, fundingSource: 'Quỹ Nghĩa tình đồng đội quận' };
    applyDecision(state, district, { action: 'approve', data }, t0 + 2000, phase);
    const chain = chainView(state);
    expect(chain.map((s) => s.state)).toEqual(['approved', 'approved']);
    expect(chain[0].decidedBy).toEqual([{ id: 'p-ward', displayName: 'Trần Văn Đức' }]);
    expect(chain[1]).toMatchObject({ data, decidedAt: new Date(t0 + 2000).toISOString() });
    const execution = executionView(state)!;
    expect(execution).toMatchObject({ disbursed: 0, cap: 40_000_000, remaining: 40_000_000 });
    expect(execution.milestones.map((m) => m.kind)).toEqual(['construction-started', 'construction-completed', 'handed-over']);
  });

  it('marks where a case was returned, rejected or cancelled, and the steps it never reached', () => {
    const returned = newCase();
    applyDecision(returned, ward, { action: 'approve' }, t0 + 1000, phase);
    applyDecision(returned, district, { action: 'return', comment: 'Bổ sung dự toán' }, t0 + 2000, phase);
    expect(chainView(returned).map((s) => s.state)).toEqual(['approved', 'returned']);

    const rejected = newCase();
    applyDecision(rejected, ward, { action: 'reject', comment: 'Không đúng đối tượng' }, t0 + 1000, phase);
    expect(chainView(rejected).map((s) => s.state)).toEqual(['rejected', 'not_reached']);

    const cancelled = newCase();
    applyCancel(cancelled, initiator, null, t0 + 1000);
    expect(chainView(cancelled).map((s) => s.state)).toEqual(['cancelled', 'not_reached']);
    expect(executionView(cancelled)).toBeNull();
  });
});

describe('row mapping', () => {
  const row = {
    id: 'c-1',
    process_type: 'housing-support',
    title: 'Hỗ trợ sửa nhà',
    status: 'pending' as const,
    origin_unit_id: 'u-branch',
    origin_unit_name: 'Chi hội 1',
    current_step: 'ward-verification',
    current_level: 'ward',
    deciding_unit_id: 'u-ward',
    deciding_unit_name: 'Hội CCB phường Ngọc Thụy',
    due_at: new Date('2025-03-10T16:59:59.999Z'),
    overdue: false,
    escalated: false,
    requested_amount: '50000000',
    approved_amount: null,
    disbursed_amount: '0',
    funding_source: null,
    created_by: 'p-branch',
    created_by_name: 'Nguyễn Văn Thành',
    created_at: new Date(t0),
    updated_at: new Date(t0),
    closed_at: null,
  };

  it('turns bigint strings into integers and timestamps into ISO strings', () => {
    expect(toSummary(row)).toMatchObject({
      requestedAmount: 50_000_000,
      approvedAmount: null,
      disbursedAmount: 0,
      dueAt: '2025-03-10T16:59:59.999Z',
      currentStep: { id: 'ward-verification', levelCode: 'ward', unitId: 'u-ward', unitName: 'Hội CCB phường Ngọc Thụy' },
      createdBy: { id: 'p-branch', displayName: 'Nguyễn Văn Thành' },
    });
    const ledger = {
      seq: 5,
      kind: 'disbursement',
      amount: '20000000',
      entry_date: '2025-03-20',
      note: null,
      recorded_by: null,
      recorded_by_name: null,
      recorded_at: new Date(t0),
    };
    expect(toLedgerEntry(ledger)).toMatchObject({ amount: 20_000_000, date: '2025-03-20', recordedBy: null });
  });

  it('shows no current step unless the case waits for a decision', () => {
    expect(toSummary({ ...row, status: 'returned' }).currentStep).toBeNull();
  });
});
