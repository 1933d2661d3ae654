import { Browser } from 'playwright-core';
import { startTestApps, TestApps } from '../support/test-apps';
import { DESKTOP, launchChromium, PHONE } from './browser';
import { clickThroughCampaign } from './campaign-scenario';

/**
 * The "Vận động" section in real Chromium against the real API, worker, Temporal and PostgreSQL:
 * a whole campaign clicked through, on a desktop screen and on a 360 px phone.
 */
describe('fund campaigns in the web app', () => {
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

  it('creates, sets quotas, launches, records by keyboard, reverses, and adds up, on a desktop screen', async () => {
    await clickThroughCampaign(browser, baseUrl, DESKTOP);
  }, 240_000);

  it('does the same on a 360 px phone', async () => {
    await clickThroughCampaign(browser, baseUrl, PHONE);
  }, 240_000);
});
