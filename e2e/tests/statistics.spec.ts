import { expect, test, type Page } from '@playwright/test';
import { ApiSession, DEMO_PASSWORD, submitEstablishment, acceptViaApi } from '../fixtures/api-setup';
import { choose, expectNoSeriousA11yViolations, openHr, openMenuPage, signIn, signOut, confirmSubmit } from '../fixtures/ui';

// Guide 2 人力资源市场统计: an institution of the demo unit is in force (its 设立 approved through the
// API). 2.1 业务基本情况录入: the agent picks it (服务机构信息 pre-filled, 服务年度 last year), fills the
// figures (a cross-field slip is flagged at once) and 提交; 2.2 业务基本情况查询 finds it 待审核; the
// reviewer (the institution's 审批部门) rejects it with a note on 从业人员总数; the agent corrects
// that field and resubmits; the reviewer approves; 查询 shows it 审核通过.

const NAME = `长春市统计填报人力资源有限公司${String(Date.now()).slice(-5)}`;
const LAST_YEAR = String(new Date().getFullYear() - 1);

async function openReport(page: Page) {
  await openMenuPage(page, '审核管理', '待审核');
  const row = page.getByRole('row').filter({ hasText: NAME });
  await expect(row).toContainText('统计');
  await row.getByRole('link', { name: '审核' }).click();
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
}

test('经办人录入业务基本情况并提交，查询可见；审核人员附字段意见退回，经办人修改后重新提交，审核通过', async ({ page }) => {
  test.setTimeout(300_000);
  const agentApi = await ApiSession.signIn('demo_agent');
  const { applicationId } = await submitEstablishment(agentApi, NAME);
  await agentApi.close();
  const reviewerApi = await ApiSession.signIn('demo_reviewer');
  const opened = await acceptViaApi(reviewerApi, applicationId);
  const approved = await reviewerApi.post(`/api/reviews/${applicationId}/decision`, { version: opened.version, decision: '审核通过' });
  expect(approved.status(), await approved.text()).toBe(200);
  await reviewerApi.close();

  // ── 2.1 业务基本情况录入 ────────────────────────────────────────────────────────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源市场统计', '业务基本情况录入');
  await expect(page.getByRole('heading', { name: '业务基本情况录入' })).toBeVisible();
  const form = page.locator('form#statistics');
  await choose(page, form, '填报机构', NAME);
  // 服务机构信息 from the record, 服务年度 last year
  await expect(form.getByLabel('服务机构名称')).toHaveValue(NAME);
  await expect(form.getByLabel('服务年度')).toHaveValue(LAST_YEAR);
  await expect(form.getByText('省人社厅审批办')).toBeVisible();
  for (const section of ['服务机构信息', '主要业务服务', '从业人员情况', '主要经济指标', '服务对象情况', '现场招聘会服务', '猎头服务', '填表信息']) {
    await expect(page.getByText(section, { exact: true }).first()).toBeVisible();
  }

  await form.getByLabel('单位电话').fill('88886666');
  const scope = form.getByRole('checkbox', { name: '职业介绍' });
  if (!(await scope.isChecked())) await scope.check();
  await form.getByLabel('从业人员总数').fill('12');
  // a cross-field slip is named at its field as soon as it is made
  await form.getByLabel('大专及以上学历从业人员').fill('15');
  await form.getByLabel('本科学历从业人员').click();
  await expect(form.getByText('大专及以上学历从业人员不能超过从业人员总数')).toBeVisible();
  await form.getByLabel('大专及以上学历从业人员').fill('10');
  await form.getByLabel('本科学历从业人员').fill('6');
  await expect(form.getByText('大专及以上学历从业人员不能超过从业人员总数')).toBeHidden();
  await form.getByLabel('全年营业收入(万元)').fill('326.5');
  await form.getByLabel('其中代收代付部分(万元)').fill('120.25');
  await form.getByLabel('服务人员总数').fill('1530');
  await form.getByLabel('统计负责人').fill('赵统计');
  await form.getByLabel('填表人', { exact: true }).fill('钱填表');
  await form.getByLabel('联系电话').fill('13144440009');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: '提交', exact: true }).click();
  await confirmSubmit(page, '提交业务基本情况');

  // ── 2.2 业务基本情况查询 ────────────────────────────────────────────────────────────────
  await expect(page.getByText('人力资源服务机构业务基本情况')).toBeVisible();
  const conditions = page.locator('form#statisticsReports');
  await conditions.getByLabel('服务年度').fill(LAST_YEAR);
  await choose(page, conditions, '审批状态', '待审核');
  await conditions.getByRole('button', { name: '查询' }).click();
  const row = page.getByRole('row').filter({ hasText: NAME });
  await expect(row).toContainText('待审核');
  await expect(row).toContainText('1530');
  await expect(row).toContainText('赵统计');
  await expect(row).toContainText('131****0009');
  await expect(row.getByRole('link', { name: '修改' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await signOut(page);

  // ── the reviewer: 审核不通过 with a note on 从业人员总数 ─────────────────────────────────────
  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await openReport(page);
  await page.getByRole('tab', { name: '业务基本情况' }).click();
  await expect(page.getByText('赵统计')).toBeVisible();
  await expect(page.getByText(`${Number(LAST_YEAR) + 1}-03-31`).first()).toBeVisible();
  const panel = page.locator('form#decision');
  await panel.locator('label').filter({ hasText: '审核不通过' }).click();
  await panel.getByLabel('审核意见').fill('从业人员数与社保缴费人数不符，请核实。');
  await panel.getByRole('button', { name: '添加单项意见' }).click();
  await panel.getByRole('combobox', { name: '第1条单项意见针对的字段或材料' }).fill('从业人员总数');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '从业人员总数' }).first().click();
  await panel.getByLabel('第1条单项意见', { exact: true }).fill('应为14人');
  await panel.getByRole('button', { name: '提交审核结论' }).click();
  const confirmReject = page.getByRole('dialog').filter({ hasText: '确定审核不通过？' });
  await expect(confirmReject).toContainText('从业人员总数：应为14人');
  await confirmReject.getByRole('button', { name: '审核不通过' }).click();
  await expect(page.getByText('已退回单位修改，已通知申请单位')).toBeVisible();
  await signOut(page);

  // ── the agent: 查询 → 修改, the note at the field, correct, 提交 again ─────────────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源市场统计', '业务基本情况查询');
  const rejected = page.getByRole('row').filter({ hasText: NAME });
  await expect(rejected).toContainText('审核不通过');
  await rejected.getByRole('link', { name: '修改' }).click();
  await expect(page.getByTestId('rejection-alert')).toContainText('从业人员数与社保缴费人数不符');
  const again = page.locator('form#statistics');
  // the note stands beside its field, and the banner's link leads there
  await expect(again.getByText('审核意见：应为14人')).toBeVisible();
  await page.getByRole('button', { name: '从业人员总数：应为14人' }).click();
  await again.getByLabel('从业人员总数').fill('14');
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await confirmSubmit(page, '提交业务基本情况');
  await signOut(page);

  // ── the reviewer: round 2, 审核通过 ───────────────────────────────────────────────────────
  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await openReport(page);
  await expect(page.getByText('第2轮')).toBeVisible();
  const approve = page.locator('form#decision');
  await approve.getByRole('button', { name: '提交审核结论' }).click();
  await page.getByRole('dialog').filter({ hasText: '确定审核通过？' }).getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByText('已审核通过，已通知申请单位')).toBeVisible();
  await signOut(page);

  // ── the agent: 查询 shows it 审核通过, 查看 only ───────────────────────────────────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源市场统计', '业务基本情况查询');
  const done = page.getByRole('row').filter({ hasText: NAME });
  await expect(done).toContainText('审核通过');
  await expect(done.getByRole('link', { name: '修改' })).toHaveCount(0);
  await done.getByRole('link', { name: '查看' }).click();
  await expect(page.locator('form#statistics').getByLabel('从业人员总数')).toHaveValue('14');
  await expect(page.locator('form#statistics').getByLabel('从业人员总数')).toBeDisabled();
});
