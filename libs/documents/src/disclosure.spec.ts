import ExcelJS from 'exceljs';
import type { CampaignDisclosure } from './campaign-disclosure';
import { disclosurePdf } from './disclosure.pdf';
import { disclosureXlsx } from './disclosure.xlsx';
import { EXAMPLE_DISCLOSURE } from './examples';
import { pdfText } from './pdf-text.testing';

async function readBack(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows below its header row (the row whose first cell is `firstHeader`), as plain values. */
function tableOf(ws: ExcelJS.Worksheet, firstHeader: string): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  let inTable = false;
  ws.eachRow((row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    if (inTable) rows.push(values);
    else if (values[0] === firstHeader) inTable = true;
  });
  return rows;
}

describe('disclosurePdf', () => {
  it('prints the call, how money is received, totals per unit and method, remittances, balance and consenting donors', async () => {
    const pdf = await disclosurePdf(EXAMPLE_DISCLOSURE);
    const text = pdfText(pdf);
    expect(text).toBe(text.normalize('NFC'));
    for (const expected of [
      'HỘI CCB PHƯỜNG NGỌC THỤY',
      'Ngọc Thụy, ngày 10 tháng 11 năm 2025',
      'THÔNG BÁO CÔNG KHAI',
      'Ủng hộ Quỹ "Vì người nghèo" năm 2025',
      'VD-NT-2025-01',
      'Hỗ trợ hội viên và hộ gia đình có hoàn cảnh khó khăn',
      'từ 17/10/2025 đến 18/11/2025',
      '100.000.000 đ',
      '50.000 đ/hội viên (tự nguyện, không bắt buộc)',
      'Tiền mặt; Chuyển khoản',
      'Nhà văn hóa tổ dân phố số 1',
      '1234 5678 9012',
      'số liệu đến 10/11/2025 16:30',
      '86.791.000 đ',
      'Tám mươi sáu triệu bảy trăm chín mươi mốt nghìn đồng',
      '51.291.000 đ',
      '35.500.000 đ',
      '40.291.000 đ',
      '26.500.000 đ',
      '60.000.000 đ',
      '40.000.000 đ',
      'Danh sách người ủng hộ (đã đồng ý công khai tên)',
      'Nguyễn Thị Hường',
      'Công ty TNHH Thương mại Đức Giang',
      'Phạm Văn Lực',
      'T/M BAN CHẤP HÀNH',
      'Nguyễn Ngọc Thúy',
    ]) {
      expect(text).toContain(expected);
    }
    expect(pdf.length).toBeLessThan(120_000);
  });

  it('prints no donor list when no donor agreed, and a spending table when given', async () => {
    const data: CampaignDisclosure = {
      ...EXAMPLE_DISCLOSURE,
      donors: [],
      spending: [{ date: '2025-11-20', description: 'Hỗ trợ sửa nhà cho gia đình hội viên Đỗ Văn Hưởng', amount: 30_000_000 }],
    };
    const text = pdfText(await disclosurePdf(data));
    expect(text).not.toContain('Danh sách người ủng hộ');
    expect(text).not.toContain('Nguyễn Thị Hường');
    expect(text).toContain('V. Sử dụng');
    expect(text).toContain('20/11/2025');
    expect(text).toContain('Hỗ trợ sửa nhà cho gia đình hội viên Đỗ Văn Hưởng');
    expect(text).toContain('30.000.000 đ');
  });

  it('runs a long unit list onto further pages, numbered', async () => {
    const byUnit = Array.from({ length: 120 }, (_, i) => ({
      unitName: `Chi hội ${i + 1} — tổ dân phố số ${i + 1}`,
      depth: 1,
      count: i,
      received: 1_000_000 * i,
      remitted: 0,
      confirmed: 0,
    }));
    const pdf = await disclosurePdf({ ...EXAMPLE_DISCLOSURE, totals: { ...EXAMPLE_DISCLOSURE.totals, byUnit } });
    const text = pdfText(pdf);
    expect(text).toContain('Chi hội 120 — tổ dân phố số 120');
    expect(text).toMatch(/Trang 1\/[3-9]/);
    // The table's header comes back on each page it runs onto.
    expect(text.split('Cấp trên đã xác nhận').length).toBeGreaterThan(3);
  });
});

describe('disclosureXlsx', () => {
  it('holds the same figures as numbers, with Vietnamese text intact', async () => {
    const wb = await readBack(await disclosureXlsx(EXAMPLE_DISCLOSURE));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Theo hình thức', 'Người ủng hộ']);

    const summary = new Map(tableOf(wb.getWorksheet('Tổng hợp')!, 'Nội dung').map(([k, v]) => [k, v]));
    expect(summary.get('Tên cuộc vận động')).toBe('Ủng hộ Quỹ "Vì người nghèo" năm 2025');
    expect(summary.get('Chỉ tiêu (đồng)')).toBe(100_000_000);
    expect(summary.get('Tổng số tiền đã nhận (đồng)')).toBe(86_791_000);
    expect(summary.get('Số lượt ủng hộ')).toBe(67);
    expect(summary.get('Đã nộp lên cấp trên (đồng)')).toBe(60_000_000);
    expect(summary.get('Cấp trên đã xác nhận (đồng)')).toBe(40_000_000);
    expect(summary.get('Số dư (đồng)')).toBe(86_791_000);
    expect(summary.get('Thời gian')).toBe('từ 17/10/2025 đến 18/11/2025');
    expect(wb.getWorksheet('Tổng hợp')!.getCell('A1').value).toBe('Công khai: Ủng hộ Quỹ "Vì người nghèo" năm 2025');

    const units = tableOf(wb.getWorksheet('Theo đơn vị')!, 'Đơn vị');
    expect(units).toEqual([
      ['Hội CCB phường Ngọc Thụy', 0, 4, 20_000_000, 0, 0],
      ['  Chi hội 1', 1, 35, 40_291_000, 40_000_000, 40_000_000],
      ['  Chi hội 2', 1, 28, 26_500_000, 20_000_000, 0],
    ]);
    const methods = tableOf(wb.getWorksheet('Theo hình thức')!, 'Hình thức');
    expect(methods).toEqual([
      ['Tiền mặt', 52, 51_291_000],
      ['Chuyển khoản', 15, 35_500_000],
      ['Tổng cộng', 67, 86_791_000],
    ]);
    const donors = tableOf(wb.getWorksheet('Người ủng hộ')!, 'STT');
    expect(donors.map((r) => r[1])).toEqual(['Nguyễn Thị Hường', 'Công ty TNHH Thương mại Đức Giang', 'Phạm Văn Lực']);
    // Amounts carry the thousands format, so Excel shows 86.791.000 in Vietnamese.
    const ws = wb.getWorksheet('Theo hình thức')!;
    const totalRow = ws.getRow(ws.rowCount);
    expect(totalRow.getCell(3).numFmt).toBe('#,##0');
    expect(totalRow.getCell(1).font?.bold).toBe(true);
  });

  it('has no donor sheet when no donor agreed, and a dated spending sheet when given', async () => {
    const wb = await readBack(
      await disclosureXlsx({
        ...EXAMPLE_DISCLOSURE,
        donors: undefined,
        spending: [{ date: '2025-11-20', description: 'Hỗ trợ sửa nhà', amount: 30_000_000 }],
      }),
    );
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Theo hình thức', 'Sử dụng']);
    const [first, total] = tableOf(wb.getWorksheet('Sử dụng')!, 'Ngày');
    expect(first[0]).toEqual(new Date('2025-11-20T00:00:00Z'));
    expect(first.slice(1)).toEqual(['Hỗ trợ sửa nhà', 30_000_000]);
    expect(total.slice(1)).toEqual(['Tổng cộng', 30_000_000]);
  });

  it('prints no remittance columns or rows when the totals carry none (an API that does not record them yet)', async () => {
    const { received, contributions, byMethod, byUnit, balance } = EXAMPLE_DISCLOSURE.totals;
    const data: CampaignDisclosure = {
      ...EXAMPLE_DISCLOSURE,
      totals: {
        received,
        contributions,
        byMethod,
        balance,
        byUnit: byUnit.map((u) => ({ unitName: u.unitName, depth: u.depth, count: u.count, received: u.received })),
      },
    };
    const wb = await readBack(await disclosureXlsx(data));
    const summary = new Map(tableOf(wb.getWorksheet('Tổng hợp')!, 'Nội dung').map(([k, v]) => [k, v]));
    expect(summary.has('Đã nộp lên cấp trên (đồng)')).toBe(false);
    expect(summary.get('Số dư (đồng)')).toBe(86_791_000);
    expect(tableOf(wb.getWorksheet('Theo đơn vị')!, 'Đơn vị')[1]).toEqual(['  Chi hội 1', 1, 35, 40_291_000]);
    const text = pdfText(await disclosurePdf(data));
    expect(text).not.toContain('Đã nộp lên');
    expect(text).not.toContain('Cấp trên đã xác nhận');
    expect(text).toContain('IV. Số dư');
    expect(text).toContain('40.291.000 đ');
  });
});
