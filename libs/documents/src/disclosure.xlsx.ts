import type { CampaignDisclosure } from './campaign-disclosure';
import { CAMPAIGN_STATUS_LABELS, METHOD_LABELS } from './campaign-labels';
import { formatDateTime, formatPeriod } from './format';
import { type Cell, type SheetSpec, workbookXlsx } from './xlsx-sheets';

/**
 * The disclosure as a workbook, the same figures as the PDF: "Tổng hợp" (the call, how money is
 * received, the totals), "Theo đơn vị", "Theo hình thức", then "Sử dụng" and "Người ủng hộ" when given.
 * Amounts are numbers (đồng) with a thousands format, so the sheet adds up in Excel.
 */
export async function disclosureXlsx(data: CampaignDisclosure): Promise<Buffer> {
  const { campaign, receiving, totals } = data;
  const asOf = `Số liệu đến ${formatDateTime(data.asOf)}`;
  const vnd = (value: number): Cell => ({ value, kind: 'vnd' });
  const count = (value: number): Cell => ({ value, kind: 'count' });
  // Remittance columns and rows only when the totals carry them (see `CampaignDisclosure.totals`).
  const remittances = typeof totals.remitted === 'number' && typeof totals.confirmed === 'number';
  const summary: [string, Cell][] = [
    ['Mã cuộc vận động', campaign.code],
    ['Tên cuộc vận động', campaign.title],
    ['Quỹ', campaign.fundName],
    ['Đơn vị phát động', campaign.launchedBy],
    ['Mục đích', campaign.purpose],
    ['Thời gian', formatPeriod(campaign.startDate, campaign.endDate)],
    ['Chỉ tiêu (đồng)', vnd(campaign.target)],
    ...(campaign.suggestion ? [['Mức gợi ý (tự nguyện)', campaign.suggestion] as [string, Cell]] : []),
    ...(campaign.status ? [['Tình trạng', CAMPAIGN_STATUS_LABELS[campaign.status]] as [string, Cell]] : []),
    ['Hình thức tiếp nhận', receiving.methods.map((m) => METHOD_LABELS[m]).join('; ')],
    ...receiving.points.map(
      (p): [string, Cell] => ['Nơi tiếp nhận', [p.unitName, p.place, p.contact].filter((x): x is string => Boolean(x)).join(' — ')],
    ),
    ...(receiving.bankAccounts ?? []).map((a): [string, Cell] => ['Tài khoản', `${a.accountNumber} — ${a.accountName} — ${a.bank}`]),
    ...(receiving.note ? [['Ghi chú', receiving.note] as [string, Cell]] : []),
    ['Tổng số tiền đã nhận (đồng)', vnd(totals.received)],
    ['Số lượt ủng hộ', count(totals.contributions)],
    ...(remittances
      ? ([
          ['Đã nộp lên cấp trên (đồng)', vnd(totals.remitted ?? 0)],
          ['Cấp trên đã xác nhận (đồng)', vnd(totals.confirmed ?? 0)],
        ] as [string, Cell][])
      : []),
    ['Số dư (đồng)', vnd(totals.balance)],
  ];
  const sheets: SheetSpec[] = [
    {
      name: 'Tổng hợp',
      title: `Công khai: ${campaign.title}`,
      subtitle: asOf,
      columns: [
        { header: 'Nội dung', kind: 'text', width: 30 },
        { header: 'Giá trị', kind: 'text', width: 60 },
      ],
      rows: summary,
    },
    {
      name: 'Theo đơn vị',
      title: campaign.title,
      subtitle: asOf,
      columns: [
        { header: 'Đơn vị', kind: 'text' },
        { header: 'Cấp', kind: 'count', width: 6 },
        { header: 'Số lượt', kind: 'count' },
        { header: 'Đã nhận (đồng)', kind: 'vnd' },
        ...(remittances
          ? [
              { header: 'Đã nộp lên (đồng)', kind: 'vnd' as const },
              { header: 'Cấp trên đã xác nhận (đồng)', kind: 'vnd' as const },
            ]
          : []),
      ],
      rows: totals.byUnit.map((u) => [
        `${'  '.repeat(Math.max(0, u.depth))}${u.unitName}`,
        u.depth,
        u.count,
        u.received,
        ...(remittances ? [u.remitted ?? 0, u.confirmed ?? 0] : []),
      ]),
    },
    {
      name: 'Theo hình thức',
      title: campaign.title,
      subtitle: asOf,
      columns: [
        { header: 'Hình thức', kind: 'text' },
        { header: 'Số lượt', kind: 'count' },
        { header: 'Số tiền (đồng)', kind: 'vnd' },
      ],
      rows: totals.byMethod.map((m) => [METHOD_LABELS[m.method], m.count, m.amount]),
      totals: ['Tổng cộng', sum(totals.byMethod.map((m) => m.count)), sum(totals.byMethod.map((m) => m.amount))],
    },
  ];
  if (data.spending?.length) {
    sheets.push({
      name: 'Sử dụng',
      title: campaign.title,
      columns: [
        { header: 'Ngày', kind: 'date' },
        { header: 'Nội dung', kind: 'text' },
        { header: 'Số tiền (đồng)', kind: 'vnd' },
      ],
      rows: data.spending.map((s) => [s.date, s.description, s.amount]),
      totals: [null, 'Tổng cộng', sum(data.spending.map((s) => s.amount))],
    });
  }
  if (data.donors?.length) {
    sheets.push({
      name: 'Người ủng hộ',
      title: 'Danh sách người ủng hộ (đã đồng ý công khai tên)',
      columns: [
        { header: 'STT', kind: 'count', width: 6 },
        { header: 'Họ và tên', kind: 'text' },
        { header: 'Đơn vị', kind: 'text' },
        { header: 'Số tiền (đồng)', kind: 'vnd' },
      ],
      rows: data.donors.map((d, i) => [i + 1, d.name, d.unitName ?? null, d.amount ?? null]),
    });
  }
  return workbookXlsx(sheets, { title: `Công khai: ${campaign.title}` });
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
