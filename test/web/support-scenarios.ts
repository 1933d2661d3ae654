import { Browser } from 'playwright-core';
import { PHONE, scenario, Viewport } from './browser';

/**
 * A support visit clicked through: ngocthuy.ch1 records a condolence for a member of the branch, with
 * the money given; ngocthuy (ward chair) finds it in the inbox and confirms it; it is complete.
 */
export async function clickThroughSupportVisit(browser: Browser, baseUrl: string, viewport: Viewport): Promise<void> {
  const { open, shot, check, confirmIn, statusShows, startCase } = scenario(browser, baseUrl, viewport);
  const title = 'Phúng viếng: Trần Đình Thắng';

  const branch = await open('ngocthuy.ch1');
  await startCase(branch, 'Thăm hỏi, tặng quà', 'Ghi nhận thăm hỏi, tặng quà');
  await branch.getByLabel('Hình thức', { exact: true }).click();
  await branch.getByTitle('Phúng viếng').click();
  await branch.getByLabel('Chọn hội viên', { exact: true }).click();
  await branch.getByTitle('Trần Đình Thắng (1949)').click();
  if ((await branch.getByLabel('Họ và tên người được thăm hỏi').inputValue()) !== 'Trần Đình Thắng') throw new Error('recipient not filled from the member');
  await branch.getByLabel('Số tiền, giá trị quà').pressSequentially('2000000');
  await branch.getByLabel(/Ghi chú/).fill('Ban chấp hành chi hội đến viếng tại nhà riêng.');
  if ((await branch.getByLabel('Tiêu đề hồ sơ').inputValue()) !== title) throw new Error('title not suggested');
  await check(branch);
  await shot(branch, 'new-visit');
  await branch.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  await branch.getByRole('dialog').getByText(/2\.000\.000\s₫/).waitFor();
  await confirmIn(branch, 'Xác nhận gửi');
  await branch.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = branch.url();
  await branch.getByRole('heading', { name: title }).waitFor();
  await statusShows(branch, 'Đang chờ duyệt');
  await branch.locator('.payload').getByText('Phúng viếng', { exact: true }).waitFor();

  // The ward chair confirms it from the inbox.
  const ward = await open('ngocthuy');
  await ward.getByText(/^Thăm hỏi, tặng quà: \d+$/).waitFor();
  await ward.locator('.case-item', { hasText: title }).first().getByRole('link').click();
  await ward.getByText('Chờ Hội CCB phường Ngọc Thụy (Phường) quyết định').waitFor();
  await ward.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await confirmIn(ward, 'Xác nhận lần thăm hỏi');
  await statusShows(ward, 'Hoàn thành');
  await ward.locator('.case-timeline').getByText('Xác nhận', { exact: true }).waitFor();
  await ward.getByText(/^2\.000\.000\s₫$/).first().waitFor();
  await check(ward);
  await shot(ward, 'visit-completed');

  await branch.goto(caseUrl);
  await statusShows(branch, 'Hoàn thành');
  for (const page of [branch, ward]) await page.context().close();
}

/**
 * An interest-free loan clicked through: ngocthuy.ch1 proposes one for a member of the branch;
 * ngocthuy.pho (ward officer) approves 10.000.000 ₫ of it from a fund, pays it out and records two
 * repayments; the second clears the debt and completes the case. The loan's detail and the new
 * forms are checked on a 360 px phone too.
 */
export async function clickThroughLoan(browser: Browser, baseUrl: string, viewport: Viewport): Promise<void> {
  const { open, shot, check, confirmIn, statusShows, startCase } = scenario(browser, baseUrl, viewport);
  const title = 'Cho hội viên Lê Thị Hoa vay vốn không lãi';

  const branch = await open('ngocthuy.ch1');
  await startCase(branch, 'Cho vay vốn không lãi', 'Lập hồ sơ vay vốn không lãi');
  // Every field is named when missing, before anything is sent.
  await branch.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  await branch.getByText('Vui lòng chọn người vay (hội viên của chi hội).').waitFor();
  await branch.getByText('Vui lòng nhập mục đích sử dụng vốn.').waitFor();
  await branch.getByLabel('Người vay (hội viên của chi hội)').click();
  await branch.getByTitle('Lê Thị Hoa (1956)').click();
  await branch.getByLabel('Số tiền đề nghị vay').pressSequentially('20000000');
  await branch.getByLabel('Thời hạn vay (tháng)').fill('12');
  await branch.getByLabel('Mục đích sử dụng vốn').fill('Mua hai con bò giống để chăn nuôi.');
  await check(branch);
  await shot(branch, 'new-loan');
  await branch.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  await branch.getByRole('dialog').getByText(/20\.000\.000\s₫ trong 12 tháng/).waitFor();
  await confirmIn(branch, 'Xác nhận gửi');
  await branch.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = branch.url();
  await branch.getByRole('heading', { name: title }).waitFor();
  await branch.locator('.payload').getByText('12 tháng', { exact: true }).waitFor();

  // The ward officer approves less than asked, from a fund.
  const ward = await open('ngocthuy.pho');
  await ward.locator('.case-item', { hasText: title }).first().getByRole('link').click();
  await ward.getByRole('button', { name: 'Phê duyệt' }).click();
  const approved = ward.getByLabel('Số tiền được duyệt');
  if ((await approved.inputValue()) !== '20.000.000') throw new Error('approved amount not prefilled with the amount asked for');
  await approved.fill('');
  await approved.pressSequentially('10000000');
  await ward.getByLabel('Nguồn kinh phí').fill('Quỹ hỗ trợ hội viên phát triển kinh tế');
  await confirmIn(ward, 'Xác nhận phê duyệt');
  await statusShows(ward, 'Đang thực hiện');
  await ward.getByText('Hạn trả nợ tính từ lần giải ngân đầu tiên.', { exact: false }).waitFor();

  // It pays the loan out: the term starts.
  await ward.getByRole('button', { name: 'Ghi nhận giải ngân' }).click();
  await ward.getByRole('dialog').getByText(/Còn có thể giải ngân tối đa 10\.000\.000\s₫/).waitFor();
  await ward.getByLabel('Số tiền').pressSequentially('10000000');
  await confirmIn(ward, 'Xác nhận giải ngân');
  await ward.getByText(/^Đã giải ngân 10\.000\.000\s₫ \/ 10\.000\.000\s₫/).waitFor();
  await ward.getByText(/Hạn trả nợ: \d\d\/\d\d\/\d{4}/).waitFor();

  // Two repayments; the second clears the debt.
  for (const [paid, left] of [
    ['4000000', 'Còn nợ 6.000.000'],
    ['6000000', 'Còn nợ 0'],
  ]) {
    await ward.getByRole('button', { name: 'Ghi nhận trả nợ' }).click();
    await ward.getByLabel('Số tiền').pressSequentially(paid);
    await check(ward);
    await confirmIn(ward, 'Xác nhận trả nợ');
    await ward.getByText(new RegExp(left.replace(/\./g, '\\.'))).first().waitFor();
  }
  await statusShows(ward, 'Hoàn thành');
  for (const line of ['Giải ngân 10.000.000', 'Trả nợ 4.000.000', 'Trả nợ 6.000.000', 'Duyệt 10.000.000']) {
    await ward.locator('.case-timeline').getByText(line, { exact: false }).first().waitFor();
  }
  await check(ward);
  await shot(ward, 'loan-completed');

  // The borrower's branch sees it on a phone: nothing wider than the screen.
  if (viewport.name !== PHONE.name) {
    const phone = scenario(browser, baseUrl, PHONE);
    const onPhone = await phone.open('ngocthuy.ch1');
    await onPhone.goto(caseUrl);
    await phone.statusShows(onPhone, 'Hoàn thành');
    await onPhone.getByText('Các lần trả nợ').waitFor();
    await phone.check(onPhone);
    await phone.shot(onPhone, 'loan-completed');
    await onPhone.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
    await onPhone.locator('.process-choice').first().waitFor();
    await phone.check(onPhone);
    await phone.shot(onPhone, 'choose-process');
    for (const [name, heading] of [
      ['Cho vay vốn không lãi', 'Lập hồ sơ vay vốn không lãi'],
      ['Thăm hỏi, tặng quà', 'Ghi nhận thăm hỏi, tặng quà'],
    ]) {
      await phone.startCase(onPhone, name, heading);
      await phone.check(onPhone);
    }
    await phone.shot(onPhone, 'new-visit');
    await onPhone.context().close();
  }
  for (const page of [branch, ward]) await page.context().close();
}
