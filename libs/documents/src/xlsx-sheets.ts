import ExcelJS from 'exceljs';
import type { FigureKind } from './figures';

/** A column's kind: a figure kind, or a calendar date. */
export type CellKind = FigureKind | 'date';

/**
 * A cell: a number (count, đồng, percent), text, a date ("YYYY-MM-DD" or a Date), or empty. A cell
 * whose kind differs from its column's (a label–value sheet) is given as { value, kind }.
 */
export type CellValue = number | string | Date | null | undefined;
export type Cell = CellValue | { value: CellValue; kind: CellKind };

export interface SheetColumn {
  header: string;
  kind: CellKind;
  /** Width in characters; by default fitted to the header and the longest value (8 to 60). */
  width?: number;
}

export interface SheetSpec {
  /** The tab's name; cut to Excel's 31 characters, with []:*?/\ replaced. */
  name: string;
  /** A bold line above the table (and a second, plain one), e.g. the campaign and the date of the figures. */
  title?: string;
  subtitle?: string;
  columns: readonly SheetColumn[];
  rows: readonly (readonly Cell[])[];
  /** A last row in bold ("Tổng cộng"). */
  totals?: readonly Cell[];
}

/**
 * Number formats. Excel stores the format code with "," as the thousands separator and "." as the
 * decimal point whatever the language, and shows them with the reader's own separators: a Vietnamese
 * Excel or LibreOffice displays `#,##0` as 102.350.000. A code spelled with dots ("#.##0") would mean
 * something else (a decimal point), so the standard codes are used and the values stay plain numbers
 * that sum and sort. Percentages are stored as fractions (85,3% → 0.853) with a percent format, as Excel
 * does; the input gives them as numbers of percent, like the PDFs.
 */
export const NUMBER_FORMATS: Record<Exclude<CellKind, 'text'>, string> = {
  count: '#,##0',
  vnd: '#,##0',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
};

const HEADER_FILL = 'FFD9E1F2';

/** Writes the sheets into one .xlsx workbook. */
export async function workbookXlsx(sheets: readonly SheetSpec[], meta: { title?: string; creator?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator ?? 'Liên Thông';
  if (meta.title) wb.title = nfc(meta.title);
  // Fixed stamps keep the output a function of the input (no "now" in the file).
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const used = new Set<string>();
  for (const spec of sheets) addSheet(wb, spec, uniqueName(spec.name, used));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, name: string): void {
  const ws = wb.addWorksheet(name);
  const n = spec.columns.length;
  if (spec.title) {
    const row = ws.addRow([nfc(spec.title)]);
    row.font = { bold: true, size: 13 };
    if (n > 1) ws.mergeCells(row.number, 1, row.number, n);
  }
  if (spec.subtitle) {
    const row = ws.addRow([nfc(spec.subtitle)]);
    row.font = { italic: true };
    if (n > 1) ws.mergeCells(row.number, 1, row.number, n);
  }
  if (spec.title || spec.subtitle) ws.addRow([]);

  const header = ws.addRow(spec.columns.map((c) => nfc(c.header)));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = thinBorder();
  });
  ws.views = [{ state: 'frozen', ySplit: header.number }];

  const write = (cells: readonly Cell[], bold: boolean) => {
    const row = ws.addRow([]);
    spec.columns.forEach((column, i) => {
      const { value, kind } = unpack(cells[i], column.kind);
      const cell = row.getCell(i + 1);
      cell.value = toExcel(value, kind);
      if (kind !== 'text' && typeof cell.value !== 'string') cell.numFmt = NUMBER_FORMATS[kind];
      cell.border = thinBorder();
      cell.alignment = { vertical: 'top', wrapText: kind === 'text' };
      if (bold) cell.font = { bold: true };
    });
  };
  for (const cells of spec.rows) write(cells, false);
  if (spec.totals) write(spec.totals, true);

  spec.columns.forEach((column, i) => {
    ws.getColumn(i + 1).width = column.width ?? fitWidth(column, [...spec.rows, ...(spec.totals ? [spec.totals] : [])].map((r) => r[i]));
  });
}

function unpack(cell: Cell, columnKind: CellKind): { value: CellValue; kind: CellKind } {
  if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) return cell;
  return { value: cell, kind: columnKind };
}

function toExcel(value: CellValue, kind: CellKind): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    // A calendar date in a date column becomes a real date (midnight UTC: Excel dates have no zone).
    if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
    return nfc(value);
  }
  if (value instanceof Date) return value;
  // 100.7275 / 100 is 1.0072750000000001 in binary; 15 significant digits give back 1.007275.
  if (kind === 'percent') return Number((value / 100).toPrecision(15));
  return value;
}

function fitWidth(column: SheetColumn, values: readonly Cell[]): number {
  const lengths = values.map((v) => {
    const { value, kind } = unpack(v, column.kind);
    if (value === null || value === undefined) return 0;
    if (typeof value === 'number') return kind === 'percent' ? 7 : Math.ceil(String(Math.trunc(value)).length * 1.35) + 1;
    if (value instanceof Date || kind === 'date') return 10;
    return Math.max(...value.split('\n').map((line) => line.length));
  });
  const longestHeaderWord = Math.max(...column.header.split(/\s+/).map((w) => w.length));
  return Math.min(60, Math.max(8, longestHeaderWord + 2, Math.min(column.header.length, 24) + 2, ...lengths.map((l) => l + 2)));
}

function uniqueName(wanted: string, used: Set<string>): string {
  const base = nfc(wanted).replace(/[[\]:*?/\\]/g, '-').slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

function thinBorder(): Partial<ExcelJS.Borders> {
  const side = { style: 'thin' as const, color: { argb: 'FF999999' } };
  return { top: side, left: side, bottom: side, right: side };
}

function nfc(text: string): string {
  return text.normalize('NFC');
}
