import { expect, test } from '@playwright/test';
import { choose, expectNoSeriousA11yViolations } from '../fixtures/ui';

// 人力资源服务机构公示查询 (no login): the search form, its address (shared links, the back button) and 清空.
const LICENSED = '吉林省博润人力资源有限公司';

test('公示查询：输入关键字查询，地址记录查询条件，后退恢复条件，清空回到全部机构', async ({ page }) => {
  await page.goto('/public/register');
  const form = page.locator('form#registerSearch');
  const keyword = form.getByLabel('关键字');
  await keyword.fill('博润人力');
  await form.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/keyword=%E5%8D%9A%E6%B6%A6%E4%BA%BA%E5%8A%9B/);
  await expect(page.getByRole('row').filter({ hasText: LICENSED })).toContainText('正常');
  // 信用等级 (decision 0048): licensed at the demo's start, nothing on its record yet
  await expect(page.getByRole('columnheader', { name: '信用等级' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: LICENSED }).getByTestId('credit-level')).toHaveText('A级');
  await expectNoSeriousA11yViolations(page);

  // a narrower search finds nothing and says so with the keyword
  await choose(page, form, '状态', '注销');
  await form.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/status=%E6%B3%A8%E9%94%80/);
  await expect(page.getByText('未找到与“博润人力”相关的机构')).toBeVisible();

  // back: the previous search, its conditions in the form again (状态 emptied)
  await page.goBack();
  await expect(page.getByRole('row').filter({ hasText: LICENSED })).toBeVisible();
  await expect(keyword).toHaveValue('博润人力');
  await expect(form.locator('.ant-select-selection-item', { hasText: '注销' })).toHaveCount(0);

  // a shared link opens the same search
  await page.goto('/public/register?keyword=' + encodeURIComponent('博润人力'));
  await expect(keyword).toHaveValue('博润人力');
  await expect(page.getByRole('row').filter({ hasText: LICENSED })).toBeVisible();

  // 清空: every condition gone, the whole register listed
  await form.getByRole('button', { name: '清空' }).click();
  await expect(keyword).toHaveValue('');
  await expect(page).not.toHaveURL(/keyword=/);
  await expect(page.getByText(/共 \d+ 记录/)).toBeVisible();
});
