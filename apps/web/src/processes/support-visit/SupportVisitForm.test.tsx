import type { SupportVisitPayload } from '@lienthong/processes';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import '../../i18n';
import type { CaseDraft, ProcessFormProps } from '../types';
import { SupportVisitForm } from './SupportVisitForm';

const MEMBER = { id: '6f3c0a52-0000-4000-8000-000000000002', fullName: 'Trần Đình Thắng', birthYear: 1949, address: 'Tổ dân phố 1', phone: null };

vi.mock('../../api/queries', () => ({
  useMembers: () => ({ isPending: false, data: { items: [MEMBER] } }),
}));

function renderForm(over: Partial<ProcessFormProps<SupportVisitPayload>> = {}) {
  const onSubmit = vi.fn(async (_: CaseDraft<unknown>) => undefined);
  render(
    <App>
      <SupportVisitForm units={[{ id: 'b1', name: 'Chi hội 1' }]} onSubmit={onSubmit} {...over} />
    </App>,
  );
  return onSubmit;
}

async function confirmSend() {
  await userEvent.click(screen.getByRole('button', { name: /Gửi/ }));
  const dialog = await screen.findByRole('dialog');
  return dialog;
}

describe('SupportVisitForm', () => {
  it('names every missing field in Vietnamese and sends nothing', async () => {
    const onSubmit = renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Gửi hồ sơ' }));
    expect(await screen.findByText('Vui lòng chọn hình thức.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập họ và tên người được thăm hỏi.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập số tiền, giá trị quà.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập tiêu đề hồ sơ.')).toBeInTheDocument();
    // The day defaults to today; the note is optional.
    expect(screen.getByLabelText('Ghi chú (không bắt buộc)')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('offers the four kinds by their Vietnamese names', async () => {
    renderForm();
    await userEvent.click(screen.getByLabelText('Hình thức'));
    for (const kind of ['Thăm hộ khó khăn', 'Thăm ốm', 'Tặng quà dịp lễ/Tết', 'Phúng viếng']) {
      expect(await screen.findByTitle(kind)).toBeInTheDocument();
    }
  });

  it('records a condolence for a member picked from the unit, with the amount, and sends the payload', async () => {
    const onSubmit = renderForm();
    await userEvent.click(screen.getByLabelText('Hình thức'));
    await userEvent.click(await screen.findByTitle('Phúng viếng'));
    await userEvent.click(screen.getByLabelText('Chọn hội viên'));
    await userEvent.click(await screen.findByText('Trần Đình Thắng (1949)'));
    expect(screen.getByLabelText('Họ và tên người được thăm hỏi')).toHaveValue('Trần Đình Thắng');
    expect(screen.getByLabelText('Tiêu đề hồ sơ')).toHaveValue('Phúng viếng: Trần Đình Thắng');
    await userEvent.type(screen.getByLabelText('Số tiền, giá trị quà'), '2000000');
    await userEvent.type(screen.getByLabelText('Ghi chú (không bắt buộc)'), 'Viếng tại nhà riêng');

    const dialog = await confirmSend();
    expect(within(dialog).getByText(/Phúng viếng: Trần Đình Thắng” \(2\.000\.000\s₫\)/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận gửi' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({
      unitId: 'b1',
      title: 'Phúng viếng: Trần Đình Thắng',
      payload: {
        kind: 'condolence',
        recipient: { name: 'Trần Đình Thắng', memberId: MEMBER.id },
        date: dayjs().format('YYYY-MM-DD'),
        amount: 2_000_000,
        note: 'Viếng tại nhà riêng',
      },
    });
  });

  it('takes a visit without money (0 đồng) for someone typed in', async () => {
    const onSubmit = renderForm();
    await userEvent.click(screen.getByLabelText('Hình thức'));
    await userEvent.click(await screen.findByTitle('Thăm ốm'));
    await userEvent.type(screen.getByLabelText('Họ và tên người được thăm hỏi'), 'Bà Nguyễn Thị Mai');
    await userEvent.type(screen.getByLabelText('Số tiền, giá trị quà'), '0');
    const dialog = await confirmSend();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận gửi' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      title: 'Thăm ốm: Bà Nguyễn Thị Mai',
      payload: { kind: 'sick-visit', recipient: { name: 'Bà Nguyễn Thị Mai' }, amount: 0 },
    });
  });

  it("refuses a visit dated in the future with the API's own rule, when revising a returned case", async () => {
    const onSubmit = renderForm({
      resubmit: true,
      initial: {
        unitId: 'b1',
        title: 'Thăm ốm: Trần Đình Thắng',
        payload: { kind: 'sick-visit', recipient: { name: 'Trần Đình Thắng' }, date: '2099-01-01', amount: 500_000 },
      },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Bổ sung và gửi lại' }));
    expect(await screen.findByText('Ngày thăm hỏi (01/01/2099) không được ở tương lai.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
