import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDay, type TApplicationDetail, type TChangeReason, type TLicenceVerification, type TRecordDraft, type TRegisterDetail, type TReviewInboxItem } from '@jhrm/contracts';
import { queryRows } from '../../db/client';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { multipart, SAMPLE } from '../../test/multipart';
import { approvedInstitution as approved, requestKey } from '../../test/submissions';
import { applicationRecords } from '../applications/applications.table';
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

const approvedInstitution = (name: string) => approved(ctx, agent, reviewer, name);
const create = (c: TestClient, content: unknown) => c.post('/api/applications', { type: '变更', content });
const save = (c: TestClient, id: string, version: number, content: unknown) => c.request('PUT', `/api/applications/${id}/content`, { version, content });
const submit = (id: string, version: number) => agent.post(`/api/applications/${id}/submit`, { version, department: '220000', requestKey: requestKey() });
const problemsOf = (res: { json(): { details?: { problems?: { message: string }[] } } }) => res.json().details?.problems?.map((p) => p.message) ?? [];
const institution = async (id: string) => (await ctx.database.db.select().from(institutions).where(eq(institutions.id, id)))[0]!;

function upload(appId: string, slot: string) {
  const body = multipart([{ name: 'files', filename: `${slot}.pdf`, content: SAMPLE.pdf, type: 'application/pdf' }]);
  return agent.request('POST', `/api/applications/${appId}/materials/${encodeURIComponent(slot)}`, body.payload, { 'content-type': body.contentType });
}

/** The record of a draft with `basic` fields replaced (what the form would send). */
const withBasic = (d: TApplicationDetail, basic: Record<string, unknown>): TRecordDraft => {
  const { educationCounts: _e, ...record } = d.record;
  return { ...record, basic: { ...record.basic, ...basic } };
};

/** A change inside each reason's set, and one field outside it. */
const INSIDE: Record<TChangeReason, (d: TApplicationDetail) => TRecordDraft> = {
  变更机构名称: (d) => withBasic(d, { name: `${d.record.basic!.name}（更名）`, shortName: '更名' }),
  '变更住所(地址)': (d) => withBasic(d, { officeAddress: '长春市朝阳区新民大街8号', postcode: '130021' }),
  '变更法定代表人(负责人)': (d) => withBasic(d, { legalRep: '赵新任', legalRepIdCard: '110101199003074936', legalRepPhone: '13144440009', legalRepTitle: '董事长' }),
  变更经营范围: (d) => withBasic(d, { scopes: ['人力资源培训'] }),
  其他事由: (d) => {
    const r = withBasic(d, {});
    return { ...r, report: { ...r.report, reason: '调整服务内容。' }, fees: [{ business: '人力资源培训', feeItem: '培训费', feeStandard: '500元/人' }] };
  },
};
const OUTSIDE: Record<TChangeReason, [Record<string, unknown>, string]> = {
  变更机构名称: [{ officeAddress: '长春市绿园区1号' }, '办公地址'],
  '变更住所(地址)': [{ name: '别的名称' }, '机构名称'],
  '变更法定代表人(负责人)': [{ scopes: ['职业介绍'] }, '申请业务'],
  变更经营范围: [{ legalRep: '别人' }, '法人代表'],
  其他事由: [{ registeredCapital: 999 }, '注册资金(万元)'],
};

/** A new 变更 of an institution in force, with a reason and its registration date. */
async function newChange(institutionId: string, reason: TChangeReason | null, registeredOn: string | null = null) {
  const created = await create(agent, { institutionId, reason, registeredOn });
  expect(created.statusCode, created.body).toBe(200);
  return created.json() as TApplicationDetail;
}

/** A 变更机构名称 saved, with its three materials, submitted and opened by the reviewer. */
async function submittedRename(institutionId: string, newName: string, registeredOn: string) {
  const draft = await newChange(institutionId, '变更机构名称', registeredOn);
  const saved = await save(agent, draft.id, draft.version, { institutionId, reason: '变更机构名称', registeredOn, record: withBasic(draft, { name: newName, shortName: '新名' }) });
  expect(saved.statusCode, saved.body).toBe(200);
  for (const slot of ['工商营业执照(变更)', '人力资源服务许可证(变更)', '许可证变更申请表(变更)']) expect((await upload(draft.id, slot)).statusCode).toBe(200);
  const submitted = await submit(draft.id, saved.json().version);
  expect(submitted.statusCode, submitted.body).toBe(200);
  // 受理 first (decision 0034): the version to decide on is the accepted one
  const opened = await reviewer.post(`/api/reviews/${draft.id}/acceptance`, { decision: '受理' });
  expect(opened.statusCode, opened.body).toBe(200);
  return { id: draft.id, version: opened.json().version as number };
}

describe('人力资源服务机构变更 (guide 1.3)', () => {
  it('copies the record in force and lets each 变更事由 change only its own fields (the catalogue’s changeReasons)', async () => {
    const { institutionId } = await approvedInstitution('吉林省长春变更事由人力资源有限公司');
    const inst = await institution(institutionId);
    const draft = await newChange(institutionId, null);
    expect(draft).toMatchObject({ type: '变更', status: '待提交', institutionId, content: { reason: null, registeredOn: null, editable: [], lateDays: null } });
    expect(draft.record.basic?.name).toBe('吉林省长春变更事由人力资源有限公司');
    const [link] = await ctx.database.db.select().from(applicationRecords).where(eq(applicationRecords.applicationId, draft.id));
    expect(link!.recordId).not.toBe(inst.currentRecordId);

    // no reason yet: nothing may change
    const noReason = await save(agent, draft.id, draft.version, { institutionId, record: INSIDE['变更机构名称'](draft) });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toBe('请先选择变更事由，再修改：机构名称、机构简称');

    let version = draft.version;
    for (const reason of Object.keys(INSIDE) as TChangeReason[]) {
      const [outside, label] = OUTSIDE[reason];
      const inside = INSIDE[reason](draft);
      const refused = await save(agent, draft.id, version, { institutionId, reason, record: { ...inside, basic: { ...inside.basic, ...outside } } });
      expect(refused.statusCode, reason).toBe(400);
      expect(refused.json().message, reason).toBe(`变更事由为“${reason}”时不能修改：${label}。如需修改请选择相应的变更事由`);
      const ok = await save(agent, draft.id, version, { institutionId, reason, record: INSIDE[reason](draft) });
      expect(ok.statusCode, `${reason}: ${ok.body}`).toBe(200);
      expect(ok.json().content.reason).toBe(reason);
      version = ok.json().version;
      // dropping the reason while its change stands is refused: the unit puts the record back first
      const dropped = await save(agent, draft.id, version, { institutionId, reason: null });
      expect(dropped.statusCode, reason).toBe(400);
      const back = await save(agent, draft.id, version, { institutionId, reason: null, record: withBasic(draft, {}) });
      expect(back.statusCode, back.body).toBe(200);
      version = back.json().version;
    }
    // the record route is no way around it either
    const viaRecord = await agent.request('PUT', `/api/applications/${draft.id}/record`, { version, basic: { name: '绕过' } });
    expect(viaRecord.statusCode).toBe(400);
    // the institution itself is untouched by any of it
    expect((await institution(institutionId)).name).toBe('吉林省长春变更事由人力资源有限公司');
  });

  it('asks at 提交 for the reason’s materials, a new video for 变更住所, and reports lateness past 15 days (条例 第二十一条)', async () => {
    const { institutionId } = await approvedInstitution('吉林省吉林住所变更人力资源有限公司');
    const today = beijingDay(ctx.clock());
    const late = beijingDay(new Date(ctx.clock().getTime() - 20 * 86_400_000));
    const draft = await newChange(institutionId, '变更住所(地址)');

    const empty = await submit(draft.id, draft.version);
    expect(empty.statusCode).toBe(400);
    expect(problemsOf(empty)).toEqual([
      '请填写工商变更登记日期',
      '没有需要变更的内容：请修改“变更住所(地址)”涉及的信息',
      '请上传材料：工商营业执照(变更)',
      '请上传材料：人力资源服务许可证(变更)',
      '请上传材料：许可证变更申请表(变更)',
      '请上传材料：房产证明或租赁合同和住房证明(变更)',
      '请上传材料：租赁协议或使用证明(变更)',
      '请上传新的场所视频（MP4）',
    ]);

    const saved = await save(agent, draft.id, draft.version, { institutionId, reason: '变更住所(地址)', registeredOn: late, record: INSIDE['变更住所(地址)'](draft) });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().content).toMatchObject({ registeredOn: late, editable: ['basic.postcode', 'basic.officeAddress'], lateDays: 5 });
    for (const slot of ['工商营业执照(变更)', '人力资源服务许可证(变更)', '许可证变更申请表(变更)', '房产证明或租赁合同和住房证明(变更)', '租赁协议或使用证明(变更)']) {
      expect((await upload(draft.id, slot)).statusCode).toBe(200);
    }
    expect(problemsOf(await submit(draft.id, saved.json().version))).toEqual(['请上传新的场所视频（MP4）']);

    // 变更法定代表人 asks for the 法人身份证 instead, and no video
    const { institutionId: other } = await approvedInstitution('吉林省吉林法人变更人力资源有限公司');
    const rep = await newChange(other, '变更法定代表人(负责人)', today);
    const repSaved = await save(agent, rep.id, rep.version, { institutionId: other, reason: '变更法定代表人(负责人)', registeredOn: today, record: INSIDE['变更法定代表人(负责人)'](rep) });
    expect(repSaved.json().content.lateDays).toBeNull();
    expect(problemsOf(await submit(rep.id, repSaved.json().version))).toEqual([
      '请上传材料：工商营业执照(变更)',
      '请上传材料：人力资源服务许可证(变更)',
      '请上传材料：许可证变更申请表(变更)',
      '请上传材料：法人身份证正反面(变更)',
    ]);

    // the 许可证补办申请表 template, filled from the record
    const pdf = await agent.get(`/api/applications/${draft.id}/templates/reissueForm`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const slots = (await agent.get(`/api/applications/${draft.id}/materials`)).json().slots as { name: string; template: string | null }[];
    expect(slots.find((s) => s.name === '许可证补办申请表')?.template).toBe('reissueForm');
  });

  it('approval makes the change the record in force, re-issues the licence (old one 已换发) and joins the register’s history; the inbox shows lateness', async () => {
    const { institutionId, licence } = await approvedInstitution('吉林省四平更名前人力资源有限公司');
    const late = beijingDay(new Date(ctx.clock().getTime() - 18 * 86_400_000));
    const { id, version } = await submittedRename(institutionId, '吉林省四平更名后人力资源有限公司', late);
    // nothing changes before the decision
    expect((await institution(institutionId)).name).toBe('吉林省四平更名前人力资源有限公司');
    const inbox = (await reviewer.get('/api/reviews?tab=待审核&type=变更')).json().items as TReviewInboxItem[];
    expect(inbox.find((i) => i.id === id)).toMatchObject({ type: '变更', lateDays: 3 });
    const review = (await reviewer.get(`/api/reviews/${id}`)).json();
    expect(review.content).toMatchObject({ issuesOnApproval: '许可', change: { reason: '变更机构名称', registeredOn: late, lateDays: 3 }, current: { basic: { name: '吉林省四平更名前人力资源有限公司' } } });

    const decided = await reviewer.post(`/api/reviews/${id}/decision`, { version, decision: '审核通过' });
    expect(decided.statusCode, decided.body).toBe(200);
    const inst = await institution(institutionId);
    const [link] = await ctx.database.db.select().from(applicationRecords).where(eq(applicationRecords.applicationId, id));
    expect(inst).toMatchObject({ name: '吉林省四平更名后人力资源有限公司', currentRecordId: link!.recordId });
    const held = await ctx.database.db.select().from(licences).where(eq(licences.institutionId, institutionId));
    const fresh = held.find((l) => l.status === '有效')!;
    expect(held.map((l) => l.status).sort()).toEqual(['已换发', '有效']);
    expect(fresh.number).not.toBe(licence.number);
    const anyone = ctx.client();
    const old = (await anyone.get(`/api/public/licences/verify?number=${encodeURIComponent(licence.number)}`)).json() as TLicenceVerification;
    expect(old).toMatchObject({ valid: false, status: '已换发' });
    const now = (await anyone.get(`/api/public/licences/verify?number=${encodeURIComponent(fresh.number)}`)).json() as TLicenceVerification;
    expect(now).toMatchObject({ valid: true, institutionName: '吉林省四平更名后人力资源有限公司' });
    const register = (await anyone.get(`/api/public/register/${institutionId}`)).json() as TRegisterDetail;
    expect(register.name).toBe('吉林省四平更名后人力资源有限公司');
    expect(register.changes.map((c) => c.type)).toEqual(['设立', '变更']);
    const unitRow = (await agent.get(`/api/institutions?name=${encodeURIComponent('四平更名后')}`)).json().items;
    expect(unitRow).toHaveLength(1);
    const audit = await queryRows(ctx.database.db, sql`SELECT id FROM audit_log WHERE action = 'application.approved' AND target_id = ${id}`);
    expect(audit).toHaveLength(1);
  });

  it('rejection changes nothing: the institution, its licence and the register keep the old data', async () => {
    const { institutionId, licence } = await approvedInstitution('吉林省通化驳回变更人力资源有限公司');
    const before = await institution(institutionId);
    const { id, version } = await submittedRename(institutionId, '吉林省通化不会生效人力资源有限公司', beijingDay(ctx.clock()));
    const rejected = await reviewer.post(`/api/reviews/${id}/decision`, { version, decision: '审核不通过', opinion: '营业执照与申请名称不一致。' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(await institution(institutionId)).toMatchObject({ name: before.name, currentRecordId: before.currentRecordId });
    const [still] = await ctx.database.db.select().from(licences).where(eq(licences.id, licence.id));
    expect(still!.status).toBe('有效');
    const register = (await ctx.client().get(`/api/public/register/${institutionId}`)).json() as TRegisterDetail;
    expect(register.changes.map((c) => c.type)).toEqual(['设立']);
    expect((await agent.get(`/api/applications/${id}`)).json()).toMatchObject({ status: '审核不通过', editable: true });
  });

  it('one open change per institution: of 50 concurrent creates exactly one lands; a cancelled or unapproved institution is refused with why', async () => {
    const { institutionId } = await approvedInstitution('吉林省辽源并发变更人力资源有限公司');
    const results = await Promise.all(Array.from({ length: 50 }, () => create(agent, { institutionId, reason: '变更机构名称' })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    expect(results.find((r) => r.statusCode === 409)!.json().message).toContain('该机构已有一份“待提交”的变更申请');
    const [{ n }] = (await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM applications WHERE institution_id = ${institutionId} AND type = '变更'`)) as [{ n: number }];
    expect(n).toBe(1);

    await ctx.database.db.update(institutions).set({ cancelStatus: '注销' }).where(eq(institutions.id, institutionId));
    const cancelled = await create(agent, { institutionId });
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().message).toBe('“吉林省辽源并发变更人力资源有限公司”已注销，不能再申请变更');
    const missing = await create(agent, { reason: '变更机构名称' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toBe('请选择要变更的机构');
    const badReason = await create(agent, { institutionId, reason: '变更注册资金' });
    expect(badReason.statusCode).toBe(400);
    expect(badReason.json().message).toBe('请选择有效的变更事由');
  });

  it('two agents saving the same draft: the second gets a version conflict and the first one’s change stands', async () => {
    const { institutionId } = await approvedInstitution('吉林省白山并存变更人力资源有限公司');
    const draft = await newChange(institutionId, '变更机构名称');
    const second = ctx.client();
    await second.login('demo_agent');
    const first = await save(agent, draft.id, draft.version, { institutionId, reason: '变更机构名称', record: withBasic(draft, { name: '吉林省白山甲人力资源有限公司' }) });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await save(second, draft.id, draft.version, { institutionId, reason: '变更机构名称', record: withBasic(draft, { name: '吉林省白山乙人力资源有限公司' }) });
    expect(stale.statusCode).toBe(409);
    expect((await agent.get(`/api/applications/${draft.id}`)).json().record.basic.name).toBe('吉林省白山甲人力资源有限公司');
    // the unit's list names the open 变更 and its 变更事由 (人力资源服务机构变更's row and 机构变更事由)
    const row = (await agent.get(`/api/institutions?name=${encodeURIComponent('白山并存变更')}`)).json().items[0];
    expect(row).toMatchObject({ name: '吉林省白山并存变更人力资源有限公司', change: { applicationId: draft.id, status: '待提交', reason: '变更机构名称' }, cancellation: null });
  });
});
