import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ESTABLISHMENT_SLOTS as SLOTS, minimalPdf } from '../fixtures/documents';
import { choose, confirmPopconfirm, fillDate, openMenuPage, signIn, confirmSubmit, printsPdf } from '../fixtures/ui';

// Guide 1.2 人力资源服务机构设立审批: 经办人 fills 机构基本信息 → 申请报告 → 专职工作人员, uploads the
// 附件材料 (13 slots) and the 视频材料 (场所视频光盘, MP4), opens 登记预览 (the PDF), 提交 to
// 省人社厅审批办; 人力资源服务机构查询 shows it 待审核; 撤回 brings it back to 待提交.

const DEMO_PASSWORD = 'Demo@123456';
const INSTITUTION = {
  // unique per run, so a rerun against a kept database finds its own row
  name: `长春市启程人力资源服务有限公司${String(Date.now()).slice(-5)}`,
  // the demo unit's own code: the guide's sample code belongs to whoever registers with it
  // (register-and-qr does), and one code belongs to one unit only
  uscc: '91220101MA17BRUN15',
  legalRepIdCard: '110101197501010039',
};
const STAFF = [
  { name: '赵专职', idCard: '110101199003074936', mobile: '13900001111', certNo: 'HR-2020-0001' },
  { name: '钱专职', idCard: '110101198001010053', mobile: '13900002222' },
];

test('经办人填写设立审批、上传附件材料和场所视频、登记预览、提交后撤回', async ({ page }) => {
  // a long journey: a large form, 13 uploads, a video
  test.setTimeout(240_000);

  await signIn(page, 'demo_agent', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByText('人力资源服务', { exact: true }).click();
  await expect(page).toHaveURL(/\/hr/);
  await openMenuPage(page, '人力资源服务机构管理', '人力资源服务机构设立审批');
  await expect(page.getByRole('heading', { name: '人力资源服务机构设立审批' })).toBeVisible();

  // 附件材料 on the blank form asks before saving; 取消 leaves no draft behind
  const blankUrl = page.url();
  await page.getByRole('button', { name: '附件材料' }).click();
  const firstSave = page.getByRole('dialog').filter({ hasText: '打开附件材料前需先保存' });
  await firstSave.getByRole('button', { name: '取消' }).click();
  await expect(firstSave).toBeHidden();
  expect(page.url()).toBe(blankUrl);

  // ── 机构基本信息 ─────────────────────────────────────────────────────────────────
  const form = page.locator('form#establishment');
  await form.getByLabel('机构名称', { exact: true }).fill(INSTITUTION.name);
  await form.getByLabel('机构简称').fill('启程人力');
  await form.getByLabel('统一社会信用代码').fill(INSTITUTION.uscc);
  await choose(page, form, '机构类别', '民营性质的服务企业');
  await fillDate(form.getByLabel('成立时间'), '2019-03-18');
  await form.getByLabel('法人代表').fill('王启程');
  await form.getByLabel('法人身份证').fill(INSTITUTION.legalRepIdCard);
  await form.getByLabel('法人电话').fill('13144440001');
  await form.getByLabel('法人职务').fill('执行董事');
  await form.getByLabel('注册资金(万元)').fill('500');
  await choose(page, form, '审批部门', '省人社厅审批办');
  await form.getByRole('checkbox', { name: '职业介绍' }).check();
  await form.getByRole('checkbox', { name: '人力资源培训' }).check();
  // 职业介绍 is an employment-agency activity: a licence (许可) is required
  await expect(form.getByLabel('申请类型')).toHaveValue('许可');
  await expect(page.getByTestId('application-kind')).toContainText('申请类型：许可');
  await form.getByLabel('机构负责人').fill('李经办');
  await form.locator('#establishment_basic_contactMobile').fill('13144440002');
  await choose(page, form, '是否邮寄', '否');
  await form.getByLabel('邮政编码').fill('130021');
  await form.getByLabel('办公地址').fill('吉林省长春市朝阳区人民大街1000号12层');
  await form.getByLabel('固定经营场所面积(m²)').fill('320.5');
  await form.getByLabel('设施总值(万元)').fill('48');
  await form.getByLabel('现有资产总额(万元)').fill('860');
  await form.getByLabel('净资产总额(万元)').fill('620');
  await form.getByLabel('办公场地合计面积(m²)').fill('320.5');
  await form.getByLabel('办公场地数量').fill('1');

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  // the draft now has its own address
  await expect(page).toHaveURL(/\/hr\/institutions\/establishment\/[0-9a-f-]{36}/);
  await expect(page.getByText('待提交').first()).toBeVisible();

  // ── 下一项: 申请报告 ──────────────────────────────────────────────────────────────
  await page.getByRole('button', { name: '下一项' }).click();
  await expect(page.getByRole('tab', { name: '申请报告' })).toHaveAttribute('aria-selected', 'true');
  await form.getByLabel('公司简介').fill('本公司成立于2019年，主要从事职业介绍和人力资源培训业务，拥有专职工作人员和固定的办公场所。');
  await form.getByLabel('申请理由').fill('为依法开展职业中介活动，特申请人力资源服务许可。');

  // ── 下一项: 专职工作人员 (2, one with a 从业资质证书编号) ─────────────────────────────────
  await page.getByRole('button', { name: '下一项' }).click();
  await expect(page.getByRole('tab', { name: '专职工作人员' })).toHaveAttribute('aria-selected', 'true');
  for (const person of STAFF) {
    await page.getByRole('button', { name: '新增' }).click();
    const dialog = page.getByRole('dialog', { name: '新增专职工作人员' });
    await dialog.getByLabel('姓名').fill(person.name);
    await dialog.getByLabel('身份证号').fill(person.idCard);
    await dialog.getByLabel('身份证号').blur();
    await expect(dialog.getByLabel('出生日期')).not.toHaveValue('');
    await choose(page, dialog, '政治面貌', '群众');
    await choose(page, dialog, '民族', '汉族');
    await choose(page, dialog, '学历', '大学本科');
    if (person.certNo) await dialog.getByLabel('从业资质证书编号').fill(person.certNo);
    await dialog.getByLabel('手机号码').fill(person.mobile);
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: person.name })).toBeVisible();
  }
  await expect(page.getByText('专职工作人员：共 2 条')).toBeVisible();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(/已保存 \d\d:\d\d:\d\d/)).toBeVisible();

  // ── 附件材料: a real PDF into each of the 13 slots ───────────────────────────────────
  await page.getByRole('button', { name: '附件材料' }).click();
  const materials = page.getByRole('dialog', { name: '附件材料' });
  await expect(materials.getByText('新申请人力资源服务机构须知')).toBeVisible();
  await expect(materials.getByText('请到材料上传中下载')).toBeVisible();
  await expect(materials.getByText('显示 1 到 14, 共 14 记录')).toBeVisible();
  await expect(materials.getByRole('link', { name: '吉林省人力资源服务机构登记申请表下载' })).toBeVisible();
  await expect(materials.getByRole('link', { name: '人力资源服务机构诚信档案下载' })).toBeVisible();
  await expect(materials.getByRole('link', { name: '专职工作人员登记表下载' })).toBeVisible();
  const pdf = minimalPdf();
  for (const slot of SLOTS) {
    const row = materials.getByRole('row').filter({ has: page.getByRole('cell', { name: slot, exact: true }) });
    await expect(row.getByText('否', { exact: true })).toBeVisible();
    await materials.getByRole('radio', { name: `选择 ${slot}` }).check();
    await materials.locator('input[type=file]').setInputFiles({ name: `${slot}.pdf`, mimeType: 'application/pdf', buffer: pdf });
    await expect(page.getByText(`已上传 1 个文件到「${slot}」`)).toBeVisible();
    await expect(row.getByText('是', { exact: true })).toBeVisible();
  }
  // 查看文件 shows the PDF in the page
  await materials.getByRole('radio', { name: '选择 企业章程' }).check();
  await materials.getByRole('button', { name: '查看文件' }).click();
  const viewer = page.getByRole('dialog', { name: '查看文件 — 企业章程' });
  await expect(viewer.locator('iframe[title="查看文件：企业章程.pdf"]')).toHaveAttribute('src', /\/materials\/files\/[0-9a-f-]{36}\?inline=1$/);
  await viewer.getByRole('button', { name: '关闭' }).click();
  await expect(viewer).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(materials).toBeHidden();

  // ── 视频材料: the 场所视频光盘 (MP4), hashed and sent with tus ─────────────────────────────
  await page.getByRole('button', { name: '视频材料' }).click();
  const video = page.getByRole('dialog', { name: '视频材料' });
  await expect(video.getByRole('cell', { name: '场所视频光盘' })).toBeVisible();
  await video.locator('input[type=file]').setInputFiles(path.join(import.meta.dirname, '../fixtures/sample.mp4'));
  await expect(video.getByText('视频「sample.mp4」上传成功')).toBeVisible({ timeout: 30_000 });
  const videoRow = video.getByRole('row').filter({ hasText: 'sample.mp4' });
  await expect(videoRow).toContainText('00:05');
  await expect(videoRow).toContainText('4.2 KB');
  await expect(video.locator('video')).toHaveAttribute('src', /\/api\/applications\/[0-9a-f-]{36}\/video\/[0-9a-f-]{36}$/);
  await page.keyboard.press('Escape');
  await expect(video).toBeHidden();

  // ── 登记预览: the filled 《吉林省人力资源服务机构登记申请表》 as a PDF ─────────────────────────
  const previewResponse = page.waitForResponse((r) => r.url().includes('/templates/registrationForm'));
  await page.getByRole('button', { name: '登记预览' }).click();
  const preview = await previewResponse;
  expect(preview.status()).toBe(200);
  expect(preview.headers()['content-type']).toContain('application/pdf');
  // the frame's own body is the browser's PDF viewer; fetch the document itself to look at its bytes
  const pdfBytes = await (await page.request.get(preview.url())).body();
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const previewDialog = page.getByRole('dialog', { name: /登记预览/ });
  await expect(previewDialog.locator('iframe')).toBeVisible();
  // 打印: the same 登记表 in a new window, asked to print
  await printsPdf(page, previewDialog.getByRole('button', { name: '打印' }));
  await page.keyboard.press('Escape');
  await expect(previewDialog).toBeHidden();

  // ── 提交 to 省人社厅审批办 ───────────────────────────────────────────────────────────
  await page.getByRole('button', { name: '提交', exact: true }).click();
  const submit = page.getByRole('dialog', { name: '提交人力资源服务机构设立审批' });
  // the 审批部门 chosen in 机构基本信息 is proposed; it is the one the submission goes to
  await expect(submit.locator('.ant-select-selection-item')).toHaveText('省人社厅审批办');
  await confirmSubmit(page, '提交人力资源服务机构设立审批');

  // ── 人力资源服务机构查询: 待审核, then 撤回 → 待提交 ──────────────────────────────────────
  await expect(page.getByRole('tab', { name: '人力资源服务机构查询' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: INSTITUTION.name });
  await expect(row).toContainText('待审核');
  await expect(row).toContainText('许可');
  await confirmPopconfirm(page, row.getByRole('button', { name: '撤回' }), '撤回');
  await expect(page.getByText('已撤回').first()).toBeVisible();
  await expect(row).toContainText('待提交');

  // ── 主页: the row's 下一步 says the draft lacks nothing now, and leads back to it ──────────
  await page.getByRole('tab', { name: '主页' }).click();
  const home = page.locator('.ant-card').filter({ hasText: '本单位人力资源服务机构' });
  const next = home.getByRole('link', { name: `${INSTITUTION.name}：待提交：已可提交` });
  await expect(next).toBeVisible();
  await next.click();
  await expect(page).toHaveURL(/\/hr\/institutions\/establishment\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: '人力资源服务机构设立审批' })).toBeVisible();
});
