import ExcelJS from 'exceljs';
import { startTestApps, TestApps } from '../support/test-apps';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['Mã hội viên', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Địa chỉ', 'Số điện thoại', 'Ngày vào hội', 'Đảng viên', 'Trạng thái', 'Ngày chuyển đi/từ trần', 'Đơn vị'];

type Cell = string | number | Date | null;

/** A workbook as a ward's officer would fill it: the template's header, then the rows. */
async function workbook(rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hội viên');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rows of a workbook as text (dates as Date), header first. */
async function readRows(body: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const binaryParser = (res: NodeJS.ReadableStream & { setEncoding: (e: string) => void }, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

interface Report {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: { row: number; message: string }[];
}

describe('members register: Excel template, import with a row report, export (real API and PostgreSQL)', () => {
  let apps: TestApps;
  const tokens: Record<string, string> = {};
  const unit: Record<string, string> = {};

  const token = async (username: string) => (tokens[username] ??= await apps.login(username));
  const importFile = async (username: string, unitId: string, body: Buffer, status: number, name = 'hoi-vien.xlsx') =>
    apps
      .http()
      .post(`/api/units/${unitId}/members/import`)
      .auth(await token(username), { type: 'bearer' })
      .attach('file', body, { filename: name, contentType: XLSX_MIME })
      .expect(status);
  const exportFile = async (username: string, unitId: string, status: number) =>
    apps
      .http()
      .get(`/api/units/${unitId}/members/export.xlsx`)
      .auth(await token(username), { type: 'bearer' })
      .buffer(true)
      .parse(binaryParser as never)
      .expect(status);
  const countAt = async (unitId: string) =>
    Number((await apps.dataSource.query(`SELECT count(*) AS n FROM members WHERE unit_id = $1`, [unitId]))[0].n);

  beforeAll(async () => {
    apps = await startTestApps({ worker: false });
    const res = await apps.http().get('/api/units').auth(await token('admin'), { type: 'bearer' }).expect(200);
    const items = res.body.items as { id: string; name: string; parentId: string | null }[];
    const byName = (name: string, parentName?: string) =>
      items.find((u) => u.name === name && (!parentName || items.find((p) => p.id === u.parentId)?.name === parentName))!.id;
    unit.ngocthuy = byName('Hội CCB phường Ngọc Thụy');
    unit.ch1 = byName('Chi hội 1', 'Hội CCB phường Ngọc Thụy');
    unit.ch2 = byName('Chi hội 2', 'Hội CCB phường Ngọc Thụy');
    unit.phucdongCh1 = byName('Chi hội 1', 'Hội CCB phường Phúc Đồng');
  }, 120_000);
  afterAll(() => apps?.close());

  it('the template has the Vietnamese header, an example row and drop-down lists; imported as is it changes nothing', async () => {
    const res = await apps
      .http()
      .get('/api/members/import-template.xlsx')
      .auth(await token('ngocthuy.ch1'), { type: 'bearer' })
      .buffer(true)
      .parse(binaryParser as never)
      .expect(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    const rows = await readRows(res.body as Buffer);
    expect(rows[0]).toEqual(HEADER);
    expect(rows[1]).toEqual(expect.arrayContaining(['VÍ DỤ', 'Nguyễn Văn An', 1955, 'Nam', 'Có', 'Đang sinh hoạt']));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as ArrayBuffer);
    const validations = (wb.worksheets[0] as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(validations['D2']?.formulae).toEqual(['"Nam,Nữ"']);
    expect(validations['I2']?.formulae).toEqual(['"Đang sinh hoạt,Đã chuyển đi,Đã từ trần"']);
    expect(validations['H2']?.formulae).toEqual(['"Có,Không"']);

    const before = await countAt(unit.ch1);
    const report = (await importFile('ngocthuy.ch1', unit.ch1, res.body as Buffer, 200)).body as Report;
    expect(report).toEqual({ rows: 0, created: 0, updated: 0, unchanged: 0, errors: [] });
    expect(await countAt(unit.ch1)).toBe(before);
  });

  const rows: Cell[][] = [
    [null, 'Trần Văn Bình', 1950, 'Nam', 'Tổ 5, phường Ngọc Thụy', '0912 345 678', '27/07/2005', 'Có', 'Đang sinh hoạt', null, null],
    ['CH1-002', 'Lê Thị Cúc', 1958, 'Nữ', 'Tổ 6, phường Ngọc Thụy', '0987654321', new Date(Date.UTC(2012, 2, 8)), 'Không', 'Đang sinh hoạt', null, null],
    [null, 'Phạm Văn Dũng', 1890, 'Nam', null, null, null, null, null, null, null],
    [null, 'Đỗ Văn Em', 1947, 'Nam', null, null, '01/05/1990', 'Có', 'Đã từ trần', '15/02/2024', null],
    [null, 'Vũ Văn Phú', 1952, null, null, '12345', null, null, null, null, null],
    [null, '  nguyễn   văn  giang ', 1949, 'Nam', null, null, null, null, 'Đã chuyển đi', '01/03/2025', 'Chi hội 1'],
  ];

  it('an import keeps the good rows and reports each bad one by its spreadsheet row number', async () => {
    const before = await countAt(unit.ch1);
    const report = (await importFile('ngocthuy.ch1', unit.ch1, await workbook(rows), 200)).body as Report;
    expect(report).toMatchObject({ rows: 6, created: 4, updated: 0, unchanged: 0 });
    expect(report.errors).toEqual([
      { row: 4, message: expect.stringContaining('Năm sinh "1890" không hợp lệ') },
      { row: 6, message: expect.stringContaining('Số điện thoại "12345" không hợp lệ') },
    ]);
    expect(await countAt(unit.ch1)).toBe(before + 4);
    const list = await apps.http().get(`/api/units/${unit.ch1}/members`).auth(await token('ngocthuy.ch1'), { type: 'bearer' }).expect(200);
    const cuc = list.body.items.find((m: { fullName: string }) => m.fullName === 'Lê Thị Cúc');
    expect(cuc).toMatchObject({ memberCode: 'CH1-002', birthYear: 1958, gender: 'female', phone: '0987654321', joinDate: '2012-03-08', status: 'active' });
    const em = list.body.items.find((m: { fullName: string }) => m.fullName === 'Đỗ Văn Em');
    expect(em).toMatchObject({ partyMember: true, status: 'deceased', statusDate: '2024-02-15', joinDate: '1990-05-01' });
    expect(em.memberCode).toMatch(/^HV-\d{6}$/);
    // Names are kept as cleaned up (spaces), each member once.
    expect(list.body.items.filter((m: { fullName: string }) => m.fullName === 'nguyễn văn giang')).toHaveLength(1);
  });

  it('the same file again changes nothing and duplicates no one; an edited row updates its member', async () => {
    const before = await countAt(unit.ch1);
    const again = (await importFile('ngocthuy.ch1', unit.ch1, await workbook(rows), 200)).body as Report;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(again.errors.map((e) => e.row)).toEqual([4, 6]);
    expect(await countAt(unit.ch1)).toBe(before);

    // Matched by name (case and spaces aside) and birth year, or by code.
    const edited = [
      [null, 'TRẦN  VĂN BÌNH', 1950, 'Nam', 'Tổ 7, phường Ngọc Thụy', '0912 345 678', '27/07/2005', 'Có', 'Đang sinh hoạt', null, null],
      ['CH1-002', 'Lê Thị Cúc', 1958, 'Nữ', 'Tổ 6, phường Ngọc Thụy', '0987654321', '08/03/2012', 'Không', 'Đã chuyển đi', '01/10/2025', null],
    ];
    const report = (await importFile('ngocthuy.ch1', unit.ch1, await workbook(edited), 200)).body as Report;
    expect(report).toEqual({ rows: 2, created: 0, updated: 2, unchanged: 0, errors: [] });
    expect(await countAt(unit.ch1)).toBe(before);
    const [binh] = await apps.dataSource.query(`SELECT full_name, address FROM members WHERE unit_id = $1 AND full_name ILIKE 'trần%bình'`, [unit.ch1]);
    expect(binh).toEqual({ full_name: 'TRẦN VĂN BÌNH', address: 'Tổ 7, phường Ngọc Thụy' });

    // A file naming one person twice takes the first row only.
    const newcomer = [null, 'Hồ Văn Mới', 1961, null, null, null, null, null, null, null, null];
    const twice = (await importFile('ngocthuy.ch1', unit.ch1, await workbook([edited[0], edited[0], edited[1], edited[1], newcomer, newcomer]), 200))
      .body as Report;
    expect(twice).toMatchObject({ created: 1, unchanged: 2 });
    expect(twice.errors).toEqual([
      { row: 3, message: 'Trùng với dòng 2 (cùng hội viên).' },
      { row: 5, message: 'Trùng mã hội viên "CH1-002" với dòng 4.' },
      { row: 7, message: 'Trùng với dòng 6 (cùng hội viên).' },
    ]);
    expect(await countAt(unit.ch1)).toBe(before + 1);

    // The ward's own code for a member registered without one: the same person, who takes the code.
    const withCode = [['CH1-005', 'Đỗ Văn Em', 1947, 'Nam', null, null, '01/05/1990', 'Có', 'Đã từ trần', '15/02/2024', null]];
    expect((await importFile('ngocthuy.ch1', unit.ch1, await workbook(withCode), 200)).body).toMatchObject({ created: 0, updated: 1, errors: [] });
    const [em] = await apps.dataSource.query(`SELECT member_code FROM members WHERE unit_id = $1 AND full_name = 'Đỗ Văn Em'`, [unit.ch1]);
    expect(em.member_code).toBe('CH1-005');
    expect((await importFile('ngocthuy.ch1', unit.ch1, await workbook(withCode), 200)).body).toMatchObject({ updated: 0, unchanged: 1 });
    // Another code for the same name and birth year is someone else's: refused, not a second Đỗ Văn Em.
    const otherCode = [['CH1-006', 'Đỗ Văn Em', 1947, null, null, null, null, null, null, null, null]];
    expect((await importFile('ngocthuy.ch1', unit.ch1, await workbook(otherCode), 200)).body.errors).toEqual([
      { row: 2, message: 'Đã có hội viên cùng tên và năm sinh với mã "CH1-005"; ghi đúng mã đó để cập nhật.' },
    ]);
  });

  it('export → import is a no-op, for a branch and for its ward (the branch members placed by the "Đơn vị" column)', async () => {
    const exported = await exportFile('ngocthuy.ch1', unit.ch1, 200);
    expect(exported.headers['content-type']).toContain(XLSX_MIME);
    expect(exported.headers['cache-control']).toContain('no-store');
    const rows = await readRows(exported.body as Buffer);
    expect(rows[0]).toEqual(HEADER);
    const n = await countAt(unit.ch1);
    expect(rows).toHaveLength(n + 1);
    const report = (await importFile('ngocthuy.ch1', unit.ch1, exported.body as Buffer, 200)).body as Report;
    expect(report).toEqual({ rows: n, created: 0, updated: 0, unchanged: n, errors: [] });

    const wardFile = await exportFile('ngocthuy', unit.ngocthuy, 200);
    const wardRows = await readRows(wardFile.body as Buffer);
    const total = (await countAt(unit.ngocthuy)) + n + (await countAt(unit.ch2));
    expect(wardRows).toHaveLength(total + 1);
    expect(wardRows.filter((r) => r[10] === 'Chi hội 1')).toHaveLength(n);
    const wardReport = (await importFile('ngocthuy', unit.ngocthuy, wardFile.body as Buffer, 200)).body as Report;
    expect(wardReport).toEqual({ rows: total, created: 0, updated: 0, unchanged: total, errors: [] });
  });

  it('every import is audited (who, file, counts) in an append-only table', async () => {
    const rowsAudited = await apps.dataSource.query(
      `SELECT i.file_name, i.rows, i.created, i.errors, u.username FROM member_imports i JOIN users u ON u.id = i.user_id
        WHERE i.unit_id = $1 ORDER BY i.created_at`,
      [unit.ch1],
    );
    expect(rowsAudited[1]).toEqual({ file_name: 'hoi-vien.xlsx', rows: 6, created: 4, errors: 2, username: 'ngocthuy.ch1' });
    await expect(apps.dataSource.query(`UPDATE member_imports SET created = 0`)).rejects.toThrow(/append-only/);
    await expect(apps.dataSource.query(`DELETE FROM member_imports`)).rejects.toThrow(/append-only/);
  });

  it('another ward’s chair, an officer of a sibling branch and a plain member may not import or export', async () => {
    const file = await workbook(rows.slice(0, 1));
    for (const username of ['phucdong', 'ngocthuy.ch2', 'phucdong.ch1']) {
      const res = await importFile(username, unit.ch1, file, 404);
      expect(res.body.code).toBe('unit.not_found');
      await exportFile(username, unit.ch1, 404);
    }
    // A member (no officer role) of the ward sees it but does not manage its register.
    await apps.dataSource.query(
      `INSERT INTO users (username, display_name, password_hash) SELECT 'ngocthuy.hv', 'Hội viên Ngọc Thụy', password_hash FROM users WHERE username = 'ngocthuy'`,
    );
    await apps.dataSource.query(`INSERT INTO memberships (user_id, unit_id, role) SELECT id, $1, 'member' FROM users WHERE username = 'ngocthuy.hv'`, [unit.ngocthuy]);
    const refused = await importFile('ngocthuy.hv', unit.ch1, file, 403);
    expect(refused.body.code).toBe('member.manage_forbidden');
    await exportFile('ngocthuy.hv', unit.ngocthuy, 403);
    // The ward's chair manages its branches; the district's admin everything.
    await importFile('ngocthuy', unit.ch1, file, 200);
    await importFile('admin', unit.phucdongCh1, file, 200);
  });

  it('a code already used in another ward is refused for that row, not taken over', async () => {
    const [{ member_code }] = await apps.dataSource.query(`SELECT member_code FROM members WHERE unit_id = $1 LIMIT 1`, [unit.phucdongCh1]);
    const report = (await importFile('ngocthuy.ch1', unit.ch1, await workbook([[member_code, 'Người Khác', 1960, null, null, null, null, null, null, null, null]]), 200))
      .body as Report;
    expect(report.errors).toEqual([{ row: 2, message: `Mã hội viên "${member_code}" đã dùng cho một hội viên của đơn vị khác.` }]);
  });

  it('refuses what is not an .xlsx, a request without a file and a file over 10 MB, with coded 4xx', async () => {
    const csv = await importFile('ngocthuy.ch1', unit.ch1, Buffer.from('Họ và tên,Năm sinh\nA,1950\n'), 400, 'danh-sach.csv');
    expect(csv.body).toMatchObject({ code: 'member.import_not_xlsx', message: expect.stringContaining('danh-sach.csv') });
    const renamed = await importFile('ngocthuy.ch1', unit.ch1, Buffer.from('not a zip'), 400, 'gia.xlsx');
    expect(renamed.body.code).toBe('member.import_not_xlsx');
    const none = await apps.http().post(`/api/units/${unit.ch1}/members/import`).auth(await token('ngocthuy.ch1'), { type: 'bearer' }).expect(400);
    expect(none.body.code).toBe('member.import_file_missing');
    // Over 10 MB: refused while it arrives, nothing read.
    const huge = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const tooLarge = await importFile('ngocthuy.ch1', unit.ch1, huge, 413);
    expect(tooLarge.body).toMatchObject({ code: 'request.too_large', message: 'Nội dung yêu cầu quá lớn (tối đa 10 MB).' });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['Tên', 'Tuổi']);
    const noHeader = await importFile('ngocthuy.ch1', unit.ch1, Buffer.from(await wb.xlsx.writeBuffer()), 400);
    expect(noHeader.body.code).toBe('member.import_no_header');
  });

  it('imports 10,000 rows in one request, then the same file again unchanged (elapsed times logged)', async () => {
    const big: Cell[][] = Array.from({ length: 10_000 }, (_, i) => [
      null,
      `Hội Viên Số ${i + 1}`,
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
    const file = await workbook(big);
    const before = await countAt(unit.ch2);
    let t = Date.now();
    const first = (await importFile('ngocthuy', unit.ch2, file, 200)).body as Report;
    console.log(`members import: 10,000 rows created in ${Date.now() - t} ms`);
    expect(first).toEqual({ rows: 10_000, created: 10_000, updated: 0, unchanged: 0, errors: [] });
    t = Date.now();
    const second = (await importFile('ngocthuy', unit.ch2, file, 200)).body as Report;
    console.log(`members import: 10,000 rows unchanged in ${Date.now() - t} ms`);
    expect(second).toEqual({ rows: 10_000, created: 0, updated: 0, unchanged: 10_000, errors: [] });
    expect(await countAt(unit.ch2)).toBe(before + 10_000);
  }, 180_000);
});
