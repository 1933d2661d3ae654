import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import dayjs from 'dayjs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../api/client';
import '../../i18n';
import { CaseActions } from './CaseActions';

type Detail = Schemas['CaseDetailDto'];
type ChainStep = Schemas['ChainStepDto'];

// Decisions go to the API through useCaseCommand; here they are recorded.
const mutateAsync = vi.fn(async (_: unknown) => undefined);
vi.mock('../../api/queries', () => ({
  useCaseCommand: () => ({ mutateAsync, isPending: false }),
}));

const DISTRICT_DATA: ChainStep['approveData'] = [
  { name: 'approvedAmount', type: 'vnd', maxFromPayload: 'requestedAmount' },
  { name: 'fundingSource', type: 'text', maxLength: 200 },
];

function step(id: string, state: ChainStep['state'], over: Partial<ChainStep> = {}): ChainStep {
  return {
    id,
    levelCode: id.split('-')[0],
    levelName: id,
    unitId: `u-${id}`,
    unitName: `Hội CCB ${id}`,
    state,
    actions: ['approve', 'return', 'reject'],
    commentRequiredFor: ['return', 'reject'],
    approveData: [],
    votesRequired: { approve: 1, reject: 1 }, // typed Record<string, never> by the OpenAPI document; unused by the form
    enteredAt: null,
    dueAt: null,
    escalateAt: null,
    overdue: false,
    escalated: false,
    workingDaysLeft: null,
    votes: [],
    decidedAt: null,
    decidedBy: [],
    data: null,
    ...over,
  };
}

/** A housing case waiting at `chain[at]`, for an officer who may decide it. */
function caseAt(chain: ChainStep[], at: number): Detail {
  const current = chain[at];
  return {
    id: 'c-1',
    processType: 'housing-support',
    title: 'Hỗ trợ sửa nhà cho hội viên Nguyễn Văn Hùng',
    status: 'pending',
    originUnit: { id: 'u-branch', name: 'Chi hội 1' },
    currentStep: { id: current.id, levelCode: current.levelCode, unitId: current.unitId, unitName: current.unitName },
    dueAt: null,
    overdue: false,
    escalated: false,
    requestedAmount: 50_000_000,
    approvedAmount: null,
    disbursedAmount: 0,
    fundingSource: null,
    createdBy: { id: 'p-branch', displayName: 'Nguyễn Văn Thành' },
    createdAt: '2025-03-03T02:00:00.000Z',
    updatedAt: '2025-03-03T02:00:00.000Z',
    closedAt: null,
    payload: {
      beneficiary: { name: 'Nguyễn Văn Hùng', address: 'Tổ dân phố 1' },
      situation: 'Nhà dột nát',
      kind: 'repair',
      requestedAmount: 50_000_000,
      estimatedCost: 120_000_000,
      otherFunding: [],
    },
    chain,
    execution: null,
    timeline: [],
    ledger: [],
    allowedActions: ['approve', 'return', 'reject'],
  };
}

const atWard = () => caseAt([step('ward-verification', 'pending'), step('district-approval', 'upcoming', { approveData: DISTRICT_DATA })], 0);
const atDistrict = () =>
  caseAt([step('ward-verification', 'approved'), step('district-approval', 'pending', { approveData: DISTRICT_DATA })], 1);

async function openDialog(c: Detail, action: string) {
  render(
    <App>
      <CaseActions c={c} />
    </App>,
  );
  await userEvent.click(screen.getByRole('button', { name: action }));
  return screen.findByRole('dialog');
}

describe('CaseActions', () => {
  beforeEach(() => mutateAsync.mockClear());

  it("asks the district for the step's approve data: an amount capped by the requested amount, and a fund", async () => {
    const dialog = await openDialog(atDistrict(), 'Phê duyệt');
    const amount = within(dialog).getByLabelText('Số tiền được duyệt');
    expect(amount).toHaveValue('50.000.000'); // starts at its cap, the amount requested
    expect(within(dialog).getByText(/Tối đa bằng số tiền đề nghị: 50\.000\.000\s₫\./)).toBeInTheDocument();
    const fund = within(dialog).getByLabelText('Nguồn kinh phí');
    expect(fund).toHaveAttribute('maxlength', '200');
    expect(fund).toHaveAttribute('placeholder', 'Ví dụ: Quỹ Nghĩa tình đồng đội quận');
    expect(within(dialog).getByLabelText('Ý kiến (không bắt buộc)')).toBeInTheDocument();

    await userEvent.clear(amount);
    await userEvent.type(amount, '60000000');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận phê duyệt' }));
    expect(await within(dialog).findByText(/Số tiền duyệt không được vượt quá số tiền đề nghị \(50\.000\.000\s₫\)\./)).toBeInTheDocument();
    expect(within(dialog).getByText('Vui lòng nhập nguồn kinh phí.')).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();

    await userEvent.clear(amount);
    await userEvent.type(amount, '40000000');
    await userEvent.type(fund, '  Quỹ Nghĩa tình đồng đội quận ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận phê duyệt' }));
    await waitFor(() => expect(mutateAsync).toHaveBeenCalledTimes(1));
    expect(mutateAsync.mock.calls[0][0]).toEqual({
      kind: 'decide',
      body: {
        action: 'approve',
        comment: undefined,
        expectedStep: 'district-approval',
        data: { approvedAmount: 40_000_000, fundingSource: 'Quỹ Nghĩa tình đồng đội quận' },
      },
    });
  });

  it('asks nothing more of a step without approve data, whatever its id', async () => {
    const dialog = await openDialog(atWard(), 'Phê duyệt');
    expect(within(dialog).queryByLabelText('Số tiền được duyệt')).not.toBeInTheDocument();
    expect(within(dialog).queryByLabelText('Nguồn kinh phí')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận phê duyệt' }));
    await waitFor(() => expect(mutateAsync).toHaveBeenCalledTimes(1));
    expect(mutateAsync.mock.calls[0][0]).toEqual({
      kind: 'decide',
      body: { action: 'approve', comment: undefined, expectedStep: 'ward-verification' },
    });
  });

  it('follows the API, not the step id: a city deciding where the district level was abolished asks for the same data', async () => {
    const city = caseAt([step('ward-verification', 'approved'), step('city-approval', 'pending', { approveData: DISTRICT_DATA })], 1);
    const dialog = await openDialog(city, 'Phê duyệt');
    expect(within(dialog).getByLabelText('Số tiền được duyệt')).toHaveValue('50.000.000');
    expect(within(dialog).getByLabelText('Nguồn kinh phí')).toBeInTheDocument();
  });

  it('wants a reason for the decisions the step lists in commentRequiredFor', async () => {
    const dialog = await openDialog(atWard(), 'Trả lại để bổ sung');
    expect(within(dialog).queryByLabelText('Số tiền được duyệt')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận trả lại' }));
    expect(await within(dialog).findByText('Vui lòng ghi lý do.')).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();

    // A reason blank to the eye (zero-width characters, no-break spaces) is no reason, as for the API.
    await userEvent.type(within(dialog).getByLabelText('Ý kiến'), '\u200B\u00A0\u2060');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận trả lại' }));
    expect(await within(dialog).findByText('Vui lòng ghi lý do.')).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();
    await userEvent.clear(within(dialog).getByLabelText('Ý kiến'));

    await userEvent.type(within(dialog).getByLabelText('Ý kiến'), 'Bổ sung dự toán');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận trả lại' }));
    await waitFor(() => expect(mutateAsync).toHaveBeenCalledTimes(1));
    expect(mutateAsync.mock.calls[0][0]).toMatchObject({
      body: { action: 'return', comment: 'Bổ sung dự toán', expectedStep: 'ward-verification' },
    });
  });

  it('lets a step that does not list the decision take it without a reason', async () => {
    const lenient = caseAt([step('ward-verification', 'pending', { commentRequiredFor: ['reject'] })], 0);
    const dialog = await openDialog(lenient, 'Trả lại để bổ sung');
    expect(within(dialog).getByLabelText('Ý kiến (không bắt buộc)')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận trả lại' }));
    await waitFor(() => expect(mutateAsync).toHaveBeenCalledTimes(1));
    expect(mutateAsync.mock.calls[0][0]).toMatchObject({ body: { action: 'return', comment: undefined } });
  });
});

const TODAY = () => dayjs().format('YYYY-MM-DD');

function execution(over: Partial<NonNullable<Detail['execution']>> = {}): NonNullable<Detail['execution']> {
  return {
    approvedAt: '2020-01-02T03:00:00.000Z',
    milestones: [],
    disbursed: 0,
    cap: null,
    remaining: null,
    repaid: 0,
    outstanding: 0,
    repaymentDueDate: null,
    settlement: null,
    ...over,
  };
}

/** A case after its last approval, with what the API lets this user do now. */
function inExecution(processType: Detail['processType'], ex: NonNullable<Detail['execution']>, allowedActions: Detail['allowedActions'], payload?: Detail['payload']): Detail {
  const base = caseAt([step('ward-verification', 'approved')], 0);
  return { ...base, processType, status: 'in_progress', currentStep: null, execution: ex, allowedActions, ...(payload ? { payload } : {}) };
}

const MILESTONES = [
  { kind: 'construction-started', targetDate: '2020-02-01', date: '2020-01-20', note: null, recordedBy: null, overdue: false },
  { kind: 'construction-completed', targetDate: '2020-05-01', date: '2020-04-20', note: null, recordedBy: null, overdue: false },
  { kind: 'handed-over', targetDate: '2020-06-01', date: null, note: null, recordedBy: null, overdue: false },
];

const LOAN = { borrower: { name: 'Lê Thị Hoa', memberId: '6f3c0a52-0000-4000-8000-000000000003' }, amount: 20_000_000, termMonths: 12, purpose: 'Chăn nuôi' };

describe('CaseActions after approval (generic dialogs, worded by the process)', () => {
  beforeEach(() => mutateAsync.mockClear());

  it("lets the ward confirm the housing handover, the next milestone, by the process's name for it", async () => {
    const c = inExecution('housing-support', execution({ milestones: MILESTONES, cap: 60_000_000, disbursed: 60_000_000, remaining: 0 }), ['milestone']);
    const dialog = await openDialog(c, 'Cập nhật mốc: Bàn giao nhà');
    expect(within(dialog).getByText(/Ghi nhận mốc “Bàn giao nhà”/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận cập nhật mốc' }));
    await waitFor(() => expect(mutateAsync).toHaveBeenCalledTimes(1));
    expect(mutateAsync.mock.calls[0][0]).toEqual({ kind: 'milestone', body: { kind: 'handed-over', date: TODAY(), note: undefined } });
  });

  it('lets the district settle a housing case below the approved amount, with a reason', async () => {
    const c = inExecution('housing-support', execution({ milestones: MILESTONES, cap: 60_000_000, disbursed: 50_000_000, remaining: 10_000_000 }), ['disbursement', 'settlement']);
    const dialog = await openDialog(c, 'Quyết toán');
    expect(within(dialog).getByText(/Phần chưa cấp \(10\.000\.000\s₫\) sẽ không cấp nữa/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận quyết toán' }));
    expect(await within(dialog).findByText('Vui lòng ghi lý do.')).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByLabelText('Lý do quyết toán'), ' Chi phí thực tế thấp hơn dự toán ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận quyết toán' }));
    await waitFor(() => expect(mutateAsync).toHaveBeenCalledTimes(1));
    expect(mutateAsync.mock.calls[0][0]).toEqual({ kind: 'settlement', body: { date: TODAY(), reason: 'Chi phí thực tế thấp hơn dự toán' } });
  });

  it("records a loan's repayment within what is owed, in the loan's words", async () => {
    const ex = execution({ cap: 10_000_000, disbursed: 10_000_000, remaining: 0, repaid: 6_000_000, outstanding: 4_000_000, repaymentDueDate: '2021-01-10' });
    const c = inExecution('interest-free-loan', ex, ['repayment'], LOAN);
    const dialog = await openDialog(c, 'Ghi nhận trả nợ');
    expect(within(dialog).getByText(/Người vay còn nợ 4\.000\.000\s₫\./)).toBeInTheDocument();
    const amount = within(dialog).getByLabelText('Số tiền');
    await userEvent.type(amount, '5000000');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận trả nợ' }));
    expect(await within(dialog).findByText(/Số tiền vượt quá số còn nợ \(4\.000\.000\s₫\)\./)).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();
    await userEvent.clear(amount);
    await userEvent.type(amount, '4000000');
    await userEvent.type(within(dialog).getByLabelText('Ghi chú (không bắt buộc)'), 'Trả nốt');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận trả nợ' }));
    await waitFor(() => expect(mutateAsync).toHaveBeenCalledTimes(1));
    expect(mutateAsync.mock.calls[0][0]).toEqual({ kind: 'repayment', body: { amount: 4_000_000, date: TODAY(), note: 'Trả nốt' } });
  });

  it("pays a loan out with the same ledger dialog, bounded by what is left of the approved amount", async () => {
    const c = inExecution('interest-free-loan', execution({ cap: 10_000_000, disbursed: 0, remaining: 10_000_000 }), ['disbursement', 'settlement'], LOAN);
    const dialog = await openDialog(c, 'Ghi nhận giải ngân');
    expect(within(dialog).getByText(/Còn có thể giải ngân tối đa 10\.000\.000\s₫\./)).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Số tiền'), '10000000');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận giải ngân' }));
    await waitFor(() => expect(mutateAsync).toHaveBeenCalledTimes(1));
    expect(mutateAsync.mock.calls[0][0]).toEqual({ kind: 'disbursement', body: { amount: 10_000_000, date: TODAY(), note: undefined } });
  });

  it("calls a support visit's approval a confirmation", async () => {
    const visit = { ...caseAt([step('ward-confirmation', 'pending', { actions: ['approve', 'return'], commentRequiredFor: ['return'] })], 0) };
    visit.processType = 'support-visit';
    visit.allowedActions = ['approve', 'return'];
    const dialog = await openDialog(visit, 'Xác nhận');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận lần thăm hỏi' }));
    await waitFor(() => expect(mutateAsync).toHaveBeenCalledTimes(1));
    expect(mutateAsync.mock.calls[0][0]).toMatchObject({ kind: 'decide', body: { action: 'approve', expectedStep: 'ward-confirmation' } });
  });
});

describe('CaseActions for a process this build has no module for', () => {
  it('offers no resubmission (there is no form to revise it with), and the rest as the API lists them', () => {
    const c = { ...caseAt([step('ward-verification', 'returned')], 0), processType: 'commendation' as Detail['processType'], allowedActions: ['resubmit', 'cancel'] as Detail['allowedActions'] };
    render(
      <App>
        <CaseActions c={c} />
      </App>,
    );
    expect(screen.queryByRole('button', { name: 'Bổ sung và gửi lại' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hủy hồ sơ' })).toBeInTheDocument();
  });
});
