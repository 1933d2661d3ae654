import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import '../i18n';
import type { Schemas } from '../api/client';
import { ContributionForm } from './ContributionForm';

/** 10:00 on 10 Dec 2026 in Hà Nội. */
const NOW = Date.parse('2026-12-10T10:00:00+07:00');
const CAMPAIGN = { id: 'c1', startDate: '2026-12-01', endDate: '2026-12-31' };

function saved(body: Schemas['RecordContributionDto'], receiptNo: number): Schemas['ContributionDto'] {
  return {
    id: `entry-${receiptNo}`,
    campaignId: 'c1',
    unitId: body.unitId,
    receiptNo,
    donor: { kind: body.donor.kind, name: body.donor.name ?? null, memberId: null, publicName: body.donor.publicName ?? false },
    amount: body.amount,
    date: body.date,
    method: body.method,
    note: body.note ?? null,
    reverses: null,
    reversedBy: null,
    recordedBy: { userId: 'u', displayName: 'Cán bộ chi hội' },
    createdAt: new Date(NOW).toISOString(),
  };
}

function renderForm() {
  let receiptNo = 0;
  const onSubmit = vi.fn(async (body: Schemas['RecordContributionDto']) => saved(body, ++receiptNo));
  render(
    <App>
      <ContributionForm campaign={CAMPAIGN} units={[{ id: 'ch1', name: 'Chi hội 1' }]} onSubmit={onSubmit} now={() => NOW} />
    </App>,
  );
  return onSubmit;
}

describe('ContributionForm', () => {
  it('takes entries by keyboard only: amount, Tab to the name, Enter saves, the cursor back in the amount', async () => {
    const onSubmit = renderForm();
    const amount = screen.getByLabelText('Số tiền');
    expect(amount).toHaveFocus();
    await userEvent.keyboard('500000');
    expect(amount).toHaveValue('500.000');
    await userEvent.tab(); // the donor kind (Hội viên, chosen)
    expect(screen.getByRole('radio', { name: 'Hội viên' })).toHaveFocus();
    await userEvent.tab();
    expect(screen.getByLabelText('Họ tên / tên tổ chức')).toHaveFocus();
    await userEvent.keyboard('Nguyễn Văn Hùng{Enter}');

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({
      unitId: 'ch1',
      amount: 500_000,
      donor: { kind: 'member', name: 'Nguyễn Văn Hùng' },
      date: '2026-12-10', // today in Vietnam
      method: 'cash',
    });
    expect(await screen.findByText(/Đã lưu biên nhận số 1: 500\.000\s₫\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /In biên nhận/ })).toHaveAttribute('href', '/api/campaigns/c1/contributions/entry-1/receipt.pdf');
    // Ready for the next gift: amount and name cleared, the cursor in the amount.
    await waitFor(() => expect(amount).toHaveFocus());
    expect(amount).toHaveValue('');
    expect(screen.getByLabelText('Họ tên / tên tổ chức')).toHaveValue('');

    await userEvent.keyboard('2000000');
    await userEvent.tab();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}'); // Ẩn danh
    expect(screen.getByLabelText('Họ tên / tên tổ chức')).toBeDisabled();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    expect(onSubmit.mock.calls[1][0]).toMatchObject({ amount: 2_000_000, donor: { kind: 'anonymous' } });
    expect(await screen.findByText(/Đã lưu biên nhận số 2: 2\.000\.000\s₫\./)).toBeInTheDocument();
  });

  it("sends the donor's consent to be named publicly only when ticked, and never for an anonymous gift", async () => {
    const onSubmit = renderForm();
    await userEvent.keyboard('300000');
    await userEvent.type(screen.getByLabelText('Họ tên / tên tổ chức'), 'Trần Thị Hường');
    await userEvent.click(screen.getByLabelText('Người đóng góp đồng ý công khai tên'));
    await userEvent.click(screen.getByRole('button', { name: 'Lưu (Enter)' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0].donor).toEqual({ kind: 'member', name: 'Trần Thị Hường', publicName: true });

    await userEvent.click(screen.getByText('Ẩn danh'));
    expect(screen.getByLabelText('Người đóng góp đồng ý công khai tên')).toBeDisabled();
    expect(screen.getByLabelText('Người đóng góp đồng ý công khai tên')).not.toBeChecked();
  });

  it('asks for the amount and the name, and sends nothing without them', async () => {
    const onSubmit = renderForm();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('Vui lòng nhập số tiền.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập tên người hoặc tổ chức đóng góp.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("refuses a date in the future in the API's own words", async () => {
    const onSubmit = renderForm();
    await userEvent.keyboard('100000');
    await userEvent.type(screen.getByLabelText('Họ tên / tên tổ chức'), 'Công ty TNHH Ngọc Thụy');
    expect(screen.getByLabelText('Ngày nhận')).toHaveValue('10/12/2026'); // today in Vietnam
    await userEvent.clear(screen.getByLabelText('Ngày nhận'));
    await userEvent.type(screen.getByLabelText('Ngày nhận'), '11/12/2026{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu (Enter)' }));
    expect(await screen.findByText('Ngày đóng góp không được sau hôm nay (10/12/2026).')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
