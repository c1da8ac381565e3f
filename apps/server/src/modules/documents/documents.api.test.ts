import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createDemoApplication } from '../../test/fixtures';
import { createOtherUnitAgent, createReviewer } from '../../test/people';
import { fillRecord } from '../../test/records';
import { covers, mappedCodePoints } from '../../test/pdf';
import { applications } from '../applications/applications.table';
import { auditLog } from '../audit/audit.table';
import { educationCounts } from '../institutions/records.repository';

let ctx: TestContext;
let agent: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.login('demo_agent');
});
afterAll(() => ctx?.close());

const templateUrl = (appId: string, key: string) => `/api/applications/${appId}/templates/${key}`;

describe('材料模板下载 / 登记预览', () => {
  it('generates the 登记申请表 as an A4 PDF with the embedded Noto Sans SC subset, as a download with its Chinese name', async () => {
    const { application, record } = await createDemoApplication(ctx);
    await fillRecord(ctx, record.id, { name: '吉林省长白山人力资源服务有限公司', staff: 3 });
    const res = await agent.get(templateUrl(application.id, 'registrationForm'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${'_'.repeat(16)}.pdf"; filename*=UTF-8''${encodeURIComponent('吉林省人力资源服务机构登记申请表.pdf')}`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.includes('/FontFile2')).toBe(true);
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    // a subset: tens of KB, not the 10 MB font
    expect(pdf.length).toBeGreaterThan(8_000);
    expect(pdf.length).toBeLessThan(400_000);
    // the glyphs of what the unit entered and of the labels are in the document
    expect(covers(pdf, '吉林省长白山人力资源服务有限公司')).toEqual([]);
    expect(covers(pdf, '吉林省人力资源服务机构登记申请表')).toEqual([]);
    expect(covers(pdf, '统一社会信用代码机构类别法人身份证注册资金(万元)审批部门省人社厅审批办')).toEqual([]);
    expect(covers(pdf, '专职工作人员现有设施情况诚信档案服务及收费标准员工号办公电脑')).toEqual([]);
    expect(covers(pdf, '单位（盖章）法定代表人（签字）填表日期第页共')).toEqual([]);
    // the unit's own form shows 身份证号 in full
    expect(covers(pdf, '110101197501010039')).toEqual([]);
  });

  it('opens in the browser with ?inline=1 (登记预览)', async () => {
    const { application } = await createDemoApplication(ctx);
    const res = await agent.get(`${templateUrl(application.id, 'registrationForm')}?inline=1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^inline; filename=/);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('prints what was entered: two institution names give two different documents', async () => {
    const a = await createDemoApplication(ctx);
    const b = await createDemoApplication(ctx);
    await fillRecord(ctx, a.record.id, { name: '吉林省松花江人才服务有限公司' });
    await fillRecord(ctx, b.record.id, { name: '延边图们江劳务派遣有限公司' });
    const pa = (await agent.get(templateUrl(a.application.id, 'registrationForm'))).rawPayload;
    const pb = (await agent.get(templateUrl(b.application.id, 'registrationForm'))).rawPayload;
    expect(pa.equals(pb)).toBe(false);
    expect(covers(pa, '松花江')).toEqual([]);
    expect(covers(pb, '图们江劳务派遣')).toEqual([]);
    expect(mappedCodePoints(pa).has('图'.codePointAt(0)!)).toBe(false);
  });

  it('generates an empty form (nothing entered yet) with blanks to fill by hand', async () => {
    const { application } = await createDemoApplication(ctx);
    for (const key of Object.keys(TEMPLATES)) {
      const res = await agent.get(templateUrl(application.id, key));
      expect(res.statusCode, key).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('generates the 诚信档案 with 本年度收入(利润), the staff by education and 其他不良记录', async () => {
    const { application, record } = await createDemoApplication(ctx);
    await fillRecord(ctx, record.id, { name: '吉林省诚信示范人力资源有限公司', staff: 7, badRecords: '二〇二四年曾因逾期报送统计报表被责令改正' });
    const res = await agent.get(templateUrl(application.id, 'integrityFile'));
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('人力资源服务机构诚信档案.pdf');
    const pdf = res.rawPayload;
    expect(covers(pdf, '人力资源服务机构诚信档案本年度收入(利润)(元)研究生学历本科学历大专及以下学历其他不良记录')).toEqual([]);
    expect(covers(pdf, '逾期报送统计报表被责令改正1234567.89')).toEqual([]);
  });

  it('generates the 专职工作人员登记表 with every staff member', async () => {
    const { application, record } = await createDemoApplication(ctx);
    await fillRecord(ctx, record.id, { name: '吉林省博润人才服务有限公司', staff: 20 });
    const res = await agent.get(templateUrl(application.id, 'staffForm'));
    expect(res.statusCode).toBe(200);
    const pdf = res.rawPayload;
    expect(covers(pdf, '专职工作人员登记表姓名证件类型身份证号出生日期政治面貌民族从业资质等级户口行政区划吉林大学')).toEqual([]);
    // 20 people, three to a page
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(7);
  });

  it("is the unit's and the reviewing department's only: another unit gets 404, an unknown template 400", async () => {
    const { application } = await createDemoApplication(ctx);
    const { account } = await createOtherUnitAgent(ctx, 'other_agent_docs');
    const other = ctx.client();
    await other.login(account);
    expect((await other.get(templateUrl(application.id, 'registrationForm'))).statusCode).toBe(404);
    expect((await agent.get(templateUrl(application.id, 'licence'))).statusCode).toBe(400);

    await ctx.database.db.update(applications).set({ status: '待审核', department: '220000' }).where(eq(applications.id, application.id));
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    expect((await reviewer.get(templateUrl(application.id, 'registrationForm'))).statusCode).toBe(200);
    const audited = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'template.generated'));
    expect(audited.some((a) => a.targetId === application.id && a.actorAccount === 'demo_reviewer')).toBe(true);
    await createReviewer(ctx, '220100', 'reviewer_docs_220100');
    const elsewhere = ctx.client();
    await elsewhere.login('reviewer_docs_220100');
    expect((await elsewhere.get(templateUrl(application.id, 'registrationForm'))).statusCode).toBe(404);
  });
});

describe('诚信档案 education counts', () => {
  it('counts 博士/硕士研究生 as 研究生, 大学本科 as 本科 and the rest as 大专及以下', () => {
    expect(educationCounts(['博士研究生', '硕士研究生', '大学本科', '大学本科', '大学专科', '中等专科', '高中', '初中及以下'])).toEqual({
      postgraduate: 2,
      bachelor: 2,
      collegeOrBelow: 4,
    });
    expect(educationCounts([])).toEqual({ postgraduate: 0, bachelor: 0, collegeOrBelow: 0 });
  });
});
