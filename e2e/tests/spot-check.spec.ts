import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, licensedInstitutionViaApi } from '../fixtures/api-setup';
import { choose, expectNoSeriousA11yViolations, fillDate, openHr, openMenuPage, signIn, signOut } from '../fixtures/ui';

// 双随机、一公开 (decision 0049): the 管理员 draws a 抽查 plan (the institutions at random from the range,
// the inspectors at random from the department's reviewers, never the one who approved it); the drawn
// inspector records 合格; the public register publishes the result.

const NAME = `长春市双随机抽查职业介绍有限公司${String(Date.now()).slice(-5)}`;
const PLAN = `双随机抽查计划${String(Date.now()).slice(-5)}`;

test('管理员新建抽查计划并随机抽取，抽中的检查人员登记抽查合格，公示查询公开抽查结果', async ({ page }) => {
  test.setTimeout(180_000);
  // approved by demo_reviewer: the draw must send demo_inspector
  const { institutionId } = await licensedInstitutionViaApi(NAME);

  // ── the administrator: 新建抽查计划, 预估, 抽取 ──────────────────────────────────────────────
  await signIn(page, 'demo_admin', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '审核管理', '双随机抽查');
  await page.getByRole('button', { name: '新建抽查计划' }).click();
  const dialog = page.getByRole('dialog', { name: '新建抽查计划' });
  await dialog.getByLabel('计划名称').fill(PLAN);
  await choose(page, dialog, '审批部门（发证机关）', '省人社厅审批办');
  await dialog.getByLabel('抽查比例（%）').fill('100');
  await dialog.getByLabel('每个机构的检查人员数').fill('1');
  const due = new Date(Date.now() + 30 * 86_400_000);
  await fillDate(dialog.getByLabel('完成期限'), new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(due));
  await dialog.getByRole('button', { name: '预估抽取数量' }).click();
  await expect(dialog.getByText(/符合条件的持证机构\d+个，按100%抽取\d+个/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: /^抽\s?取$/ }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确认随机抽取' });
  await expect(confirm).toContainText('不能修改或重新抽取');
  await confirm.getByRole('button', { name: /^抽\s?取$/ }).click();

  // the plan: its seed, the institution drawn with demo_inspector (钱检查), not the approver 赵审核
  await expect(page.getByText(`抽查计划：${PLAN}`)).toBeVisible();
  await expect(page.getByText(/^[0-9a-f]{16}$/)).toBeVisible();
  const drawn = page.getByRole('row').filter({ hasText: NAME });
  await expect(drawn).toContainText('钱检查');
  await expect(drawn).not.toContainText('赵审核');
  await expect(drawn).toContainText('待核查');
  await page.getByRole('button', { name: '复核抽取' }).click();
  await expect(page.getByText(/重新抽取，抽中的\d+个机构及检查人员与本计划一致/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await signOut(page);

  // ── the drawn inspector: 抽查合格 ─────────────────────────────────────────────────────────────
  await signIn(page, 'demo_inspector', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '审核管理', '核查任务');
  const task = page.getByRole('row').filter({ hasText: NAME }).filter({ hasText: '双随机抽查' });
  await task.getByRole('link', { name: '核查' }).click();
  await expect(page.getByText(`抽查任务：${NAME}`)).toBeVisible();
  const result = page.locator('form#inspectionResult');
  for (const group of await result.getByRole('radiogroup').all()) await group.getByRole('radio', { name: '属实', exact: true }).check();
  await result.getByLabel('检查情况').fill('现场检查：许可证明示，服务项目与许可范围一致，收费标准已公示。');
  await expectNoSeriousA11yViolations(page);
  await result.getByRole('button', { name: '抽查合格，办结' }).click();
  await expect(page.getByText('已完成（合格）').first()).toBeVisible();
  await signOut(page);

  // ── 公开: the public register's detail shows the result ─────────────────────────────────────
  await page.goto(`/public/register/${institutionId}`);
  await expect(page.getByRole('heading', { name: '双随机抽查结果' })).toBeVisible();
  const published = page.getByRole('row').filter({ hasText: PLAN });
  await expect(published).toContainText('合格');
  await expect(published).toContainText('省人社厅审批办');
});
