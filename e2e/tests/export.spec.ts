import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { AGENT_LIST_TITLES, INSTITUTION_LIST_TITLES, REGISTER_TITLES, REVIEWER_LIST_TITLES } from '@jhrm/contracts';
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

/** Every data row, as the texts of its cells. */
const dataRows = (sheet: ExcelJS.Worksheet, width: number) =>
  (sheet.getRows(2, sheet.actualRowCount - 1) ?? []).map((r) => Array.from({ length: width }, (_, i) => r.getCell(i + 1).text));

/** Clicks 导出 and opens the file it downloads: its name and its only sheet. */
async function download(page: Page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出/ }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return { name: file.suggestedFilename(), sheet: wb.worksheets[0]! };
}

/** The account (2nd) column of the table's rows on screen. */
const shownAccounts = async (page: Page) => (await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(2)').allInnerTexts()).map((t) => t.trim());

const MASKED_PHONE = /^1\d{2}\*{4}\d{4}$/;

test('人力资源服务机构查询：按统一社会信用代码查询后导出，文件与查询结果逐行一致', async ({ page }) => {
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');

  await page.getByLabel('统一社会信用代码').fill(LICENSED.uscc.toLowerCase());
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('row').filter({ hasText: LICENSED.name })).toBeVisible();

  const { name, sheet } = await download(page);
  expect(name).toMatch(/^人力资源服务机构_\d{8}-\d{4}\.xlsx$/);
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
  const { name, sheet } = await download(page);
  expect(name).toMatch(/^人力资源服务机构公示_\d{8}-\d{4}\.xlsx$/);
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(Object.values(REGISTER_TITLES));
  // every row the keyword found, and only those
  expect(sheet.actualRowCount - 1).toBe(await listed(page));
  expect(firstColumn(sheet)).toContain(LICENSED.name);
  for (const r of sheet.getRows(2, sheet.actualRowCount - 1)!) expect(r.getCell(2).text).toBe(LICENSED.uscc);
});

test('经办人管理：法人导出本单位经办人，文件与列表一致，身份证号与手机号码脱敏', async ({ page }) => {
  await signIn(page, 'demo_legal', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '账号管理', '经办人管理');
  await expect(page.getByRole('row').filter({ hasText: 'demo_agent' })).toBeVisible();

  const { name, sheet } = await download(page);
  expect(name).toMatch(/^经办人_\d{8}-\d{4}\.xlsx$/);
  const titles = Object.values(AGENT_LIST_TITLES);
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(titles);
  // every agent the list counts (other journeys add agents to this unit), those on screen among them
  const rows = dataRows(sheet, titles.length);
  expect(rows).toHaveLength(await listed(page));
  expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining(await shownAccounts(page)));
  expect(rows.find((r) => r[1] === 'demo_agent')!.slice(0, 5)).toEqual(['李经办', 'demo_agent', '220103********0017', '131****0002', '正常']);
  for (const r of rows) {
    expect(r[2]).toMatch(/^(\d{6}\*{8}\d{3}[\dX])?$/);
    expect(r[3]).toMatch(MASKED_PHONE);
  }
});

test('审核人员管理：管理员按关键字查询后导出，文件与查询结果逐行一致', async ({ page }) => {
  await signIn(page, 'demo_admin', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '系统管理', '审核人员管理');
  await expect(page.getByRole('row').filter({ hasText: 'demo_reviewer' })).toBeVisible();

  await page.getByRole('textbox', { name: '关键字' }).fill('审核');
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/admin/reviewers?') && r.url().includes('keyword=') && r.ok()),
    page.getByRole('button', { name: '查询' }).click(),
  ]);
  await expect(page.getByRole('row').filter({ hasText: 'demo_reviewer' })).toBeVisible();

  const { name, sheet } = await download(page);
  expect(name).toMatch(/^审核人员_\d{8}-\d{4}\.xlsx$/);
  const titles = Object.values(REVIEWER_LIST_TITLES);
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(titles);
  // the rows the 查询 found, and only those
  const rows = dataRows(sheet, titles.length);
  expect(rows).toHaveLength(await listed(page));
  expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining(await shownAccounts(page)));
  expect(rows.find((r) => r[1] === 'demo_reviewer')!.slice(0, 3)).toEqual(['赵审核', 'demo_reviewer', '131****0003']);
  for (const r of rows) {
    expect(r[0]! + r[1]!).toContain('审核');
    expect(r[2]).toMatch(MASKED_PHONE);
  }
});
