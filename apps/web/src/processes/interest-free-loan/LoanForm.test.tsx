import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import '../../i18n';
import type { CaseDraft } from '../types';
import { LoanForm } from './LoanForm';

const MEMBER = { id: '6f3c0a52-0000-4000-8000-000000000003', fullName: 'Lê Thị Hoa', birthYear: 1956, address: 'Tổ dân phố 2', phone: null };

vi.mock('../../api/queries', () => ({
  useMembers: () => ({ isPending: false, data: { items: [MEMBER] } }),
}));

function renderForm() {
  const onSubmit = vi.fn(async (_: CaseDraft<unknown>) => undefined);
  render(
    <App>
      <LoanForm units={[{ id: 'b1', name: 'Chi hội 1' }]} onSubmit={onSubmit} />
    </App>,
  );
  return onSubmit;
}

describe('LoanForm', () => {
  it('names every missing field in Vietnamese, the borrower first, and sends nothing', async () => {
    const onSubmit = renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Gửi hồ sơ' }));
    expect(await screen.findByText('Vui lòng chọn người vay (hội viên của chi hội).')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập số tiền đề nghị vay.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập thời hạn vay (tháng).')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập mục đích sử dụng vốn.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập tiêu đề hồ sơ.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("says the term's bounds from the schema", async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText('Thời hạn vay (tháng)'), '61');
    expect(await screen.findByText('Thời hạn vay (tháng) không được lớn hơn 60.')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Thời hạn vay (tháng)'));
    await userEvent.type(screen.getByLabelText('Thời hạn vay (tháng)'), '0');
    expect(await screen.findByText('Thời hạn vay (tháng) không được nhỏ hơn 1.')).toBeInTheDocument();
  });

  it('takes the borrower from the branch, suggests a title, confirms, then sends the payload', async () => {
    const onSubmit = renderForm();
    await userEvent.click(screen.getByLabelText('Người vay (hội viên của chi hội)'));
    await userEvent.click(await screen.findByText('Lê Thị Hoa (1956)'));
    expect(screen.getByLabelText('Tiêu đề hồ sơ')).toHaveValue('Cho hội viên Lê Thị Hoa vay vốn không lãi');
    await userEvent.type(screen.getByLabelText('Số tiền đề nghị vay'), '20000000');
    await userEvent.type(screen.getByLabelText('Thời hạn vay (tháng)'), '24');
    await userEvent.type(screen.getByLabelText('Mục đích sử dụng vốn'), 'Mua bò giống để chăn nuôi');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi hồ sơ' }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/đề nghị vay 20\.000\.000\s₫ trong 24 tháng/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận gửi' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({
      unitId: 'b1',
      title: 'Cho hội viên Lê Thị Hoa vay vốn không lãi',
      payload: { borrower: { name: 'Lê Thị Hoa', memberId: MEMBER.id }, amount: 20_000_000, termMonths: 24, purpose: 'Mua bò giống để chăn nuôi' },
    });
  });
});
