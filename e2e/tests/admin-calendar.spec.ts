import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/api-setup';
import { confirmPopconfirm, expectNoSeriousA11yViolations, fillDate, openHr, openMenuPage, signIn } from '../fixtures/ui';

// 节假日设置: the administrator sees a year's 法定节假日 and 调休上班 days (seeded from the published
// arrangements), adds a day with its kind and name, and removes it again. The day is far in the
// future and removed at the end, so no other journey's 办理期限 moves.

test('管理员在节假日设置中查看一年的放假和调休安排，添加并删除一天', async ({ page }) => {
  await signIn(page, 'demo_admin', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '系统管理', '节假日设置');

  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  const year = page.getByRole('spinbutton', { name: '年份' });
  await year.fill('2026');
  await year.press('Enter');
  await expect(rows.filter({ hasText: '2026-01-01' })).toContainText('休（放假）');
  await expect(rows.filter({ hasText: '2026-01-01' })).toContainText('元旦');
  // 春节 2026: Saturday 14 February is worked
  await expect(rows.filter({ hasText: '2026-02-14' })).toContainText('班（调休上班）');
  await expect(rows.filter({ hasText: '2026-02-14' })).toContainText('周六');
  await expectNoSeriousA11yViolations(page);

  const form = page.getByRole('form', { name: '添加或修改日期' });
  // a Tuesday cannot be a 调休上班 day: it is a working day already
  await fillDate(form.getByLabel('日期', { exact: true }), '2098-01-07');
  await form.getByLabel('名称', { exact: true }).fill('测试假日');
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
  const kind = (label: string) => form.locator('label').filter({ hasText: label });
  await kind('班（调休上班）').click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('调休上班日应为周六或周日（周一至周五本就是工作日）')).toBeVisible();

  await kind('休（放假）').click();
  await form.getByRole('button', { name: '保存' }).click();
  // saving a day of another year shows that year
  await expect(year).toHaveValue('2098');
  const added = rows.filter({ hasText: '2098-01-07' });
  await expect(added).toContainText('测试假日');
  await expect(added).toContainText('休（放假）');
  await expect(added).toContainText('demo_admin');

  await confirmPopconfirm(page, added.getByRole('button', { name: '删除 2098-01-07' }), '删除', ['确定删除 2098-01-07？']);
  await expect(added).toHaveCount(0);
  await expect(page.getByText('尚未设置2098年的节假日，办理期限暂按周一至周五计算')).toBeVisible();
});
