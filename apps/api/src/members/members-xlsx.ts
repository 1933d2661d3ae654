import ExcelJS from 'exceljs';
import {
  EXAMPLE_ROW_MARK,
  GENDER_LABELS,
  MEMBER_COLUMNS,
  MemberColumnKey,
  MemberRowValues,
  PARTY_LABELS,
  RawCell,
  STATUS_LABELS,
  cellText,
  columnsFromHeader,
} from './member-row';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEET_NAME = 'Hội viên';
/** Rows the template offers its drop-down lists on (and a sensible bound for one file). */
export const MAX_IMPORT_ROWS = 20_000;

const HEADER_FILL = 'FFD9E1F2';

/** Columns with a closed list of values: Excel shows a drop-down (data validation) on them. */
const LISTS: Partial<Record<MemberColumnKey, string[]>> = {
  gender: Object.values(GENDER_LABELS),
  partyMember: Object.values(PARTY_LABELS),
  status: Object.values(STATUS_LABELS),
};

const isoToDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

function sheetWithHeader(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = MEMBER_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const header = ws.addRow(MEMBER_COLUMNS.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  for (const key of ['joinDate', 'statusDate'] as const) ws.getColumn(key).numFmt = 'dd/mm/yyyy';
  // Phones and codes are text: 0912… keeps its leading zero when typed.
  for (const key of ['phone', 'memberCode'] as const) ws.getColumn(key).numFmt = '@';
  MEMBER_COLUMNS.forEach((c, i) => {
    const list = LISTS[c.key];
    if (!list) return;
    const letter = ws.getColumn(i + 1).letter;
    // exceljs writes a range's validation once (the typings omit `dataValidations`, the runtime has it).
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${MAX_IMPORT_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list.join(',')}"`],
      showErrorMessage: true,
      errorTitle: c.header,
      error: `Chọn một trong: ${list.join(', ')}.`,
    });
  });
  return ws;
}

const toCells = (v: MemberRowValues): Record<MemberColumnKey, string | number | Date | null> => ({
  memberCode: v.memberCode,
  fullName: v.fullName,
  birthYear: v.birthYear,
  gender: v.gender ? GENDER_LABELS[v.gender] : null,
  address: v.address,
  phone: v.phone,
  joinDate: v.joinDate ? isoToDate(v.joinDate) : null,
  partyMember: v.partyMember ? PARTY_LABELS.yes : PARTY_LABELS.no,
  status: STATUS_LABELS[v.status],
  statusDate: v.statusDate ? isoToDate(v.statusDate) : null,
  unitName: v.unitName,
});

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.creator = 'Liên Thông';
  // Fixed stamps: the file is a function of the data.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The import template: the header, one example row (skipped on import), drop-down lists. */
export function memberTemplateXlsx(example: MemberRowValues): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheetWithHeader(wb);
  const row = ws.addRow(toCells({ ...example, memberCode: EXAMPLE_ROW_MARK }));
  row.font = { italic: true, color: { argb: 'FF808080' } };
  ws.getCell('A2').note = 'Dòng ví dụ: khi nhập, dòng có mã "VÍ DỤ" được bỏ qua. Để trống mã hội viên thì hệ thống tự cấp.';
  return toBuffer(wb);
}

/** A unit's members in the template's columns: importing the file back changes nothing. */
export function membersXlsx(rows: readonly MemberRowValues[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheetWithHeader(wb);
  for (const r of rows) ws.addRow(toCells(r));
  return toBuffer(wb);
}

export interface SheetRow {
  /** The spreadsheet's row number. */
  row: number;
  cells: Partial<Record<MemberColumnKey, RawCell>>;
}

export type ReadResult =
  | { ok: true; rows: SheetRow[] }
  | { ok: false; reason: 'unreadable' | 'no_header' | 'too_many_rows' };

/**
 * The data rows of a members workbook: the first sheet (or the one named "Hội viên") whose header
 * (within its first 10 rows) names the columns; blank rows and the template's example row skipped.
 */
export async function readMembersXlsx(body: Buffer): Promise<ReadResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const sheets = [wb.getWorksheet(SHEET_NAME), ...wb.worksheets].filter((s): s is ExcelJS.Worksheet => !!s);
  for (const ws of sheets) {
    for (let h = 1; h <= Math.min(10, ws.rowCount); h++) {
      const headerValues = ws.getRow(h).values as RawCell[];
      const columns = columnsFromHeader(headerValues.slice(1));
      if (!columns) continue;
      if (ws.rowCount - h > MAX_IMPORT_ROWS) return { ok: false, reason: 'too_many_rows' };
      const rows: SheetRow[] = [];
      for (let r = h + 1; r <= ws.rowCount; r++) {
        const values = ws.getRow(r).values as RawCell[];
        const cells: SheetRow['cells'] = {};
        let blank = true;
        for (const [key, index] of Object.entries(columns) as [MemberColumnKey, number][]) {
          const value = values[index + 1];
          cells[key] = value;
          if (value instanceof Date || cellText(value) !== null) blank = false;
        }
        if (blank || cellText(cells.memberCode) === EXAMPLE_ROW_MARK) continue;
        rows.push({ row: r, cells });
      }
      return { ok: true, rows };
    }
  }
  return { ok: false, reason: 'no_header' };
}
