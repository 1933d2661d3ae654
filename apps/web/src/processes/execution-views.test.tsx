import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../api/client';
import '../i18n';
import { GenericExecutionView } from './GenericExecutionView';
import { GenericPayloadView } from './GenericPayloadView';
import { LoanExecutionView } from './interest-free-loan/LoanExecutionView';
import type { Detail } from './types';

const person = { id: 'p1', displayName: 'Phạm Thị Hằng' };
const entry = (seq: number, kind: string, amount: number, date: string, note: string | null = null): Schemas['LedgerEntryDto'] => ({
  seq,
  kind,
  amount,
  date,
  note,
  recordedBy: person,
  recordedAt: `${date}T03:00:00.000Z`,
});

function detail(processType: Detail['processType'], execution: NonNullable<Detail['execution']>, ledger: Schemas['LedgerEntryDto'][], over: Partial<Detail> = {}): Detail {
  return {
    id: 'c1',
    processType,
    title: 'Hồ sơ',
    status: 'in_progress',
    originUnit: { id: 'u1', name: 'Chi hội 1' },
    currentStep: null,
    dueAt: null,
    overdue: false,
    escalated: false,
    requestedAmount: null,
    approvedAmount: execution.cap,
    disbursedAmount: execution.disbursed,
    fundingSource: 'Quỹ',
    createdBy: person,
    createdAt: '2026-01-02T03:00:00.000Z',
    updatedAt: '2026-01-02T03:00:00.000Z',
    closedAt: null,
    payload: { borrower: { name: 'Lê Thị Hoa', memberId: '6f3c0a52-0000-4000-8000-000000000003' }, amount: 20_000_000, termMonths: 12, purpose: 'Chăn nuôi' },
    chain: [],
    execution,
    timeline: [],
    ledger,
    allowedActions: [],
    ...over,
  };
}

const base = { approvedAt: '2026-01-02T03:00:00.000Z', milestones: [], repaid: 0, outstanding: 0, repaymentDueDate: null, settlement: null };
const text = (s: string) => (_: string, el: Element | null) => el?.textContent?.replace(/\u00a0/g, ' ') === s;

describe('a loan in the case detail', () => {
  it('shows payouts, repayments, what is owed and by when, with progress bars', () => {
    const c = detail(
      'interest-free-loan',
      { ...base, disbursed: 10_000_000, cap: 10_000_000, remaining: 0, repaid: 6_000_000, outstanding: 4_000_000, repaymentDueDate: '2027-01-05' },
      [entry(3, 'disbursement', 10_000_000, '2026-01-05', 'Chuyển khoản'), entry(4, 'repayment', 2_000_000, '2026-03-01'), entry(5, 'repayment', 4_000_000, '2026-06-01')],
    );
    render(<LoanExecutionView c={c} />);
    expect(screen.getByText('Giải ngân và trả nợ')).toBeInTheDocument();
    expect(screen.getByText(/Đã giải ngân 10\.000\.000\s₫ \/ 10\.000\.000\s₫/)).toBeInTheDocument();
    expect(screen.getByText(/Đã trả 6\.000\.000\s₫ \/ 10\.000\.000\s₫/)).toBeInTheDocument();
    expect(screen.getByText(text('Còn nợ 4.000.000 ₫'))).toBeInTheDocument();
    expect(screen.getByText(/Hạn trả nợ: 05\/01\/2027/)).toBeInTheDocument();
    const bars = screen.getAllByRole('progressbar');
    expect(bars.map((b) => b.getAttribute('aria-valuenow'))).toEqual(['100', '60']);
    expect(screen.getByRole('heading', { name: 'Các lần giải ngân' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Các lần trả nợ' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('says the term starts at the first payout until there is one', () => {
    render(<LoanExecutionView c={detail('interest-free-loan', { ...base, disbursed: 0, cap: 10_000_000, remaining: 10_000_000 }, [])} />);
    expect(screen.getByText(/Hạn trả nợ tính từ lần giải ngân đầu tiên\./)).toBeInTheDocument();
    expect(screen.getByText('Chưa giải ngân lần nào.')).toBeInTheDocument();
  });
});

describe('the generic execution panel', () => {
  it("shows a housing case's settlement, milestones and disbursements in the housing's words", () => {
    const c = detail(
      'housing-support',
      {
        ...base,
        milestones: [{ kind: 'handed-over', targetDate: '2026-06-01', date: '2026-05-20', note: null, recordedBy: person, overdue: false }],
        disbursed: 58_000_000,
        cap: 60_000_000,
        remaining: 0,
        settlement: { date: '2026-05-25', reason: 'Chi phí thực tế thấp hơn dự toán', by: { id: 'p2', displayName: 'Nguyễn Huy Hoàng' }, waived: 2_000_000 },
      },
      [entry(3, 'disbursement', 58_000_000, '2026-02-01')],
    );
    render(<GenericExecutionView c={c} />);
    expect(screen.getByText(/Đã cấp 58\.000\.000\s₫ \/ 60\.000\.000\s₫/)).toBeInTheDocument();
    expect(screen.getByText(/Quyết toán ngày 25\/05\/2026: không cấp tiếp 2\.000\.000\s₫\./)).toBeInTheDocument();
    expect(screen.getByText('Lý do: Chi phí thực tế thấp hơn dự toán')).toBeInTheDocument();
    expect(screen.getByText('Người quyết toán: Nguyễn Huy Hoàng')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Các mốc công trình' })).toBeInTheDocument();
    expect(screen.getByText('Bàn giao nhà')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Các lần cấp kinh phí' })).toBeInTheDocument();
  });
});

describe('the read-only payload of a process without a module', () => {
  it('lists every field by its path, nested ones and lists included', () => {
    const payload = { nominee: { name: 'Trần Văn Đức' }, titles: ['CCB gương mẫu'], year: 2026 };
    render(<GenericPayloadView payload={payload} c={detail('housing-support', { ...base, disbursed: 0, cap: null, remaining: null }, [])} />);
    expect(screen.getByText('nominee.name')).toBeInTheDocument();
    expect(screen.getByText('Trần Văn Đức')).toBeInTheDocument();
    expect(screen.getByText('titles[1]')).toBeInTheDocument();
    expect(screen.getByText('2026')).toBeInTheDocument();
  });
});
