import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, openMenuPage } from '../fixtures/ui';

// SPEC §7 数据导入 and §9 (the guide's two FAQ problems): an administrator imports institutions
// licensed before the system; the unit with that USCC sees them at once on 主页, is told plainly
// when a name differs from its own, and 查看 lists the fields a later 变更 will ask for.

const DEMO_USCC = '91220101MA17BRUN15';
const run = Date.now().toString(36).slice(-5);
const IMPORTED = `吉林省博润人才服务中心${run}`;
const HEADER = '机构名称(全称)*,机构名称(简称),统一社会信用代码*,机构类型*,成立日期,法定代表人(负责人)*,法人身份证号,法人手机号码,法人职务,注册资本(万元),审批部门编码*,申请业务*,办公地址*,邮政编码,机构负责人(联系人),联系人手机号码,单位电话,电子邮箱,许可证/备案编号,发证日期,备注';
const row = (name: string, uscc: string, licence: string) =>
  [name, '', uscc, '民营性质的服务企业', '2012-05-20', '王博润', '110101197501010039', '13144440001', '执行董事', '500', '220000', '职业介绍；人力资源培训', '吉林省长春市朝阳区人民大街1000号', '130021', '李经办', '13144440002', '0431-88886666', 'hr@borun.example.cn', licence, '2013-09-09', ''].join(',');
const csv = (...rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`);

async function signIn(page: Page, account: string) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: '账号' }).fill(account);
  await page.getByLabel('密码', { exact: true }).fill('Demo@123456');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByText('人力资源服务', { exact: true }).click();
  await expect(page).toHaveURL(/\/hr/);
}

test('管理员下载模板、校验并导入存量机构；单位主页立即可见，名称不一致时明确提示，查看页列出变更时需补充的项目', async ({ page }) => {
  await signIn(page, 'demo_admin');
  await openMenuPage(page, '系统管理', '数据导入');

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载模板（XLSX）/ }).click()]);
  expect(xlsx.suggestedFilename()).toBe('人力资源服务机构导入模板.xlsx');

  // 校验 a file with a bad USCC: the row and column are named, 导入 stays off
  const upload = page.locator('input[type=file]');
  await upload.setInputFiles({ name: '存量机构.csv', mimeType: 'text/csv', buffer: csv(row(IMPORTED, DEMO_USCC, `（吉）人服证字〔2013〕第${run}号`), row(`错误机构${run}`, '91220101MA17BRUN16', '')) });
  await page.getByRole('button', { name: '校验' }).click();
  await expect(page.getByText('有1行存在问题')).toBeVisible();
  const bad = page.getByRole('row').filter({ hasText: '第3行' });
  await expect(bad).toContainText('统一社会信用代码：校验位不正确');
  await expect(bad).toContainText('有错误');
  await expect(page.getByRole('button', { name: '导入', exact: true })).toBeDisabled();

  // the corrected file passes, and 导入 asks first
  await upload.setInputFiles({ name: '存量机构-修改.csv', mimeType: 'text/csv', buffer: csv(row(IMPORTED, DEMO_USCC, `（吉）人服证字〔2013〕第${run}号`)) });
  await page.getByRole('button', { name: '校验' }).click();
  await expect(page.getByText('全部1行可导入。')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: IMPORTED })).toContainText('现有资产状况：');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await expect(page.getByText('将导入1个机构，导入后立即对相应单位可见。确定导入？')).toBeVisible();
  await page.getByRole('button', { name: '确定导入' }).click();
  await expect(page.getByText('已导入 1 个机构')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '存量机构-修改.csv' })).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();

  // the unit sees it at once, with the name mismatch said plainly
  await signIn(page, 'demo_agent');
  await expect(page.getByText(`您登录的单位名称“吉林省博润人力资源有限公司”与统一社会信用代码相同的机构名称“${IMPORTED}”不一致。如单位已更名，请通过变更申请更新机构名称；如信息有误，请联系审批部门。`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: IMPORTED })).toContainText('审核通过');

  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构查询');
  await page.getByRole('textbox', { name: '机构名称全称' }).fill(IMPORTED);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('row').filter({ hasText: IMPORTED }).getByRole('link', { name: '查看' }).click();
  await expect(page.getByText(/办理变更时需补充以下 \d+ 项信息/)).toBeVisible();
  await expect(page.getByText(/机构联系信息：是否邮寄/)).toBeVisible();
});
