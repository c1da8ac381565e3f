import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATERIAL_SLOTS, type TMaterialSlot, type TMaterials } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createDemoApplication } from '../../test/fixtures';
import { multipart, SAMPLE, type Part } from '../../test/multipart';
import { createOtherUnitAgent, createReviewer } from '../../test/people';
import { applications } from '../applications/applications.table';
import { auditLog } from '../audit/audit.table';
import { files } from '../files/files.table';

let ctx: TestContext;
let agent: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.login('demo_agent');
});
afterAll(() => ctx?.close());

const slotUrl = (appId: string, slot: string) => `/api/applications/${appId}/materials/${encodeURIComponent(slot)}`;
const fileUrl = (appId: string, fileId: string) => `/api/applications/${appId}/materials/files/${fileId}`;

function upload(c: TestClient, appId: string, slot: string, parts: Part[]) {
  const body = multipart(parts);
  return c.request('POST', slotUrl(appId, slot), body.payload, { 'content-type': body.contentType });
}

const pdfPart = (filename: string, content = SAMPLE.pdf): Part => ({ name: 'files', filename, content, type: 'application/pdf' });

async function materialsOf(c: TestClient, appId: string): Promise<TMaterials> {
  const res = await c.get(`/api/applications/${appId}/materials`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function filesRows(appId: string) {
  return ctx.database.db.select().from(files).where(and(eq(files.ownerType, 'application_material'), eq(files.ownerId, appId)));
}

describe('材料上传: slots and files of an application', () => {
  it('lists the 14 slots of a 设立 application with templates and the required video', async () => {
    const { application } = await createDemoApplication(ctx);
    const m = await materialsOf(agent, application.id);
    expect(m.slots.map((s) => s.name)).toEqual(MATERIAL_SLOTS['设立'].map((s) => s.name));
    expect(m.slots).toHaveLength(14);
    expect(m.slots.every((s) => !s.uploaded && s.files.length === 0)).toBe(true);
    expect(m.slots.find((s) => s.name === '登记申请表')!.template).toBe('registrationForm');
    expect(m.slots.find((s) => s.name === '诚信档案')!.template).toBe('integrityFile');
    expect(m.slots.find((s) => s.name === '专职人员登记表')!.template).toBe('staffForm');
    expect(m.slots.find((s) => s.name === '企业章程')!.template).toBeNull();
    expect(m.video).toEqual({ name: '场所视频光盘', required: true, files: [] });
  });

  it('lists the uploaded video (场所视频光盘) with its duration in the video part', async () => {
    const { application } = await createDemoApplication(ctx);
    await ctx.database.db.insert(files).values({
      ownerType: 'application_video',
      ownerId: application.id,
      sha256: 'a'.repeat(64),
      size: 123_456_789,
      mime: 'video/mp4',
      name: '办公场所视频.mp4',
      durationSeconds: 95.5,
      createdAt: ctx.clock(),
    });
    const m = await materialsOf(agent, application.id);
    expect(m.video.files).toHaveLength(1);
    expect(m.video.files[0]).toMatchObject({ name: '办公场所视频.mp4', size: 123_456_789, mime: 'video/mp4', durationSeconds: 95.5, sha256: 'a'.repeat(64) });
    expect(m.slots.every((s) => !s.uploaded)).toBe(true);
  });

  it('uploads several files with Chinese names into one slot, lists, downloads and deletes them, auditing each change', async () => {
    const { application } = await createDemoApplication(ctx);
    const slot = '房产证或购房合同';
    const first = await upload(agent, application.id, slot, [pdfPart('房产证（第一页）.pdf'), { name: 'files', filename: '购房合同 扫描件.png', content: SAMPLE.png, type: 'image/png' }]);
    expect(first.statusCode, first.body).toBe(200);
    const s1 = first.json() as TMaterialSlot;
    expect(s1).toMatchObject({ name: slot, required: true, uploaded: true, template: null });
    expect(s1.files.map((f) => [f.name, f.mime])).toEqual([
      ['房产证（第一页）.pdf', 'application/pdf'],
      ['购房合同 扫描件.png', 'image/png'],
    ]);

    ctx.clock.advanceMinutes(1);
    const second = await upload(agent, application.id, slot, [{ name: 'file', filename: '补充材料.jpg', content: SAMPLE.jpg, type: 'image/jpeg' }]);
    expect(second.statusCode, second.body).toBe(200);
    expect((second.json() as TMaterialSlot).files).toHaveLength(3);

    const m = await materialsOf(agent, application.id);
    const listed = m.slots.find((s) => s.name === slot)!;
    expect(listed.uploaded).toBe(true);
    expect(listed.files.map((f) => f.name)).toEqual(['房产证（第一页）.pdf', '购房合同 扫描件.png', '补充材料.jpg']);
    expect(m.slots.filter((s) => s.uploaded).map((s) => s.name)).toEqual([slot]);

    // 文件下载: the original Chinese name per RFC 6266, never sniffed, sandboxed
    const pdf = listed.files[0]!;
    const dl = await agent.get(fileUrl(application.id, pdf.id));
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(SAMPLE.pdf)).toBe(true);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''/);
    expect(dl.headers['content-disposition']).toContain(encodeURIComponent('房产证').toString());
    expect(decodeURIComponent(String(dl.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('房产证（第一页）.pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-security-policy']).toBe('sandbox');

    // 查看文件
    const view = await agent.get(`${fileUrl(application.id, listed.files[1]!.id)}?inline=1`);
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toBe('image/png');
    expect(view.headers['content-disposition']).toMatch(/^inline; /);
    expect(view.headers['x-content-type-options']).toBe('nosniff');
    expect(view.headers['content-security-policy']).toBe('sandbox');
    const viewPdf = await agent.get(`${fileUrl(application.id, pdf.id)}?inline=1`);
    expect(viewPdf.headers['content-disposition']).toMatch(/^inline; /);
    expect(viewPdf.headers['content-security-policy']).toBe("frame-ancestors 'self'");

    // 文件删除
    const del = await agent.request('DELETE', fileUrl(application.id, pdf.id));
    expect(del.statusCode, del.body).toBe(200);
    expect((await agent.get(fileUrl(application.id, pdf.id))).statusCode).toBe(404);
    expect((await agent.request('DELETE', fileUrl(application.id, pdf.id))).statusCode).toBe(404);
    const after = (await materialsOf(agent, application.id)).slots.find((s) => s.name === slot)!;
    expect(after.files.map((f) => f.name)).toEqual(['购房合同 扫描件.png', '补充材料.jpg']);

    const audit = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, application.id));
    const uploads = audit.filter((a) => a.action === 'material.uploaded');
    expect(uploads.map((a) => a.detail.name)).toEqual(['房产证（第一页）.pdf', '购房合同 扫描件.png', '补充材料.jpg']);
    expect(uploads.every((a) => a.detail.slot === slot && a.actorAccount === 'demo_agent')).toBe(true);
    const deletions = audit.filter((a) => a.action === 'material.deleted');
    expect(deletions).toHaveLength(1);
    expect(deletions[0]!.detail).toMatchObject({ slot, name: '房产证（第一页）.pdf' });
  });

  it('takes a slot name with brackets (变更) and refuses a slot the application type does not have (404)', async () => {
    const { application } = await createDemoApplication(ctx);
    const other = await upload(agent, application.id, '注销审批表', [pdfPart('a.pdf')]);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toContain('注销审批表');
    expect((await upload(agent, application.id, '不存在的材料', [pdfPart('a.pdf')])).statusCode).toBe(404);

    await ctx.database.db.update(applications).set({ type: '变更' }).where(eq(applications.id, application.id));
    const changed = await upload(agent, application.id, '工商营业执照(变更)', [pdfPart('营业执照(变更后).pdf')]);
    expect(changed.statusCode, changed.body).toBe(200);
    expect((changed.json() as TMaterialSlot).name).toBe('工商营业执照(变更)');
    const m = await materialsOf(agent, application.id);
    expect(m.slots.map((s) => s.name)).toEqual(MATERIAL_SLOTS['变更'].map((s) => s.name));
    expect(m.video.required).toBe(false);
  });

  it('judges the type by content: an HTML page renamed .pdf is refused (415) naming the file, and nothing is recorded', async () => {
    const { application } = await createDemoApplication(ctx);
    const res = await upload(agent, application.id, '企业章程', [pdfPart('企业章程.pdf'), pdfPart('伪装的章程.pdf', SAMPLE.html)]);
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toContain('伪装的章程.pdf');
    expect(res.json().message).toContain('PDF、JPG、PNG');
    expect(await filesRows(application.id)).toHaveLength(0);
  });

  it('refuses a file over 20 MB (413)', async () => {
    const { application } = await createDemoApplication(ctx);
    const big = Buffer.concat([SAMPLE.pdf, Buffer.alloc(20 * 1024 * 1024 + 10)]);
    const res = await upload(agent, application.id, '企业章程', [pdfPart('很大的章程.pdf', big)]);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toContain('很大的章程.pdf');
    expect(res.json().message).toContain('20 MB');
    expect(await filesRows(application.id)).toHaveLength(0);
  });

  it('asks for a file when the form has none (400)', async () => {
    const { application } = await createDemoApplication(ctx);
    const res = await upload(agent, application.id, '企业章程', [{ name: 'note', value: 'x' }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('请选择要上传的文件');
  });

  it('refuses uploads and deletions once submitted (待审核 → 409), while reading still works', async () => {
    const { application } = await createDemoApplication(ctx);
    const up = await upload(agent, application.id, '企业章程', [pdfPart('章程.pdf')]);
    const fileId = (up.json() as TMaterialSlot).files[0]!.id;
    await ctx.database.db.update(applications).set({ status: '待审核', department: '220000' }).where(eq(applications.id, application.id));

    const again = await upload(agent, application.id, '企业章程', [pdfPart('章程2.pdf')]);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('待审核');
    expect((await agent.request('DELETE', fileUrl(application.id, fileId))).statusCode).toBe(409);
    expect((await agent.get(fileUrl(application.id, fileId))).statusCode).toBe(200);
    expect((await materialsOf(agent, application.id)).slots.find((s) => s.name === '企业章程')!.files).toHaveLength(1);

    const pending = await createDemoApplication(ctx, '待审核');
    expect((await upload(agent, pending.application.id, '企业章程', [pdfPart('章程.pdf')])).statusCode).toBe(409);
  });

  it('lets 审核不通过 applications be edited again', async () => {
    const { application } = await createDemoApplication(ctx, '审核不通过');
    expect((await upload(agent, application.id, '企业章程', [pdfPart('修改后的章程.pdf')])).statusCode).toBe(200);
  });
});

describe('tenant isolation and staff access', () => {
  it("answers 404 to another unit's agent for the application, its files, uploads and deletions", async () => {
    const { application } = await createDemoApplication(ctx);
    const up = await upload(agent, application.id, '企业章程', [pdfPart('章程.pdf')]);
    const fileId = (up.json() as TMaterialSlot).files[0]!.id;

    const { account } = await createOtherUnitAgent(ctx);
    const other = ctx.client();
    await other.login(account);
    expect((await other.get(`/api/applications/${application.id}/materials`)).statusCode).toBe(404);
    expect((await other.get(fileUrl(application.id, fileId))).statusCode).toBe(404);
    expect((await other.get(`${fileUrl(application.id, fileId)}?inline=1`)).statusCode).toBe(404);
    expect((await upload(other, application.id, '企业章程', [pdfPart('入侵.pdf')])).statusCode).toBe(404);
    expect((await other.request('DELETE', fileUrl(application.id, fileId))).statusCode).toBe(404);
    expect(await filesRows(application.id)).toHaveLength(1);

    // a file is reachable only through its own application
    const second = await createDemoApplication(ctx);
    expect((await agent.get(fileUrl(second.application.id, fileId))).statusCode).toBe(404);
    expect((await agent.request('DELETE', fileUrl(second.application.id, fileId))).statusCode).toBe(404);
  });

  it('lets the legal person read but only agents change materials', async () => {
    const { application } = await createDemoApplication(ctx);
    const legal = ctx.client();
    await legal.login('demo_legal');
    expect((await legal.get(`/api/applications/${application.id}/materials`)).statusCode).toBe(200);
    expect((await upload(legal, application.id, '企业章程', [pdfPart('章程.pdf')])).statusCode).toBe(403);
  });

  it("lets a reviewer of the addressed department (省人社厅审批办) read a 待审核 application's materials, audited; another department's reviewer gets 404", async () => {
    const { application } = await createDemoApplication(ctx);
    const up = await upload(agent, application.id, '法人身份证正反面', [pdfPart('法人身份证.pdf')]);
    const fileId = (up.json() as TMaterialSlot).files[0]!.id;
    await ctx.database.db.update(applications).set({ status: '待审核', department: '220000' }).where(eq(applications.id, application.id));

    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    const m = await materialsOf(reviewer, application.id);
    expect(m.slots.find((s) => s.name === '法人身份证正反面')!.files).toHaveLength(1);
    const dl = await reviewer.get(`${fileUrl(application.id, fileId)}?inline=1`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(SAMPLE.pdf)).toBe(true);
    expect((await upload(reviewer, application.id, '企业章程', [pdfPart('x.pdf')])).statusCode).toBe(403);
    expect((await reviewer.request('DELETE', fileUrl(application.id, fileId))).statusCode).toBe(403);
    const reads = await ctx.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, application.id), eq(auditLog.actorAccount, 'demo_reviewer')));
    expect(reads.map((a) => a.action).sort()).toEqual(['material.downloaded', 'material.listed']);

    await createReviewer(ctx, '220100', 'reviewer_changchun');
    const elsewhere = ctx.client();
    await elsewhere.login('reviewer_changchun');
    expect((await elsewhere.get(`/api/applications/${application.id}/materials`)).statusCode).toBe(404);
    expect((await elsewhere.get(fileUrl(application.id, fileId))).statusCode).toBe(404);
  });

  it('hides a 待提交 draft from the reviewer (404)', async () => {
    const { application } = await createDemoApplication(ctx);
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    expect((await reviewer.get(`/api/applications/${application.id}/materials`)).statusCode).toBe(404);
  });

  it('answers 400 to a malformed application id', async () => {
    expect((await agent.get('/api/applications/not-a-uuid/materials')).statusCode).toBe(400);
  });
});
