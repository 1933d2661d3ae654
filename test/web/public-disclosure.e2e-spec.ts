import { randomUUID } from 'node:crypto';
import { Browser } from 'playwright-core';
import { dateInHcm, shiftDate } from '@lienthong/domain';
import { demoUnitId } from '../support/cases-api';
import { startTestApps, TestApps } from '../support/test-apps';
import { DESKTOP, expectVietnameseScreen, launchChromium, newUserContext, PHONE, screenshot } from './browser';

/**
 * The public disclosure page (/cong-khai/<code>) in real Chromium against the real stack: nobody signed
 * in, the figures of the ledger, only consenting donors named, the papers downloadable, the toolbar gone
 * on paper, and a 360 px phone without sideways scrolling.
 */
describe('the public disclosure page in Chromium', () => {
  let apps: TestApps;
  let browser: Browser;
  let baseUrl: string;
  const tokens: Record<string, string> = {};
  const units: Record<string, string> = {};
  const today = dateInHcm(Date.now());

  const post = (who: string, path: string, body: object) =>
    apps.http().post(`/api${path}`).set('authorization', `Bearer ${tokens[who]}`).set('idempotency-key', randomUUID()).send(body);
  const give = (who: string, unit: string, campaignId: string, amount: number, donor: object, method = 'cash') =>
    post(who, `/campaigns/${campaignId}/contributions`, { unitId: units[unit], donor, amount, date: today, method }).expect(201);

  async function campaign(isPublic: boolean): Promise<{ id: string; code: string }> {
    const created = await post('ngocthuy', '/campaigns', {
      unitId: units.ngocthuy,
      title: 'Quỹ Vì người nghèo năm 2026',
      fundName: 'Quỹ Vì người nghèo',
      purpose: 'Hỗ trợ hộ hội viên có hoàn cảnh khó khăn sửa chữa nhà ở trước Tết.',
      target: 50_000_000,
      startDate: today,
      endDate: shiftDate(today, 20),
      public: isPublic,
    }).expect(201);
    await post('ngocthuy', `/campaigns/${created.body.id}/launch`, {}).expect(200);
    return created.body;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    apps = await startTestApps();
    await apps.api.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(apps.api.getHttpServer().address() as { port: number }).port}`;
    for (const who of ['ngocthuy', 'ngocthuy.ch1', 'ngocthuy.ch2']) tokens[who] = await apps.login(who);
    for (const key of ['ngocthuy', 'ngocthuy.ch1', 'ngocthuy.ch2']) units[key] = await demoUnitId(apps.dataSource, key);
  });
  afterAll(async () => {
    await browser?.close();
    await apps?.close();
  });

  it('shows a public campaign’s disclosure without sign-in, on a desktop and a phone, printable, with its PDF and XLSX', async () => {
    const { id, code } = await campaign(true);
    await give('ngocthuy.ch1', 'ngocthuy.ch1', id, 1_500_000, { kind: 'member', name: 'Lê Thị Hoa', publicName: true });
    await give('ngocthuy.ch1', 'ngocthuy.ch1', id, 300_000, { kind: 'resident', name: 'Bà Trần Thị Mai' }, 'transfer');
    const wrong = await give('ngocthuy.ch2', 'ngocthuy.ch2', id, 9_000_000, { kind: 'organization', name: 'Công ty TNHH Đức Giang', publicName: true });
    await post('ngocthuy.ch2', `/campaigns/${id}/contributions/${wrong.body.id}/reversal`, { reason: 'Ghi nhầm số tiền' }).expect(201);
    await give('ngocthuy.ch2', 'ngocthuy.ch2', id, 200_000, { kind: 'anonymous' }, 'in-kind');

    for (const viewport of [DESKTOP, PHONE]) {
      const page = await (await newUserContext(browser, viewport)).newPage();
      await page.goto(`${baseUrl}/cong-khai/${code}`);
      await page.getByRole('heading', { level: 1, name: 'THÔNG BÁO CÔNG KHAI' }).waitFor();
      // Nobody signed in, and the app did not send them to sign in.
      expect(new URL(page.url()).pathname).toBe(`/cong-khai/${code}`);
      const received = (await page.getByTestId('disclosure-received').innerText()).replace(/\s/g, ' ');
      expect(received).toBe('2.000.000 ₫');
      const body = await page.locator('main').innerText();
      expect(body).toContain('Quỹ Vì người nghèo năm 2026');
      expect(body).toContain('Lê Thị Hoa');
      expect(body).not.toContain('Bà Trần Thị Mai');
      expect(body).not.toContain('Công ty TNHH Đức Giang');
      await expectVietnameseScreen(page, viewport);
      await screenshot(page, viewport, 'public-disclosure');

      if (viewport === DESKTOP) {
        // The links are the same document as papers, fetched as a resident would (no session).
        for (const [name, type] of [
          ['Tải bản PDF', 'application/pdf'],
          ['Tải bảng tính (XLSX)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        ]) {
          const href = await page.getByRole('link', { name }).getAttribute('href');
          const paper = await page.request.get(`${baseUrl}${href}`);
          expect({ status: paper.status(), type: paper.headers()['content-type'] }).toEqual({ status: 200, type });
        }
        // On paper: the notice only, without the buttons.
        await page.emulateMedia({ media: 'print' });
        expect(await page.getByRole('toolbar').isVisible()).toBe(false);
        expect(await page.getByRole('heading', { level: 1, name: 'THÔNG BÁO CÔNG KHAI' }).isVisible()).toBe(true);
      }
      await page.context().close();
    }
  }, 240_000);

  it('says a campaign that is not public was not found', async () => {
    const { code } = await campaign(false);
    const page = await (await newUserContext(browser, DESKTOP)).newPage();
    await page.goto(`${baseUrl}/cong-khai/${code}`);
    await page.getByText('Không tìm thấy bản công khai này.').waitFor();
    expect(await page.getByRole('link', { name: 'Tải bản PDF' }).count()).toBe(0);
    await expectVietnameseScreen(page, DESKTOP);
    await page.context().close();
  }, 120_000);
});
