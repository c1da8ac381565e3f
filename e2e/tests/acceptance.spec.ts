import { expect, test, type Page } from '@playwright/test';
import { ApiSession, DEMO_PASSWORD, submitEstablishment } from '../fixtures/api-setup';
import { accept, correctAddressAndResubmit, expectNoSeriousA11yViolations, openHr, openMenuPage, signIn, signOut } from '../fixtures/ui';

// 受理 as 行政许可法 第三十二条 has it (decision 0034): opening a submission only reads (the unit may
// still 撤回); the reviewer asks for 补正 listing every item at once, the unit reads the items, downloads
// the 补正告知书, corrects and resubmits; the reviewer then accepts (受理) and approves. A second
// submission is refused (不予受理) with a reason the unit reads beside its 不予受理通知书.

const SUFFIX = String(Date.now()).slice(-5);
const NAME = `长春市补正人力资源服务有限公司${SUFFIX}`;
const REFUSED = `长春市不予受理人力资源服务有限公司${SUFFIX}`;
const NEW_ADDRESS = '吉林省长春市朝阳区人民大街3000号';

async function openForReview(page: Page, name: string) {
  await openMenuPage(page, '审核管理', '待审核');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('待受理');
  await row.getByRole('link', { name: '审核' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

/** What the agent may do with the application now, as the server says. */
async function agentActions(applicationId: string): Promise<string[]> {
  const agent = await ApiSession.signIn('demo_agent');
  const detail = (await (await agent.api.get(`/api/applications/${applicationId}`)).json()) as { actions: string[] };
  await agent.close();
  return detail.actions;
}

test('审核人员打开申请不受理；补正一次性告知，经办人看到补正内容并下载补正告知书，修改后重新提交；审核人员受理并审核通过', async ({ page }) => {
  test.setTimeout(240_000);
  const agentApi = await ApiSession.signIn('demo_agent');
  const { applicationId } = await submitEstablishment(agentApi, NAME);
  await agentApi.close();

  // ── the reviewer opens it: reading only, 受理期限 shown, the unit may still 撤回 ─────────────────
  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await expect(page.getByRole('link', { name: /^待受理 \d+ 件$/ })).toBeVisible();
  await openForReview(page, NAME);
  await expect(page.getByText('受理期限', { exact: true })).toBeVisible();
  await expect(page.locator('form#decision')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  expect(await agentActions(applicationId)).toEqual(['撤回']);

  // ── 补正: the reviewer's note on 办公地址 comes along, plus a free-text item ──────────────────────
  const panel = page.locator('.acceptance-panel');
  await panel.getByRole('button', { name: '添加审查意见' }).click();
  await panel.getByRole('combobox', { name: '第1条审查意见针对的字段或材料' }).fill('办公地址');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '办公地址' }).first().click();
  await panel.getByLabel('第1条审查意见', { exact: true }).fill('请填写营业执照上的住所');
  await panel.getByRole('button', { name: /^补\s?正$/ }).click();
  const correction = page.getByRole('dialog', { name: '补正告知：一次性告知需要补正的全部内容' });
  await expect(correction.getByLabel('第1条补正内容', { exact: true })).toHaveValue('请填写营业执照上的住所');
  await correction.getByRole('button', { name: '添加补正内容' }).click();
  await correction.getByLabel('第2条补正内容', { exact: true }).fill('请补充近三个月的社保缴纳证明');
  await correction.getByRole('button', { name: '出具补正告知书' }).click();
  await expect(page.getByText('已出具补正告知书并通知申请单位')).toBeVisible();
  await expect(page.getByRole('heading', { name: NAME }).locator('..')).toContainText('待补正');
  const record = page.getByRole('list', { name: '受理记录' });
  await expect(record).toContainText('请补充近三个月的社保缴纳证明');
  await signOut(page);

  // ── the agent: the items at the top of the form, the notice, correct and resubmit ──────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await page.getByTestId('notification-bell').click();
  await expect(page.getByRole('button', { name: `需补正：${NAME}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');
  const row = page.getByRole('row').filter({ hasText: NAME });
  await expect(row).toContainText('待补正');
  await row.getByRole('link', { name: '修改' }).click();
  const banner = page.getByTestId('correction-alert');
  await expect(banner).toContainText('请按补正告知书修改后重新提交');
  await expect(banner).toContainText('办公地址：请填写营业执照上的住所');
  await expect(banner).toContainText('请补充近三个月的社保缴纳证明');
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('link', { name: '下载补正告知书' }).click()]);
  expect(download.suggestedFilename()).toBe(`补正告知书-${NAME}.pdf`);
  const form = page.locator('form#establishment');
  await expect(form.getByText('需补正：请填写营业执照上的住所')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await correctAddressAndResubmit(page, NEW_ADDRESS);

  // ── the reviewer: the same round again, 受理, then 审核通过 ─────────────────────────────────
  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await openForReview(page, NAME);
  await expect(page.getByText('第1轮').first()).toBeVisible();
  await expect(page.getByText(NEW_ADDRESS)).toBeVisible();
  await accept(page);
  expect(await agentActions(applicationId)).toEqual([]);
  await page.locator('form#decision').getByRole('button', { name: '提交审核结论' }).click();
  await page.getByRole('dialog').filter({ hasText: '确定审核通过？' }).getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByRole('dialog').filter({ hasText: '已核发人力资源服务许可证' })).toBeVisible();
});

test('审核人员不予受理须填写理由，经办人在查看页看到理由并可下载不予受理通知书', async ({ page }) => {
  test.setTimeout(180_000);
  const agentApi = await ApiSession.signIn('demo_agent');
  const { institutionId } = await submitEstablishment(agentApi, REFUSED);
  await agentApi.close();

  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await openForReview(page, REFUSED);
  await page.locator('.acceptance-panel').getByRole('button', { name: '不予受理' }).click();
  const dialog = page.getByRole('dialog', { name: '不予受理' });
  await dialog.getByRole('button', { name: '不予受理' }).click();
  await expect(dialog.getByText('请填写不予受理的理由')).toBeVisible();
  await dialog.getByLabel('不予受理的理由').fill('申请人住所不在本机关管辖范围内，请向所在地人力资源社会保障部门申请。');
  await dialog.getByRole('button', { name: '不予受理' }).click();
  await expect(page.getByText('已出具不予受理通知书并通知申请单位')).toBeVisible();
  await expect(page.getByRole('heading', { name: REFUSED }).locator('..')).toContainText('不予受理');
  await signOut(page);

  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await page.goto(`/hr/institutions/${institutionId}/view`);
  const alert = page.getByRole('alert').filter({ hasText: '不予受理' }).first();
  await expect(alert).toContainText('理由：申请人住所不在本机关管辖范围内');
  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('link', { name: '下载不予受理通知书' }).click()]);
  expect(download.suggestedFilename()).toBe(`不予受理通知书-${REFUSED}.pdf`);
});
