import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TApplicationDetail, TLicenceVerification, TRegisterPage } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createDemoApplication } from '../../test/fixtures';
import { multipart, SAMPLE } from '../../test/multipart';
import { covers } from '../../test/pdf';
import { createOtherUnitAgent } from '../../test/people';
import { approvedInstitution as approved, requestKey } from '../../test/submissions';
import { applicationRecords, applications } from '../applications/applications.table';
import { institutions } from '../institutions/institutions.table';
import { licences } from '../licences/licences.table';

let ctx: TestContext;
let agent: TestClient;
let reviewer: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.login('demo_agent');
  reviewer = ctx.client();
  await reviewer.login('demo_reviewer');
});
afterAll(() => ctx?.close());

const put = (c: TestClient, url: string, body: unknown) => c.request('PUT', url, body);
const create = (c: TestClient, content: unknown) => c.post('/api/applications', { type: '注销', content });
const saveContent = (id: string, version: number, content: unknown) => put(agent, `/api/applications/${id}/content`, { version, content });

function upload(appId: string, slot: string) {
  const body = multipart([{ name: 'files', filename: `${slot}.pdf`, content: SAMPLE.pdf, type: 'application/pdf' }]);
  return agent.request('POST', `/api/applications/${appId}/materials/${encodeURIComponent(slot)}`, body.payload, { 'content-type': body.contentType });
}

const approvedInstitution = (name: string) => approved(ctx, agent, reviewer, name);

/** A 注销 filled in with every required material, submitted and opened by the reviewer. */
async function submittedCancellation(institutionId: string) {
  const draft = (await create(agent, { institutionId, reason: '公司经营战略调整，不再从事人力资源服务。', category: '主动注销' })).json() as TApplicationDetail;
  for (const slot of ['身份证正反照', '注销审批表', '承诺书']) expect((await upload(draft.id, slot)).statusCode).toBe(200);
  const submitted = await agent.post(`/api/applications/${draft.id}/submit`, { version: draft.version, department: '220000', requestKey: requestKey() });
  expect(submitted.statusCode, submitted.body).toBe(200);
  // 受理 first (decision 0034): the version to decide on is the accepted one
  const opened = await reviewer.post(`/api/reviews/${draft.id}/acceptance`, { decision: '受理' });
  expect(opened.statusCode, opened.body).toBe(200);
  return { id: draft.id, version: opened.json().version as number };
}

/** Audit entries of an action on an application (read as SQL: the audit module sits below this one's declared imports). */
const auditOf = (action: string, id: string) => queryRows(ctx.database.db, sql`SELECT id FROM audit_log WHERE action = ${action} AND target_id = ${id}`);

const institution = async (id: string) => (await ctx.database.db.select().from(institutions).where(eq(institutions.id, id)))[0]!;

describe('人力资源服务机构注销 (guide 1.4)', () => {
  it('copies the record in force read-only, takes only 注销原因 / 注销类别, and asks for them and the three required materials at 提交', async () => {
    const { institutionId } = await approvedInstitution('吉林省松原注销测试人力资源有限公司');
    const inst = await institution(institutionId);

    const created = await create(agent, { institutionId });
    expect(created.statusCode, created.body).toBe(200);
    const draft = created.json() as TApplicationDetail;
    expect(draft).toMatchObject({ type: '注销', status: '待提交', institutionId, editable: true, content: { institutionId, reason: '', category: null } });
    expect(draft.record.basic?.name).toBe('吉林省松原注销测试人力资源有限公司');
    expect(draft.record.staff).toHaveLength(2);
    // its own copy: the record in force is never the one the 注销 carries
    const [link] = await ctx.database.db.select().from(applicationRecords).where(eq(applicationRecords.applicationId, draft.id));
    expect(link!.recordId).not.toBe(inst.currentRecordId);
    expect(await auditOf('application.created', draft.id)).toHaveLength(1);
    // the unit's list names the 注销 behind the row (人力资源服务机构注销's 材料上传)
    const row = (await agent.get(`/api/institutions?name=${encodeURIComponent('松原注销测试')}`)).json().items[0];
    expect(row).toMatchObject({ reviewStatus: '审核通过', cancelStatus: '正常', cancellation: { applicationId: draft.id, status: '待提交' } });

    // the record cannot be changed through 保存, nor the institution swapped
    const recordEdit = await saveContent(draft.id, draft.version, { institutionId, reason: '调整', basic: { name: '改名' } });
    expect(recordEdit.statusCode).toBe(400);
    expect(recordEdit.json().message).toBe('注销申请只能修改注销原因和注销类别，机构信息不能在此修改');
    const other = await approvedInstitution('吉林省另一注销测试人力资源有限公司');
    const swapped = await saveContent(draft.id, draft.version, { institutionId: other.institutionId, reason: '调整' });
    expect(swapped.statusCode).toBe(400);
    expect(swapped.json().message).toContain('机构不能更改');
    const badCategory = await saveContent(draft.id, draft.version, { institutionId, category: '自愿注销' });
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().message).toBe('请选择有效的注销类别');
    // the record route of the record kinds is no way around it either
    expect((await put(agent, `/api/applications/${draft.id}/record`, { version: draft.version, basic: { name: '改名' } })).statusCode).toBe(400);

    // 提交 lists what is missing: its two fields and the three required slots (其他文件 is optional)
    const early = await agent.post(`/api/applications/${draft.id}/submit`, { version: draft.version, department: '220000', requestKey: requestKey() });
    expect(early.statusCode).toBe(400);
    expect(early.json().details.problems.map((p: { message: string }) => p.message)).toEqual([
      '请填写注销原因',
      '请选择注销类别',
      '请上传材料：身份证正反照',
      '请上传材料：注销审批表',
      '请上传材料：承诺书',
    ]);

    const saved = await saveContent(draft.id, draft.version, { institutionId, reason: '  公司解散。 ', category: '营业执照注销' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: draft.version + 1, content: { reason: '公司解散。', category: '营业执照注销' } });
    // the record in force is untouched
    expect((await agent.get(`/api/applications/${draft.id}`)).json().record.basic.name).toBe('吉林省松原注销测试人力资源有限公司');

    // the two templates, filled from the record
    for (const key of ['cancellationForm', 'cancellationUndertaking']) {
      const pdf = await agent.get(`/api/applications/${draft.id}/templates/${key}`);
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      // filled from the record and the 注销's own fields
      expect(covers(pdf.rawPayload, '吉林省松原注销测试人力资源有限公司')).toEqual([]);
      expect(covers(pdf.rawPayload, '公司解散')).toEqual([]);
    }
    const materials = (await agent.get(`/api/applications/${draft.id}/materials`)).json();
    expect(materials.slots.map((s: { name: string; required: boolean; template: string | null }) => [s.name, s.required, s.template])).toEqual([
      ['身份证正反照', true, null],
      ['注销审批表', true, 'cancellationForm'],
      ['承诺书', true, 'cancellationUndertaking'],
      ['其他文件', false, null],
    ]);

    // 清空 empties its own fields, never the record
    const cleared = await agent.post(`/api/applications/${draft.id}/clear`, { version: draft.version + 1 });
    expect(cleared.json()).toMatchObject({ content: { reason: '', category: null } });
    expect(cleared.json().record.basic.name).toBe('吉林省松原注销测试人力资源有限公司');
  });

  it('on approval: 注销状态 注销, the licence 已注销 with its date, the register says 注销 and every write on the institution answers 409', async () => {
    const { establishment, institutionId, licence } = await approvedInstitution('吉林省白城注销人力资源有限公司');
    expect(await institution(institutionId)).toMatchObject({ cancelStatus: '正常', licensed: true });
    const { id, version } = await submittedCancellation(institutionId);
    const review = (await reviewer.get(`/api/reviews/${id}`)).json();
    expect(review.content).toMatchObject({ contentType: 'record', issuesOnApproval: null, cancellation: { reason: '公司经营战略调整，不再从事人力资源服务。', category: '主动注销' } });

    const approved = await reviewer.post(`/api/reviews/${id}/decision`, { version, decision: '审核通过' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: '审核通过', licence: null });

    expect(await institution(institutionId)).toMatchObject({ cancelStatus: '注销', licensed: false });
    const row = (await agent.get(`/api/institutions?name=${encodeURIComponent('白城注销')}`)).json().items[0];
    expect(row).toMatchObject({ cancelStatus: '注销', licensed: false, licenceId: null, cancellation: null });
    const verify = (await ctx.client().get(`/api/public/licences/verify?number=${encodeURIComponent(licence.number)}`)).json() as TLicenceVerification;
    expect(verify).toMatchObject({ valid: false, status: '已注销', endedAt: ctx.clock().toISOString() });
    const register = (await ctx.client().get(`/api/public/register?keyword=${encodeURIComponent('白城注销')}`)).json() as TRegisterPage;
    expect(register.items.map((i) => [i.name, i.status, i.licenceStatus])).toEqual([['吉林省白城注销人力资源有限公司', '注销', '已注销']]);
    expect(await auditOf('application.approved', id)).toHaveLength(1);

    // frozen: no new 注销, no write on its applications or their materials
    const again = await create(agent, { institutionId });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('“吉林省白城注销人力资源有限公司”已注销，不能再申请注销');
    const [est] = await ctx.database.db.select().from(applications).where(eq(applications.id, establishment.id));
    // even an application put back into an editable state is refused because its institution is cancelled
    await ctx.database.db.update(applications).set({ status: '审核不通过' }).where(eq(applications.id, est!.id));
    const edit = await put(agent, `/api/applications/${est!.id}/record`, { version: est!.version, basic: { name: '改名' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toBe('“吉林省白城注销人力资源有限公司”已注销，其申请和材料不能再修改');
    expect((await upload(est!.id, '诚信档案')).statusCode).toBe(409);
    expect((await agent.post(`/api/applications/${est!.id}/clear`, { version: est!.version })).statusCode).toBe(409);
    expect((await upload(id, '其他文件')).statusCode).toBe(409);
  });

  it('rejection leaves it 正常 with its licence in force, and the unit may correct and resubmit', async () => {
    const { institutionId, licence } = await approvedInstitution('吉林省四平注销驳回人力资源有限公司');
    const { id, version } = await submittedCancellation(institutionId);
    const rejected = await reviewer.post(`/api/reviews/${id}/decision`, { version, decision: '审核不通过', opinion: '注销审批表未盖章。' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(await institution(institutionId)).toMatchObject({ cancelStatus: '正常', licensed: true });
    const [still] = await ctx.database.db.select().from(licences).where(eq(licences.id, licence.id));
    expect(still!.status).toBe('有效');
    const back = (await agent.get(`/api/applications/${id}`)).json() as TApplicationDetail;
    expect(back).toMatchObject({ status: '审核不通过', editable: true });
    expect((await saveContent(id, back.version, { institutionId, reason: '已盖章。', category: '主动注销' })).statusCode).toBe(200);
  });

  it('excludes an open 变更 and a second 注销 of one institution', async () => {
    const { institutionId } = await approvedInstitution('吉林省辽源互斥人力资源有限公司');
    const first = await create(agent, { institutionId });
    expect(first.statusCode, first.body).toBe(200);
    const second = await create(agent, { institutionId });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toContain('该机构已有一份“待提交”的注销申请');

    // an open 变更 blocks a 注销, and an open 注销 a 变更
    const other = await approvedInstitution('吉林省通化互斥人力资源有限公司');
    const change = await agent.post('/api/applications', { type: '变更', content: { institutionId: other.institutionId } });
    expect(change.statusCode, change.body).toBe(200);
    const changeBlocked = await agent.post('/api/applications', { type: '变更', content: { institutionId } });
    expect(changeBlocked.statusCode).toBe(409);
    expect(changeBlocked.json().message).toContain('该机构已有一份“待提交”的注销申请');
    const blocked = await create(agent, { institutionId: other.institutionId });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().message).toContain('该机构已有一份“待提交”的变更申请');
  });

  it('cancels only the unit’s own 审核通过 institutions: another unit’s is a 404, one in review a 409 saying why', async () => {
    const { institutionId } = await approvedInstitution('吉林省白山跨单位人力资源有限公司');
    const { account } = await createOtherUnitAgent(ctx);
    const intruder = ctx.client();
    await intruder.login(account);
    const foreign = await create(intruder, { institutionId });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().message).toBe('机构不存在或不属于本单位');

    const pending = await createDemoApplication(ctx, '待审核');
    const inReview = await create(agent, { institutionId: pending.institution.id });
    expect(inReview.statusCode).toBe(409);
    expect(inReview.json().message).toBe('“吉林省博润人才服务有限公司”的审核状态为“待审核”，只有审核通过的机构才能申请注销');

    const missing = await create(agent, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe('请选择要注销的机构');
  });
});
