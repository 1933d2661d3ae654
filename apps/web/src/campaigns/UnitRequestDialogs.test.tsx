import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import '../i18n';
import { ApiError } from '../api/client';
import { ExtensionDialog, RemitDialog, type RequestUnit } from './UnitRequestDialogs';

/** 10:00 on 10 Dec 2026 in Hà Nội. */
const NOW = Date.parse('2026-12-10T10:00:00+07:00');
const CAMPAIGN = { startDate: '2026-12-01', endDate: '2026-12-31' };
const CH1: RequestUnit = { id: 'ch1', name: 'Chi hội 1', holds: 3_000_000 };
const CREATED = { id: 'r1', caseId: '7f1c2d3e-0000-4000-8000-000000000001' };

function renderRemit(units: RequestUnit[] = [CH1], onSubmit = vi.fn(async () => CREATED)) {
  const onClose = vi.fn();
  render(
    <MemoryRouter>
      <App>
        <RemitDialog open campaign={CAMPAIGN} units={units} onSubmit={onSubmit} onClose={onClose} now={() => NOW} />
      </App>
    </MemoryRouter>,
  );
  return { onSubmit, onClose };
}

function renderExtension(onSubmit = vi.fn(async () => CREATED)) {
  render(
    <MemoryRouter>
      <App>
        <ExtensionDialog open campaign={CAMPAIGN} units={[CH1]} onSubmit={onSubmit} onClose={vi.fn()} now={() => NOW} />
      </App>
    </MemoryRouter>,
  );
  return onSubmit;
}

describe('RemitDialog', () => {
  it('shows what the unit holds, sends amount, today in Vietnam and the reference, then links the case', async () => {
    const { onSubmit } = renderRemit();
    expect(await screen.findByText(/Chi hội 1 đang giữ 3\.000\.000\s₫\./)).toBeInTheDocument();
    expect(screen.getByLabelText('Ngày nộp')).toHaveValue('10/12/2026');
    await userEvent.type(screen.getByLabelText('Số tiền nộp'), '1500000');
    expect(screen.getByLabelText('Số tiền nộp')).toHaveValue('1.500.000');
    await userEvent.type(screen.getByLabelText(/Số phiếu thu/), '  Phiếu thu số 12 ');
    await userEvent.click(screen.getByRole('button', { name: 'Nộp tiền' }));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ unitId: 'ch1', amount: 1_500_000, date: '2026-12-10', reference: 'Phiếu thu số 12' });
    expect(await screen.findByText('Đã ghi khoản nộp của Chi hội 1; cấp trên sẽ xác nhận khi nhận được tiền.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem hồ sơ trong hộp việc của cấp trên' })).toHaveAttribute('href', `/cases/${CREATED.caseId}`);
  });

  it('refuses more than the unit holds, a missing amount and a future date, in the API’s words, sending nothing', async () => {
    const { onSubmit } = renderRemit();
    await userEvent.click(await screen.findByRole('button', { name: 'Nộp tiền' }));
    expect(await screen.findByText('Vui lòng nhập số tiền nộp.')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Số tiền nộp'), '3000001');
    await userEvent.clear(screen.getByLabelText('Ngày nộp'));
    await userEvent.type(screen.getByLabelText('Ngày nộp'), '11/12/2026{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Nộp tiền' }));
    expect(await screen.findByText('Số tiền nộp (3.000.001 đồng) vượt quá số tiền đơn vị đang giữ (3.000.000 đồng).')).toBeInTheDocument();
    expect(screen.getByText('Ngày nộp tiền không được sau hôm nay (10/12/2026).')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('lets the user choose the unit when they act at several, and sends no empty reference', async () => {
    const { onSubmit } = renderRemit([CH1, { id: 'ch2', name: 'Chi hội 2', holds: 800_000 }]);
    await userEvent.click(await screen.findByLabelText('Đơn vị nộp'));
    await userEvent.click(await screen.findByTitle('Chi hội 2'));
    expect(await screen.findByText(/Chi hội 2 đang giữ 800\.000\s₫\./)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Số tiền nộp'), '800000');
    await userEvent.click(screen.getByRole('button', { name: 'Nộp tiền' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ unitId: 'ch2', amount: 800_000, date: '2026-12-10' });
  });

  it('shows the API’s refusal in the dialog and keeps the form', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(409, 'campaign.cancelled', 'Cuộc vận động đã bị hủy.');
    });
    renderRemit([CH1], onSubmit);
    await userEvent.type(await screen.findByLabelText('Số tiền nộp'), '100000');
    await userEvent.click(screen.getByRole('button', { name: 'Nộp tiền' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cuộc vận động đã bị hủy.');
    expect(screen.getByLabelText('Số tiền nộp')).toHaveValue('100.000');
  });
});

describe('ExtensionDialog', () => {
  it('sends the date and the reason, then links the case', async () => {
    const onSubmit = renderExtension();
    await userEvent.type(await screen.findByLabelText('Gia hạn đến ngày'), '15/01/2027{Enter}');
    await userEvent.type(screen.getByLabelText('Lý do'), 'Hội viên đi làm ăn xa.');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đề nghị' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({ unitId: 'ch1', until: '2027-01-15', reason: 'Hội viên đi làm ăn xa.' });
    expect(await screen.findByText('Đã gửi đề nghị gia hạn của Chi hội 1 lên cấp trên.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Xem hồ sơ trong hộp việc của cấp trên' })).toHaveAttribute('href', `/cases/${CREATED.caseId}`);
  });

  it('refuses a date not after the end date and a reason blank to the eye, sending nothing', async () => {
    const onSubmit = renderExtension();
    await userEvent.type(await screen.findByLabelText('Gia hạn đến ngày'), '31/12/2026{Enter}');
    // Spaces, a zero-width space and a non-breaking space: nothing to read.
    await userEvent.type(screen.getByLabelText('Lý do'), '  \u200b\u00a0 ');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi đề nghị' }));
    expect(await screen.findByText('Ngày gia hạn phải sau ngày kết thúc cuộc vận động (31/12/2026).')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng ghi lý do xin gia hạn.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
