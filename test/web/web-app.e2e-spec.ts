import { Browser } from 'playwright-core';
import { startTestApps, TestApps } from '../support/test-apps';
import { cspViolations, DESKTOP, expectVietnameseScreen, launchChromium, newUserContext, PHONE, screenshot, signIn } from './browser';
import { clickThroughHousingCase } from './housing-scenario';
import { clickThroughLoan, clickThroughSupportVisit } from './support-scenarios';

/**
 * The officers' web app in real Chromium against the real API, worker, Temporal and PostgreSQL, served
 * as `npm start` serves it (the built SPA at `/`). Screenshots go to test-results/web/.
 */
describe('the web app in Chromium', () => {
  let apps: TestApps;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    browser = await launchChromium();
    apps = await startTestApps();
    await apps.api.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(apps.api.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await apps?.close();
  });

  it('serves the app at / with client routes, and keeps /api/* for the API', async () => {
    const index = await fetch(`${baseUrl}/cases/00000000-0000-4000-8000-000000000000`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    const missingApi = await fetch(`${baseUrl}/api/no-such-route`, { headers: { accept: 'text/html' } });
    expect(missingApi.status).toBe(404);
    expect(((await missingApi.json()) as { code: string }).code).toBe('route.not_found');
    expect((await fetch(`${baseUrl}/assets/no-such-file.js`)).status).toBe(404);
  });

  it('runs the housing scenario by clicking, on a desktop screen', async () => {
    await clickThroughHousingCase(browser, baseUrl, DESKTOP);
  }, 240_000);

  it('runs the housing scenario by clicking, on a 360 px phone, the district settling below the approved amount', async () => {
    await clickThroughHousingCase(browser, baseUrl, PHONE, 'settle');
  }, 240_000);

  it('records a condolence visit and has the ward confirm it, on a desktop screen', async () => {
    await clickThroughSupportVisit(browser, baseUrl, DESKTOP);
  }, 240_000);

  it('runs an interest-free loan from proposal to repaid, on a desktop screen (its screens on a phone too)', async () => {
    await clickThroughLoan(browser, baseUrl, DESKTOP);
  }, 240_000);

  it('says why sign-in failed, sends an expired session back to sign-in, and returns to the page after', async () => {
    const context = await newUserContext(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/cases`);
    await page.waitForURL(/\/login\?next=%2Fcases$/);
    await page.getByLabel('Tên đăng nhập').fill('ngocthuy');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await expectVietnameseScreen(page, DESKTOP);
    await screenshot(page, DESKTOP, 'login-refused');

    await signIn(page, baseUrl, 'ngocthuy');
    await page.goto(`${baseUrl}/cases?status=pending`);
    await page.getByRole('heading', { name: 'Hồ sơ' }).waitFor();
    // The token goes bad (as when it expires): the next call is a 401.
    await page.evaluate(`(() => {
      const session = JSON.parse(localStorage.getItem('lienthong.session'));
      localStorage.setItem('lienthong.session', JSON.stringify({ ...session, accessToken: 'expired' }));
    })()`);
    await page.reload();
    await page.waitForURL(/\/login\?next=%2Fcases%3Fstatus%3Dpending&expired=1$/);
    await page.getByText('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại để tiếp tục.').waitFor();
    await page.getByLabel('Tên đăng nhập').fill('ngocthuy');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('demo1234');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/cases\?status=pending$/);
    await context.close();
  });

  it('switches to English and remembers it, API messages included', async () => {
    const context = await newUserContext(browser, DESKTOP);
    const page = await context.newPage();
    await signIn(page, baseUrl, 'ngocthuy.ch2');
    await page.getByRole('button', { name: 'Chuyển sang tiếng Anh (English)' }).click();
    await page.getByRole('link', { name: 'Inbox' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.getByText('Nothing is waiting for your decision.').waitFor();
    await screenshot(page, DESKTOP, 'inbox-english');
    // Another ward's case is not visible: the API's 404, in English.
    await page.goto(`${baseUrl}/cases/00000000-0000-4000-8000-000000000000`);
    await page.getByText('Case not found.').waitFor();
    await page.getByRole('button', { name: 'Switch to Vietnamese (Tiếng Việt)' }).click();
    await page.getByText('Không tìm thấy hồ sơ.').waitFor();
    await context.close();
  });

  it('shows the API document (Swagger UI at /api/docs) under the same policy', async () => {
    const context = await newUserContext(browser, DESKTOP);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/api/docs`);
    await page.getByRole('heading', { name: /Liên Thông API/ }).waitFor();
    await page.getByText('/api/auth/login').first().waitFor();
    await context.close();
  });

  it('breaks no rule of the Content-Security-Policy in any page above (runs last)', async () => {
    // The policy is the API's (apps/api/src/common/security-headers.ts); a page opened here proves it is sent.
    const context = await newUserContext(browser, DESKTOP);
    const page = await context.newPage();
    const answer = await page.goto(`${baseUrl}/`);
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await context.close();
    expect(cspViolations).toEqual([]);
  });
});
