import { expect, test, type Locator, type Page } from '@playwright/test';
import { ApiSession, DEMO_PASSWORD, acceptViaApi, submitEstablishment } from '../fixtures/api-setup';
import { expectNoSeriousA11yViolations, openHr, openMenuPage, signIn, signOut, accept, correctAddressAndResubmit } from '../fixtures/ui';

// 审核 (SPEC §7): the agent has submitted a 许可 设立 to 省人社厅审批办 (set up through the API, as
// the establishment journey ends). The reviewer rejects it with a note on 办公地址; the agent is told
// (消息中心), sees the note at the field, corrects and resubmits; the reviewer approves and the
// 人力资源服务许可证 is issued; the agent sees 审核通过 / 是否发证 是, downloads the licence, and the
// public page verifies it.

const NAME = `长春市审核人力资源服务有限公司${String(Date.now()).slice(-5)}`;
const NEW_ADDRESS = '吉林省长春市朝阳区人民大街2000号';

/** The number a 主页 待办 link counts (its name is "待审核 5 件"). */
async function todoCount(link: Locator): Promise<number> {
  await expect(link).toBeVisible();
  return Number((await link.getAttribute('aria-label'))!.match(/ (\d+) 件$/)![1]);
}

/** The list holds exactly `total` rows: its pager says so (an empty list shows no pager, only its placeholder). */
async function expectListTotal(page: Page, total: number) {
  if (total === 0) await expect(page.locator('.ant-table-placeholder')).toBeVisible();
  else await expect(page.getByText(new RegExp(`共 ${total} 记录$`))).toBeVisible();
}

async function openPending(page: Page) {
  await openMenuPage(page, '审核管理', '待审核');
  const row = page.getByRole('row').filter({ hasText: NAME });
  await expect(row).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '剩余工作日' })).toBeVisible();
  await expect(row).toContainText(/剩余\d+个工作日/);
  await row.getByRole('link', { name: '审核' }).click();
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
}

test('审核人员退回并附字段意见，经办人按意见修改后重新提交，审核通过并核发许可证', async ({ page }) => {
  test.setTimeout(180_000);
  const agentApi = await ApiSession.signIn('demo_agent');
  await submitEstablishment(agentApi, NAME);
  await agentApi.close();

  // ── the reviewer's 主页: 待办 counts, each a link to 待审核 with that filter; the message ───────
  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await expect(page.getByText('部门编码')).toBeVisible();
  await expect(page.getByText('220000', { exact: true })).toBeVisible();
  const dueSoon = page.getByRole('link', { name: /^3个工作日内到期 \d+ 件$/ });
  const dueSoonCount = await todoCount(dueSoon);
  await dueSoon.click();
  await expect(page).toHaveURL(/\/hr\/reviews\/pending\?maxDaysLeft=3$/);
  await expect(page.locator('.ant-select-selection-item').filter({ hasText: '3个工作日内到期（含已超期）' })).toBeVisible();
  await expectListTotal(page, dueSoonCount);
  await page.getByRole('tab', { name: '主页' }).click();
  const pending = page.getByRole('link', { name: /^待审核 \d+ 件$/ });
  const pendingCount = await todoCount(pending);
  expect(pendingCount).toBeGreaterThan(0);
  await pending.click();
  await expect(page).toHaveURL(/\/hr\/reviews\/pending$/);
  await expectListTotal(page, pendingCount);
  await expect(page.getByRole('row').filter({ hasText: NAME })).toBeVisible();
  await page.getByTestId('notification-bell').click();
  await expect(page.getByRole('button', { name: `收到新的设立申请：${NAME}` })).toBeVisible();

  // ── the reviewer: 待审核 → open (reading only: 待受理) → 受理 → 审核不通过 with a note on 办公地址 ──
  await openPending(page);
  const accepted = page.locator('.ant-descriptions-item-label').filter({ hasText: /^受理$/ }).locator('..');
  await expect(accepted).toContainText('待受理');
  await accept(page);
  await expect(accepted).not.toContainText('待受理');
  const panel = page.locator('form#decision');
  await panel.locator('label').filter({ hasText: '审核不通过' }).click();
  await panel.getByLabel('审核意见').fill('办公地址与营业执照登记的住所不一致，请核实后修改。');
  await panel.getByRole('button', { name: '添加单项意见' }).click();
  await panel.getByRole('combobox', { name: '第1条单项意见针对的字段或材料' }).fill('办公地址');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '办公地址' }).first().click();
  await panel.getByLabel('第1条单项意见', { exact: true }).fill('请填写营业执照上的住所');
  await panel.getByRole('button', { name: '提交审核结论' }).click();
  const confirmReject = page.getByRole('dialog').filter({ hasText: '确定审核不通过？' });
  await expect(confirmReject).toContainText('办公地址：请填写营业执照上的住所');
  await confirmReject.getByRole('button', { name: '审核不通过' }).click();
  await expect(page.getByText('已退回单位修改，已通知申请单位')).toBeVisible();
  await expect(page.getByRole('heading', { name: NAME }).locator('..')).toContainText('审核不通过');
  await signOut(page);

  // ── the agent: the message, the note at the field, correct and resubmit ──────────────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await expect(page.getByTestId('notification-bell')).toHaveAttribute('aria-label', /条未读/);
  await page.getByTestId('notification-bell').click();
  await page.getByRole('button', { name: `审核不通过：${NAME}` }).click();
  await expect(page).toHaveURL(/\/hr\/institutions\/.+\/view$/);
  await expect(page.getByText('审核记录')).toBeVisible();
  await expect(page.getByText('字段「办公地址」：请填写营业执照上的住所')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');
  const row = page.getByRole('row').filter({ hasText: NAME });
  await expect(row).toContainText('审核不通过');
  await row.getByRole('link', { name: '修改' }).click();
  await expect(page.getByTestId('rejection-alert')).toContainText('办公地址与营业执照登记的住所不一致');
  const form = page.locator('form#establishment');
  await expect(form.getByText('审核意见：请填写营业执照上的住所')).toBeVisible();
  await correctAddressAndResubmit(page, NEW_ADDRESS);

  // ── the reviewer: round 2, approve, the licence is issued ──────────────────────────────────
  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '审核管理', '待审核');
  await expect(page.getByRole('row').filter({ hasText: NAME })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await openPending(page);
  await expect(page.getByText('第2轮')).toBeVisible();
  await expect(page.getByText(NEW_ADDRESS)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await accept(page);
  const approve = page.locator('form#decision');
  await expect(approve).toContainText('审核通过后将核发人力资源服务许可证');
  await approve.getByRole('button', { name: '提交审核结论' }).click();
  const confirmApprove = page.getByRole('dialog').filter({ hasText: '确定审核通过？' });
  await expect(confirmApprove).toContainText('将核发人力资源服务许可证');
  await confirmApprove.getByRole('button', { name: '审核通过' }).click();
  const issued = page.getByRole('dialog').filter({ hasText: '已核发人力资源服务许可证' });
  await expect(issued).toBeVisible();
  const number = /编号：(（吉）人服证字〔\d{4}〕第220000\d{4}号)/.exec((await issued.textContent()) ?? '')?.[1];
  expect(number).toBeTruthy();
  await issued.getByRole('button', { name: /知道了|确定|OK/ }).click();
  await signOut(page);

  // ── the agent: 审核通过, 是否发证 是, 许可证下载; the public page verifies it ─────────────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');
  const done = page.getByRole('row').filter({ hasText: NAME });
  await expect(done).toContainText('审核通过');
  await expect(done.getByRole('cell', { name: '是', exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const download = page.waitForEvent('download');
  await done.getByRole('link', { name: '许可证下载' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

  await page.goto(`/public/licences/verify?number=${encodeURIComponent(number!)}`);
  await expect(page.getByText(number!).first()).toBeVisible();
  await expect(page.getByText('有效').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // …and the public register lists it with its licence number
  await page.goto(`/public/register?keyword=${encodeURIComponent(NAME)}`);
  await expect(page.getByRole('row').filter({ hasText: NAME })).toContainText(number!);
  await expectNoSeriousA11yViolations(page);
});

// 人力资源服务机构查询 (guide 1.1) after a decision made at another desk: the agent has the list open
// with the submission 待审核 (撤回 still offered); the reviewer approves it; the agent clicks 查询
// with the same 查询条件 and sees 审核通过, with 撤回 gone.
test('审核人员作出审核结论后，经办人以相同查询条件再次点击查询，列表显示审核通过且不再提供撤回', async ({ page }) => {
  test.setTimeout(120_000);
  const name = `长春市查询刷新人力资源服务有限公司${String(Date.now()).slice(-5)}`;
  const agentApi = await ApiSession.signIn('demo_agent');
  const { applicationId } = await submitEstablishment(agentApi, name);
  await agentApi.close();

  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');
  const conditions = page.locator('form#institutionQuery');
  await conditions.getByLabel('机构名称全称').fill(name);
  await conditions.getByRole('button', { name: '查询' }).click();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('待审核');
  await expect(row.getByRole('button', { name: '撤回' })).toBeVisible();

  // the reviewer, at another desk, accepts it (受理) and approves
  const reviewerApi = await ApiSession.signIn('demo_reviewer');
  const opened = await acceptViaApi(reviewerApi, applicationId);
  const decided = await reviewerApi.post(`/api/reviews/${applicationId}/decision`, { version: opened.version, decision: '审核通过' });
  expect(decided.status(), await decided.text()).toBe(200);
  await reviewerApi.close();

  // the same 查询条件, 查询 again: the list asks the server and shows the decision
  const asked = page.waitForResponse((r) => r.url().includes('/api/institutions?') && r.request().method() === 'GET');
  await conditions.getByRole('button', { name: '查询' }).click();
  expect((await asked).status()).toBe(200);
  await expect(row).toContainText('审核通过');
  await expect(row.getByRole('button', { name: '撤回' })).toHaveCount(0);
});
