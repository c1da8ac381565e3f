import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { STATISTICS_FIELD_ENTRIES } from '@jhrm/contracts';
import { expectNoSeriousA11yViolations, openHr, openMenuPage, signIn } from '../fixtures/ui';

// 统计分析 (beyond the guide): the demo reviewer of 省人社厅审批办 opens 人力资源市场统计 → 统计分析,
// sees last year's main indicators of the approved annual reports with their 同比, the tables by
// area and by 机构类型, the licensed institutions that have not reported with the filing deadline and
// 一键催报, and downloads 导出: an XLSX
// with one row per approved report (as many as the page counts) under the report's own labels.

const DEMO_PASSWORD = 'Demo@123456';
const YEAR = new Date().getFullYear() - 1;

test('审核人员打开统计分析，查看上一服务年度的主要指标并导出', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'demo_reviewer', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源市场统计', '统计分析');

  const indicators = page.locator('.ant-card').filter({ hasText: `${YEAR}年度主要指标` });
  await expect(indicators).toBeVisible();
  for (const label of ['报送机构数', '从业人员总数', '全年营业收入(万元)', '服务人员总数', '帮助实现就业和流动人数', '举办招聘会次数', '派遣人员总量']) {
    await expect(indicators.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(indicators.getByText(/同比/).first()).toBeVisible();
  await expect(page.getByText('统计范围：省人社厅审批办')).toBeVisible();

  // the by-year table compares the year with the one before; the charts are drawn beside their tables
  const byYear = page.locator('.ant-card').filter({ hasText: '按服务年度（同比）' });
  await expect(byYear.getByRole('columnheader', { name: `${YEAR - 1}年` })).toBeVisible();
  await expect(byYear.getByRole('columnheader', { name: `${YEAR}年` })).toBeVisible();
  await expect(page.getByTestId('statistics-chart').first().locator('canvas')).toBeVisible();
  // the province counts by city, its own reports as 省本级
  const byArea = page.locator('.ant-card').filter({ hasText: '按地区' });
  await expect(byArea.getByRole('cell', { name: '省本级' })).toBeVisible();
  await expect(byArea.getByRole('cell', { name: '长春市人力资源和社会保障局' })).toBeVisible();
  await expect(page.getByText(new RegExp(`${YEAR}年度未报送的持证机构（\\d+家）`))).toBeVisible();
  // 一键催报 (beyond the guide): open once the filing deadline (系统设置, default 3月31日) has passed
  const missingCard = page.locator('.ant-card').filter({ hasText: `${YEAR}年度未报送的持证机构` });
  await expect(missingCard.getByText(`报送截止日期：${YEAR + 1}年3月31日（已过）`)).toBeVisible();
  const missingCount = Number(/（(\d+)家）/.exec(await missingCard.locator('.ant-card-head-title').innerText())![1]);
  const urgeButton = missingCard.getByRole('button', { name: '一键催报' });
  if (missingCount === 0) {
    await expect(urgeButton).toBeDisabled();
  } else {
    await urgeButton.click();
    const confirm = page.getByRole('dialog').filter({ hasText: `向${YEAR}年度未报送业务基本情况的 ${missingCount} 家持证机构发送催报` });
    await confirm.getByRole('button', { name: '发送催报' }).click();
    await expect(page.getByText(/^已向 \d+ 家机构发送催报/)).toBeVisible();
  }

  const reported = Number((await indicators.locator('.ant-statistic').filter({ hasText: '报送机构数' }).locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
  expect(Number.isInteger(reported)).toBe(true);

  await expectNoSeriousA11yViolations(page);

  // 导出: the year's approved reports, one row each, every field under the catalogue's label
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出/ }).click()]);
  expect(download.suggestedFilename()).toBe(`业务基本情况_${YEAR}年度.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('业务基本情况')!;
  expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(STATISTICS_FIELD_ENTRIES.map((e) => e.field.label));
  expect(sheet.actualRowCount - 1).toBe(reported);
  expect(wb.getWorksheet('汇总')!.getCell('A1').text).toContain(`${YEAR}年度 业务基本情况汇总`);
});
