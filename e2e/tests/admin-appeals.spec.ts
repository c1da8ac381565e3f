import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoSeriousA11yViolations, openMenuPage } from '../fixtures/ui';

// SPEC §1.3 账号申诉: filed from the login page, handled by an administrator in 系统管理 → 账号申诉处理;
// the 处理意见 goes to the applicant by SMS.

const APPEAL = {
  account: 'lost_e2e_admin',
  uscc: '92220102MA15438D0X',
  contact: '王联系',
  phone: '13700137001',
  maskedPhone: '137****7001',
  description: '法人账号被他人注册，无法登录，请协助核实处理。附营业执照。',
};
const REPLY = '已核实，已为您注销错误注册的账号，请重新注册。';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface Outbox {
  sms: { phone: string; text: string }[];
  captchas: { id: string; answer: string }[];
}

/** Files an appeal the way the public form does (multipart + image captcha), answered from the dev outbox. */
async function fileAppeal(request: APIRequestContext) {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const { id } = (await (await request.get('/api/auth/captcha')).json()) as { id: string };
  const outbox = (await (await request.get('/api/dev/outbox')).json()) as Outbox;
  const answer = outbox.captchas.find((c) => c.id === id)?.answer;
  expect(answer, 'the dev outbox knows the captcha').toBeTruthy();
  const res = await request.post('/api/appeals', {
    headers: { 'x-csrf-token': csrfToken },
    multipart: {
      ...APPEAL,
      captchaId: id,
      captcha: answer!,
      files: { name: '营业执照.pdf', mimeType: 'application/pdf', buffer: PDF },
    },
  });
  expect(res.status(), await res.text()).toBe(200);
}

test('管理员在账号申诉处理中查看申诉、下载附件并回复处理意见（短信发送给申诉人）', async ({ page }) => {
  await fileAppeal(page.request);

  await page.goto('/login');
  await page.getByRole('textbox', { name: '账号' }).fill('demo_admin');
  await page.getByLabel('密码', { exact: true }).fill('Demo@123456');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByText('人力资源服务', { exact: true }).click();

  await openMenuPage(page, '系统管理', '账号申诉处理');

  // 状态 filter: 待处理
  // (antd's Select: the visible value sits over the combobox input, so click through it)
  await page.getByRole('combobox', { name: '状态' }).click({ force: true });
  await page.locator('.ant-select-item-option[title="待处理"]').click();
  await page.getByRole('button', { name: '查询' }).click();
  const row = page.getByRole('row').filter({ hasText: APPEAL.account });
  await expect(row).toContainText(APPEAL.uscc);
  await expect(row).toContainText(APPEAL.maskedPhone);
  await expect(row).not.toContainText(APPEAL.phone);
  await expect(row.getByText('待处理')).toBeVisible();
  await expect(page.getByText(/第 1 页 共 \d+ 页 显示 1 到 \d+, 共 \d+ 记录/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // the attachment downloads under its own name
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /营业执照\.pdf/ }).click()]);
  expect(download.suggestedFilename()).toBe('营业执照.pdf');

  // 处理: the reply is required, then saved and sent by SMS
  await row.getByRole('button', { name: '处理' }).click();
  const dialog = page.getByRole('dialog', { name: '处理账号申诉' });
  await expect(dialog.getByText(/处理意见将以短信发送给申诉人/)).toBeVisible();
  // no unit is registered under this USCC: only 仅回复 is possible, and the dialog says why
  await expect(dialog.getByText('该统一社会信用代码尚未注册单位，只能回复处理意见。')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: '重置法人密码' })).toBeDisabled();
  await expect(dialog.getByRole('radio', { name: '仅回复' })).toBeChecked();
  await dialog.getByRole('button', { name: '提交处理意见' }).click();
  await expect(dialog.getByText('请输入处理意见')).toBeVisible();
  await dialog.getByLabel('处理意见').fill(REPLY);
  await dialog.getByRole('button', { name: '提交处理意见' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('申诉已处理，处理意见已通过短信发送给申诉人')).toBeVisible();

  // no longer pending; under 全部 (清空) it shows as 已处理 with the reply
  await expect(page.getByRole('row').filter({ hasText: APPEAL.account })).toHaveCount(0);
  await page.getByRole('button', { name: '清空' }).click();
  await expect(row.getByText('已处理')).toBeVisible();
  await expect(row).toContainText(REPLY.slice(0, 6));
  await expect(row.getByRole('button', { name: '处理' })).toHaveCount(0);

  const outbox = (await (await page.request.get('/api/dev/outbox')).json()) as Outbox;
  expect(outbox.sms.some((s) => s.phone === APPEAL.phone && s.text.includes(REPLY))).toBe(true);
});
