import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { INSTITUTION_LIST_TITLES, REGISTER_TITLES } from '@jhrm/contracts';
import { openHr, openMenuPage, signIn } from '../fixtures/ui';

// 导出 (issue 14): a list downloads every row its applied 查询条件 select, under the table's titles.

const DEMO_PASSWORD = 'Demo@123456';
const LICENSED = { name: '吉林省博润人力资源有限公司', uscc: '91220101MA17BRUN15' };

/** What the list says it found (the guide's pager: 共 N 记录). */
async function listed(page: Page): Promise<number> {
  const pager = await page.getByText(/显示 \d+ 到 \d+, 共 \d+ 记录/).innerText();
  return Number(/共 (\d+) 记录/.exec(pager)![1]);
}

/** Column 1 of every data row. */
const firstColumn = (sheet: ExcelJS.Worksheet) => sheet.getRows(2, sheet.actualRowCount - 1)!.map((r) => r.getCell(1).text);

test('人力资源服务机构查询：按统一社会信用代码查询后导出，文件与查询结果逐行一致', async ({ page }) => {
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');

  await page.getByLabel('统一社会信用代码').fill(LICENSED.uscc.toLowerCase());
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('row').filter({ hasText: LICENSED.name })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^人力资源服务机构_\d{8}-\d{4}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(Object.values(INSTITUTION_LIST_TITLES));
  // every row the 查询 found (other journeys may have added institutions under this unit), no other
  const shown = await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
  expect(sheet.actualRowCount - 1).toBe(await listed(page));
  expect(firstColumn(sheet).sort()).toEqual(shown.map((t) => t.trim()).sort());
  const row = sheet.getRows(2, sheet.actualRowCount - 1)!.find((r) => r.getCell(1).text === LICENSED.name)!;
  expect(row.getCell(4).text).toContain('审核通过');
});

test('公示查询：带关键字的地址打开后导出，无需登录，文件只含查到的机构', async ({ page }) => {
  await page.goto('/public/register?keyword=' + encodeURIComponent(LICENSED.uscc));
  await expect(page.getByRole('row').filter({ hasText: LICENSED.name })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^人力资源服务机构公示_\d{8}-\d{4}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(Object.values(REGISTER_TITLES));
  // every row the keyword found, and only those
  expect(sheet.actualRowCount - 1).toBe(await listed(page));
  expect(firstColumn(sheet)).toContain(LICENSED.name);
  for (const r of sheet.getRows(2, sheet.actualRowCount - 1)!) expect(r.getCell(2).text).toBe(LICENSED.uscc);
});
