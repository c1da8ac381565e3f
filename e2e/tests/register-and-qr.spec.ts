import { expect, test, type APIRequestContext, type Page, type Response } from '@playwright/test';

// Guide 一 1.2 法人注册 and 1.3 经办人账号登录 (扫码登录). The server under test is not production,
// so its dev outbox (GET /api/dev/outbox) shows the captcha answers and the SMS codes.

interface Outbox {
  sms: { phone: string; text: string; code: string | null; sentAt: string }[];
  captchas: { id: string; answer: string }[];
}

async function readOutbox(request: APIRequestContext): Promise<Outbox> {
  const res = await request.get('/api/dev/outbox');
  expect(res.ok(), 'the dev outbox answers outside production').toBe(true);
  return (await res.json()) as Outbox;
}

const isCaptcha = (r: Response) => new URL(r.url()).pathname === '/api/auth/captcha' && r.request().method() === 'GET';

/** The answer of the captcha the page received in `response` (matched by its id). */
async function captchaAnswer(page: Page, response: Promise<Response>): Promise<string> {
  const { id } = (await (await response).json()) as { id: string };
  const box = await readOutbox(page.request);
  const entry = box.captchas.find((c) => c.id === id);
  expect(entry, `captcha ${id} is in the outbox`).toBeTruthy();
  return entry!.answer;
}

const SAMPLE = {
  account: 'legal_e2e1',
  unitName: '长春市示范人力资源服务有限公司',
  uscc: '92220102MA15438D0X',
  legalName: '张示范',
  idCard: '110101197501010039',
  phone: '13800138000',
  password: 'Jilin#2024hr',
};

test('法人注册：按指南填写后注册成功，回到登录页并以法人账号登录进入应用入口', async ({ page }) => {
  await page.goto('/login');
  const firstCaptcha = page.waitForResponse(isCaptcha);
  await page.getByRole('link', { name: '没有账号？立即注册' }).click();
  await expect(page).toHaveURL(/\/register$/);
  await expect(page.getByRole('heading', { name: '法人注册' })).toBeVisible();

  // 法人信息
  await page.getByLabel('法人账号').fill(SAMPLE.account);
  await expect(page.getByLabel('法人类型')).toBeVisible();
  await expect(page.getByText('企业法人', { exact: true })).toBeVisible();
  await page.getByLabel('企业名称').fill(SAMPLE.unitName);
  // An inline message while typing, gone once the code is complete and valid.
  await page.getByLabel('统一社会信用代码').fill('92220102MA15438D0');
  await expect(page.getByText('统一社会信用代码应为18位')).toBeVisible();
  await page.getByLabel('统一社会信用代码').fill(SAMPLE.uscc);
  await expect(page.getByText('统一社会信用代码应为18位')).toBeHidden();

  // 法定代表人信息
  await page.getByLabel('法定代表人姓名').fill(SAMPLE.legalName);
  await page.getByLabel('身份证号').fill(SAMPLE.idCard);
  await page.getByText('20年', { exact: true }).click();
  await page.getByLabel('身份证有效开始日期').fill('2020-01-01');
  await page.getByLabel('身份证有效开始日期').press('Enter');
  await expect(page.getByTestId('id-end')).toHaveValue('2040-01-01');
  // Enter confirms the date only: the half-filled form is not submitted (no check of the other fields)
  await expect(page.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await page.getByText('长期有效', { exact: true }).click();
  await expect(page.getByTestId('id-end')).toHaveValue('长期有效');
  await page.getByText('20年', { exact: true }).click();
  await expect(page.getByTestId('id-end')).toHaveValue('2040-01-01');
  await page.getByLabel('手机号码').fill(SAMPLE.phone);

  // 图片验证码 → 获取验证码 → the SMS code from the outbox
  const sendButton = page.getByRole('button', { name: '获取验证码' });
  await expect(sendButton).toBeDisabled();
  await page.getByRole('textbox', { name: '图片验证码' }).fill(await captchaAnswer(page, firstCaptcha));
  await expect(sendButton).toBeEnabled();
  const refreshed = page.waitForResponse(isCaptcha);
  const sent = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/sms-code');
  await sendButton.click();
  expect((await sent).status()).toBe(200);
  await refreshed; // a new image after each send
  await expect(page.getByRole('button', { name: /\d+秒后重新获取/ })).toBeDisabled();
  const sms = (await readOutbox(page.request)).sms.find((s) => s.phone === SAMPLE.phone);
  expect(sms?.code).toMatch(/^\d{6}$/);
  await page.getByLabel('验证码', { exact: true }).fill(sms!.code!);

  // 设置登录密码, with the live rules
  await page.getByLabel('设置密码').fill('short');
  await expect(page.getByText('密码长度应为8–64位')).toBeVisible();
  await page.getByLabel('设置密码').fill(SAMPLE.password);
  await expect(page.getByText('密码长度应为8–64位')).toBeHidden();
  await page.getByLabel('确认密码').fill(SAMPLE.password);
  await expect(page.getByText('需使用吉事办 App 完成人脸验证后提升，本系统暂不支持')).toBeVisible();

  // The agreement must be ticked; both texts open.
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByText('请阅读并同意《注册协议》与《隐私政策》')).toBeVisible();
  await page.getByRole('button', { name: '《隐私政策》' }).click();
  const privacy = page.getByRole('dialog', { name: '隐私政策' });
  await expect(privacy.getByText('个人信息保护法')).toBeVisible();
  // antd zooms the dialog in; a click during the animation can miss the button
  await expect(privacy).not.toHaveClass(/ant-zoom/);
  await privacy.getByRole('button', { name: '我知道了' }).click();
  await expect(privacy).toBeHidden();
  await page.getByRole('checkbox', { name: '已阅读并同意' }).check();

  await page.getByRole('button', { name: '注册', exact: true }).click();

  // Back on the login page with the account filled in.
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('注册成功，请登录')).toBeVisible();
  await expect(page.getByRole('textbox', { name: '账号' })).toHaveValue(SAMPLE.account);
  await page.getByLabel('密码', { exact: true }).fill(SAMPLE.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByText('应用入口').first()).toBeVisible();
  await expect(page.getByTestId('current-unit')).toHaveText(SAMPLE.unitName);
  await expect(page.getByTestId('current-user')).toHaveText(SAMPLE.legalName);
});

test('扫码登录：手机上登录经办人账号并确认后，电脑端无需刷新即进入应用入口', async ({ page, browser, baseURL }) => {
  await page.goto('/login');
  await page.getByRole('tab', { name: '扫码登录' }).click();
  await expect(page.getByText('请使用吉事办 App 或手机浏览器扫码（需已登录经办人账号）')).toBeVisible();
  const qrUrl = ((await page.getByTestId('qr-url').textContent()) ?? '').trim();
  expect(qrUrl).toMatch(new RegExp(`^${baseURL!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/m/qr/[0-9a-f-]{36}$`));

  // The phone: a second browser, the size of a phone, with no session yet.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  try {
    const phone = await phoneContext.newPage();
    await phone.goto(qrUrl);
    await phone.getByRole('textbox', { name: '账号' }).fill('demo_agent');
    await phone.getByLabel('密码', { exact: true }).fill('Demo@123456');
    await phone.getByRole('button', { name: '登录' }).click();

    await expect(phone.getByRole('heading', { name: '确认登录「吉林人力资源市场管理」电脑端？' })).toBeVisible();
    await expect(phone.getByText('demo_agent')).toBeVisible();
    await expect(phone.getByText('吉林省博润人力资源有限公司')).toBeVisible();
    // The desktop learns of the scan by itself.
    await expect(page.getByText('已扫码，请在手机上确认').first()).toBeVisible();

    await phone.getByRole('button', { name: '确认登录' }).click();
    await expect(phone.getByText('已确认登录，请在电脑上继续操作')).toBeVisible();

    // No reload on the desktop: its polling signs it in.
    await expect(page).toHaveURL(/\/portal$/, { timeout: 5_000 });
    await expect(page.getByText('应用入口').first()).toBeVisible();
    await expect(page.getByTestId('current-user')).toHaveText('李经办');
  } finally {
    await phoneContext.close();
  }
});
