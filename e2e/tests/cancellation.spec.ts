import { expect, test } from '@playwright/test';
import { ApiSession, DEMO_PASSWORD, submitEstablishment, acceptViaApi } from '../fixtures/api-setup';
import { choose, openHr, openMenuPage, signIn, signOut, uploadPdf, confirmSubmit, accept } from '../fixtures/ui';

// Guide 1.4 人力资源服务机构注销: the agent's institution is in force with its 人力资源服务许可证 (its
// 设立 approved through the API, as the review journey ends). The agent finds it in 人力资源服务机构注销,
// clicks 注销, fills 注销原因 and 注销类别 with the record shown read-only, 保存, uploads the required
// materials (材料上传), and 注销 (提交); the reviewer approves; the list shows 注销状态 注销 and the
// public verification says the licence 已注销.

const NAME = `长春市停业人力资源服务有限公司${String(Date.now()).slice(-5)}`;
const REQUIRED = ['身份证正反照', '注销审批表', '承诺书'];

test('经办人申请机构注销、上传材料并注销，审核通过后注销状态为注销、许可证核验显示已注销', async ({ page }) => {
  test.setTimeout(180_000);
  // the institution in force: its 设立 submitted and approved through the API
  const agentApi = await ApiSession.signIn('demo_agent');
  const { applicationId } = await submitEstablishment(agentApi, NAME);
  await agentApi.close();
  const reviewerApi = await ApiSession.signIn('demo_reviewer');
  const opened = await acceptViaApi(reviewerApi, applicationId);
  const approved = await reviewerApi.post(`/api/reviews/${applicationId}/decision`, { version: opened.version, decision: '审核通过' });
  expect(approved.status(), await approved.text()).toBe(200);
  const number = ((await approved.json()) as { licence: { number: string } }).licence.number;
  await reviewerApi.close();

  // ── the agent: 人力资源服务机构注销 → 注销 ─────────────────────────────────────────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构注销');
  const conditions = page.locator('form#cancellationQuery');
  await conditions.getByLabel('机构名称全称').fill(NAME);
  await conditions.getByRole('button', { name: '查询' }).click();
  const row = page.getByRole('row').filter({ hasText: NAME });
  await expect(row).toContainText('审核通过');
  await expect(row).toContainText('正常');
  await row.getByRole('link', { name: '注销' }).click();

  await expect(page.getByRole('heading', { name: '机构注销申请' })).toBeVisible();
  const form = page.locator('form#cancellation');
  await expect(form.getByText(NAME).first()).toBeVisible();
  await form.getByLabel('注销原因').fill('公司经营战略调整，不再从事人力资源服务。');
  await choose(page, form, '注销类别', '主动注销');
  // the six sections of the record, read-only
  await page.getByRole('tab', { name: '机构信息（只读）' }).click();
  await expect(page.getByText('专职工作人员').first()).toBeVisible();
  await expect(form.getByRole('textbox', { name: '机构名称' })).toHaveCount(0);

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/已保存 \d\d:\d\d:\d\d/)).toBeVisible();
  await expect(page).toHaveURL(/\/hr\/institutions\/cancellation\/apply\/[0-9a-f-]{36}/);

  // ── 材料上传: the three required slots (其他文件 optional) ────────────────────────────────
  await page.getByRole('button', { name: '附件材料' }).click();
  const materials = page.getByRole('dialog', { name: '附件材料' });
  await expect(materials.getByRole('link', { name: '人力资源服务机构注销审批表下载' })).toBeVisible();
  await expect(materials.getByRole('link', { name: '人力资源服务机构注销承诺书下载' })).toBeVisible();
  for (const slot of REQUIRED) await uploadPdf(page, materials, slot);
  await page.keyboard.press('Escape');
  await expect(materials).toBeHidden();

  // ── 注销 (提交) to 省人社厅审批办 ─────────────────────────────────────────────────────────
  await page.getByRole('button', { name: '注销', exact: true }).click();
  await confirmSubmit(page, '人力资源服务机构注销');
  await expect(page).toHaveURL(/\/hr\/institutions\/cancellation$/);
  await signOut(page);

  // ── the reviewer approves ───────────────────────────────────────────────────────────
  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '审核管理', '待审核');
  const pending = page.getByRole('row').filter({ hasText: NAME });
  await expect(pending).toBeVisible();
  await pending.getByRole('link', { name: '审核' }).click();
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
  await page.getByRole('tab', { name: '注销申请' }).click();
  await expect(page.getByText('公司经营战略调整，不再从事人力资源服务。')).toBeVisible();
  await expect(page.getByText('主动注销')).toBeVisible();
  await accept(page);
  const decision = page.locator('form#decision');
  await decision.getByRole('button', { name: '提交审核结论' }).click();
  const confirmApprove = page.getByRole('dialog').filter({ hasText: '确定审核通过？' });
  await confirmApprove.getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByText('已审核通过，已通知申请单位')).toBeVisible();
  await signOut(page);

  // ── the agent: 注销状态 注销; the licence verifies as 已注销 ────────────────────────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构注销');
  await page.locator('form#cancellationQuery').getByLabel('机构名称全称').fill(NAME);
  await page.locator('form#cancellationQuery').getByRole('button', { name: '查询' }).click();
  const cancelled = page.getByRole('row').filter({ hasText: NAME });
  await expect(cancelled.getByRole('cell', { name: '注销', exact: true })).toBeVisible();
  await expect(cancelled).toContainText('已注销');
  await expect(cancelled.getByRole('link', { name: '注销' })).toHaveCount(0);

  await page.goto(`/public/licences/verify?number=${encodeURIComponent(number)}`);
  await expect(page.getByText('已注销').first()).toBeVisible();
  await expect(page.getByText(/已于\d{4}年\d{1,2}月\d{1,2}日注销/).first()).toBeVisible();
});
