import type { CampaignDisclosure } from './campaign-disclosure';
import { CAMPAIGN_STATUS_LABELS, METHOD_LABELS } from './campaign-labels';
import { formatCount, formatDate, formatDateTime, formatPeriod, formatVnd } from './format';
import { PdfLayout } from './pdf-layout';
import { vndInWords } from './vnd-in-words';

/** The disclosure as a paper for the ward's notice board (A4, sections I–V, a signature). */
export async function disclosurePdf(data: CampaignDisclosure): Promise<Buffer> {
  const { campaign, receiving, totals } = data;
  const pdf = PdfLayout.start({ title: `Công khai: ${campaign.title}`, subject: campaign.fundName, author: data.header.unit });
  pdf.header(data.header, data.asOf);
  pdf.title('THÔNG BÁO CÔNG KHAI', 'KẾT QUẢ VẬN ĐỘNG, TIẾP NHẬN ỦNG HỘ', campaign.title);

  pdf.heading('I. Thông tin cuộc vận động');
  pdf.fields([
    { label: 'Mã cuộc vận động', value: campaign.code },
    { label: 'Quỹ', value: campaign.fundName },
    { label: 'Đơn vị phát động', value: campaign.launchedBy },
    { label: 'Mục đích', value: campaign.purpose },
    { label: 'Thời gian', value: formatPeriod(campaign.startDate, campaign.endDate) },
    { label: 'Chỉ tiêu', value: formatVnd(campaign.target) },
    ...(campaign.suggestion ? [{ label: 'Mức gợi ý', value: `${campaign.suggestion} (tự nguyện, không bắt buộc)` }] : []),
    ...(campaign.status ? [{ label: 'Tình trạng', value: CAMPAIGN_STATUS_LABELS[campaign.status] }] : []),
  ]);

  pdf.heading('II. Hình thức và địa điểm tiếp nhận');
  pdf.fields([{ label: 'Hình thức', value: receiving.methods.map((m) => METHOD_LABELS[m]).join('; ') || '—' }]);
  if (receiving.points.length) {
    pdf.table(
      [
        { header: 'Đơn vị tiếp nhận', weight: 2 },
        { header: 'Địa điểm', weight: 2.4 },
        { header: 'Liên hệ', weight: 1.6 },
      ],
      receiving.points.map((p) => [p.unitName, p.place ?? '', p.contact ?? '']),
    );
  }
  for (const account of receiving.bankAccounts ?? []) {
    pdf.fields([{ label: 'Tài khoản', value: `${account.accountNumber} — ${account.accountName} — ${account.bank}` }]);
  }
  if (receiving.note) pdf.paragraph(receiving.note, { style: 'italic', size: 10 });

  pdf.heading(`III. Kết quả tiếp nhận (số liệu đến ${formatDateTime(data.asOf)})`);
  pdf.fields([
    { label: 'Tổng số tiền đã nhận', value: formatVnd(totals.received), strong: true },
    { label: 'Bằng chữ', value: vndInWords(Math.max(totals.received, 0)), italic: true },
    { label: 'Số lượt ủng hộ', value: formatCount(totals.contributions) },
  ]);
  pdf.caption('Theo hình thức:');
  pdf.table(
    [
      { header: 'Hình thức', weight: 2 },
      { header: 'Số lượt', weight: 1, align: 'right' },
      { header: 'Số tiền', weight: 1.6, align: 'right' },
    ],
    totals.byMethod.map((m) => [METHOD_LABELS[m.method], formatCount(m.count), formatVnd(m.amount)]),
    ['Tổng cộng', formatCount(sum(totals.byMethod.map((m) => m.count))), formatVnd(sum(totals.byMethod.map((m) => m.amount)))],
  );
  // Remittance columns and lines only when the totals carry them (see `CampaignDisclosure.totals`).
  const remittances = typeof totals.remitted === 'number' && typeof totals.confirmed === 'number';
  pdf.caption('Theo đơn vị:');
  pdf.table(
    [
      { header: 'Đơn vị', weight: 2.4 },
      { header: 'Số lượt', weight: 0.9, align: 'right' },
      { header: 'Đã nhận', weight: 1.5, align: 'right' },
      ...(remittances
        ? [
            { header: 'Đã nộp lên', weight: 1.5, align: 'right' as const },
            { header: 'Cấp trên đã xác nhận', weight: 1.5, align: 'right' as const },
          ]
        : []),
    ],
    totals.byUnit.map((u) => [
      `${'    '.repeat(Math.max(0, u.depth))}${u.unitName}`,
      formatCount(u.count),
      formatVnd(u.received),
      ...(remittances ? [formatVnd(u.remitted ?? 0), formatVnd(u.confirmed ?? 0)] : []),
    ]),
  );

  pdf.heading(remittances ? 'IV. Nộp lên cấp trên và số dư' : 'IV. Số dư');
  pdf.fields([
    ...(remittances
      ? [
          { label: 'Đã nộp lên cấp trên', value: formatVnd(totals.remitted ?? 0) },
          { label: 'Cấp trên đã xác nhận', value: formatVnd(totals.confirmed ?? 0) },
        ]
      : []),
    { label: 'Số dư', value: formatVnd(totals.balance), strong: true },
    ...(totals.balance >= 0 ? [{ label: 'Bằng chữ', value: vndInWords(totals.balance), italic: true }] : []),
  ]);

  if (data.spending?.length) {
    pdf.heading('V. Sử dụng');
    pdf.table(
      [
        { header: 'Ngày', weight: 1 },
        { header: 'Nội dung', weight: 3.4 },
        { header: 'Số tiền', weight: 1.5, align: 'right' },
      ],
      data.spending.map((s) => [formatDate(s.date), s.description, formatVnd(s.amount)]),
      ['', 'Tổng cộng', formatVnd(sum(data.spending.map((x) => x.amount)))],
    );
  }

  if (data.donors?.length) {
    pdf.heading(`${data.spending?.length ? 'VI' : 'V'}. Danh sách người ủng hộ (đã đồng ý công khai tên)`);
    const withAmounts = data.donors.some((d) => typeof d.amount === 'number');
    pdf.table(
      [
        { header: 'STT', weight: 0.5, align: 'right' },
        { header: 'Họ và tên', weight: 2.4 },
        { header: 'Đơn vị', weight: 1.8 },
        ...(withAmounts ? [{ header: 'Số tiền', weight: 1.4, align: 'right' as const }] : []),
      ],
      data.donors.map((d, i) => [
        String(i + 1),
        d.name,
        d.unitName ?? '',
        ...(withAmounts ? [typeof d.amount === 'number' ? formatVnd(d.amount) : ''] : []),
      ]),
    );
  }

  if (data.signer) pdf.signatures([data.signer]);
  return pdf.end();
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
