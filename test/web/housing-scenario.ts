import { Browser } from 'playwright-core';
import { scenario, Viewport } from './browser';

/**
 * The housing scenario clicked through by the demo users, as in
 * test/cases/housing-scenario.e2e-spec.ts over HTTP: ngocthuy.ch1 opens the case, ngocthuy (ward)
 * approves, ngocthuy.pho's stale approval is refused with the API's message, longbien (district)
 * approves an amount and disburses, the branch records the start and the completion of the works,
 * the district pays the rest (`finish: 'disburse'`) or settles it with a reason (`finish: 'settle'`),
 * and the ward confirms the handover, which completes the case.
 */
export async function clickThroughHousingCase(
  browser: Browser,
  baseUrl: string,
  viewport: Viewport,
  finish: 'disburse' | 'settle' = 'disburse',
): Promise<string> {
  const { open, shot, check, confirmIn, statusShows, startCase } = scenario(browser, baseUrl, viewport);
  const title = 'Xây mới nhà cho hội viên Nguyễn Văn Hùng';

  // The branch officer opens the case, picking the member from the branch's registry.
  const branch = await open('ngocthuy.ch1');
  await check(branch);
  await startCase(branch, 'Hỗ trợ nhà ở', 'Lập hồ sơ hỗ trợ nhà ở');
  await branch.getByLabel('Chọn hội viên của chi hội').click();
  await branch.getByTitle('Nguyễn Văn Hùng (1952)').click();
  await branch.getByLabel('Hoàn cảnh gia đình, hiện trạng nhà ở').fill('Nhà cấp bốn xây năm 1985, tường nứt, mái dột khi mưa; hội viên sống một mình.');
  await branch.getByLabel('Dự toán kinh phí').pressSequentially('120000000');
  await branch.getByLabel('Số tiền đề nghị hỗ trợ').pressSequentially('60000000');
  if ((await branch.getByLabel('Dự toán kinh phí').inputValue()) !== '120.000.000') throw new Error('amount not grouped while typing');
  await branch.getByRole('button', { name: 'Thêm nguồn kinh phí' }).click();
  await branch.getByLabel('Nguồn 1').fill('Gia đình đóng góp');
  await branch.getByLabel('Số tiền 1').pressSequentially('40000000');
  await check(branch);
  await shot(branch, 'new-case');
  await branch.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  await branch.getByRole('dialog').getByText(/60\.000\.000\s₫/).waitFor();
  await confirmIn(branch, 'Xác nhận gửi');
  await branch.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = branch.url();
  const caseId = caseUrl.split('/').pop()!;
  await branch.getByRole('heading', { name: title }).waitFor();
  await statusShows(branch, 'Đang chờ duyệt');
  await branch.getByText(/^60\.000\.000\s₫$/).first().waitFor();
  await branch.locator('.case-timeline').getByText('Lập và gửi hồ sơ', { exact: true }).waitFor();
  await check(branch);
  await shot(branch, 'case-submitted');

  // The ward's officer opens the case now, and will act on what they saw after the chair has moved it on.
  const wardOfficer = await open('ngocthuy.pho');
  await wardOfficer.goto(caseUrl);
  await wardOfficer.getByRole('button', { name: 'Phê duyệt' }).waitFor();

  // The ward chair finds it in the inbox, with its deadline, and approves with a comment.
  const ward = await open('ngocthuy');
  const inboxItem = ward.locator('.case-item', { hasText: title }).first();
  await inboxItem.getByText(/^Còn \d+ ngày$/).waitFor();
  await ward.getByText(/^Hỗ trợ nhà ở: \d+$/).waitFor();
  await check(ward);
  await shot(ward, 'inbox');
  await inboxItem.getByRole('link').click();
  await ward.getByText('Chờ Hội CCB phường Ngọc Thụy (Phường) quyết định').waitFor();
  await ward.getByRole('button', { name: 'Phê duyệt' }).click();
  await ward.getByLabel(/Ý kiến/).fill('Đã khảo sát thực tế, đúng hoàn cảnh');
  await check(ward);
  await shot(ward, 'approve-dialog');
  await confirmIn(ward, 'Xác nhận phê duyệt');
  await ward.getByText('Đã phê duyệt hồ sơ.').waitFor();
  await ward.getByText('Chờ Hội CCB quận Long Biên (Quận) quyết định').waitFor();

  // A refused action shows the API's own message, in Vietnamese.
  await wardOfficer.getByRole('button', { name: 'Phê duyệt' }).click();
  await confirmIn(wardOfficer, 'Xác nhận phê duyệt', 'refused');
  await wardOfficer.getByRole('alert').getByText(/Hồ sơ đã chuyển sang bước khác/).waitFor();
  await check(wardOfficer);
  await shot(wardOfficer, 'refused');

  // The district chair approves an amount and a fund, then records the first disbursement.
  const district = await open('longbien');
  await district.locator('.case-item', { hasText: title }).first().getByRole('link').click();
  await district.getByRole('button', { name: 'Phê duyệt' }).click();
  const amount = district.getByLabel('Số tiền được duyệt');
  if ((await amount.inputValue()) !== '60.000.000') throw new Error('approved amount not prefilled with the requested one');
  await district.getByLabel('Nguồn kinh phí').fill('Quỹ Nghĩa tình đồng đội');
  await confirmIn(district, 'Xác nhận phê duyệt');
  await statusShows(district, 'Đang thực hiện');
  await district.getByRole('button', { name: 'Ghi nhận cấp kinh phí' }).click();
  await district.getByLabel('Số tiền').pressSequentially('30000000');
  await district.getByLabel(/Ghi chú/).fill('Đợt 1');
  await confirmIn(district, 'Xác nhận cấp kinh phí');
  await district.getByText(/^Đã cấp 30\.000\.000\s₫ \/ 60\.000\.000\s₫/).waitFor();
  await check(district);
  await shot(district, 'disbursed');

  // The branch records the start and the completion of the works; the handover is not theirs to record.
  await branch.reload();
  for (const milestone of ['Khởi công', 'Hoàn thành xây dựng']) {
    await branch.getByRole('button', { name: `Cập nhật mốc: ${milestone}` }).click();
    await confirmIn(branch, 'Xác nhận cập nhật mốc');
  }
  await branch.getByText('Bạn không có thao tác nào với hồ sơ này lúc này.').waitFor();

  // The district pays the rest, or closes the ledger below the approved amount with a reason.
  await district.reload();
  if (finish === 'disburse') {
    await district.getByRole('button', { name: 'Ghi nhận cấp kinh phí' }).click();
    await district.getByLabel('Số tiền').pressSequentially('30000000');
    await district.getByLabel(/Ghi chú/).fill('Đợt 2');
    await confirmIn(district, 'Xác nhận cấp kinh phí');
    await district.getByText(/^Đã cấp 60\.000\.000\s₫ \/ 60\.000\.000\s₫/).waitFor();
  } else {
    await district.getByRole('button', { name: 'Quyết toán' }).click();
    await district.getByRole('dialog').getByText(/Phần chưa cấp \(30\.000\.000\s₫\) sẽ không cấp nữa/).waitFor();
    await district.getByLabel('Lý do quyết toán').fill('Gia đình và mạnh thường quân đóng góp thêm, chi phí còn lại đã đủ.');
    await check(district);
    await shot(district, 'settlement-dialog');
    await confirmIn(district, 'Xác nhận quyết toán');
    await district.getByText(/^Quyết toán ngày \d\d\/\d\d\/\d{4}: không cấp tiếp 30\.000\.000\s₫\.$/).waitFor();
  }
  await statusShows(district, 'Đang thực hiện');
  await check(district);

  // The ward confirms the handover: handed over and paid (or settled), the case is complete.
  await ward.goto(caseUrl);
  await ward.getByRole('button', { name: 'Cập nhật mốc: Bàn giao nhà' }).click();
  await confirmIn(ward, 'Xác nhận cập nhật mốc');
  await statusShows(ward, 'Hoàn thành');

  await branch.reload();
  await statusShows(branch, 'Hoàn thành');
  await branch.getByText('Bạn không có thao tác nào với hồ sơ này lúc này.').waitFor();
  const lines = ['Lập và gửi hồ sơ', 'Cấp kinh phí 30.000.000', 'Cập nhật mốc: Bàn giao nhà', 'Duyệt 60.000.000'];
  if (finish === 'settle') lines.push('Quyết toán, không cấp tiếp 30.000.000');
  for (const line of lines) await branch.locator('.case-timeline').getByText(line, { exact: false }).first().waitFor();
  await check(branch);
  await shot(branch, 'case-completed');

  // The initiator was told: the bell counts unread notifications and leads back to the case.
  await branch.getByRole('button', { name: /^Thông báo, [1-9]\d* chưa đọc$/ }).click();
  await branch.getByRole('dialog').getByText(/đã được phê duyệt/).first().waitFor();
  await check(branch);
  await shot(branch, 'notifications');
  await branch.keyboard.press('Escape');

  // The district finds the case in the list without typing accents.
  await district.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await district.getByLabel('Tìm hồ sơ').fill('nguyen van hung');
  await district.getByLabel('Tìm hồ sơ').press('Enter');
  await district.waitForURL(/q=nguyen/);
  await district.locator('.case-item', { hasText: title }).first().waitFor();
  await check(district);
  await shot(district, 'cases');

  for (const page of [branch, wardOfficer, ward, district]) await page.context().close();
  return caseId;
}
