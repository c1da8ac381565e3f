import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, licensedInstitutionViaApi } from '../fixtures/api-setup';
import { acceptAndApproveIssuing, choose, confirmSubmit, expectNoSeriousA11yViolations, openHr, openInstitutionView, openPendingReview, signIn, signOut, uploadPdf } from '../fixtures/ui';

// 许可证补办 (decision 0047): the agent's institution holds its 人力资源服务许可证 (its 设立 approved
// through the API). The agent opens it from 人力资源服务机构查询 (查看), clicks 许可证补办 on the licence,
// chooses 补办原因 遗失 with a 情况说明, 保存, uploads the 许可证补办申请表 and the 遗失声明 and 提交; the
// reviewer 受理s and approves; the agent downloads the re-issued licence (same number, 补发日期) and the
// public verification page shows 补发于 … .

const NAME = `长春市补证人力资源服务有限公司${String(Date.now()).slice(-5)}`;

test('经办人申请许可证补办，审核人员受理并审核通过，单位下载补发的许可证，核验页显示补发', async ({ page }) => {
  test.setTimeout(180_000);
  const { institutionId, number } = await licensedInstitutionViaApi(NAME);

  // ── the agent: 人力资源服务机构查询 → 查看 → 许可证补办 ─────────────────────────────────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openInstitutionView(page, NAME);
  const card = page.getByTestId('licence-card');
  await expect(card).toContainText(number);
  await card.getByRole('link', { name: '许可证补办' }).click();

  await expect(page.getByRole('heading', { name: '许可证补办申请' })).toBeVisible();
  const form = page.locator('form#reissue');
  await expect(form.getByText(NAME).first()).toBeVisible();
  await choose(page, form, '补办原因', '遗失');
  await form.getByLabel('情况说明').fill('搬迁办公室时许可证正本遗失，已登报声明作废。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/已保存 \d\d:\d\d:\d\d/)).toBeVisible();
  await expect(page).toHaveURL(/\/hr\/institutions\/reissue\/apply\/[0-9a-f-]{36}/);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: '附件材料' }).click();
  const materials = page.getByRole('dialog', { name: '附件材料' });
  for (const slot of ['许可证补办申请表', '遗失声明']) await uploadPdf(page, materials, slot);
  await page.keyboard.press('Escape');
  await expect(materials).toBeHidden();
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await confirmSubmit(page, '提交许可证补办申请');
  await expect(page).toHaveURL(/\/hr\/institutions\/query$/);
  await signOut(page);

  // ── the reviewer: 受理, then 审核通过 ───────────────────────────────────────────────────────
  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await openPendingReview(page, NAME, '补办');
  await page.getByRole('tab', { name: '补办申请' }).click();
  await expect(page.getByText('搬迁办公室时许可证正本遗失，已登报声明作废。')).toBeVisible();
  await expect(page.getByText(number).first()).toBeVisible();
  await acceptAndApproveIssuing(page, `已补发人力资源服务许可证，编号：${number}`);
  await signOut(page);

  // ── the agent downloads the re-issued licence; the verification page shows 补发 ─────────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await page.goto(`/hr/institutions/${institutionId}/view`);
  await expect(card).toContainText(number);
  await expect(card).toContainText('补发日期');
  await expect(card).toContainText('已补发');
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: '下载许可证' }).click()]);
  expect(download.suggestedFilename()).toContain(NAME);

  await page.goto(`/public/licences/verify?number=${encodeURIComponent(number)}&edition=2`);
  await expect(page.getByTestId('licence-verdict')).toContainText('有效');
  await expect(page.getByText(/补发于\d{4}年\d{1,2}月\d{1,2}日/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // a printout from before the 补办 (its QR names edition 1) is superseded
  await page.goto(`/public/licences/verify?number=${encodeURIComponent(number)}&edition=1`);
  await expect(page.getByTestId('licence-verdict')).toContainText('已补发，以最新补发证件为准');
});
