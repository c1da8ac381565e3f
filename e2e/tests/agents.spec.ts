import { expect, test, type Browser } from '@playwright/test';
import { confirmPopconfirm, expectNoSeriousA11yViolations, openHr, openMenuPage, signIn, signOut, tableFitsAt1366 } from '../fixtures/ui';

// Guide 一 1.2 and SPEC §1.2: 办理业务需要使用"法人"账号所创建的"经办人"账号来登录办理.
// The legal person creates an agent, the agent changes the initial password at first login and
// works for the unit; once disabled, the agent can no longer sign in.

const DEMO_PASSWORD = 'Demo@123456';
const AGENT = {
  name: '张经办',
  idCard: '110101198001010053', // valid per GB 11643 (check digit 3)
  maskedIdCard: '110101********0053',
  phone: '13900139000',
  maskedPhone: '139****9000',
  account: 'agent_e2e1',
  initialPassword: 'Init@2026x',
  newPassword: 'New@2026x',
  /** changed once more in 账号设置 */
  laterPassword: 'Later@2026x',
};

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test('法人新增经办人，经办人首次登录修改密码后办理业务；停用后不能再登录', async ({ page, browser }) => {
  // a long journey: six sign-ins, two browsers
  test.setTimeout(180_000);
  // ── the legal person creates the agent ─────────────────────────────────────────
  await signIn(page, 'demo_legal', DEMO_PASSWORD);
  await openHr(page);
  await expect(page.getByText('法人账号用于管理经办人').first()).toBeVisible();
  // 新增经办人 is on the legal person's first page, no menu to go through
  await page.getByRole('button', { name: '新增经办人' }).click();
  const dialog = page.getByRole('dialog', { name: '新增经办人' });
  await dialog.getByLabel('姓名').fill(AGENT.name);
  await dialog.getByLabel('身份证号').fill(AGENT.idCard);
  await dialog.getByLabel('手机号码').fill(AGENT.phone);
  await dialog.getByLabel('账号').fill(AGENT.account);
  // a password with the account in it breaks a rule: said at once, and nothing typed is lost
  await dialog.getByLabel('初始密码').fill('X@' + AGENT.account);
  await expect(dialog.getByText('密码不能包含账号')).toBeVisible();
  await dialog.getByLabel('初始密码').fill(AGENT.initialPassword);
  await expect(dialog.getByText('密码不能包含账号')).toBeHidden();
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`已新增经办人「${AGENT.name}」`)).toBeVisible();

  await openMenuPage(page, '账号管理', '经办人管理');
  await expect(page.getByText('办理业务需要使用“法人”账号所创建的“经办人”账号来登录办理')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'demo_agent' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // on a 1366-wide office screen every column shows: the fixed 操作 column covers none (创建时间)
  await tableFitsAt1366(page, '创建时间');
  const row = page.getByRole('row').filter({ hasText: AGENT.account });
  await expect(row).toContainText(AGENT.name);
  await expect(row).toContainText(AGENT.maskedIdCard);
  await expect(row).toContainText(AGENT.maskedPhone);
  await expect(row).not.toContainText(AGENT.idCard);
  await expect(row.getByText('正常')).toBeVisible();

  // the same account again is refused on its field, with the rest of the form kept
  await page.getByRole('button', { name: '新增经办人' }).click();
  await dialog.getByLabel('姓名').fill('李经办');
  await dialog.getByLabel('身份证号').fill(AGENT.idCard);
  await dialog.getByLabel('手机号码').fill(AGENT.phone);
  await dialog.getByLabel('账号').fill(AGENT.account);
  await dialog.getByLabel('初始密码').fill(AGENT.initialPassword);
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByText('该账号已被使用，请更换')).toBeVisible();
  await expect(dialog.getByLabel('姓名')).toHaveValue('李经办');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();

  await signOut(page);

  // ── the agent's first login forces the password change ──────────────────────────
  await signIn(page, AGENT.account, AGENT.initialPassword);
  await expect(page).toHaveURL(/\/account\/change-password$/);
  await page.getByLabel('原密码', { exact: true }).fill(AGENT.initialPassword);
  await page.getByLabel('新密码', { exact: true }).fill(AGENT.newPassword);
  await page.getByLabel('确认新密码', { exact: true }).fill(AGENT.newPassword);
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('密码已修改，请重新登录')).toBeVisible();

  // the initial password no longer works, the new one does
  await signIn(page, AGENT.account, AGENT.initialPassword);
  await expect(page.getByText('账号或密码错误')).toBeVisible();
  await signIn(page, AGENT.account, AGENT.newPassword);
  await expect(page.getByText('应用入口').first()).toBeVisible();
  await openHr(page);
  await expect(page.getByRole('tab', { name: '主页' })).toBeVisible();
  await expect(page.getByText('吉林省博润人力资源有限公司').first()).toBeVisible();
  // agents do not manage agents
  await expect(page.getByRole('menuitem', { name: '经办人管理' })).toHaveCount(0);

  // ── 账号设置: the agent changes the password again; every session ends ─────────────
  await page.getByRole('banner').getByRole('link', { name: '账号设置' }).click();
  await page.getByLabel('原密码', { exact: true }).fill(AGENT.newPassword);
  await page.getByLabel('新密码', { exact: true }).fill(AGENT.laterPassword);
  await page.getByLabel('确认新密码', { exact: true }).fill(AGENT.laterPassword);
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('密码已修改，请重新登录')).toBeVisible();
  await expect(page.getByText('登录已过期')).toHaveCount(0);
  await signIn(page, AGENT.account, AGENT.laterPassword);
  await openHr(page);

  // ── the legal person disables the agent (in another browser) ──────────────────────
  const legal = await newPage(browser);
  await signIn(legal, 'demo_legal', DEMO_PASSWORD);
  await openHr(legal);
  await openMenuPage(legal, '账号管理', '经办人管理');
  const legalRow = legal.getByRole('row').filter({ hasText: AGENT.account });
  await expect(legalRow).toContainText('否'); // 首次登录改密: done
  await confirmPopconfirm(legal, legalRow.getByRole('button', { name: '停用' }), '停用', [
    `确定停用经办人「${AGENT.name}」？`,
    '停用后该账号将立即退出登录且无法登录。',
  ]);
  await expect(legalRow.getByText('已停用')).toBeVisible();
  await expect(legalRow.getByRole('button', { name: '启用' })).toBeVisible();
  await legal.context().close();

  // the agent's open session has ended …
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  // … and signing in again is refused with the reason
  await signIn(page, AGENT.account, AGENT.laterPassword);
  await expect(page.getByText(/账号已停用/)).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test('账号设置: the header link opens it; sessions are listed; a wrong 原密码 is refused on its field', async ({ page }) => {
  await signIn(page, 'demo_legal', DEMO_PASSWORD);
  await openHr(page);
  await page.getByRole('banner').getByRole('link', { name: '账号设置' }).click();
  await expect(page).toHaveURL(/\/hr\/accounts\/settings$/);
  await expect(page.getByRole('tab', { name: '账号设置' })).toBeVisible();

  const sessions = page.locator('.ant-card').filter({ hasText: '登录会话' });
  const current = sessions.getByRole('row').filter({ hasText: '当前会话' });
  await expect(current).toHaveCount(1);
  await expect(current).toContainText(/Chrome \d+ \/ Linux/);
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel('原密码', { exact: true }).fill('Wrong@2026x');
  await page.getByLabel('新密码', { exact: true }).fill('Other@2026x');
  await page.getByLabel('确认新密码', { exact: true }).fill('Other@2026x');
  await page.getByRole('button', { name: '确认修改' }).click();
  await expect(page.getByText('原密码不正确')).toBeVisible();
  await expect(page.getByLabel('新密码', { exact: true })).toHaveValue('Other@2026x');
  await expect(page).toHaveURL(/\/hr\/accounts\/settings$/);
});
