import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { Browser } from 'playwright-core';
import { startTestApps, TestApps } from '../support/test-apps';
import { DESKTOP, expectVietnameseScreen, launchChromium, newUserContext, PHONE, screenshot, signIn } from './browser';

const HEADER = ['Mã hội viên', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Địa chỉ', 'Số điện thoại', 'Ngày vào hội', 'Đảng viên', 'Trạng thái', 'Ngày chuyển đi/từ trần', 'Đơn vị'];

async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Hội viên');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The Hội viên page in real Chromium against the real API: a branch officer imports their list from
 * Excel (one bad row reported by its number, the others listed), finds a member, and exports the list.
 */
describe('the members page in Chromium', () => {
  let apps: TestApps;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    browser = await launchChromium();
    apps = await startTestApps({ worker: false });
    await apps.api.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(apps.api.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await apps?.close();
  });

  it.each([DESKTOP, PHONE])('a branch officer imports from Excel, sees the row report, searches and exports (%s)', async (viewport) => {
    const suffix = viewport.name === 'phone' ? 'Hai' : 'Một';
    const file = await workbook([
      [null, `Trần Văn Nhập ${suffix}`, 1951, 'Nam', 'Tổ 4, phường Ngọc Thụy', '0912 000 111', '12/05/2001', 'Có', 'Đang sinh hoạt', null, null],
      [null, `Lê Văn Sai ${suffix}`, 1850, 'Nam', null, null, null, null, null, null, null],
      [null, `Phạm Thị Nhập ${suffix}`, 1956, 'Nữ', null, null, null, 'Không', 'Đang sinh hoạt', null, null],
    ]);
    const page = await (await newUserContext(browser, viewport)).newPage();
    await signIn(page, baseUrl, 'ngocthuy.ch1');
    await page.getByRole('link', { name: 'Hội viên' }).click();
    await page.getByRole('heading', { name: 'Hội viên' }).waitFor();
    await page.getByRole('cell', { name: 'Lê Thị Hoa' }).waitFor();

    await page.getByTestId('members-file').setInputFiles({
      name: 'danh-sach.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByText('Kết quả nhập tệp danh-sach.xlsx').waitFor();
    await page.getByText('Đọc 3 dòng: thêm mới 2, cập nhật 0, không đổi 0, lỗi 1.').waitFor();
    const errorRow = page.getByRole('row', { name: /Năm sinh "1850" không hợp lệ/ });
    expect(await errorRow.getByRole('cell').first().innerText()).toBe('3');
    await page.getByRole('cell', { name: `Trần Văn Nhập ${suffix}` }).waitFor();
    await expectVietnameseScreen(page, viewport);
    await screenshot(page, viewport, 'members-import');

    await page.getByRole('searchbox', { name: 'Tìm theo tên, mã, số điện thoại' }).fill(`phạm thị nhập ${suffix}`);
    await page.getByRole('cell', { name: `Phạm Thị Nhập ${suffix}` }).waitFor();
    expect(await page.getByRole('cell', { name: 'Lê Thị Hoa' }).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('Hoi-vien Chi hội 1.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const names: unknown[] = [];
    wb.worksheets[0].eachRow((row) => names.push(row.getCell(2).value));
    expect(names).toEqual(expect.arrayContaining(['Họ và tên', `Trần Văn Nhập ${suffix}`, `Phạm Thị Nhập ${suffix}`, 'Lê Thị Hoa']));
    await page.context().close();
  });
});
