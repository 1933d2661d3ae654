import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import '../i18n';
import { CampaignForm } from './CampaignForm';

/** 10:00 on 10 Dec 2026 in Hà Nội. */
const NOW = Date.parse('2026-12-10T10:00:00+07:00');
const UNITS = [{ id: 'ward', name: 'Hội CCB phường Ngọc Thụy' }];

function renderForm() {
  const onSubmit = vi.fn(async () => undefined);
  render(
    <App>
      <CampaignForm units={UNITS} onSubmit={onSubmit} now={() => NOW} />
    </App>,
  );
  return onSubmit;
}

/** Types a day as Vietnamese write it into the picker, and moves on with Tab (Enter would send the form, as in any field). */
async function setDate(label: string, text: string) {
  const input = screen.getByLabelText(label);
  await userEvent.clear(input);
  await userEvent.type(input, `${text}{Tab}`);
}
const submit = () => userEvent.click(screen.getByRole('button', { name: 'Tạo cuộc vận động (bản nháp)' }));

async function fillValid() {
  await userEvent.type(screen.getByLabelText('Tên cuộc vận động'), 'Ủng hộ đồng bào bị bão lũ năm 2026');
  await userEvent.type(screen.getByLabelText('Tên quỹ'), 'Quỹ Vì người nghèo');
  await userEvent.type(screen.getByLabelText('Mục đích'), 'Hỗ trợ các tỉnh miền Trung.');
  await userEvent.type(screen.getByLabelText('Mục tiêu (số tiền)'), '50000000');
  await setDate('Ngày kết thúc', '31/12/2026');
}

describe('CampaignForm', () => {
  it('names every missing field in Vietnamese and sends nothing', async () => {
    const onSubmit = renderForm();
    await submit();
    expect(await screen.findByText('Vui lòng nhập tên cuộc vận động.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập tên quỹ.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập mục đích.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập mục tiêu (số tiền).')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập ngày kết thúc.')).toBeInTheDocument();
    // The start defaults to today in Vietnam.
    expect(screen.getByLabelText('Ngày bắt đầu')).toHaveValue('10/12/2026');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("refuses a start before today in the API's own words", async () => {
    const onSubmit = renderForm();
    await fillValid();
    await setDate('Ngày bắt đầu', '09/12/2026');
    await submit();
    expect(await screen.findByText('Ngày bắt đầu không được trước hôm nay (10/12/2026).')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("refuses an end before the start in the API's own words", async () => {
    const onSubmit = renderForm();
    await fillValid();
    await setDate('Ngày bắt đầu', '20/12/2026');
    await setDate('Ngày kết thúc', '15/12/2026');
    await submit();
    expect(await screen.findByText('Ngày kết thúc không được trước ngày bắt đầu.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a target of 0 đồng', async () => {
    const onSubmit = renderForm();
    await fillValid();
    await userEvent.clear(screen.getByLabelText('Mục tiêu (số tiền)'));
    await userEvent.type(screen.getByLabelText('Mục tiêu (số tiền)'), '0');
    await submit();
    expect(await screen.findByText('Mục tiêu phải là số nguyên đồng, ít nhất 1 đồng.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('groups the amounts as typed and sends the campaign with whole đồng and trimmed texts', async () => {
    const onSubmit = renderForm();
    await fillValid();
    expect(screen.getByLabelText('Mục tiêu (số tiền)')).toHaveValue('50.000.000');
    await userEvent.type(screen.getByLabelText('Mức gợi ý mỗi hội viên (không bắt buộc)'), '100000');
    expect(screen.getByLabelText('Mức gợi ý mỗi hội viên (không bắt buộc)')).toHaveValue('100.000');
    await userEvent.type(screen.getByLabelText('Tên quỹ'), '  ');
    await submit();
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith({
      unitId: 'ward',
      title: 'Ủng hộ đồng bào bị bão lũ năm 2026',
      fundName: 'Quỹ Vì người nghèo',
      purpose: 'Hỗ trợ các tỉnh miền Trung.',
      target: 50_000_000,
      startDate: '2026-12-10',
      endDate: '2026-12-31',
      suggestion: 100_000,
      public: false,
    });
  });
});
