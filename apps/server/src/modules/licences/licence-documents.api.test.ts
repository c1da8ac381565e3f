import { and, eq, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { licenceVerifyUrl, type TRegisterItem, type TReviewDetail } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createInstitution, insertLicence, reissueLicence } from '../../test/licences';
import { createOtherUnitAgent, createReviewer } from '../../test/people';
import { licensedDraft, submitEstablishment } from '../../test/submissions';
import { covers, mappedCodePoints, pdfImages, type PdfImage } from '../../test/pdf';
import { auditLog } from '../audit/audit.table';
import { licences } from './licences.table';
import { readMigrations } from '../../db/migrate';

let ctx: TestContext;
let agent: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.login('demo_agent');
});
afterAll(() => ctx?.close());

const pdfUrl = (id: string) => `/api/licences/${id}/pdf`;
const verifyUrl = (number: string) => `/api/public/licences/verify?number=${encodeURIComponent(number)}`;

/** Reads the QR code in the image module by module and checks it is exactly the code of `text`. */
function qrEncodes(image: PdfImage, text: string): boolean {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const margin = 1;
  // the code fills the image edge to edge (quiet zone included), in square modules of `scale` pixels
  const scale = image.width / (n + 2 * margin);
  if (image.height !== image.width) return false;
  const components = image.colorSpace === 'DeviceGray' ? 1 : 3;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const x = Math.floor((margin + col + 0.5) * scale);
      const y = Math.floor((margin + row + 0.5) * scale);
      const dark = image.data[(y * image.width + x) * components]! < 128;
      if (dark !== Boolean(qr.modules.get(row, col))) return false;
    }
  }
  return true;
}

describe('许可证下载 (PDF)', () => {
  it('gives the owning unit an A4 landscape 人力资源服务许可证 with the embedded font, the certified facts and a QR code of the verification link', async () => {
    const { institution } = await createInstitution(ctx, { name: '吉林省长白山人力资源服务有限公司' });
    const licence = await insertLicence(ctx, institution, { department: '220000', issuedOn: '2026-11-26' });
    const res = await agent.get(pdfUrl(licence.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${'_'.repeat(9)}-${'_'.repeat(16)}.pdf"; filename*=UTF-8''${encodeURIComponent('人力资源服务许可证-吉林省长白山人力资源服务有限公司.pdf')}`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 841.89 595.28]');
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSerifSC-Bold/);
    expect(pdf.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSerifSC-Regular/);
    expect(pdf.toString('latin1')).not.toMatch(/NotoSansSC/);
    expect(pdf.length).toBeLessThan(300_000);
    expect(covers(pdf, '人力资源服务许可证编号')).toEqual([]);
    expect(covers(pdf, licence.number)).toEqual([]);
    expect(covers(pdf, '机构名称吉林省长白山人力资源服务有限公司统一社会信用代码法定代表人（负责人）王博润')).toEqual([]);
    expect(covers(pdf, `${institution.uscc}住所吉林省长春市朝阳区人民大街1000号博润大厦12层`)).toEqual([]);
    expect(covers(pdf, '服务范围职业介绍、人力资源培训、人力资源管理咨询')).toEqual([]);
    expect(covers(pdf, '发证机关吉林省人力资源和社会保障厅发证日期2026年11月26日（盖章）')).toEqual([]);
    // in force: no 已换发 / 已注销 anywhere
    expect(mappedCodePoints(pdf).has('换'.codePointAt(0)!)).toBe(false);
    expect(mappedCodePoints(pdf).has('销'.codePointAt(0)!)).toBe(false);

    const images = pdfImages(pdf);
    expect(images).not.toHaveLength(0);
    const qr = images.find((i) => i.colorSpace !== 'DeviceGray') ?? images[0]!;
    // the QR names the printout's edition (decision 0047): a later 补办 / 延续 supersedes it
    const link = `https://hr.jl.example.cn/public/licences/verify?number=${encodeURIComponent(licence.number)}&edition=1`;
    expect(licenceVerifyUrl(ctx.deps.config.publicBaseUrl, licence.number, 1)).toBe(link);
    expect(qrEncodes(qr, link)).toBe(true);
    expect(qrEncodes(qr, licenceVerifyUrl('https://hr.jl.example.cn', '（吉）人服证字〔2026〕第2200009999号'))).toBe(false);
  });

  it('opens in the browser for 打印 with ?inline=1 (framed only by our pages), and refuses any other inline value', async () => {
    const { institution } = await createInstitution(ctx, { name: '吉林省打印人力资源服务有限公司' });
    const licence = await insertLicence(ctx, institution, { department: '220000', issuedOn: '2026-11-26' });
    const shown = await agent.get(`${pdfUrl(licence.id)}?inline=1`);
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.headers['content-type']).toBe('application/pdf');
    expect(shown.headers['content-disposition']).toMatch(/^inline; /);
    expect(decodeURIComponent(String(shown.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('人力资源服务许可证-吉林省打印人力资源服务有限公司.pdf');
    expect(shown.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    expect(shown.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await agent.get(`${pdfUrl(licence.id)}?inline=0`)).headers['content-disposition']).toMatch(/^attachment; /);
    const bad = await agent.get(`${pdfUrl(licence.id)}?inline=yes`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('inline 只能为 0 或 1');
  });

  it('prints a 备案凭证 for kind 备案, named so', async () => {
    const { institution } = await createInstitution(ctx, { name: '吉林省松花江劳务派遣有限公司', kind: '备案' });
    const licence = await insertLicence(ctx, institution, { kind: '备案', department: '220100' });
    const res = await agent.get(pdfUrl(licence.id));
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('人力资源服务备案凭证-吉林省松花江劳务派遣有限公司.pdf');
    expect(covers(res.rawPayload, '人力资源服务备案凭证长春市人力资源和社会保障局')).toEqual([]);
  });

  it('marks a re-issued licence 已换发 with the number in force, and a voided one 已注销', async () => {
    const { institution } = await createInstitution(ctx, { name: '吉林省图们江人才服务有限公司' });
    const first = await insertLicence(ctx, institution);
    ctx.clock.advanceMinutes(10);
    const second = await reissueLicence(ctx, institution, first);
    const old = await agent.get(pdfUrl(first.id));
    expect(old.statusCode).toBe(200);
    expect(covers(old.rawPayload, `已换发现行编号${second.number}`)).toEqual([]);

    await ctx.database.db.update(licences).set({ status: '已注销', endedAt: ctx.clock() }).where(eq(licences.id, second.id));
    const voided = await agent.get(pdfUrl(second.id));
    expect(voided.statusCode).toBe(200);
    expect(covers(voided.rawPayload, '已注销')).toEqual([]);
  });

  it("is the owning unit's (agent and legal person), the issuing department's reviewers' and admins' only: others get 404, staff reads are audited", async () => {
    const { institution } = await createInstitution(ctx, { name: '吉林省查干湖人力资源有限公司' });
    const licence = await insertLicence(ctx, institution, { department: '220000' });

    const legal = ctx.client();
    await legal.login('demo_legal');
    expect((await legal.get(pdfUrl(licence.id))).statusCode).toBe(200);

    const { account } = await createOtherUnitAgent(ctx, 'other_agent_licence');
    const other = ctx.client();
    await other.login(account);
    const refused = await other.get(pdfUrl(licence.id));
    expect(refused.statusCode).toBe(404);
    expect(refused.rawPayload.subarray(0, 5).toString('latin1')).not.toBe('%PDF-');

    await createReviewer(ctx, '220100', 'reviewer_licence_220100');
    const elsewhere = ctx.client();
    await elsewhere.login('reviewer_licence_220100');
    expect((await elsewhere.get(pdfUrl(licence.id))).statusCode).toBe(404);

    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    expect((await reviewer.get(pdfUrl(licence.id))).statusCode).toBe(200);
    const admin = ctx.client();
    await admin.login('demo_admin');
    expect((await admin.get(pdfUrl(licence.id))).statusCode).toBe(200);
    const audited = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'licence.downloaded'), eq(auditLog.targetId, licence.id)));
    expect(audited.map((a) => a.actorAccount).sort()).toEqual(['demo_admin', 'demo_reviewer']);

    expect((await ctx.client().get(pdfUrl(licence.id))).statusCode).toBe(401);
    expect((await agent.get(pdfUrl('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await agent.get(pdfUrl('not-a-uuid'))).statusCode).toBe(400);
  });
});

describe("the unit's licences", () => {
  it('lists an institution’s licences newest first with their status and successor, for its own unit only', async () => {
    const { institution } = await createInstitution(ctx, { name: '吉林省净月潭人才服务有限公司' });
    const first = await insertLicence(ctx, institution);
    const second = await reissueLicence(ctx, institution, first);
    const res = await agent.get(`/api/licences?institutionId=${institution.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { id: string; number: string; status: string; supersededByNumber: string | null }[];
    expect(list.map((l) => [l.id, l.status, l.supersededByNumber])).toEqual([
      [second.id, '有效', null],
      [first.id, '已换发', second.number],
    ]);

    const { account } = await createOtherUnitAgent(ctx, 'other_agent_licence_list');
    const other = ctx.client();
    await other.login(account);
    expect((await other.get(`/api/licences?institutionId=${institution.id}`)).statusCode).toBe(404);
    expect((await agent.get('/api/licences?institutionId=x')).statusCode).toBe(400);
  });

  it('offers 许可证下载 in 查询 exactly when the institution holds a licence in force', async () => {
    const licensed = await createInstitution(ctx, { name: '吉林省长影人力资源有限公司' });
    const valid = await insertLicence(ctx, licensed.institution);
    const voided = await createInstitution(ctx, { name: '吉林省南湖人力资源有限公司', cancelStatus: '注销' });
    await insertLicence(ctx, voided.institution, { status: '已注销', endedAt: ctx.clock() });
    const res = await agent.get('/api/institutions?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const rows = (res.json() as { items: { id: string; actions: string[]; licenceId: string | null }[] }).items;
    const a = rows.find((r) => r.id === licensed.institution.id)!;
    expect(a.actions).toContain('许可证下载');
    expect(a.licenceId).toBe(valid.id);
    const b = rows.find((r) => r.id === voided.institution.id)!;
    expect(b.actions).not.toContain('许可证下载');
    expect(b.licenceId).toBeNull();
    // the legal person may download too (it only looks, and a download is looking)
    const legal = ctx.client();
    await legal.login('demo_legal');
    const legalRows = ((await legal.get('/api/institutions?pageSize=100')).json() as { items: { id: string; actions: string[] }[] }).items;
    expect(legalRows.find((r) => r.id === licensed.institution.id)!.actions).toEqual(['查看', '许可证下载']);
  });
});

describe('许可证核验 (public)', () => {
  it('answers for a valid licence without login, with what it certifies, and counts every verification', async () => {
    const { institution } = await createInstitution(ctx, { name: '吉林省莲花山人力资源有限公司', withRecord: true });
    const licence = await insertLicence(ctx, institution, { department: '220000', issuedOn: '2026-11-20' });
    const anonymous = ctx.client();
    const res = await anonymous.get(verifyUrl(licence.number));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      valid: true,
      status: '有效',
      number: licence.number,
      kind: '许可',
      institutionName: '吉林省莲花山人力资源有限公司',
      uscc: institution.uscc,
      legalRep: '王博润',
      scopes: ['职业介绍', '人力资源培训', '人力资源管理咨询'],
      departmentName: '吉林省人力资源和社会保障厅',
      issuedOn: '2026-11-20',
      supersededByNumber: null,
      endedAt: null,
      verifyCount: 1,
      // without expiry (no validity set), never re-issued, the first printout
      validUntil: null,
      reissuedOn: null,
      edition: 1,
      printSuperseded: false,
    });
    ctx.clock.advanceMinutes(5);
    const again = await anonymous.get(verifyUrl(`  ${licence.number}  `));
    expect(again.json().verifyCount).toBe(2);
    const [row] = await ctx.database.db.select().from(licences).where(eq(licences.id, licence.id));
    expect(row!.verifyCount).toBe(2);
    expect(row!.lastVerifiedAt!.toISOString()).toBe(ctx.clock().toISOString());
    // no personal data beyond the legal representative's name
    expect(again.body).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
  });

  it('finds a number typed with half-width brackets', async () => {
    const { institution } = await createInstitution(ctx, { name: '吉林省北山人力资源有限公司' });
    const licence = await insertLicence(ctx, institution);
    const typed = licence.number.replace('（', '(').replace('）', ')').replace('〔', '[').replace('〕', ']');
    expect(typed).not.toBe(licence.number);
    const res = await ctx.client().get(verifyUrl(typed));
    expect(res.statusCode).toBe(200);
    expect(res.json().number).toBe(licence.number);
  });

  it('says 已换发 with the number in force, and 已注销, for licences no longer in force', async () => {
    const { institution } = await createInstitution(ctx, { name: '吉林省月亮湾人力资源有限公司' });
    const first = await insertLicence(ctx, institution);
    ctx.clock.advanceMinutes(10);
    const second = await reissueLicence(ctx, institution, first);
    const old = (await ctx.client().get(verifyUrl(first.number))).json();
    expect(old).toMatchObject({ valid: false, status: '已换发', supersededByNumber: second.number, endedAt: ctx.clock().toISOString() });

    ctx.clock.advanceMinutes(10);
    await ctx.database.db.update(licences).set({ status: '已注销', endedAt: ctx.clock() }).where(eq(licences.id, second.id));
    const voided = (await ctx.client().get(verifyUrl(second.number))).json();
    expect(voided).toMatchObject({ valid: false, status: '已注销', supersededByNumber: null, endedAt: ctx.clock().toISOString(), verifyCount: 1 });
  });

  it('refuses unknown, empty and overlong numbers with a clear message, counting nothing', async () => {
    const { institution } = await createInstitution(ctx, { name: '吉林省二道白河人力资源有限公司' });
    const licence = await insertLicence(ctx, institution);
    const unknown = await ctx.client().get(verifyUrl('（吉）人服证字〔2026〕第2200009999号'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('未查询到该编号的许可证/备案凭证，请核对编号');
    const empty = await ctx.client().get(verifyUrl('   '));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fieldErrors?.[0]?.message ?? empty.json().message).toMatch(/请输入许可证\/备案凭证编号/);
    expect((await ctx.client().get('/api/public/licences/verify')).statusCode).toBe(400);
    expect((await ctx.client().get(verifyUrl('号'.repeat(65)))).statusCode).toBe(400);
    const [row] = await ctx.database.db.select().from(licences).where(eq(licences.id, licence.id));
    expect(row!.verifyCount).toBe(0);
  });

  it('loses no count when many verify at once', async () => {
    const { institution } = await createInstitution(ctx, { name: '吉林省雾凇岛人力资源有限公司' });
    const licence = await insertLicence(ctx, institution);
    const results = await Promise.all(Array.from({ length: 12 }, () => ctx.client().get(verifyUrl(licence.number))));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect(results.map((r) => r.json().verifyCount as number).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const [row] = await ctx.database.db.select().from(licences).where(eq(licences.id, licence.id));
    expect(row!.verifyCount).toBe(12);
  });

  it('is rate-limited per address', async () => {
    const { institution } = await createInstitution(ctx, { name: '吉林省拉法山人力资源有限公司' });
    const licence = await insertLicence(ctx, institution);
    const busy = ctx.client();
    const codes: number[] = [];
    for (let i = 0; i < 60; i++) codes.push((await busy.get(verifyUrl(licence.number))).statusCode);
    expect(codes.every((c) => c === 200)).toBe(true);
    const limited = await busy.get(verifyUrl(licence.number));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().message).toBe('操作过于频繁，请稍后再试');
    // another address is not affected
    expect((await ctx.client().get(verifyUrl(licence.number))).statusCode).toBe(200);
  });
});

describe('from approval to the public', () => {
  it('a 许可 approved by the reviewer: the unit downloads its licence from 查询, the QR link verifies it, the register lists it', async () => {
    const app = await submitEstablishment(ctx, agent, { department: '220000', draft: licensedDraft('吉林省长春职业介绍示范有限公司') });
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    const opened = (await reviewer.post(`/api/reviews/${app.id}/acceptance`, { decision: '受理' })).json() as TReviewDetail;
    const decided = await reviewer.post(`/api/reviews/${app.id}/decision`, { version: opened.version, decision: '审核通过', opinion: '符合条件，准予许可。' });
    expect(decided.statusCode, decided.body).toBe(200);

    const row = ((await agent.get('/api/institutions?pageSize=100')).json() as { items: { applicationId: string; actions: string[]; licenceId: string | null }[] }).items.find(
      (i) => i.applicationId === app.id,
    )!;
    expect(row.actions).toContain('许可证下载');
    const pdf = await agent.get(pdfUrl(row.licenceId!));
    expect(pdf.statusCode).toBe(200);
    expect(covers(pdf.rawPayload, '人力资源服务许可证吉林省长春职业介绍示范有限公司')).toEqual([]);
    const [licence] = await ctx.database.db.select().from(licences).where(eq(licences.id, row.licenceId!));
    // issued by the department the office belongs to, under its full name
    expect(licence!.departmentName).toBe('吉林省人力资源和社会保障厅');
    expect(covers(pdf.rawPayload, '发证机关吉林省人力资源和社会保障厅')).toEqual([]);
    expect(pdfImages(pdf.rawPayload).some((i) => qrEncodes(i, licenceVerifyUrl(ctx.deps.config.publicBaseUrl, licence!.number, 1)))).toBe(true);

    // what the QR code opens: the page asks the API with the number from its address
    const verified = await ctx.client().get(verifyUrl(new URL(licenceVerifyUrl(ctx.deps.config.publicBaseUrl, licence!.number)).searchParams.get('number')!));
    expect(verified.json()).toMatchObject({ valid: true, status: '有效', institutionName: '吉林省长春职业介绍示范有限公司', verifyCount: 1 });

    const listed = (await ctx.client().get(`/api/public/register?keyword=${encodeURIComponent(licence!.number)}`)).json() as { items: TRegisterItem[] };
    expect(listed.items.map((i) => [i.name, i.licenceStatus, i.departmentName])).toEqual([['吉林省长春职业介绍示范有限公司', '有效', '吉林省人力资源和社会保障厅']]);
  });
});

describe('outside production with no PUBLIC_BASE_URL', () => {
  it('links the QR code to the address the request came to, not to localhost', async () => {
    const local = await createTestContext({ config: { publicBaseUrlFromRequest: true } });
    try {
      const unit = local.client();
      await unit.login('demo_agent');
      const { institution } = await createInstitution(local, { name: '吉林省图们江人力资源服务有限公司' });
      const licence = await insertLicence(local, institution, { department: '220000' });
      const res = await unit.get(pdfUrl(licence.id), { host: '192.168.1.20:3000' });
      expect(res.statusCode, res.body).toBe(200);
      const images = pdfImages(res.rawPayload);
      expect(images.some((i) => qrEncodes(i, licenceVerifyUrl('http://192.168.1.20:3000', licence.number, 1)))).toBe(true);
      expect(images.some((i) => qrEncodes(i, licenceVerifyUrl(local.deps.config.publicBaseUrl, licence.number, 1)))).toBe(false);
    } finally {
      await local.close();
    }
  });
});

describe('migration 0027 (issuers named in full)', () => {
  it('renames licences issued under the office’s short name, and a district bureau under its city, leaving others as they are', async () => {
    // one licence in force per institution: three institutions
    const issued = async (name: string, department: string) => insertLicence(ctx, (await createInstitution(ctx, { name })).institution, { department });
    const province = await issued('吉林省查干湖人力资源服务有限公司', '220000');
    const district = await issued('长春市南关人力资源服务有限公司', '220102');
    const county = await issued('农安县人力资源服务有限公司', '220122');
    const { db } = ctx.database;
    // as they were stored before the issuer's full name
    await db.update(licences).set({ departmentName: '省人社厅审批办' }).where(eq(licences.id, province.id));
    await db.update(licences).set({ departmentName: '南关区人力资源和社会保障局' }).where(eq(licences.id, district.id));
    const migration = readMigrations().find((m) => m.tag === '0027_licence_issuer_names')!;
    for (const statement of migration.statements) await db.execute(sql.raw(statement));
    const names = async (id: string) => (await db.select({ name: licences.departmentName }).from(licences).where(eq(licences.id, id)))[0]!.name;
    expect(await names(province.id)).toBe('吉林省人力资源和社会保障厅');
    expect(await names(district.id)).toBe('长春市南关区人力资源和社会保障局');
    expect(await names(county.id)).toBe('农安县人力资源和社会保障局');
  });
});
