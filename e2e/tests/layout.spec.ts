import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/api-setup';
import { expectNoSeriousA11yViolations, openHr, openMenuPage, signIn, signOut } from '../fixtures/ui';

// The business system's frame as every role meets it, on a 1366×768 office screen and a 390×844
// phone: the header, the menu's highlight, and no serious or critical axe violation on any page of
// the menu.

const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** Every page the role's menu links to, read off the menu itself, opening one group after another. */
async function menuPages(page: Page): Promise<string[]> {
  const menu = page.getByRole('complementary').getByRole('menu').first();
  await expect(menu.getByRole('menuitem', { name: /主页/ })).toBeVisible();
  const links = () => menu.locator('a[href^="/hr"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const hrefs = new Set(await links());
  // the menu keeps one group open at a time
  const groups = await menu.locator(':scope > li[role="none"] > [role="menuitem"][aria-expanded], :scope > [role="menuitem"][aria-expanded]').allInnerTexts();
  for (const name of groups) {
    const group = menu.getByRole('menuitem', { name: name.trim() }).first();
    if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
    await expect(group).toHaveAttribute('aria-expanded', 'true');
    await expect.poll(async () => (await links()).length).toBeGreaterThan(0);
    for (const href of await links()) hrefs.add(href);
  }
  return [...hrefs];
}

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** 查看 at an office width: every date, phone and ID number of the record reads on one line. */
async function numbersOnOneLine(page: Page) {
  const cells = page.locator('.ant-descriptions-item-content:visible').filter({ hasText: /^(\d{4}-\d{2}-\d{2}|1\d{10}|\d{17}[\dX])$/ });
  await expect(cells.first()).toBeVisible();
  // 成立日期, 法定代表人's ID number and phone, 联系人's phone at least
  expect(await cells.count()).toBeGreaterThanOrEqual(4);
  for (const cell of await cells.all()) {
    const lines = await cell.evaluate((el) => {
      const range = el.ownerDocument.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, await cell.innerText()).toBe(1);
  }
}

for (const account of ['demo_agent', 'demo_reviewer', 'demo_admin']) {
  for (const [label, size] of [['电脑', DESKTOP], ['手机', PHONE]] as const) {
    test(`${account}：菜单中的每个页面在${label}宽度（${size.width}）下都没有严重的无障碍问题`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(DESKTOP);
      await signIn(page, account, DEMO_PASSWORD);
      await openHr(page);
      const pages = await menuPages(page);
      expect(pages.length).toBeGreaterThan(3);
      await page.setViewportSize(size);
      for (const path of pages) {
        await page.goto(path);
        await expect(page.locator('.hr-page')).toBeVisible();
        await expect(page.locator('.hr-page-loading')).toHaveCount(0);
        await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
        // a level-one heading on every page: the system's title, and a page's own where it has one
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await test.step(path, async () => {
          await expectNoSeriousA11yViolations(page);
          if (size === PHONE) await noHorizontalOverflow(page);
        });
      }
    });
  }
}

test('手机宽度：页头显示系统名称，单位和姓名在用户菜单中完整显示，可从菜单退出登录', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('heading', { level: 1, name: '吉林人力资源市场管理' })).toBeVisible();
  // nothing of the header spills out of the bar
  const bar = (await banner.boundingBox())!;
  for (const item of await banner.locator('a, button, h1').all()) {
    const box = (await item.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(box.y + box.height).toBeLessThanOrEqual(bar.y + bar.height);
  }
  // the title, the bell and the user menu do not overlap
  const title = (await banner.getByRole('heading', { level: 1 }).boundingBox())!;
  const bell = (await banner.getByTestId('notification-bell').boundingBox())!;
  const userMenu = (await banner.getByRole('button', { name: /用户菜单/ }).boundingBox())!;
  expect(title.x + title.width).toBeLessThanOrEqual(bell.x);
  expect(bell.x + bell.width).toBeLessThanOrEqual(userMenu.x);
  await noHorizontalOverflow(page);

  await banner.getByRole('button', { name: /用户菜单/ }).click();
  const menu = page.getByRole('menu').filter({ hasText: '账号设置' });
  await expect(menu.getByText('吉林省博润人力资源有限公司', { exact: true })).toBeVisible();
  await expect(menu.getByText('李经办', { exact: true })).toBeVisible();
  await menu.getByRole('menuitem', { name: /退出登录/ }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test('菜单只突出显示当前页面，不再同时突出显示主页', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  const home = page.getByRole('menuitem', { name: /主页/ });
  await expect(home).toHaveClass(/ant-menu-item-selected/);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');
  await expect(page.getByRole('menuitem', { name: '人力资源服务机构查询' })).toHaveClass(/ant-menu-item-selected/);
  await expect(home).not.toHaveClass(/ant-menu-item-selected/);
});

test('两个不同机构的查看标签页标题不同，标题中带有机构名称', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');
  const names = ['吉林省博润人力资源有限公司', '长春市博润人才测评服务有限公司'];
  for (const name of names) {
    await page.getByRole('tab', { name: '人力资源服务机构查询' }).click();
    await page.getByRole('row').filter({ hasText: name }).getByRole('link', { name: '查看' }).click();
    await expect(page.getByRole('tab', { name: `人力资源服务机构查看：${name}`, exact: true })).toBeVisible();
    if (name === names[1]) await numbersOnOneLine(page);
  }
  // both stay open, each under its own institution
  for (const name of names) await expect(page.getByRole('tab', { name: `人力资源服务机构查看：${name}`, exact: true })).toHaveCount(1);
});

test('大字版：放大字号和控件，刷新后保持，可切回标准版', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');
  const query = page.getByRole('button', { name: '查询', exact: true });
  const fontSize = () => query.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).fontSize);
  const height = async () => (await query.boundingBox())!.height;
  expect(await fontSize()).toBe('14px');
  const standardHeight = await height();

  await page.getByRole('button', { name: '大字版' }).click();
  await expect(page.getByRole('button', { name: '标准版' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(fontSize).toBe('18px');
  expect(await height()).toBeGreaterThan(standardHeight);
  await expectNoSeriousA11yViolations(page);

  // remembered by this browser
  await page.reload();
  await expect.poll(fontSize).toBe('18px');
  await page.getByRole('button', { name: '标准版' }).click();
  await expect.poll(fontSize).toBe('14px');
  await page.reload();
  await expect(page.getByRole('button', { name: '大字版' })).toBeVisible();
  expect(await fontSize()).toBe('14px');
});

test('操作说明：人力资源服务机构查询给出操作指南的常见问题解答，审核人员的待审核（手机宽度）给出其操作步骤', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');
  const helpButton = page.getByRole('button', { name: '操作说明' });
  await helpButton.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: '操作说明：人力资源服务机构查询' });
  await expect(drawer.getByText('问：为什么已做完人力资源服务机构设立审批看不到信息？')).toBeVisible();
  await expect(drawer.getByText(/所以需要二者保持一致才能看到/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await signOut(page);

  await page.setViewportSize(PHONE);
  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await page.goto('/hr/reviews/pending');
  await expect(page.getByRole('tab', { name: '待审核' })).toBeVisible();
  await page.getByRole('button', { name: '操作说明' }).click();
  const steps = page.getByRole('dialog', { name: '操作说明：待审核' });
  await expect(steps.getByRole('listitem').filter({ hasText: '打开只是查看' })).toBeVisible();
  await expect(steps.getByText('常见问题')).toHaveCount(0);
  await noHorizontalOverflow(page);
});
