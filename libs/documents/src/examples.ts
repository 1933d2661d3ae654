import type { CampaignDisclosure } from './campaign-disclosure';
import type { DocumentHeader } from './pdf-layout';
import type { ReceiptData } from './receipt.pdf';
import type { ReportPdfInput } from './report.pdf';

/**
 * Worked examples of each input, in the demo ward Ngọc Thụy, with figures from its half-term report
 * (seed 001: 86.791.000 đ raised for the city's housing programme, 812 visits for 102.350.000 đ, 150.000.000 đ
 * lent without interest). The tests print them; the API may use them as OpenAPI examples.
 */
export const EXAMPLE_HEADER: DocumentHeader = {
  organization: 'HỘI CCB QUẬN LONG BIÊN',
  unit: 'HỘI CCB PHƯỜNG NGỌC THỤY',
  place: 'Ngọc Thụy',
};

export const EXAMPLE_RECEIPT: ReceiptData = {
  header: EXAMPLE_HEADER,
  receiptNo: 'CH1-000012',
  campaign: { title: 'Ủng hộ Quỹ "Vì người nghèo" năm 2025', fundName: 'Quỹ Vì người nghèo', code: 'VD-NT-2025-01' },
  unitName: 'Chi hội 1',
  donor: { kind: 'member', name: 'Nguyễn Thị Hường' },
  amount: 50_000_000,
  method: 'transfer',
  date: '2025-10-17',
  recordedBy: { name: 'Trần Văn Thụy', title: 'Chi hội trưởng' },
};

export const EXAMPLE_DISCLOSURE: CampaignDisclosure = {
  header: EXAMPLE_HEADER,
  campaign: {
    code: 'VD-NT-2025-01',
    title: 'Ủng hộ Quỹ "Vì người nghèo" năm 2025',
    fundName: 'Quỹ Vì người nghèo',
    purpose: 'Hỗ trợ hội viên và hộ gia đình có hoàn cảnh khó khăn trên địa bàn phường sửa chữa nhà ở, thăm hỏi dịp Tết.',
    launchedBy: 'Hội CCB phường Ngọc Thụy',
    startDate: '2025-10-17',
    endDate: '2025-11-18',
    target: 100_000_000,
    status: 'open',
    suggestion: '50.000 đ/hội viên',
  },
  receiving: {
    methods: ['cash', 'transfer'],
    points: [
      { unitName: 'Hội CCB phường Ngọc Thụy', place: 'Văn phòng Hội, trụ sở UBND phường Ngọc Thụy', contact: 'Nguyễn Ngọc Thúy, 0912 345 678' },
      { unitName: 'Chi hội 1', place: 'Nhà văn hóa tổ dân phố số 1' },
      { unitName: 'Chi hội 2', place: 'Nhà văn hóa tổ dân phố số 2' },
    ],
    bankAccounts: [{ bank: 'Ngân hàng Chính sách xã hội, chi nhánh Long Biên', accountNumber: '1234 5678 9012', accountName: 'Hội Cựu chiến binh phường Ngọc Thụy' }],
  },
  asOf: '2025-11-10T09:30:00Z',
  totals: {
    received: 86_791_000,
    contributions: 67,
    byMethod: [
      { method: 'cash', count: 52, amount: 51_291_000 },
      { method: 'transfer', count: 15, amount: 35_500_000 },
    ],
    byUnit: [
      { unitName: 'Hội CCB phường Ngọc Thụy', depth: 0, count: 4, received: 20_000_000, remitted: 0, confirmed: 0 },
      { unitName: 'Chi hội 1', depth: 1, count: 35, received: 40_291_000, remitted: 40_000_000, confirmed: 40_000_000 },
      { unitName: 'Chi hội 2', depth: 1, count: 28, received: 26_500_000, remitted: 20_000_000, confirmed: 0 },
    ],
    remitted: 60_000_000,
    confirmed: 40_000_000,
    balance: 86_791_000,
  },
  donors: [
    { name: 'Nguyễn Thị Hường', unitName: 'Chi hội 1', amount: 500_000 },
    { name: 'Công ty TNHH Thương mại Đức Giang', unitName: 'Hội CCB phường Ngọc Thụy', amount: 10_000_000 },
    { name: 'Phạm Văn Lực', unitName: 'Chi hội 2', amount: 200_000 },
  ],
  signer: { onBehalfOf: 'T/M BAN CHẤP HÀNH', title: 'CHỦ TỊCH', name: 'Nguyễn Ngọc Thúy' },
};

export const EXAMPLE_REPORT: ReportPdfInput = {
  header: EXAMPLE_HEADER,
  title: 'BÁO CÁO SƠ KẾT GIỮA NHIỆM KỲ',
  subtitle: 'Nhiệm kỳ 2017 - 2022',
  number: 'Số: 25/BC-CCB',
  period: { from: '2017-07-01', to: '2020-06-30' },
  issuedAt: '2020-07-01',
  sections: [
    {
      heading: '1. Công tác hội viên',
      rows: [
        { label: 'Hội viên cuối kỳ', value: 1_862, kind: 'count' },
        { label: 'Kết nạp mới', value: 290, kind: 'count' },
      ],
    },
    {
      heading: '2. Thăm hỏi, trợ cấp khó khăn',
      rows: [
        { label: 'Số lượt thăm hỏi, tặng quà', value: 812, kind: 'count' },
        { label: 'Số tiền', value: 102_350_000, kind: 'vnd', inWords: true },
        { label: 'Phúng viếng', value: 61, kind: 'count' },
        { label: 'Số tiền phúng viếng', value: 18_760_000, kind: 'vnd' },
      ],
    },
    {
      heading: '3. Cho vay vốn không lãi',
      rows: [{ label: 'Tổng số tiền cho vay', value: 150_000_000, kind: 'vnd', inWords: true }],
    },
    {
      heading: '4. Vận động quỹ',
      table: {
        columns: [
          { header: 'Đơn vị', kind: 'text', weight: 2 },
          { header: 'Chỉ tiêu', kind: 'vnd', weight: 1.4 },
          { header: 'Đã vận động', kind: 'vnd', weight: 1.4 },
          { header: 'Đạt', kind: 'percent', weight: 0.8 },
        ],
        rows: [
          ['Chi hội 1', 40_000_000, 40_291_000, 100.7275],
          ['Chi hội 2', 30_000_000, 26_500_000, 88.3333],
          ['Khối văn phòng', null, 20_000_000, null],
        ],
        totals: ['Tổng cộng', 70_000_000, 86_791_000, 124],
      },
      chart: {
        title: 'Tỷ lệ đạt chỉ tiêu theo chi hội',
        kind: 'percent',
        bars: [
          { label: 'Chi hội 1', value: 100.7275 },
          { label: 'Chi hội 2', value: 88.3333 },
        ],
        reference: { value: 100, label: 'Chỉ tiêu' },
      },
      note: 'Phối hợp MTTQ và các đoàn thể vận động các loại quỹ đạt 100% chỉ tiêu giao.',
    },
  ],
  signer: { onBehalfOf: 'T/M BAN CHẤP HÀNH', title: 'CHỦ TỊCH', name: 'Nguyễn Ngọc Thúy' },
};
