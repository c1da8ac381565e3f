import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ApiSession, DEMO_PASSWORD, submitEstablishment, acceptViaApi } from '../fixtures/api-setup';
import { choose, fillDate, openHr, openMenuPage, signIn, signOut, uploadPdf, confirmSubmit, accept, acceptAndApproveIssuing } from '../fixtures/ui';

// Guide 1.3 人力资源服务机构变更: the agent's institution is in force with its 人力资源服务许可证 (its
// 设立 approved through the API). The agent finds it in 人力资源服务机构变更, clicks 变更, chooses
// 变更机构名称 (only 机构名称 / 机构简称 become editable), gives the 工商变更登记日期, changes the name,
// 保存, uploads the reason's three materials and 变更 (提交); the reviewer approves; 查询 shows the
// new name and the old licence number verifies as 已换发.

const suffix = String(Date.now()).slice(-5);
const OLD_NAME = `长春市旧名人力资源服务有限公司${suffix}`;
const NEW_NAME = `长春市新名人力资源服务有限公司${suffix}`;
const REQUIRED = ['工商营业执照(变更)', '人力资源服务许可证(变更)', '许可证变更申请表(变更)'];

test('经办人以变更机构名称申请变更、上传材料并提交，审核通过后查询显示新名称、原许可证显示已换发', async ({ page }) => {
  test.setTimeout(180_000);
  const agentApi = await ApiSession.signIn('demo_agent');
  const { applicationId } = await submitEstablishment(agentApi, OLD_NAME);
  await agentApi.close();
  const reviewerApi = await ApiSession.signIn('demo_reviewer');
  const opened = await acceptViaApi(reviewerApi, applicationId);
  const approved = await reviewerApi.post(`/api/reviews/${applicationId}/decision`, { version: opened.version, decision: '审核通过' });
  expect(approved.status(), await approved.text()).toBe(200);
  const number = ((await approved.json()) as { licence: { number: string } }).licence.number;
  await reviewerApi.close();

  // ── the agent: 人力资源服务机构变更 → 变更 ─────────────────────────────────────────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构变更');
  const conditions = page.locator('form#changeQuery');
  await conditions.getByLabel('机构名称全称').fill(OLD_NAME);
  await conditions.getByRole('button', { name: '查询' }).click();
  const row = page.getByRole('row').filter({ hasText: OLD_NAME });
  await expect(row).toContainText('审核通过');
  await row.getByRole('link', { name: '变更' }).click();

  await expect(page.getByRole('heading', { name: '机构变更申请' })).toBeVisible();
  const form = page.locator('form#change');
  await choose(page, form, '变更事由', '变更机构名称');
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await fillDate(form.getByLabel('工商变更登记日期'), today);

  await page.getByRole('tab', { name: '机构基本信息' }).click();
  const name = form.locator('#change_basic_name');
  await expect(name).toHaveValue(OLD_NAME);
  await expect(name).toBeEnabled();
  // a field outside the reason stays read-only
  await expect(form.locator('#change_basic_officeAddress')).toBeDisabled();
  await name.fill(NEW_NAME);

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/已保存 \d\d:\d\d:\d\d/)).toBeVisible();
  await expect(page).toHaveURL(/\/hr\/institutions\/change\/apply\/[0-9a-f-]{36}/);

  // ── 材料上传: the three slots 变更机构名称 asks for ────────────────────────────────────────
  await page.getByRole('button', { name: '附件材料' }).click();
  const materials = page.getByRole('dialog', { name: '附件材料' });
  await expect(materials.getByRole('link', { name: '人力资源服务许可证补办申请表下载' })).toBeVisible();
  for (const slot of REQUIRED) await uploadPdf(page, materials, slot);
  await page.keyboard.press('Escape');
  await expect(materials).toBeHidden();

  // ── 变更 (提交) ──────────────────────────────────────────────────────────────────────────
  await page.getByRole('button', { name: '变更', exact: true }).click();
  await confirmSubmit(page, '人力资源服务机构变更');
  await expect(page).toHaveURL(/\/hr\/institutions\/change$/);
  await signOut(page);

  // ── the reviewer approves ───────────────────────────────────────────────────────────
  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '审核管理', '待审核');
  const pending = page.getByRole('row').filter({ hasText: OLD_NAME });
  await expect(pending).toBeVisible();
  await pending.getByRole('link', { name: '审核' }).click();
  await expect(page.getByText(NEW_NAME).first()).toBeVisible();
  await accept(page);
  const decision = page.locator('form#decision');
  await decision.getByRole('button', { name: '提交审核结论' }).click();
  const confirmApprove = page.getByRole('dialog').filter({ hasText: '确定审核通过？' });
  await confirmApprove.getByRole('button', { name: '审核通过' }).click();
  // the licence is re-issued with the new name under a new number
  const issued = page.getByRole('dialog').filter({ hasText: '已核发人力资源服务许可证' });
  await expect(issued).toBeVisible();
  const renewed = /编号：(（吉）人服证字〔\d{4}〕第220000\d{4}号)/.exec((await issued.textContent()) ?? '')?.[1];
  expect(renewed).toBeTruthy();
  expect(renewed).not.toBe(number);
  await issued.getByRole('button', { name: /知道了|确定|OK/ }).click();
  await signOut(page);

  // ── the agent: 查询 shows the new name; the old licence number is 已换发 ──────────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');
  const query = page.locator('form#institutionQuery');
  await query.getByLabel('机构名称全称').fill(NEW_NAME);
  await query.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('row').filter({ hasText: NEW_NAME })).toBeVisible();

  await page.goto(`/public/licences/verify?number=${encodeURIComponent(number)}`);
  await expect(page.getByText('已换发').first()).toBeVisible();
  await page.goto(`/public/licences/verify?number=${encodeURIComponent(renewed!)}`);
  await expect(page.getByText(NEW_NAME).first()).toBeVisible();
  // …and the public register lists the new name with the re-issued number
  await page.goto(`/public/register?keyword=${encodeURIComponent(NEW_NAME)}`);
  await expect(page.getByRole('row').filter({ hasText: NEW_NAME })).toContainText(renewed!);
});

// 变更住所(地址): 办公地址 and 邮政编码 become editable; the reason asks two more materials and a new 场所视频
// (视频材料); after approval 查看 shows the new address.
test('经办人以变更住所(地址)申请变更、上传材料和新的场所视频并提交，审核通过后查看显示新地址', async ({ page }) => {
  test.setTimeout(180_000);
  const NAME = `长春市迁址人力资源服务有限公司${suffix}`;
  const NEW_ADDRESS = `吉林省长春市南关区人民大街${suffix}号迁址大厦8层`;
  const agentApi = await ApiSession.signIn('demo_agent');
  const { applicationId } = await submitEstablishment(agentApi, NAME);
  await agentApi.close();
  const reviewerApi = await ApiSession.signIn('demo_reviewer');
  const opened = await acceptViaApi(reviewerApi, applicationId);
  const approved = await reviewerApi.post(`/api/reviews/${applicationId}/decision`, { version: opened.version, decision: '审核通过' });
  expect(approved.status(), await approved.text()).toBe(200);
  await reviewerApi.close();

  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构变更');
  const conditions = page.locator('form#changeQuery');
  await conditions.getByLabel('机构名称全称').fill(NAME);
  await conditions.getByRole('button', { name: '查询' }).click();
  await page.getByRole('row').filter({ hasText: NAME }).getByRole('link', { name: '变更' }).click();

  const form = page.locator('form#change');
  await choose(page, form, '变更事由', '变更住所(地址)');
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await fillDate(form.getByLabel('工商变更登记日期'), today);
  await page.getByRole('tab', { name: '机构基本信息' }).click();
  // the reason's fields only
  await expect(form.locator('#change_basic_name')).toBeDisabled();
  await form.locator('#change_basic_officeAddress').fill(NEW_ADDRESS);
  await form.locator('#change_basic_postcode').fill('130022');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/已保存 \d\d:\d\d:\d\d/)).toBeVisible();

  await page.getByRole('button', { name: '附件材料' }).click();
  const materials = page.getByRole('dialog', { name: '附件材料' });
  for (const slot of [...REQUIRED, '房产证明或租赁合同和住房证明(变更)', '租赁协议或使用证明(变更)']) await uploadPdf(page, materials, slot);
  await page.keyboard.press('Escape');
  await expect(materials).toBeHidden();

  await page.getByRole('button', { name: '视频材料' }).click();
  const video = page.getByRole('dialog', { name: '视频材料' });
  await video.locator('input[type=file]').setInputFiles(path.join(import.meta.dirname, '../fixtures/sample.mp4'));
  await expect(video.getByText('视频「sample.mp4」上传成功')).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(video).toBeHidden();

  await page.getByRole('button', { name: '变更', exact: true }).click();
  await confirmSubmit(page, '人力资源服务机构变更');
  await signOut(page);

  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '审核管理', '待审核');
  await page.getByRole('row').filter({ hasText: NAME }).getByRole('link', { name: '审核' }).click();
  // 变更对比 puts the new address beside the old one
  await page.getByRole('tab', { name: '变更对比' }).click();
  await expect(page.getByRole('tabpanel', { name: '变更对比' }).getByText(NEW_ADDRESS).first()).toBeVisible();
  await acceptAndApproveIssuing(page, '已核发人力资源服务许可证');
  await signOut(page);

  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');
  const query = page.locator('form#institutionQuery');
  await query.getByLabel('机构名称全称').fill(NAME);
  await query.getByRole('button', { name: '查询' }).click();
  await page.getByRole('row').filter({ hasText: NAME }).getByRole('link', { name: '查看' }).click();
  await expect(page.getByText(NEW_ADDRESS).first()).toBeVisible();
});
