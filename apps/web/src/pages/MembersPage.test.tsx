import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, type Schemas } from '../api/client';
import type { MemberImportReport } from '../api/member-files';
import { setSession } from '../auth/session';
import '../i18n';
import { MembersPage } from './MembersPage';

const upload = vi.hoisted(() => vi.fn());
vi.mock('../api/member-files', () => ({ uploadMembers: upload, downloadFile: vi.fn(() => Promise.resolve()) }));

const UNIT = { id: 'u-ch1', name: 'Chi hội 1', parentId: 'u-w', organizationId: 'o', level: { code: 'branch', name: 'Chi hội', rank: 0 } };
const member = (over: Partial<Schemas['MemberDto']>): Schemas['MemberDto'] => ({
  id: 'm',
  memberCode: 'HV-000001',
  fullName: 'Nguyễn Văn An',
  birthYear: 1955,
  gender: 'male',
  address: null,
  phone: '0912 345 678',
  joinDate: null,
  partyMember: false,
  status: 'active',
  statusDate: null,
  ...over,
});

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AntApp>
      <QueryClientProvider client={client}>
        <MembersPage />
      </QueryClientProvider>
    </AntApp>,
  );
}

describe('MembersPage (Hội viên)', () => {
  let members: Schemas['MemberDto'][];
  beforeEach(() => {
    setSession({
      accessToken: 't',
      user: { id: 'u', username: 'ngocthuy.ch1', displayName: 'Nguyễn Văn Thành', memberships: [{ role: 'officer', unit: UNIT, organization: { id: 'o', name: 'Hội CCB' } }] },
    } as never);
    members = [member({ id: 'm1' }), member({ id: 'm2', memberCode: 'CH1-002', fullName: 'Lê Thị Cúc', status: 'deceased', statusDate: '2024-02-15', partyMember: true })];
    vi.spyOn(api, 'GET').mockImplementation(((path: string) =>
      Promise.resolve({
        data: path === '/api/units' ? { items: [UNIT] } : { items: members },
        response: new Response(null, { status: 200 }),
      })) as never);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    setSession(null);
  });

  it('lists the unit’s members with their status and filters them by name, code or phone', async () => {
    renderPage();
    expect(await screen.findByText('Lê Thị Cúc')).toBeInTheDocument();
    expect(screen.getByText('Đã từ trần')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Tìm theo tên, mã, số điện thoại' }), { target: { value: 'ch1-002' } });
    expect(screen.queryByText('Nguyễn Văn An')).not.toBeInTheDocument();
    expect(screen.getByText('Lê Thị Cúc')).toBeInTheDocument();
  });

  it('uploads a workbook with a progress bar, then shows the counts and each refused row by its number', async () => {
    let finish: (r: MemberImportReport) => void = () => undefined;
    upload.mockImplementation((_unit: string, _file: File, onProgress: (p: number) => void) => {
      onProgress(40);
      return new Promise((resolve) => (finish = resolve));
    });
    renderPage();
    await screen.findByText('Lê Thị Cúc');
    const file = new File(['x'], 'hoi-vien.xlsx');
    fireEvent.change(screen.getByTestId('members-file'), { target: { files: [file] } });
    expect(upload).toHaveBeenCalledWith('u-ch1', file, expect.any(Function));
    expect(await screen.findByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    members = [...members, member({ id: 'm3', fullName: 'Trần Văn Bình' })];
    finish({ rows: 3, created: 1, updated: 0, unchanged: 1, errors: [{ row: 4, message: 'Năm sinh "1890" không hợp lệ (phải từ 1900 đến 2026).' }] });
    const report = await screen.findByText('Kết quả nhập tệp hoi-vien.xlsx');
    const box = report.closest('[role="status"]') as HTMLElement;
    expect(within(box).getByText('Đọc 3 dòng: thêm mới 1, cập nhật 0, không đổi 1, lỗi 1.')).toBeInTheDocument();
    expect(within(box).getByRole('row', { name: /4 Năm sinh "1890" không hợp lệ/ })).toBeInTheDocument();
    expect(await screen.findByText('Trần Văn Bình')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('shows the API’s refusal when the file is not taken', async () => {
    const { ApiError } = await import('../api/client');
    upload.mockRejectedValue(new ApiError(400, 'member.import_not_xlsx', 'Tệp "a.csv" không phải tệp Excel .xlsx.'));
    renderPage();
    await screen.findByText('Lê Thị Cúc');
    fireEvent.change(screen.getByTestId('members-file'), { target: { files: [new File(['x'], 'a.csv')] } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Tệp "a.csv" không phải tệp Excel .xlsx.');
  });
});
