import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
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
    payload: { requestedAmount: 50_000_000, estimatedCost: 120_000_000 },
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
