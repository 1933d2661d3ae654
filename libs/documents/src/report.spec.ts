import ExcelJS from 'exceljs';
import { EXAMPLE_REPORT } from './examples';
import { pdfText } from './pdf-text.testing';
import { reportPdf } from './report.pdf';
import { reportXlsx } from './report.xlsx';

describe('reportPdf', () => {
  it('lays out header, title, period, sections of figures written the Vietnamese way, tables and the signer', async () => {
    const pdf = await reportPdf(EXAMPLE_REPORT);
    const text = pdfText(pdf);
    for (const expected of [
      'HỘI CCB QUẬN LONG BIÊN',
      'Số: 25/BC-CCB',
      'Ngọc Thụy, ngày 01 tháng 7 năm 2020',
      'BÁO CÁO SƠ KẾT GIỮA NHIỆM KỲ',
      '(Kỳ báo cáo từ 01/07/2017 đến 30/06/2020)',
      '1. Công tác hội viên',
      'Hội viên cuối kỳ 1.862',
      'Kết nạp mới 290',
      'Số lượt thăm hỏi, tặng quà 812',
      '102.350.000 đ',
      '(Bằng chữ: Một trăm linh hai triệu ba trăm năm mươi nghìn đồng)',
      '150.000.000 đ',
      '(Bằng chữ: Một trăm năm mươi triệu đồng)',
      'Chi hội 1 40.000.000 đ 40.291.000 đ 100,7%',
      'Chi hội 2 30.000.000 đ 26.500.000 đ 88,3%',
      'Khối văn phòng — 20.000.000 đ —',
      'Tổng cộng 70.000.000 đ 86.791.000 đ 124%',
      'Tỷ lệ đạt chỉ tiêu theo chi hội',
      'Chỉ tiêu: 100%',
      'Phối hợp MTTQ và các đoàn thể vận động các loại quỹ đạt 100% chỉ tiêu giao.',
      'CHỦ TỊCH',
      'Nguyễn Ngọc Thúy',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('writes a section with no figures as its heading alone, and a report without signer', async () => {
    const text = pdfText(
      await reportPdf({ ...EXAMPLE_REPORT, signer: undefined, sections: [{ heading: '5. Khen thưởng' }], number: undefined }),
    );
    expect(text).toContain('5. Khen thưởng');
    expect(text).not.toContain('(Ký, ghi rõ họ tên)');
    expect(text).not.toContain('Số:');
  });
});

describe('reportXlsx', () => {
  it('puts every figure on a summary sheet and each table on its own sheet, as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(EXAMPLE_REPORT)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Tổng hợp', '4. Vận động quỹ']);

    const summary = wb.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A1').value).toBe('BÁO CÁO SƠ KẾT GIỮA NHIỆM KỲ — HỘI CCB PHƯỜNG NGỌC THỤY');
    expect(summary.getCell('A2').value).toBe('Kỳ báo cáo từ 01/07/2017 đến 30/06/2020');
    const figures = new Map<string, ExcelJS.CellValue>();
    summary.eachRow((row) => figures.set(String(row.getCell(2).value), row.getCell(3).value));
    expect(figures.get('Số lượt thăm hỏi, tặng quà')).toBe(812);
    expect(figures.get('Số tiền')).toBe(102_350_000);
    expect(figures.get('Tổng số tiền cho vay')).toBe(150_000_000);
    expect(figures.get('Kết nạp mới')).toBe(290);

    const campaigns = wb.getWorksheet('4. Vận động quỹ')!;
    const rows: ExcelJS.CellValue[][] = [];
    campaigns.eachRow((row, n) => {
      if (n > 4) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
    });
    expect(rows[0]).toEqual(['Chi hội 1', 40_000_000, 40_291_000, 1.007275]);
    expect(rows[2]).toEqual(['Khối văn phòng', null, 20_000_000, null].map((v) => v ?? undefined));
    expect(rows[3]).toEqual(['Tổng cộng', 70_000_000, 86_791_000, 1.24]);
    expect(campaigns.getRow(5).getCell(4).numFmt).toBe('0.0%');
    expect(campaigns.getRow(5).getCell(2).numFmt).toBe('#,##0');
  });
});
