import { Browser, Page } from 'playwright-core';
import { scenario, Viewport } from './browser';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** A calendar day in Vietnam, `days` after today, as Vietnamese write it (dd/MM/yyyy, what the date fields show and take). */
function vietnamDate(days = 0): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}
const vnd = (digits: string) => new RegExp(`${digits.replace(/\./g, '\\.')}\\s₫`);

/** A node's own figures line in the progress tree (not its children's). */
const nodeLine = (page: Page, unit: string) =>
  page.locator(`.progress-node[data-unit="${unit}"] > .progress-node-figures .progress-node-line`);
/** A node's remitted / confirmed line in the progress tree. */
const remittedLine = (page: Page, unit: string) => page.locator(`.progress-node[data-unit="${unit}"] > .progress-node-remitted`);
const nodeHead = (page: Page, unit: string) => page.locator(`.progress-node[data-unit="${unit}"] > .progress-node-head`);

async function waitText(locator: ReturnType<Page['locator']>, expected: RegExp): Promise<void> {
  // Polls until the line shows it (a refetch after a write lands a moment later).
  const deadline = Date.now() + 45_000;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.innerText().catch(() => '')) ?? '';
    if (expected.test(last)) return;
    await locator.page().waitForTimeout(200);
  }
  throw new Error(`expected ${expected} in "${last}"`);
}

const activeId = (page: Page) => page.evaluate('document.activeElement && document.activeElement.id') as Promise<string | null>;

/**
 * A fund campaign clicked through: the ward chair of Ngọc Thụy creates one (20 days), sets quotas for
 * Chi hội 1 and 2 in the tree and launches it; the officer of Chi hội 1 records two gifts by keyboard
 * only and reverses the first with a reason; the ward's dashboard then adds up at every level (tree,
 * totals, chart), marks Chi hội 2 behind pace in words, and its timeline tells the story. Chi hội 1 then
 * remits what it holds from the dashboard; the ward confirms the case from its inbox and the tree shows
 * the amount remitted and confirmed.
 */
export async function clickThroughCampaign(browser: Browser, baseUrl: string, viewport: Viewport): Promise<void> {
  const { open, shot, check, confirmIn } = scenario(browser, baseUrl, viewport);
  const title = `Ủng hộ đồng bào bị bão lũ (${viewport.name === 'phone' ? 'điện thoại' : 'máy tính'})`;

  // The ward creates the campaign.
  const ward = await open('ngocthuy');
  await ward.getByRole('link', { name: 'Vận động' }).click();
  await ward.getByRole('heading', { name: 'Vận động' }).waitFor();
  await ward.getByRole('button', { name: 'Tạo cuộc vận động' }).click();
  await ward.getByRole('heading', { name: 'Tạo cuộc vận động' }).waitFor();
  // Nothing missing goes unnamed.
  await ward.getByRole('button', { name: 'Tạo cuộc vận động (bản nháp)' }).click();
  await ward.getByText('Vui lòng nhập tên cuộc vận động.').waitFor();
  await ward.getByLabel('Tên cuộc vận động').fill(title);
  await ward.getByLabel('Tên quỹ').fill('Quỹ Vì người nghèo');
  await ward.getByLabel('Mục đích').fill('Hỗ trợ hội viên và nhân dân các tỉnh miền Trung khắc phục hậu quả bão lũ.');
  await ward.getByLabel('Mục tiêu (số tiền)').pressSequentially('10000000');
  if ((await ward.getByLabel('Mục tiêu (số tiền)').inputValue()) !== '10.000.000') throw new Error('target not grouped as typed');
  if ((await ward.getByLabel('Ngày bắt đầu').inputValue()) !== vietnamDate()) throw new Error('start does not default to today in Vietnam');
  await ward.getByLabel('Ngày kết thúc').pressSequentially(vietnamDate(20));
  await ward.getByLabel('Ngày kết thúc').press('Tab');
  if ((await ward.getByLabel('Ngày kết thúc').inputValue()) !== vietnamDate(20)) throw new Error('end date not taken as typed');
  await check(ward);
  await shot(ward, 'campaign-new');
  await ward.getByRole('button', { name: 'Tạo cuộc vận động (bản nháp)' }).click();
  await ward.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
  const campaignUrl = ward.url();
  await ward.getByRole('heading', { name: title }).waitFor();
  await ward.locator('.campaign-status', { hasText: 'Chưa phát động' }).first().waitFor();

  // Quotas in the tree, as the ward's officers hand them down.
  for (const [unit, amount, grouped] of [
    ['Chi hội 1', '6000000', '6.000.000'],
    ['Chi hội 2', '4000000', '4.000.000'],
  ] as const) {
    await ward.getByRole('button', { name: `Chỉ tiêu của ${unit}` }).click();
    const input = ward.getByRole('textbox', { name: `Chỉ tiêu của ${unit}` });
    await input.pressSequentially(amount);
    if ((await input.inputValue()) !== grouped) throw new Error(`quota of ${unit} not grouped as typed`);
    await input.press('Enter');
    await waitText(nodeLine(ward, unit), new RegExp(`^0\\s₫ / ${grouped.replace(/\./g, '\\.')}\\s₫$`));
  }

  await ward.getByRole('button', { name: 'Phát động', exact: true }).click();
  await confirmIn(ward, 'Xác nhận phát động');
  await ward.locator('.campaign-status', { hasText: 'Đang vận động' }).first().waitFor();
  await ward.locator('.days-tag', { hasText: 'Còn 20 ngày' }).first().waitFor();
  await check(ward);

  // Chi hội 1 records two gifts by keyboard only, then reverses the first.
  const branch = await open('ngocthuy.ch1');
  await branch.getByRole('link', { name: 'Vận động' }).click();
  await branch.locator('.campaign-item', { hasText: title }).getByRole('link', { name: title }).click();
  await branch.getByRole('heading', { name: title }).waitFor();
  // A branch officer sets no quotas and launches nothing.
  if (await branch.getByRole('button', { name: /Chỉ tiêu của/ }).count()) throw new Error('a branch officer is offered quota editing');
  await branch.getByRole('button', { name: 'Ghi nhận đóng góp' }).click();
  await branch.getByRole('heading', { name: 'Ghi nhận đóng góp' }).waitFor();
  await branch.getByLabel('Số tiền').waitFor();
  if ((await activeId(branch)) !== 'entry_amount') throw new Error('the cursor does not start in the amount');
  if ((await branch.getByLabel('Ngày nhận').inputValue()) !== vietnamDate()) throw new Error('the date does not default to today in Vietnam');

  await branch.keyboard.type('500000');
  if ((await branch.getByLabel('Số tiền').inputValue()) !== '500.000') throw new Error('amount not grouped as typed');
  await branch.keyboard.press('Tab'); // donor kind: Hội viên
  await branch.keyboard.press('Tab'); // name
  await branch.keyboard.type('Nguyễn Văn Hùng');
  await branch.keyboard.press('Enter');
  await branch.getByText(/Đã lưu biên nhận số 1: 500\.000\s₫\./).waitFor();
  const receipt = branch.getByRole('link', { name: 'In biên nhận' });
  if (!/\/api\/campaigns\/[0-9a-f-]{36}\/contributions\/[0-9a-f-]{36}\/receipt\.pdf$/.test((await receipt.getAttribute('href')) ?? '')) {
    throw new Error('no receipt link after saving');
  }
  if ((await activeId(branch)) !== 'entry_amount') throw new Error('the cursor is not back in the amount after saving');

  await branch.keyboard.type('200000');
  await branch.keyboard.press('Tab');
  await branch.keyboard.press('ArrowRight'); // Người dân
  await branch.keyboard.press('Tab');
  await branch.keyboard.type('Bà Nguyễn Thị Mai');
  await branch.keyboard.press('Enter');
  await branch.getByText(/Đã lưu biên nhận số 2: 200\.000\s₫\./).waitFor();
  await branch.getByText(/^2 bút toán, cộng 700\.000\s₫$/).waitFor();
  await check(branch);
  await shot(branch, 'campaign-entries');

  await branch.locator('.entry-item', { hasText: 'Biên nhận số 1' }).getByRole('button', { name: 'Hủy khoản này' }).click();
  const dialog = branch.getByRole('dialog');
  // No reason, no reversal.
  await dialog.getByRole('button', { name: 'Xác nhận hủy khoản' }).click();
  await dialog.getByText('Vui lòng ghi lý do.').waitFor();
  await dialog.getByLabel('Lý do hủy').fill('Ghi nhầm người đóng góp.');
  await confirmIn(branch, 'Xác nhận hủy khoản');
  await branch.getByText(/^3 bút toán, cộng 200\.000\s₫$/).waitFor();
  await branch.locator('.entry-item', { hasText: 'Bút toán hủy' }).getByText('Ghi nhầm người đóng góp.').waitFor();
  await branch.locator('.entry-item', { hasText: 'Biên nhận số 1' }).getByText('Đã hủy').waitFor();
  await check(branch);

  // The ward's dashboard adds up at every level.
  await ward.goto(campaignUrl);
  await ward.getByRole('heading', { name: title }).waitFor();
  await waitText(nodeLine(ward, 'Chi hội 1'), /^200\.000\s₫ \/ 6\.000\.000\s₫$/);
  await waitText(nodeLine(ward, 'Chi hội 2'), /^0\s₫ \/ 4\.000\.000\s₫$/);
  await waitText(nodeLine(ward, 'Hội CCB phường Ngọc Thụy'), /^200\.000\s₫ \/ 10\.000\.000\s₫$/);
  await waitText(nodeHead(ward, 'Chi hội 2'), /Chậm tiến độ/);
  await waitText(ward.locator('.campaign-collected'), vnd('200.000'));
  await waitText(ward.locator('.campaign-totals .campaign-percent'), /^2%$/);
  await ward.locator('.total-chart canvas').first().waitFor();
  await waitText(ward.locator('.total-chart figcaption'), /Tổng đã nhận của Hội CCB phường Ngọc Thụy đến \d\d\/\d\d\/\d{4}: 200\.000\s₫\./);
  const timeline = ward.locator('.case-timeline');
  await timeline.getByText(/Giao chỉ tiêu cho Chi hội 1: 6\.000\.000\s₫/).waitFor();
  await timeline.getByText(/Hủy bút toán biên nhận số 1 của Chi hội 1/).waitFor();
  await timeline.getByText('Phát động', { exact: true }).waitFor();
  await check(ward);
  await shot(ward, 'campaign-dashboard');

  // Chi hội 1 hands what it holds to the ward: a case in the ward's inbox, linked from the dialog.
  await branch.goto(campaignUrl);
  await branch.getByRole('heading', { name: title }).waitFor();
  await branch.getByRole('button', { name: 'Nộp tiền lên cấp trên' }).click();
  const remit = branch.getByRole('dialog');
  await remit.getByText(/^Chi hội 1 đang giữ 200\.000\s₫\.$/).waitFor();
  if ((await remit.getByLabel('Ngày nộp').inputValue()) !== vietnamDate()) throw new Error('the remittance date does not default to today in Vietnam');
  await remit.getByLabel('Số tiền nộp').pressSequentially('200000');
  await remit.getByLabel(/Số phiếu thu/).fill('Phiếu thu số 1');
  await check(branch);
  await shot(branch, 'campaign-remit');
  await remit.getByRole('button', { name: 'Nộp tiền', exact: true }).click();
  await remit.getByText('Đã ghi khoản nộp của Chi hội 1; cấp trên sẽ xác nhận khi nhận được tiền.').waitFor();
  const caseHref = (await remit.getByRole('link', { name: 'Xem hồ sơ trong hộp việc của cấp trên' }).getAttribute('href')) ?? '';
  if (!/^\/cases\/[0-9a-f-]{36}$/.test(caseHref)) throw new Error(`no link to the remittance's case: "${caseHref}"`);
  await remit.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
  await waitText(remittedLine(branch, 'Chi hội 1'), /^Đã nộp lên cấp trên: 200\.000\s₫ · Đã xác nhận: 0\s₫$/);

  // The ward confirms it from its inbox, in the generic case detail.
  await ward.goto(new URL('/inbox', campaignUrl).href);
  await ward.locator(`.case-item a[href="${caseHref}"]`).first().click();
  await ward.waitForURL(new RegExp(`${caseHref}$`));
  await ward.getByRole('button', { name: 'Xác nhận đã nhận', exact: true }).click();
  await confirmIn(ward, 'Xác nhận đã nhận tiền');
  await ward.goto(campaignUrl);
  await ward.getByRole('heading', { name: title }).waitFor();
  await waitText(remittedLine(ward, 'Chi hội 1'), /^Đã nộp lên cấp trên: 200\.000\s₫ · Đã xác nhận: 200\.000\s₫$/);
  await waitText(remittedLine(ward, 'Chi hội 2'), /^Đã nộp lên cấp trên: 0\s₫ · Đã xác nhận: 0\s₫$/);
  // Handing money up moves it within the campaign: the totals still add up to what was given.
  await waitText(nodeLine(ward, 'Hội CCB phường Ngọc Thụy'), /^200\.000\s₫ \/ 10\.000\.000\s₫$/);
  await timeline.getByText(/Cấp trên xác nhận đã nhận 200\.000\s₫ của Chi hội 1/).waitFor();
  await check(ward);

  for (const page of [ward, branch]) await page.context().close();
}
