import { expect, test } from '@playwright/test';
import { choose, expectNoSeriousA11yViolations, openHr, openMenuPage, signIn } from '../fixtures/ui';

// Guide 1.5 人力资源从业人员信息补录: 输入需要补录从业人员的机构名称，点击查询按钮；点击新增…点击“保存”；
// 选择列表数据中的变更按钮，进行从业人员信息变更；选择列表数据中的删除按钮，可进行从业人员信息删除。

const DEMO_PASSWORD = 'Demo@123456';
const INSTITUTION = '吉林省博润人力资源有限公司';
const PERSON = {
  name: '周从业',
  idCard: '220102199203150042', // valid per GB 11643; even 17th digit → 女, born 1992-03-15
  maskedIdCard: '220102********0042',
  mobile: '13900135555',
  maskedMobile: '139****5555',
};

test('经办人查询本单位机构，新增、变更并删除从业人员（身份证号脱敏显示）', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await openHr(page);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源从业人员信息补录');

  // 查询 the institution by its name
  await page.getByLabel('机构名称').fill('博润人力');
  await page.getByRole('button', { name: '查询' }).click();
  const institution = page.getByRole('row').filter({ hasText: INSTITUTION });
  await expect(institution).toBeVisible();
  // the pending institution of the unit is not one whose practitioners can be kept
  await expect(page.getByRole('row').filter({ hasText: '长春市博润人才测评服务有限公司' })).toHaveCount(0);
  await institution.getByRole('button', { name: '从业人员信息' }).click();
  await expect(page.getByText(`从业人员信息：${INSTITUTION}`)).toBeVisible();

  // 新增: a bad 身份证号 is said on its field, 性别 and 出生日期 follow a good one, 保存
  await page.getByRole('button', { name: '新增' }).click();
  const dialog = page.getByRole('dialog', { name: '新增从业人员' });
  await dialog.getByLabel('姓名').fill(PERSON.name);
  await dialog.getByLabel('身份证号').fill('220102199203150043');
  await dialog.getByLabel('手机号码').click();
  await expect(dialog.getByText('身份证号校验位不正确')).toBeVisible();
  await dialog.getByLabel('身份证号').fill(PERSON.idCard);
  await dialog.getByLabel('手机号码').fill(PERSON.mobile);
  await expect(dialog.getByLabel('性别')).toHaveValue('女');
  await expect(dialog.getByLabel('出生日期')).toHaveValue('1992-03-15');
  await choose(page, dialog, '政治面貌', '群众');
  await choose(page, dialog, '民族', '汉族');
  await choose(page, dialog, '学历', '大学本科');
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已新增从业人员')).toBeVisible();

  const row = page.getByRole('row').filter({ hasText: PERSON.name });
  await expect(row).toContainText(PERSON.maskedIdCard);
  await expect(row).toContainText(PERSON.maskedMobile);
  await expect(row).not.toContainText(PERSON.idCard);

  // the same 身份证号 again is refused on its field, with everything typed kept
  await page.getByRole('button', { name: '新增' }).click();
  await dialog.getByLabel('姓名').fill('周重复');
  await dialog.getByLabel('身份证号').fill(PERSON.idCard);
  await dialog.getByLabel('手机号码').fill(PERSON.mobile);
  await choose(page, dialog, '政治面貌', '群众');
  await choose(page, dialog, '民族', '汉族');
  await choose(page, dialog, '学历', '大学本科');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('该身份证号已在本机构从业人员名单中').first()).toBeVisible();
  await expect(dialog.getByLabel('姓名')).toHaveValue('周重复');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();

  // 变更: the form opens with the stored values; the list shows the change
  await row.getByRole('button', { name: '变更' }).click();
  const change = page.getByRole('dialog', { name: '变更从业人员信息' });
  await expect(change.getByLabel('身份证号')).toHaveValue(PERSON.idCard);
  // a select that shows a value is opened on that value (it covers the select's input)
  const education = change.getByLabel('学历', { exact: true }).locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  await expect(async () => {
    await education.locator('.ant-select-selection-item').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '硕士研究生' }).first().click({ timeout: 2_000 });
    await expect(education).toContainText('硕士研究生', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await change.getByRole('button', { name: '保存' }).click();
  await expect(change).toBeHidden();
  await expect(page.getByText('已保存变更')).toBeVisible();
  await expect(row).toContainText('硕士研究生');
  await expect(row).toContainText(PERSON.maskedIdCard);

  // 删除 asks first
  await row.getByRole('button', { name: '删除' }).click();
  await expect(page.getByText(`确定删除从业人员「${PERSON.name}」？`)).toBeVisible();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText(`已删除从业人员「${PERSON.name}」`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: PERSON.name })).toHaveCount(0);
});
