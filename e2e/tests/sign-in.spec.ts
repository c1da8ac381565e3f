import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../fixtures/ui';

// Guide 一 1.3: 经办人账号登录 → 应用入口 → 【人力资源服务】 → 吉林人力资源市场管理
test('经办人登录后从应用入口进入人力资源服务，看到主页和本单位，然后退出登录', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByRole('textbox', { name: '账号' }).fill('demo_agent');
  await page.getByLabel('密码', { exact: true }).fill('Demo@123456');
  await page.getByRole('button', { name: '登录' }).click();

  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByText('应用入口').first()).toBeVisible();
  await expect(page.getByText('单位网厅', { exact: true })).toBeVisible();
  await page.getByText('人力资源服务', { exact: true }).click();

  await expect(page).toHaveURL(/\/hr/);
  await expect(page.getByText('吉林人力资源市场管理').first()).toBeVisible();
  await expect(page.getByRole('tab', { name: '主页' })).toBeVisible();
  await expect(page.getByText('吉林省博润人力资源有限公司').first()).toBeVisible();
  await expect(page.getByText('吉林省人力资源和社会保障厅')).toBeVisible();
  // the unit's institutions (other journeys may have added some, so no count is assumed)
  await expect(page.getByText('本单位人力资源服务机构')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '机构名称(全称)' })).toBeVisible();

  // a reload keeps the session (server-side, cookie-borne)
  await page.reload();
  await expect(page.getByText('吉林省博润人力资源有限公司').first()).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  // signed out on the server too: the business system sends us back to the login page
  await page.goto('/hr');
  await expect(page).toHaveURL(/\/login/);
});

test('a wrong password is refused with a Chinese message and keeps the account typed', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('textbox', { name: '账号' }).fill('demo_agent');
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('账号或密码错误')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '账号' })).toHaveValue('demo_agent');
  await expect(page).toHaveURL(/\/login$/);
});

test('the login page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
