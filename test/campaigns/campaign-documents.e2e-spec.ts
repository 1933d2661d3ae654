import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { Response } from 'superagent';
import { dateInHcm, shiftDate } from '@lienthong/domain';
import { pdfText } from '@lienthong/documents';
import { demoMemberId, demoUnitId } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** supertest keeps a binary body as a Buffer with this parser. */
function binary(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
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

interface ProgressNode {
  unit: { id: string };
  collected: number;
  children: ProgressNode[];
}

/**
 * The campaign's papers over HTTP, through the real API, worker, Temporal and PostgreSQL: a
 * contribution's receipt (PDF, Vietnamese text intact, who may read it), the disclosure as JSON, XLSX
 * and PDF with the ledger's figures and only consenting donors' names, and the public route that
 * needs no sign-in for a public campaign only.
 */
describe('campaign papers: receipts and the public disclosure (API, real Temporal and PostgreSQL)', () => {
  let apps: TestApps;
  const tokens: Record<string, string> = {};
  const units: Record<string, string> = {};
  const today = dateInHcm(Date.now());

  const post = (who: string, path: string, body: object) =>
    apps.http().post(`/api${path}`).set('authorization', `Bearer ${tokens[who]}`).set('idempotency-key', randomUUID()).send(body);
  const get = (who: string | null, path: string) => {
    const req = apps.http().get(`/api${path}`);
    return who ? req.set('authorization', `Bearer ${tokens[who]}`) : req;
  };
  const file = (who: string | null, path: string) => get(who, path).buffer(true).parse(binary);

  const contribution = (unit: string, amount: number, donor: Record<string, unknown>, method = 'cash') => ({
    unitId: units[unit],
    donor,
    amount,
    date: today,
    method,
  });

  /** Creates (and unless told, launches) a campaign of the ward; returns its id and code. */
  async function campaign(overrides: Record<string, unknown> = {}, launch = true): Promise<{ id: string; code: string }> {
    const created = await post('ngocthuy', '/campaigns', {
      unitId: units.ngocthuy,
      title: 'Ủng hộ đồng bào bị bão lũ năm 2026',
      fundName: 'Quỹ Vì người nghèo',
      purpose: 'Hỗ trợ hội viên và nhân dân các tỉnh miền Trung khắc phục hậu quả bão.',
      target: 100_000_000,
      startDate: today,
      endDate: shiftDate(today, 30),
      suggestion: 100_000,
      ...overrides,
    }).expect(201);
    if (launch) await post('ngocthuy', `/campaigns/${created.body.id}/launch`, {}).expect(200);
    return { id: created.body.id, code: created.body.code };
  }

  beforeAll(async () => {
    apps = await startTestApps();
    for (const who of ['ngocthuy', 'ngocthuy.ch1', 'ngocthuy.ch2', 'phucdong']) tokens[who] = await apps.login(who);
    for (const key of ['ngocthuy', 'ngocthuy.ch1', 'ngocthuy.ch2']) units[key] = await demoUnitId(apps.dataSource, key);
  });
  afterAll(async () => {
    await apps?.close();
  });

  it('prints a contribution’s receipt: number, amount in figures and words, Vietnamese names intact; only for those who may list the entries', async () => {
    const { id, code } = await campaign();
    const hung = await demoMemberId(apps.dataSource, 'Nguyễn Văn Hùng');
    const entry = await post('ngocthuy.ch1', `/campaigns/${id}/contributions`, contribution('ngocthuy.ch1', 50_000_000, { kind: 'member', memberId: hung }, 'transfer')).expect(201);
    expect(entry.body.receiptNo).toBe(1);
    const path = `/campaigns/${id}/contributions/${entry.body.id}/receipt.pdf`;

    const res = await file('ngocthuy.ch1', path).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const disposition = res.headers['content-disposition'];
    expect(disposition).toBe(
      `inline; filename="Bien-nhan-0001-${code}-Chi-hoi-1.pdf"; filename*=UTF-8''${encodeURIComponent(`Biên nhận 0001-${code} - Chi hội 1.pdf`)}`,
    );
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(body);
    expect(text).toBe(text.normalize('NFC'));
    for (const expected of [
      'BIÊN NHẬN',
      `Số: 0001/${code}`,
      '50.000.000 đ',
      'Năm mươi triệu đồng',
      'Nguyễn Văn Hùng',
      'Chi hội 1',
      'HỘI CCB PHƯỜNG NGỌC THỤY',
      'Ngọc Thụy, ngày',
      'Ủng hộ đồng bào bị bão lũ năm 2026',
      'Quỹ Vì người nghèo',
      'Chuyển khoản',
      `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`,
      'Nguyễn Văn Thành', // the branch officer who recorded it
    ]) {
      expect(text).toContain(expected);
    }

    // The ward above may read it; the other branch and another ward may not; nobody signed out.
    await file('ngocthuy', path).expect(200);
    expect((await get('ngocthuy.ch2', path).expect(403)).body.code).toBe('campaign.entries_officers_only');
    expect((await get('phucdong', path).expect(404)).body.code).toBe('campaign.not_found');
    await get(null, path).expect(401);
    expect((await get('ngocthuy.ch1', `/campaigns/${id}/contributions/${randomUUID()}/receipt.pdf`).expect(404)).body.code).toBe(
      'campaign.contribution_not_found',
    );

    // An anonymous gift: the receipt names no one.
    const anonymous = await post('ngocthuy.ch1', `/campaigns/${id}/contributions`, contribution('ngocthuy.ch1', 777_000, { kind: 'anonymous' })).expect(201);
    const anonymousText = pdfText((await file('ngocthuy.ch1', `/campaigns/${id}/contributions/${anonymous.body.id}/receipt.pdf`).expect(200)).body);
    expect(anonymousText).toContain('Người ủng hộ không nêu tên');
    expect(anonymousText).toContain('Bảy trăm bảy mươi bảy nghìn đồng');
    expect(anonymousText).toContain(`Số: 0002/${code}`);

    // A reversal has no receipt; the original's, printed again, says it was reversed.
    const reversal = await post('ngocthuy.ch1', `/campaigns/${id}/contributions/${entry.body.id}/reversal`, { reason: 'Ghi nhầm số tiền' }).expect(201);
    const refused = await get('ngocthuy.ch1', `/campaigns/${id}/contributions/${reversal.body.id}/receipt.pdf`).expect(422);
    expect(refused.body.code).toBe('campaign.receipt_of_reversal');
    expect(refused.body.message).toContain('Bút toán hủy không có biên nhận riêng');
    const reprinted = pdfText((await file('ngocthuy.ch1', path).expect(200)).body);
    expect(reprinted).toContain(`Số: 0001/${code}`);
    expect(reprinted).toContain(`Khoản này đã được hủy ngày ${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}: Ghi nhầm số tiền.`);
  });

  it('discloses the ledger’s totals per unit and by method in JSON, XLSX and PDF alike, naming only donors who agreed', async () => {
    const { id } = await campaign();
    const record = async (who: string, unit: string, amount: number, donor: Record<string, unknown>, method = 'cash') =>
      (await post(who, `/campaigns/${id}/contributions`, contribution(unit, amount, donor, method)).expect(201)).body;

    const hung = await record('ngocthuy.ch1', 'ngocthuy.ch1', 500_000, { kind: 'member', name: 'Nguyễn Văn Hùng', publicName: true });
    expect(hung.donor).toMatchObject({ name: 'Nguyễn Văn Hùng', publicName: true });
    const mai = await record('ngocthuy.ch1', 'ngocthuy.ch1', 300_000, { kind: 'resident', name: 'Bà Trần Thị Mai' }, 'transfer');
    expect(mai.donor.publicName).toBe(false); // not asked: not named
    const company = await record('ngocthuy.ch1', 'ngocthuy.ch1', 1_000_000, { kind: 'organization', name: 'Công ty TNHH Đức Giang', publicName: true });
    await post('ngocthuy.ch1', `/campaigns/${id}/contributions/${company.id}/reversal`, { reason: 'Ghi nhầm chiến dịch' }).expect(201);
    await record('ngocthuy.ch2', 'ngocthuy.ch2', 200_000, { kind: 'member', name: 'Đỗ Văn Lực', publicName: true }, 'in-kind');
    await record('ngocthuy.ch2', 'ngocthuy.ch2', 100_000, { kind: 'anonymous' });
    await record('ngocthuy', 'ngocthuy', 2_000_000, { kind: 'organization', name: 'Ngân hàng Chính sách xã hội Long Biên', publicName: true }, 'transfer');
    // An anonymous gift cannot be published under a name.
    const named = await post('ngocthuy.ch2', `/campaigns/${id}/contributions`, contribution('ngocthuy.ch2', 1_000, { kind: 'anonymous', publicName: true })).expect(422);
    expect(named.body.code).toBe('campaign.donor_anonymous_named');
    // Consent is stored on the row itself, false unless given.
    const stored = await apps.dataSource.query<{ donor_name: string | null; donor_public_name: boolean }[]>(
      'SELECT donor_name, donor_public_name FROM contributions WHERE campaign_id = $1 AND reverses IS NULL ORDER BY created_at',
      [id],
    );
    expect(stored.map((r) => r.donor_public_name)).toEqual([true, false, true, true, false, true]);

    const disclosure = (await get('ngocthuy', `/campaigns/${id}/disclosure`).expect(200)).body;
    expect(disclosure.campaign).toMatchObject({ id, launchedBy: 'Hội CCB phường Ngọc Thụy', fundName: 'Quỹ Vì người nghèo', target: 100_000_000, status: 'open' });
    expect(disclosure.campaign.suggestion).toBe('100.000 đ/hội viên');
    expect(disclosure.header).toEqual({ organization: 'HỘI CCB QUẬN LONG BIÊN', unit: 'HỘI CCB PHƯỜNG NGỌC THỤY', place: 'Ngọc Thụy' });
    expect(disclosure.receiving.methods).toEqual(['cash', 'transfer', 'in-kind']);
    expect(disclosure.receiving.points.map((p: { unitName: string }) => p.unitName)).toEqual(['Hội CCB phường Ngọc Thụy', 'Chi hội 1', 'Chi hội 2']);
    expect(disclosure.signer).toEqual({ onBehalfOf: 'T/M BAN CHẤP HÀNH', title: 'CHỦ TỊCH', name: 'Trần Văn Đức' });

    // The totals are the ledger's: net of the reversal, at every unit, and as the progress tree has them.
    const ledger = new Map<string, number>(
      (
        await apps.dataSource.query<{ unit_id: string; net: string }[]>(
          'SELECT unit_id, sum(amount)::text AS net FROM contributions WHERE campaign_id = $1 GROUP BY unit_id',
          [id],
        )
      ).map((r) => [r.unit_id, Number(r.net)]),
    );
    expect(disclosure.totals).toEqual({
      received: 3_100_000,
      contributions: 5,
      byMethod: [
        { method: 'cash', count: 2, amount: 600_000 },
        { method: 'transfer', count: 2, amount: 2_300_000 },
        { method: 'in-kind', count: 1, amount: 200_000 },
      ],
      byUnit: [
        { unitId: units.ngocthuy, unitName: 'Hội CCB phường Ngọc Thụy', levelCode: 'ward', depth: 0, count: 1, received: 2_000_000, remitted: 0, confirmed: 0 },
        { unitId: units['ngocthuy.ch1'], unitName: 'Chi hội 1', levelCode: 'branch', depth: 1, count: 2, received: 800_000, remitted: 0, confirmed: 0 },
        { unitId: units['ngocthuy.ch2'], unitName: 'Chi hội 2', levelCode: 'branch', depth: 1, count: 2, received: 300_000, remitted: 0, confirmed: 0 },
      ],
      remitted: 0,
      confirmed: 0,
      balance: 3_100_000,
    });
    for (const u of disclosure.totals.byUnit) expect(u.received).toBe(ledger.get(u.unitId) ?? 0);
    expect([...ledger.values()].reduce((s, v) => s + v, 0)).toBe(disclosure.totals.received);
    const tree = (await get('ngocthuy', `/campaigns/${id}/progress`).expect(200)).body as ProgressNode;
    expect(tree.collected).toBe(disclosure.totals.received);
    // Remittances are recorded (none in this campaign): their zeros above are facts, not placeholders.

    // Donors: only those who agreed, in the order received; a reversed gift is no gift.
    expect(disclosure.donors).toEqual([
      { name: 'Nguyễn Văn Hùng', unitName: 'Chi hội 1', amount: 500_000 },
      { name: 'Đỗ Văn Lực', unitName: 'Chi hội 2', amount: 200_000 },
      { name: 'Ngân hàng Chính sách xã hội Long Biên', unitName: 'Hội CCB phường Ngọc Thụy', amount: 2_000_000 },
    ]);

    // The same figures in the workbook, amounts as numbers, Vietnamese text intact.
    const xlsx = await file('ngocthuy.ch1', `/campaigns/${id}/disclosure?format=xlsx`).expect(200);
    expect(xlsx.headers['content-type']).toBe(XLSX_MIME);
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename="Cong-khai-VD-\d{4}-\d{4}\.xlsx"; filename\*=UTF-8''C%C3%B4ng%20khai%20VD-/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as ArrayBuffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Theo hình thức', 'Người ủng hộ']);
    const summary = new Map(tableOf(wb.getWorksheet('Tổng hợp')!, 'Nội dung').map(([k, v]) => [k, v]));
    expect(summary.get('Tổng số tiền đã nhận (đồng)')).toBe(3_100_000);
    expect(summary.get('Số lượt ủng hộ')).toBe(5);
    expect(summary.get('Số dư (đồng)')).toBe(3_100_000);
    expect(summary.get('Đơn vị phát động')).toBe('Hội CCB phường Ngọc Thụy');
    expect(summary.get('Đã nộp lên cấp trên (đồng)')).toBe(0);
    expect(summary.get('Cấp trên đã xác nhận (đồng)')).toBe(0);
    expect(tableOf(wb.getWorksheet('Theo đơn vị')!, 'Đơn vị')).toEqual([
      ['Hội CCB phường Ngọc Thụy', 0, 1, 2_000_000, 0, 0],
      ['  Chi hội 1', 1, 2, 800_000, 0, 0],
      ['  Chi hội 2', 1, 2, 300_000, 0, 0],
    ]);
    expect(tableOf(wb.getWorksheet('Theo hình thức')!, 'Hình thức')).toEqual([
      ['Tiền mặt', 2, 600_000],
      ['Chuyển khoản', 2, 2_300_000],
      ['Hiện vật (quy ra tiền)', 1, 200_000],
      ['Tổng cộng', 5, 3_100_000],
    ]);
    expect(tableOf(wb.getWorksheet('Người ủng hộ')!, 'STT').map((r) => r[1])).toEqual([
      'Nguyễn Văn Hùng',
      'Đỗ Văn Lực',
      'Ngân hàng Chính sách xã hội Long Biên',
    ]);

    // And in the PDF.
    const pdf = await file('ngocthuy', `/campaigns/${id}/disclosure?format=pdf`).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.body);
    expect(text).toBe(text.normalize('NFC'));
    for (const expected of [
      'THÔNG BÁO CÔNG KHAI',
      'Ủng hộ đồng bào bị bão lũ năm 2026',
      '3.100.000 đ',
      'Ba triệu một trăm nghìn đồng',
      '2.000.000 đ',
      '800.000 đ',
      '600.000 đ',
      '2.300.000 đ',
      'Nguyễn Văn Hùng',
      'Đỗ Văn Lực',
      'Ngân hàng Chính sách xã hội Long Biên',
      'Trần Văn Đức',
      'Đã nộp lên',
    ]) {
      expect(text).toContain(expected);
    }
    for (const absent of ['Bà Trần Thị Mai', 'Công ty TNHH Đức Giang']) expect(text).not.toContain(absent);

    // Another ward sees nothing; an unknown format is a coded 400.
    expect((await get('phucdong', `/campaigns/${id}/disclosure`).expect(404)).body.code).toBe('campaign.not_found');
    expect((await get('ngocthuy', `/campaigns/${id}/disclosure?format=docx`).expect(400)).body.code).toBe('validation.failed');
    await get(null, `/campaigns/${id}/disclosure`).expect(401);
  });

  it('serves the disclosure without sign-in only for a public, launched campaign', async () => {
    const open = await campaign({ public: true });
    await post('ngocthuy.ch1', `/campaigns/${open.id}/contributions`, contribution('ngocthuy.ch1', 1_500_000, { kind: 'member', name: 'Lê Thị Hoa', publicName: true })).expect(201);

    const anonymous = (await get(null, `/public/campaigns/${open.code}/disclosure`).expect(200)).body;
    const signedIn = (await get('ngocthuy', `/campaigns/${open.id}/disclosure`).expect(200)).body;
    expect({ ...anonymous, asOf: null }).toEqual({ ...signedIn, asOf: null });
    expect(anonymous.totals.received).toBe(1_500_000);
    expect(anonymous.donors).toEqual([{ name: 'Lê Thị Hoa', unitName: 'Chi hội 1', amount: 1_500_000 }]);
    const pdf = await file(null, `/public/campaigns/${open.code}/disclosure?format=pdf`).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(pdfText(pdf.body)).toContain('1.500.000 đ');
    const xlsx = await file(null, `/public/campaigns/${open.code}/disclosure?format=xlsx`).expect(200);
    expect(xlsx.headers['content-type']).toBe(XLSX_MIME);

    // Not public, or public but still a draft, or no such code: 404 as if it did not exist.
    const internal = await campaign();
    const draft = await campaign({ public: true }, false);
    for (const code of [internal.code, draft.code, 'VD-1999-9999']) {
      const res = await get(null, `/public/campaigns/${code}/disclosure`).expect(404);
      expect(res.body).toMatchObject({ code: 'campaign.not_found', message: 'Không tìm thấy cuộc vận động.' });
    }
    expect((await get(null, `/public/campaigns/${open.code}/disclosure?format=html`).expect(400)).body.code).toBe('validation.failed');
  });

  it('declares the papers in the OpenAPI document: binary PDF and XLSX, the disclosure schema, no bearer on the public route', async () => {
    const doc = (await apps.http().get('/api/docs-json').expect(200)).body;
    const receipt = doc.paths['/api/campaigns/{id}/contributions/{contributionId}/receipt.pdf'].get;
    expect(receipt.responses['200'].content).toEqual({ 'application/pdf': { schema: { type: 'string', format: 'binary' } } });
    expect(Object.keys(receipt.responses['422'].content)).toEqual(['application/json']);
    const open = doc.paths['/api/public/campaigns/{code}/disclosure'].get;
    expect(open.security).toBeUndefined();
    expect(open.responses['200'].content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/CampaignDisclosureDto' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      [XLSX_MIME]: { schema: { type: 'string', format: 'binary' } },
    });
    expect(doc.paths['/api/campaigns/{id}/disclosure'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.components.schemas.DisclosureTotalsDto.properties).toHaveProperty('remitted');
    // Optional for clients (false when left out): no `default`, which generated clients turn into "required".
    expect(doc.components.schemas.DonorDto.properties.publicName).toMatchObject({ type: 'boolean' });
    expect(doc.components.schemas.DonorDto.properties.publicName).not.toHaveProperty('default');
    expect(doc.components.schemas.DonorDto.required ?? []).not.toContain('publicName');
  });
});
