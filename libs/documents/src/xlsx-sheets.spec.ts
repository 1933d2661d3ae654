import ExcelJS from 'exceljs';
import { NUMBER_FORMATS, workbookXlsx } from './xlsx-sheets';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe('workbookXlsx', () => {
  it('writes numbers as numbers with their formats, dates as dates, text in NFC, a styled header and widths', async () => {
    const wb = await load(
      await workbookXlsx([
        {
          name: 'Chi hội',
          title: 'Kết quả vận động',
          subtitle: 'Số liệu đến 10/11/2025',
          columns: [
            { header: 'Đơn vị', kind: 'text' },
            { header: 'Ngày', kind: 'date' },
            { header: 'Lượt', kind: 'count' },
            { header: 'Số tiền (đồng)', kind: 'vnd' },
            { header: 'Đạt', kind: 'percent' },
          ],
          rows: [
            ['Chi hội Nguyễn Thị Hường'.normalize('NFD'), '2025-10-17', 35, 40_291_000, 100.7275],
            ['Chi hội 2', new Date('2025-10-18T00:00:00Z'), 28, 26_500_000, null],
          ],
          totals: ['Tổng cộng', null, 63, 66_791_000, { value: 'không áp dụng', kind: 'text' }],
        },
      ]),
    );
    const ws = wb.getWorksheet('Chi hội')!;
    expect(ws.getCell('A1').value).toBe('Kết quả vận động');
    expect(ws.getCell('A2').value).toBe('Số liệu đến 10/11/2025');
    const header = ws.getRow(4);
    expect((header.values as ExcelJS.CellValue[]).slice(1)).toEqual(['Đơn vị', 'Ngày', 'Lượt', 'Số tiền (đồng)', 'Đạt']);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });

    const row = ws.getRow(5);
    expect(row.getCell(1).value).toBe('Chi hội Nguyễn Thị Hường'.normalize('NFC'));
    expect(row.getCell(2).value).toEqual(new Date('2025-10-17T00:00:00Z'));
    expect(row.getCell(2).numFmt).toBe(NUMBER_FORMATS.date);
    expect(row.getCell(3).value).toBe(35);
    expect(row.getCell(3).numFmt).toBe('#,##0');
    expect(row.getCell(4).value).toBe(40_291_000);
    expect(row.getCell(4).numFmt).toBe('#,##0');
    expect(row.getCell(5).value).toBe(1.007275);
    expect(row.getCell(5).numFmt).toBe('0.0%');
    expect(ws.getRow(6).getCell(5).value).toBeNull();

    const totals = ws.getRow(7);
    expect(totals.getCell(1).font?.bold).toBe(true);
    expect(totals.getCell(4).value).toBe(66_791_000);
    expect(totals.getCell(5).value).toBe('không áp dụng');

    // Widths fit the longest value, within 8–60 characters.
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual('Chi hội Nguyễn Thị Hường'.length);
    for (let i = 1; i <= 5; i++) expect(ws.getColumn(i).width).toBeGreaterThanOrEqual(8);
  });

  it('starts with the header row when there is no title, and makes sheet names valid and unique', async () => {
    const wb = await load(
      await workbookXlsx([
        { name: 'Quỹ: "Vì người nghèo" [2025] / đợt 1 — danh sách dài', columns: [{ header: 'A', kind: 'count' }], rows: [[1]] },
        { name: 'Quỹ: "Vì người nghèo" [2025] / đợt 1 — danh sách dài', columns: [{ header: 'A', kind: 'count' }], rows: [[2]] },
      ]),
    );
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names[0]).toBe('Quỹ- "Vì người nghèo" -2025- -');
    expect(names[0].length).toBeLessThanOrEqual(31);
    expect(names[1]).not.toBe(names[0]);
    expect(names[1].length).toBeLessThanOrEqual(31);
    expect(wb.worksheets[0].getCell('A1').value).toBe('A');
    expect(wb.worksheets[1].getCell('A2').value).toBe(2);
  });
});
