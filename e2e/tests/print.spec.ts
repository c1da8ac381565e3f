import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../fixtures/api-setup';
import { openHr, openMenuPage, printsPdf, signIn } from '../fixtures/ui';

// 打印 of the licence: from 查看 of the demo unit's licensed institution, 打印许可证 opens the
// 人力资源服务许可证 in the browser's PDF viewer in a new window and asks it to print (the 登记表's
// 打印 in 登记预览 is walked in the 设立审批 journey).

test('经办人在查看页打印许可证：新窗口打开许可证并打印', async ({ page }) => {
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');
  await page.getByRole('row').filter({ hasText: '吉林省博润人力资源有限公司' }).getByRole('link', { name: '查看' }).click();
  const card = page.getByTestId('licence-card');
  await expect(card.getByRole('link', { name: '下载许可证' })).toBeVisible();
  const pdf = await printsPdf(page, card.getByRole('button', { name: '打印许可证' }));
  expect(decodeURIComponent(pdf.headers()['content-disposition']!.split("UTF-8''")[1]!)).toBe('人力资源服务许可证-吉林省博润人力资源有限公司.pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
});
