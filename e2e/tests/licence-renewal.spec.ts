import { expect, test } from '@playwright/test';
import { addYears, chineseDate, daysBetween } from '@jhrm/contracts';
import { ApiSession, DEMO_PASSWORD, licensedInstitutionViaApi } from '../fixtures/api-setup';
import { acceptAndApproveIssuing, confirmSubmit, expectNoSeriousA11yViolations, openHr, openInstitutionView, openPendingReview, signIn, signOut, uploadPdf } from '../fixtures/ui';

// 许可证延续 (decision 0047): the bureau sets 许可证有效期 1 year (系统设置, through the API) and the agent's
// institution holds a licence issued 10 months ago (its 发证日期 backdated at approval), so 有效期至 is
// within the last 90 days. The agent opens 许可证延续 on the licence card of 查看, finds the record in
// force pre-filled, corrects 办公地址, 保存, comes back to the draft from 查看, uploads the 延续申请表 and
// 提交; the reviewer sees the licence and the comparison, 受理s and approves; the card then shows
// 有效期至 one year after the old one.

const NAME = `长春市延续人力资源服务有限公司${String(Date.now()).slice(-5)}`;
const NEW_ADDRESS = '吉林省长春市朝阳区延续路88号';

const setValidityYears = async (years: number) => {
  const admin = await ApiSession.signIn('demo_admin');
  const res = await admin.put('/api/admin/settings/licence.validityYears', { value: years });
  expect(res.status(), await res.text()).toBe(200);
  await admin.close();
};

// the setting is the whole system's: the journeys after this one issue licences without expiry again
test.afterAll(() => setValidityYears(0));

test('经办人在有效期届满前90日内申请许可证延续，审核人员受理并审核通过，许可证有效期顺延一年', async ({ page }) => {
  test.setTimeout(180_000);
  await setValidityYears(1);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  // 1 year less 60 days ago: 有效期至 (the day before the anniversary) is 59 days from today
  const issuedOn = addYears(new Date(Date.parse(`${today}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10), -1);
  const { institutionId, number, validUntil } = await licensedInstitutionViaApi(NAME, { issuedOn });
  expect(validUntil).not.toBeNull();
  expect(daysBetween(today, validUntil!)).toBeLessThanOrEqual(90);
  const renewedUntil = addYears(validUntil!, 1);

  // ── the agent: 查看 → 许可证延续, the record in force pre-filled ─────────────────────────────
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openInstitutionView(page, NAME);
  const card = page.getByTestId('licence-card');
  await expect(card).toContainText(number);
  await expect(card).toContainText(chineseDate(validUntil));
  await card.getByRole('link', { name: '许可证延续' }).click();

  await expect(page.getByRole('heading', { name: '许可证延续申请' })).toBeVisible();
  const form = page.locator('form#renewal');
  await expect(form.getByText(`${number}（延续后编号不变）`)).toBeVisible();
  await expect(form.getByText(chineseDate(validUntil))).toBeVisible();
  await page.getByRole('tab', { name: '机构基本信息' }).click();
  await expect(form.locator('#renewal_basic_name')).toHaveValue(NAME);
  await expect(form.locator('#renewal_basic_officeAddress')).not.toHaveValue('');
  await form.locator('#renewal_basic_officeAddress').fill(NEW_ADDRESS);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/已保存 \d\d:\d\d:\d\d/)).toBeVisible();
  await expect(page).toHaveURL(/\/hr\/institutions\/renewal\/apply\/[0-9a-f-]{36}/);
  await expectNoSeriousA11yViolations(page);

  // 查看 leads back to the open 延续, as saved
  const draftUrl = page.url();
  await page.goto(`/hr/institutions/${institutionId}/view`);
  await card.getByRole('link', { name: '许可证延续（待提交）' }).click();
  await expect(page).toHaveURL(draftUrl);
  await page.getByRole('tab', { name: '机构基本信息' }).click();
  await expect(form.locator('#renewal_basic_officeAddress')).toHaveValue(NEW_ADDRESS);

  await page.getByRole('button', { name: '附件材料' }).click();
  const materials = page.getByRole('dialog', { name: '附件材料' });
  // the slot's template, generated from the record and the licence
  const template = materials.getByRole('link', { name: '人力资源服务许可证延续申请表下载' });
  await expect(template).toBeVisible();
  const pdf = await page.request.get((await template.getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await uploadPdf(page, materials, '延续申请表');
  await page.keyboard.press('Escape');
  await expect(materials).toBeHidden();
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await confirmSubmit(page, '提交许可证延续申请');
  await expect(page).toHaveURL(/\/hr\/institutions\/query$/);
  await signOut(page);

  // ── the reviewer: the licence and the comparison, 受理, then 审核通过 ─────────────────────────
  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await openPendingReview(page, NAME, '延续');
  await page.getByRole('tab', { name: '延续申请' }).click();
  await expect(page.getByRole('tabpanel', { name: '延续申请' })).toContainText(number);
  await expect(page.getByRole('tabpanel', { name: '延续申请' })).toContainText(validUntil!);
  await page.getByRole('tab', { name: '变更对比' }).click();
  await expect(page.getByRole('tabpanel', { name: '变更对比' }).getByText(NEW_ADDRESS).first()).toBeVisible();
  await acceptAndApproveIssuing(page, `已延续人力资源服务许可证，编号：${number}`);
  await signOut(page);

  // ── the agent: the same licence, 有效期至 one year after the old one; no 延续 until its last 90 days ─
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await page.goto(`/hr/institutions/${institutionId}/view`);
  await expect(card).toContainText(number);
  await expect(card).toContainText(chineseDate(renewedUntil));
  await expect(card.getByRole('link', { name: '许可证延续' })).toHaveCount(0);
  const unavailable = card.getByRole('button', { name: '许可证延续' });
  await expect(unavailable).toHaveAttribute('aria-disabled', 'true');
  await unavailable.focus();
  await expect(page.getByRole('tooltip')).toContainText('到期前90日内才能申请延续');
  await expectNoSeriousA11yViolations(page);
});
