import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import '../../i18n';
import type { CaseDraft } from '../types';
import { HousingForm } from './HousingForm';

const MEMBER = { id: '6f3c0a52-0000-4000-8000-000000000001', fullName: 'Nguyễn Văn Hùng', birthYear: 1952, address: 'Tổ dân phố 1', phone: null };

// The member picker reads the branch's members through the API; here they are given.
vi.mock('../../api/queries', () => ({
  useMembers: () => ({ isPending: false, data: { items: [MEMBER] } }),
}));

const BRANCH = { id: 'b1', name: 'Chi hội 1' };

function renderForm(onSubmit = vi.fn(async (_: CaseDraft<unknown>) => undefined)) {
  render(
    <App>
      <HousingForm units={[BRANCH]} onSubmit={onSubmit} />
    </App>,
  );
  return onSubmit;
}

describe('HousingForm', () => {
  it('names every missing field in Vietnamese, from the API schema, and sends nothing', async () => {
    const onSubmit = renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Gửi hồ sơ' }));
    expect(await screen.findByText('Vui lòng nhập họ và tên người được hỗ trợ.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập địa chỉ.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập hoàn cảnh gia đình, hiện trạng nhà ở.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập dự toán kinh phí.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập số tiền đề nghị hỗ trợ.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập tiêu đề hồ sơ.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("marks required fields and takes the inputs' limits from the schema", () => {
    renderForm();
    expect(screen.getByLabelText('Họ và tên người được hỗ trợ')).toHaveAttribute('maxlength', '200');
    expect(screen.getByLabelText('Địa chỉ')).toHaveAttribute('maxlength', '500');
    expect(screen.getByLabelText('Hoàn cảnh gia đình, hiện trạng nhà ở')).toHaveAttribute('maxlength', '5000');
    // Optional in the schema: said in the label.
    expect(screen.getByLabelText('Số điện thoại (không bắt buộc)')).toBeInTheDocument();
  });

  it("refuses a requested amount above the estimate with the API's own rule, and a malformed phone number", async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText('Dự toán kinh phí'), '50000000');
    await userEvent.type(screen.getByLabelText('Số tiền đề nghị hỗ trợ'), '60000000');
    await userEvent.type(screen.getByLabelText(/Số điện thoại/), 'gọi tôi');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi hồ sơ' }));
    expect(await screen.findByText('Số tiền đề nghị hỗ trợ không được lớn hơn dự toán (50.000.000 đồng).')).toBeInTheDocument();
    expect(screen.getByText(/Số điện thoại chỉ gồm chữ số/)).toBeInTheDocument();
  });

  it('fills the beneficiary from the picked member, suggests a title, asks to confirm, then sends the payload', async () => {
    const onSubmit = renderForm();
    await userEvent.click(screen.getByLabelText('Chọn hội viên của chi hội'));
    await userEvent.click(await screen.findByText('Nguyễn Văn Hùng (1952)'));
    expect(screen.getByLabelText('Họ và tên người được hỗ trợ')).toHaveValue('Nguyễn Văn Hùng');
    expect(screen.getByLabelText('Địa chỉ')).toHaveValue('Tổ dân phố 1');
    expect(screen.getByLabelText('Tiêu đề hồ sơ')).toHaveValue('Xây mới nhà cho hội viên Nguyễn Văn Hùng');

    await userEvent.type(screen.getByLabelText('Hoàn cảnh gia đình, hiện trạng nhà ở'), '  Nhà dột nát ');
    await userEvent.type(screen.getByLabelText('Dự toán kinh phí'), '120000000');
    await userEvent.type(screen.getByLabelText('Số tiền đề nghị hỗ trợ'), '60000000');
    await userEvent.click(screen.getByRole('button', { name: 'Thêm nguồn kinh phí' }));
    await userEvent.type(screen.getByLabelText('Nguồn 1'), 'Gia đình đóng góp');
    await userEvent.type(screen.getByLabelText('Số tiền 1'), '40000000');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi hồ sơ' }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/đề nghị hỗ trợ 60\.000\.000\s₫/)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận gửi' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    // As the API's schema parses it: texts trimmed, the empty phone left out.
    expect(onSubmit.mock.calls[0][0]).toEqual({
      unitId: 'b1',
      title: 'Xây mới nhà cho hội viên Nguyễn Văn Hùng',
      payload: {
        beneficiary: { name: 'Nguyễn Văn Hùng', address: 'Tổ dân phố 1', memberId: MEMBER.id },
        situation: 'Nhà dột nát',
        kind: 'new-build',
        estimatedCost: 120_000_000,
        requestedAmount: 60_000_000,
        otherFunding: [{ source: 'Gia đình đóng góp', amount: 40_000_000 }],
      },
    });
  });

  it('names a funding row left half-filled', async () => {
    renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Thêm nguồn kinh phí' }));
    await userEvent.type(screen.getByLabelText('Nguồn 1'), 'Doanh nghiệp');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi hồ sơ' }));
    expect(await screen.findByText('Vui lòng nhập số tiền 1.')).toBeInTheDocument();
  });
});
