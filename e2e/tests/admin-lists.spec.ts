import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/api-setup';
import { expectNoSeriousA11yViolations, openHr, openMenuPage, signIn, tableFitsAt1366 } from '../fixtures/ui';

// The administrator's query pages (审核人员管理, 审计日志): 查询条件 narrow the list on the server,
// 清空 brings every row back, and the guide's pager counts what the server counted.

const pagerTotal = async (page: import('@playwright/test').Page) => {
  const text = await page.getByText(/第 \d+ 页 共 \d+ 页 显示 \d+ 到 \d+, 共 \d+ 记录/).innerText();
  return Number(/共 (\d+) 记录/.exec(text)![1]);
};

test('管理员在审核人员管理中按关键字查询审核人员，清空后恢复全部', async ({ page }) => {
  await signIn(page, 'demo_admin', DEMO_PASSWORD);
  // bureau staff enter their own workbench, not the units' 单位网厅
  await expect(page.getByText('人社部门工作台', { exact: true })).toBeVisible();
  await expect(page.getByText('单位网厅', { exact: true })).toHaveCount(0);
  await openHr(page);
  await openMenuPage(page, '系统管理', '审核人员管理');

  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.filter({ hasText: 'demo_reviewer' })).toHaveCount(1);
  const all = await pagerTotal(page);
  // every column shows at 1366 px: the fixed 操作 column covers no 密码修改时间; the day shows, the time on hover
  await tableFitsAt1366(page, '密码修改时间');
  await expect(rows.filter({ hasText: 'demo_reviewer' }).locator('td').nth(6)).toHaveText(/^\d{4}-\d{2}-\d{2}$/);

  // a keyword nobody has: the server answers with no rows
  await page.getByRole('textbox', { name: '关键字' }).fill('没有这个人');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(rows).toHaveCount(0);
  await expect(page.locator('.ant-table-placeholder')).toBeVisible();

  await page.getByRole('textbox', { name: '关键字' }).fill('demo_reviewer');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText(/共 1 记录/)).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('赵审核');
  // the phone number is masked in the list
  await expect(rows.first()).toContainText('131****0003');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: '清空' }).click();
  await expect(page.getByRole('textbox', { name: '关键字' })).toHaveValue('');
  await expect(page.getByText(new RegExp(`共 ${all} 记录`))).toBeVisible();
});

test('管理员在审计日志中按操作人账号查询，每条记录都是该账号的操作', async ({ page }) => {
  await signIn(page, 'demo_admin', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '系统管理', '审计日志');

  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  const all = await pagerTotal(page);

  await page.getByRole('textbox', { name: '操作人账号' }).fill('demo_admin');
  const filtered = page.waitForResponse((r) => r.url().includes('/api/admin/audit?') && r.url().includes('actorAccount=demo_admin'));
  await page.getByRole('button', { name: '查询' }).click();
  await filtered;
  // the admin's own sign-in is in the log, and every row shown is the admin's (the rows may still be
  // changing from the unfiltered page: each look is short, and the whole check is retried)
  await expect(async () => {
    expect(await pagerTotal(page)).toBeLessThan(all);
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await expect(rows.nth(i)).toContainText('demo_admin', { timeout: 500 });
  }).toPass({ timeout: 15_000 });

  await page.getByRole('button', { name: '清空' }).click();
  await expect(page.getByRole('textbox', { name: '操作人账号' })).toHaveValue('');
  await expect.poll(() => pagerTotal(page)).toBeGreaterThanOrEqual(all);
});

test.describe('审计日志 at 1366 px', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('管理员在审计日志中看到中文操作名称和对象名称，按中文操作名称筛选，详情逐项显示', async ({ page }) => {
    await signIn(page, 'demo_admin', DEMO_PASSWORD);
    await openHr(page);
    await openMenuPage(page, '系统管理', '审计日志');

    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect(rows.first()).toBeVisible();
    // the newest entry is the admin's own sign-in, named in Chinese, its code kept aside
    await expect(page.getByTestId('audit-action').first()).toHaveText('登录');
    await expect(page.locator('.ant-table-tbody')).not.toContainText('auth.login');

    // the 操作 filter offers the Chinese names (typed to narrow the long list)
    const filtered = page.waitForResponse((r) => r.url().includes('/api/admin/audit?') && r.url().includes('action=account.seeded'));
    await expect(async () => {
      await page.getByLabel('操作', { exact: true }).fill('初始化账号');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '初始化账号' }).first().click({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await page.getByRole('button', { name: '查询' }).click();
    await filtered;

    // 对象 names the account, not its id
    const reviewerRow = rows.filter({ hasText: '账号：demo_reviewer（审核人员）' });
    await expect(reviewerRow).toHaveCount(1);
    await expect(rows.first().getByTestId('audit-action')).toHaveText('初始化账号');
    await expect(page.getByTestId('audit-object').first()).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    // the fixed 详情 column leaves 对象 in full view
    const objectHeader = page.locator('.ant-table-thead th').filter({ hasText: /^对象$/ });
    const fixedHeader = page.locator('.ant-table-thead th.ant-table-cell-fix-right').first();
    const [objectBox, fixedBox, tableBox] = await Promise.all([objectHeader.boundingBox(), fixedHeader.boundingBox(), page.locator('.ant-table-content, .ant-table-body').first().boundingBox()]);
    expect(objectBox!.x + objectBox!.width).toBeLessThanOrEqual(fixedBox!.x + 1);
    expect(objectBox!.x).toBeGreaterThanOrEqual(tableBox!.x - 1);
    // nothing to scroll sideways at this width: every column is in view
    const [clientWidth, scrollWidth] = await page.locator('.ant-table-content').first().evaluate((el) => [el.clientWidth, el.scrollWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth!);

    // 详情: labelled fields, no raw JSON
    await reviewerRow.getByRole('button', { name: '详情' }).click();
    const detail = page.getByTestId('audit-detail');
    await expect(detail.locator('tr').filter({ hasText: '账号' })).toContainText('demo_reviewer');
    await expect(detail.locator('tr').filter({ hasText: '角色' })).toContainText('审核人员');
    await expect(detail).not.toContainText('{');
    await expect(page.locator('.ant-drawer')).toContainText('account.seeded');
    await expectNoSeriousA11yViolations(page);
  });
});
