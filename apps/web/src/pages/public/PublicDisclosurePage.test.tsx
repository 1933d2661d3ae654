import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, type Schemas } from '../../api/client';
import '../../i18n';
import { PublicDisclosurePage } from './PublicDisclosurePage';

const DISCLOSURE: Schemas['CampaignDisclosureDto'] = {
  header: { organization: 'HỘI CCB QUẬN LONG BIÊN', unit: 'HỘI CCB PHƯỜNG NGỌC THỤY', place: 'Ngọc Thụy' },
  campaign: {
    id: '3f0e7c1a-0000-4000-8000-000000000001',
    code: 'VD-2026-0001',
    title: 'Ủng hộ đồng bào bị bão lũ năm 2026',
    fundName: 'Quỹ Vì người nghèo',
    purpose: 'Hỗ trợ hội viên và nhân dân các tỉnh miền Trung khắc phục hậu quả bão.',
    launchedBy: 'Hội CCB phường Ngọc Thụy',
    startDate: '2026-12-05',
    endDate: '2026-12-31',
    target: 100_000_000,
    status: 'open',
    suggestion: '100.000 đ/hội viên',
    public: true,
  },
  receiving: {
    methods: ['cash', 'transfer', 'in-kind'],
    points: [
      { unitId: 'u-1', unitName: 'Hội CCB phường Ngọc Thụy', place: null, contact: null },
      { unitId: 'u-2', unitName: 'Chi hội 1', place: null, contact: null },
    ],
    note: 'Mỗi khoản ủng hộ được ghi sổ và cấp biên nhận có số tại đơn vị tiếp nhận. Ủng hộ là tự nguyện.',
  },
  asOf: '2026-12-10T02:30:00.000Z',
  totals: {
    received: 3_100_000,
    contributions: 5,
    byMethod: [
      { method: 'cash', count: 2, amount: 600_000 },
      { method: 'transfer', count: 2, amount: 2_300_000 },
      { method: 'in-kind', count: 1, amount: 200_000 },
    ],
    byUnit: [
      { unitId: 'u-1', unitName: 'Hội CCB phường Ngọc Thụy', levelCode: 'ward', depth: 0, count: 1, received: 2_000_000, remitted: 0, confirmed: 0 },
      { unitId: 'u-2', unitName: 'Chi hội 1', levelCode: 'branch', depth: 1, count: 4, received: 1_100_000, remitted: 1_000_000, confirmed: 1_000_000 },
    ],
    remitted: 1_000_000,
    confirmed: 1_000_000,
    balance: 3_100_000,
  },
  donors: [{ name: 'Nguyễn Văn Hùng', unitName: 'Chi hội 1', amount: 500_000 }],
  signer: { onBehalfOf: 'T/M BAN CHẤP HÀNH', title: 'CHỦ TỊCH', name: 'Trần Văn Đức' },
};

/** The page at /cong-khai/<code>, as the app's router mounts it (no session, no layout). */
function renderAt(code: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/cong-khai/:code', element: <PublicDisclosurePage /> }], { initialEntries: [`/cong-khai/${code}`] });
  return render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

// Intl writes a narrow no-break space before ₫; compare with ordinary spaces.
const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s/g, ' ');

describe('PublicDisclosurePage (/cong-khai/<code>)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the disclosure from the public route without a session, with the PDF and XLSX links', async () => {
    const get = vi.spyOn(api, 'GET').mockResolvedValue({ data: DISCLOSURE, response: new Response(null, { status: 200 }) } as never);
    renderAt('VD-2026-0001');

    expect(await screen.findByRole('heading', { level: 1, name: 'THÔNG BÁO CÔNG KHAI' })).toBeInTheDocument();
    expect(get).toHaveBeenCalledWith('/api/public/campaigns/{code}/disclosure', { params: { path: { code: 'VD-2026-0001' } } });
    expect(screen.getByText('Ủng hộ đồng bào bị bão lũ năm 2026')).toBeInTheDocument();
    expect(screen.getByText('từ 05/12/2026 đến 31/12/2026')).toBeInTheDocument();
    expect(screen.getByText('100.000 đ/hội viên (tự nguyện, không bắt buộc)')).toBeInTheDocument();
    expect(text(screen.getByTestId('disclosure-received'))).toBe('3.100.000 ₫');
    expect(screen.getByRole('heading', { name: 'III. Kết quả tiếp nhận (số liệu đến 10/12/2026 09:30)' })).toBeInTheDocument();

    const [byMethod, byUnit, donors] = screen.getAllByRole('table');
    expect(text(within(byMethod).getByRole('row', { name: /Chuyển khoản/ }))).toContain('2.300.000 ₫');
    expect(text(within(byUnit).getByRole('row', { name: /Chi hội 1/ }))).toContain('1.100.000 ₫');
    expect(within(donors).getByText('Nguyễn Văn Hùng')).toBeInTheDocument();
    expect(screen.getByText('Trần Văn Đức')).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Tải bản PDF' })).toHaveAttribute('href', '/api/public/campaigns/VD-2026-0001/disclosure?format=pdf');
    expect(screen.getByRole('link', { name: 'Tải bảng tính (XLSX)' })).toHaveAttribute('href', '/api/public/campaigns/VD-2026-0001/disclosure?format=xlsx');
    expect(screen.getByRole('button', { name: 'In thông báo' })).toBeInTheDocument();
    expect(document.title).toBe('Công khai cuộc vận động: Ủng hộ đồng bào bị bão lũ năm 2026');
  });

  it('says plainly that a campaign that is not public (404) was not found, and offers no downloads', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue({
      error: { statusCode: 404, code: 'campaign.not_found', message: 'Không tìm thấy cuộc vận động.' },
      response: new Response(null, { status: 404 }),
    } as never);
    renderAt('VD-2026-0002');
    expect(await screen.findByText('Không tìm thấy bản công khai này.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Tải bản PDF' })).not.toBeInTheDocument();
  });
});
