import ExcelJS from 'exceljs';
import type { DemoSession } from './throughput.bench';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['Mã hội viên', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Địa chỉ', 'Số điện thoại', 'Ngày vào hội', 'Đảng viên', 'Trạng thái', 'Ngày chuyển đi/từ trần', 'Đơn vị'];

export interface MembersImportFigures {
  rows: number;
  fileKb: number;
  /** The first import (every row new) and the same file again (every row unchanged), seconds each. */
  createSeconds: number;
  unchangedSeconds: number;
}

/** A ward's register as officers fill it in: `rows` members, no codes (the system gives them). */
async function registerXlsx(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hội viên');
  ws.addRow(HEADER);
  for (let i = 0; i < rows; i++) {
    ws.addRow([
      null,
      `Hội Viên Thử ${i + 1}`,
      1940 + (i % 40),
      i % 2 ? 'Nữ' : 'Nam',
      `Tổ ${(i % 30) + 1}, phường Ngọc Thụy`,
      `09${String(10_000_000 + i).padStart(8, '0')}`,
      `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2000`,
      i % 3 ? 'Không' : 'Có',
      'Đang sinh hoạt',
      null,
      null,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `POST /api/units/:id/members/import` of `rows` rows into the demo branch, timed end to end (upload, parse, SQL, report). */
export async function measureMembersImport(session: DemoSession, rows: number): Promise<MembersImportFigures> {
  const file = await registerXlsx(rows);
  const upload = async (expect: 'created' | 'unchanged') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)], { type: XLSX_MIME }), 'hoi-vien.xlsx');
    const started = performance.now();
    const res = await fetch(`${session.apiUrl}/api/units/${session.branchUnitId}/members/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.tokens.branch}` },
      body: form,
    });
    const seconds = (performance.now() - started) / 1000;
    if (!res.ok) throw new Error(`members import: ${res.status} ${await res.text()}`);
    const report = (await res.json()) as Record<'created' | 'unchanged', number> & { errors: unknown[] };
    if (report[expect] !== rows || report.errors.length) throw new Error(`members import: expected ${rows} ${expect}, got ${JSON.stringify(report).slice(0, 300)}`);
    return Math.round(seconds * 100) / 100;
  };
  const createSeconds = await upload('created');
  const unchangedSeconds = await upload('unchanged');
  return { rows, fileKb: Math.round(file.length / 1024), createSeconds, unchangedSeconds };
}
