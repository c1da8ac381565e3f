import { expect, test } from '@playwright/test';
import { PROMISE_REPLACED_SLOTS_DEFAULT } from '@jhrm/contracts';
import { ApiSession, DEMO_PASSWORD, prepareEstablishment } from '../fixtures/api-setup';
import { ESTABLISHMENT_SLOTS, minimalPdf } from '../fixtures/documents';
import { choose, confirmSubmit, expectNoSeriousA11yViolations, openHr, openMenuPage, signIn, signOut } from '../fixtures/ui';

// 告知承诺制 (decision 0043): the 经办人 chooses 告知承诺 at 提交, with the signed 告知承诺书 instead of the
// materials it replaces; the 审核人员 受理s and the licence is issued the same day; then the 审核人员
// works the 核查任务: 不属实 → 限期整改 → 整改完成.

const NAME = `长春市告知承诺职业介绍有限公司${String(Date.now()).slice(-5)}`;

test('经办人选择告知承诺并上传告知承诺书提交；审核人员受理即发证，核查不属实限期整改后整改完成', async ({ page }) => {
  test.setTimeout(180_000);
  const agentApi = await ApiSession.signIn('demo_agent');
  const app = await prepareEstablishment(agentApi, NAME, ESTABLISHMENT_SLOTS.filter((s) => !PROMISE_REPLACED_SLOTS_DEFAULT.includes(s)));
  await agentApi.close();

  // ── the unit: the signed 告知承诺书 into its slot, 提交 choosing 告知承诺 ─────────────────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await page.goto(`/hr/institutions/establishment/${app.id}`);
  await page.getByRole('button', { name: '附件材料' }).click();
  const materials = page.getByRole('dialog', { name: '附件材料' });
  await expect(materials.getByRole('link', { name: '人力资源服务许可告知承诺书下载' })).toBeVisible();
  await materials.getByRole('radio', { name: '选择 告知承诺书' }).check();
  await materials.locator('input[type=file]').setInputFiles({ name: '告知承诺书（已签字盖章）.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
  await expect(page.getByText('已上传 1 个文件到「告知承诺书」')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '提交', exact: true }).click();
  const submit = page.getByRole('dialog', { name: '提交人力资源服务机构设立审批' });
  // the draft was made through the API without a 审批部门: chosen here, where the dialog asks for it
  await choose(page, submit, '审批部门', '省人社厅审批办');
  await submit.getByRole('radio', { name: '告知承诺' }).check();
  await expect(submit.getByText(/审批部门受理即发证/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await confirmSubmit(page, '提交人力资源服务机构设立审批');
  await signOut(page);

  // ── the reviewer: the inbox says 告知承诺; 受理 approves and issues the licence today ────────────
  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '审核管理', '待审核');
  const row = page.getByRole('row').filter({ hasText: NAME });
  await expect(row).toContainText('告知承诺');
  await row.getByRole('link', { name: '审核' }).click();
  await page.locator('.acceptance-panel').getByRole('button', { name: /^受\s?理$/ }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确定受理？' });
  await expect(confirm).toContainText('受理即作出准予许可决定并核发许可证');
  await confirm.getByRole('button', { name: /^受\s?理$/ }).click();
  await expect(page.getByText('已受理，已出具受理通知书并通知申请单位')).toBeVisible();
  await expect(page.getByRole('heading', { name: NAME }).locator('..')).toContainText('审核通过');
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await expect(page.getByText(today, { exact: true }).first()).toBeVisible();

  // ── 核查: 不属实 → 限期整改 → 整改完成 ─────────────────────────────────────────────────────────
  await openMenuPage(page, '审核管理', '核查任务');
  // its 告知承诺核查 (a 双随机抽查 of the same institution would be a row of its own)
  const task = page.getByRole('row').filter({ hasText: NAME }).filter({ hasText: '告知承诺核查' });
  await expect(task).toContainText('待核查');
  await task.getByRole('link', { name: '核查' }).click();
  const result = page.locator('form#inspectionResult');
  await expect(result).toBeVisible();
  for (const label of ['有明确的机构章程和管理制度', '有与开展业务相适应', '所填报的机构信息']) {
    await result.getByRole('radiogroup', { name: new RegExp(label) }).getByRole('radio', { name: '属实', exact: true }).check();
  }
  await result.getByRole('radiogroup', { name: /有开展业务必备的固定场所/ }).getByRole('radio', { name: '不属实' }).check();
  await result.getByLabel('核查情况').fill('现场核查：办公场所与承诺地址不符。');
  await result.getByLabel('整改要求').fill('在承诺地址设立固定办公场所');
  await result.getByLabel('整改期限').click();
  await page.locator('.ant-picker-dropdown:visible .ant-picker-header-next-btn').click();
  await page.locator('.ant-picker-dropdown:visible td.ant-picker-cell-in-view').filter({ hasText: /^15$/ }).click();
  // the form as the reviewer sees it, once the picker has finished fading out (its half-transparent
  // frames fail the contrast rule)
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await result.getByRole('button', { name: '不属实，责令限期整改' }).click();
  // the task now says 整改中 with the demand and its deadline
  await expect(page.getByRole('cell', { name: '整改要求 : 在承诺地址设立固定办公场所' })).toBeVisible();
  await expect(page.getByRole('button', { name: '整改完成' })).toBeVisible();
  await page.getByRole('button', { name: '整改完成' }).click();
  const done = page.getByRole('dialog', { name: '整改完成' });
  await done.getByLabel('整改情况').fill('已迁入承诺地址。');
  await done.getByRole('button', { name: '确认整改完成' }).click();
  await expect(page.getByText('已完成（整改完成）').first()).toBeVisible();
});
