import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { resources } from '../../apps/web/src/i18n/resources';
import { DEMO_PASSWORD } from '@lienthong/persistence';

/**
 * Real Chromium for the web tests: Debian's `chromium` package (`.ci/run` installs it), driven by
 * playwright-core. Playwright's own browser download needs the internet; Debian's package does not.
 * A missing browser fails the tests: a skipped browser test would let a broken app through CI.
 */
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const ARTIFACTS = resolve(__dirname, '../../test-results/web');
export const WEB_DIST = resolve(__dirname, '../../dist/web/index.html');

export async function launchChromium(): Promise<Browser> {
  const executablePath = CHROMIUM_PATHS.find((p) => existsSync(p));
  if (!executablePath) {
    throw new Error(`Chromium not found (looked for ${CHROMIUM_PATHS.join(', ')}): apt-get install -y chromium`);
  }
  if (!existsSync(WEB_DIST)) throw new Error(`The web app is not built (${WEB_DIST}): run npm run build`);
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath,
    headless: true,
    // Root in CI has no sandbox; the network here is closed, so Chromium must not phone home.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Viewport {
  name: 'desktop' | 'phone';
  width: number;
  height: number;
}
export const DESKTOP: Viewport = { name: 'desktop', width: 1280, height: 900 };
export const PHONE: Viewport = { name: 'phone', width: 360, height: 740 };

/**
 * What Chromium refused under the API's Content-Security-Policy, in any page of any context: a blocked
 * script or style can leave the app half working without failing a click (web-app.e2e-spec.ts checks).
 */
export const cspViolations: string[] = [];

/** A user's own browser (own storage, so own session), at a viewport, in Vietnam. */
export async function newUserContext(browser: Browser, viewport: Viewport): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    isMobile: viewport.name === 'phone',
    hasTouch: viewport.name === 'phone',
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  // Each wait is for something the API does (a Temporal Update, a write): on a 2-core machine under a
  // parallel test run that can take a while, and a wait that is too short fails a working app. The
  // jest timeout (120 s per test) still bounds a test that truly hangs.
  context.setDefaultTimeout(45_000);
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${message.location().url}: ${message.text()}`);
  });
  return context;
}

export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/inbox$/);
}

export async function screenshot(page: Page, viewport: Viewport, name: string): Promise<void> {
  // The screen as a user reads it: loaded, without the passing "done" toasts over the title.
  await page.waitForLoadState('networkidle');
  await page.screenshot({
    path: join(ARTIFACTS, `${viewport.name}-${name}.png`),
    fullPage: true,
    animations: 'disabled',
    style: '.ant-message { display: none !important; }',
  });
}

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));

/**
 * English that must not show in Vietnamese mode: our English texts, the generic pages' and every
 * process module's (the parts between placeholders, where they differ from the Vietnamese), and Ant
 * Design's English defaults, which would show if its Vietnamese locale were not applied.
 */
const en = resources.en.translation;
const viTexts = new Set(leaves(resources.vi.translation as unknown as Tree));
const ENGLISH = [
  ...new Set(
    leaves(en as unknown as Tree)
      .filter((s) => !viTexts.has(s) && s !== en.nav.switchToShort && s !== en.nav.switchTo)
      .flatMap((s) => s.split(/\{\{\w+\}\}/))
      .map((s) => s.replace(/[.…:()“”]/g, '').trim())
      .filter((s) => s.length >= 5),
  ),
  'No data',
  'items/page',
  'Go to',
  'Select date',
  'Loading',
  'Please enter',
  'is required',
];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ENGLISH_RE = new RegExp(`\\b(${ENGLISH.map(escape).join('|')})\\b`);
/** An i18n key shown raw ("status.pending") means a missing translation. */
const RAW_KEY_RE = new RegExp(`\\b(${[...Object.keys(resources.vi.translation), 'process', 'kind', 'milestone'].join('|')})\\.[a-zA-Z_.-]+\\b`);

/** The screen as a user reads it is all Vietnamese, NFC, with no translation keys, and fits the viewport. */
export async function expectVietnameseScreen(page: Page, viewport: Viewport): Promise<void> {
  await page.waitForLoadState('networkidle');
  const text = await page.locator('body').innerText();
  const english = text.match(ENGLISH_RE);
  if (english) throw new Error(`English on a Vietnamese screen (${page.url()}): "${english[0]}"`);
  const raw = text.match(RAW_KEY_RE);
  if (raw) throw new Error(`A translation key shows on ${page.url()}: "${raw[0]}"`);
  if (text !== text.normalize('NFC')) throw new Error(`Text not in NFC on ${page.url()}`);
  if (viewport.name === 'phone') {
    // A string, evaluated in the page: this file is compiled without the DOM's types.
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    if (overflow > 0) throw new Error(`${page.url()} is ${overflow}px wider than a ${viewport.width}px phone`);
  }
}


/**
 * What a clicked-through scenario needs: a signed-in page per demo user (each its own browser
 * context), the screen checks and screenshots, and the confirmations every case action asks for.
 */
export function scenario(browser: Browser, baseUrl: string, viewport: Viewport) {
  return {
    open: async (username: string) => {
      const page = await (await newUserContext(browser, viewport)).newPage();
      await signIn(page, baseUrl, username);
      return page;
    },
    shot: (page: Page, name: string) => screenshot(page, viewport, name),
    check: (page: Page) => expectVietnameseScreen(page, viewport),
    /** Confirms the open dialog; unless a refusal is expected, waits until it has closed (the action went through). */
    confirmIn: async (page: Page, button: string, outcome: 'done' | 'refused' = 'done') => {
      const dialog = page.getByRole('dialog');
      const confirm = dialog.getByRole('button', { name: button });
      await confirm.click();
      if (outcome === 'refused') return;
      // A refusal shown in the dialog (the API's alert) fails at once, with what it said. antd zooms a dialog in from the pointer, and on a busy machine a click while it still
      // grows can land beside the moving button: if the dialog is still open, silent and not busy after
      // a while, the click is given again (safe: the request's Idempotency-Key makes a repeat a no-op).
      // (A field's message is not counted: one shown before, fading out as the field is filled, would
      // pass for a refusal. A dialog that does not close prints what it shows, field messages included.)
      const refusal = dialog.getByRole('alert').first();
      const refused = refusal.waitFor().then(async () => {
        throw new Error(`"${button}" was refused: ${await refusal.innerText().catch(() => '?')}`);
      });
      refused.catch(() => undefined);
      for (let attempt = 1; ; attempt++) {
        const closed = await Promise.race([dialog.waitFor({ state: 'hidden', timeout: 10_000 }).then(() => true, () => false), refused]);
        if (closed) return;
        const busy = (await confirm.getAttribute('class').catch(() => ''))?.includes('ant-btn-loading');
        if (attempt >= 4) {
          const shown = await dialog.innerText({ timeout: 1000 }).catch(() => '(gone)');
          throw new Error(`"${button}": the dialog did not close. It showed: ${shown.replace(/\s+/g, ' ')}`);
        }
        if (!busy) await confirm.click({ timeout: 5_000 }).catch(() => undefined);
      }
    },
    /** The case detail shows this status (its tag under the title). */
    statusShows: (page: Page, status: string) => page.locator('.case-detail .status-tag', { hasText: status }).first().waitFor(),
    /** Lập hồ sơ mới, then the process by its name in the list of those the user may start. */
    startCase: async (page: Page, processName: string, heading: string) => {
      await page.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
      await page.locator('.process-choice', { hasText: processName }).click();
      await page.getByRole('heading', { name: heading }).waitFor();
    },
  };
}
