import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRecordReviewContent, type TApplicationDetail, type TDecisionResponse, type TNotification, type TPage, type TReviewDetail, type TReviewInboxItem } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createReviewer } from '../../test/people';
import { completeDraft, licensedDraft, requestKey, submitEstablishment } from '../../test/submissions';
import { applicationRecords, applicationSubmissions, applications } from '../applications/applications.table';
import { auditLog } from '../audit/audit.table';
import { institutionRecords, institutions } from '../institutions/institutions.table';
import { licences } from '../licences/licences.table';
import { notifications } from '../notifications/notifications.table';
import { applicationReviews } from '../applications/decisions.table';

/** A record kind's review content (设立, 变更). */
function recordContent(d: TReviewDetail) {
  if (!isRecordReviewContent(d.content)) throw new Error(`not a record kind: ${d.content.contentType}`);
  return d.content;
}

let ctx: TestContext;
let agent: TestClient;
let province: TestClient;
let city: TestClient;

/** Fresh sessions for everyone (after the clock jumps past the session limits). */
async function signIn() {
  agent = ctx.client();
  await agent.login('demo_agent');
  province = ctx.client();
  await province.login('demo_reviewer');
  city = ctx.client();
  await city.login('reviewer_changchun');
}

beforeAll(async () => {
  ctx = await createTestContext();
  await createReviewer(ctx, '220100', 'reviewer_changchun');
  await signIn();
});
afterAll(() => ctx?.close());

const inbox = async (c: TestClient, query = '') => {
  const res = await c.get(`/api/reviews${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TPage<TReviewInboxItem>;
};
const open = (c: TestClient, id: string) => c.get(`/api/reviews/${id}`);
const decide = (c: TestClient, id: string, body: Record<string, unknown>) => c.post(`/api/reviews/${id}/decision`, body);
/** 受理 (decision 0034): the licensing kinds are decided only once accepted; returns the detail with its new version. */
const accept = async (c: TestClient, id: string) => {
  const res = await c.post(`/api/reviews/${id}/acceptance`, { decision: '受理' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TReviewDetail;
};
const unitDetail = async (id: string) => (await agent.get(`/api/applications/${id}`)).json() as TApplicationDetail;
const auditOf = (action: string, targetId: string) =>
  ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

describe('department scoping', () => {
  it('keeps a 长春市 reviewer away from an application to 省人社厅审批办, and the province away from 长春市', async () => {
    const toProvince = await submitEstablishment(ctx, agent, { department: '220000' });
    const toCity = await submitEstablishment(ctx, agent, { department: '220100' });

    const cityIds = (await inbox(city)).items.map((i) => i.id);
    expect(cityIds).toContain(toCity.id);
    expect(cityIds).not.toContain(toProvince.id);
    const provinceIds = (await inbox(province)).items.map((i) => i.id);
    expect(provinceIds).toContain(toProvince.id);
    expect(provinceIds).not.toContain(toCity.id);

    expect((await open(city, toProvince.id)).statusCode).toBe(404);
    expect((await open(province, toCity.id)).statusCode).toBe(404);
    const wrong = await decide(city, toProvince.id, { version: toProvince.version, decision: '审核通过' });
    expect(wrong.statusCode).toBe(404);
    expect((await decide(province, toCity.id, { version: toCity.version, decision: '审核不通过', opinion: '不是本部门' })).statusCode).toBe(404);
    // 受理 and its notices follow the same rule
    expect((await city.post(`/api/reviews/${toProvince.id}/acceptance`, { decision: '受理' })).statusCode).toBe(404);
    expect((await city.post(`/api/reviews/${toProvince.id}/acceptance`, { decision: '不予受理', reason: '不是本部门' })).statusCode).toBe(404);
    // nothing happened to either
    expect((await unitDetail(toProvince.id)).status).toBe('待审核');
    expect((await unitDetail(toCity.id)).acceptedAt).toBeNull();
    // the application engine's own detail route follows the same rule
    expect((await city.get(`/api/applications/${toProvince.id}`)).statusCode).toBe(404);
  });

  it('refuses the inbox to units and admins', async () => {
    expect((await agent.get('/api/reviews')).statusCode).toBe(403);
    const admin = ctx.client();
    await admin.login('demo_admin');
    expect((await admin.get('/api/reviews')).statusCode).toBe(403);
  });

  it('lets the responsible reviewer list, view and download the materials and play the video with ranges; others get 404', async () => {
    const app = await submitEstablishment(ctx, agent, { department: '220000' });
    const materials = await province.get(`/api/applications/${app.id}/materials`);
    expect(materials.statusCode).toBe(200);
    const slots = materials.json().slots as { name: string; files: { id: string }[] }[];
    expect(slots).toHaveLength(14);
    const fileId = slots[0]!.files[0]!.id;
    const view = await province.get(`/api/applications/${app.id}/materials/files/${fileId}?inline=1`);
    expect(view.statusCode).toBe(200);
    expect(view.body.startsWith('%PDF')).toBe(true);
    const video = (await province.get(`/api/applications/${app.id}/video`)).json() as { id: string; size: number }[];
    expect(video).toHaveLength(1);
    const part = await province.get(`/api/applications/${app.id}/video/${video[0]!.id}`, { range: 'bytes=0-99' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-99/${video[0]!.size}`);

    expect((await city.get(`/api/applications/${app.id}/materials`)).statusCode).toBe(404);
    expect((await city.get(`/api/applications/${app.id}/materials/files/${fileId}`)).statusCode).toBe(404);
    expect((await city.get(`/api/applications/${app.id}/video/${video[0]!.id}`)).statusCode).toBe(404);
    // staff reads are audited
    expect((await auditOf('material.downloaded', app.id)).length).toBe(1);
    expect((await auditOf('video.played', app.id)).length).toBe(1);
  });
});

describe('the inbox', () => {
  it('sorts 待审核 by deadline, counts working days left and flags overdue items', async () => {
    await createReviewer(ctx, '220200', 'reviewer_jilin');
    let c = ctx.client();
    const jump = async (days: number) => {
      ctx.clock.advance(days * 86_400_000);
      await signIn();
      c = ctx.client();
      await c.login('reviewer_jilin');
    };
    await jump(0);
    const early = await submitEstablishment(ctx, agent, { department: '220200', draft: completeDraft({ basic: { ...completeDraft().basic, name: '吉林市早提交人力资源有限公司' } }) });
    // before 受理 the deadline is the 受理期限: 5 working days (Thursday → the next Thursday)
    expect((await inbox(c)).items[0]).toMatchObject({ id: early.id, acceptance: true, acceptedAt: null, dueOn: '2026-12-03', daysLeft: 5 });
    // the decision limit counts from 受理 (here the same day)
    await accept(c, early.id);
    await jump(3); // Thursday → Sunday
    const late = await submitEstablishment(ctx, agent, { department: '220200', draft: completeDraft({ basic: { ...completeDraft().basic, name: '吉林市晚提交人力资源有限公司' } }) });
    await accept(c, late.id);

    const page = await inbox(c);
    expect(page.items.map((i) => i.id)).toEqual([early.id, late.id]);
    const [first, second] = page.items;
    expect(first).toMatchObject({ type: '设立', round: 1, status: '待审核', kind: '备案', institutionName: '吉林市早提交人力资源有限公司', overdue: false, lastDecision: null });
    // submitted on a Thursday: due four weeks later; three calendar days on (a Sunday), 19 working days are left
    expect(first!.dueOn).toBe('2026-12-24');
    expect(first!.daysLeft).toBe(19);
    expect(second!.daysLeft).toBe(20);

    expect((await inbox(c, `name=${encodeURIComponent('晚提交')}`)).items.map((i) => i.id)).toEqual([late.id]);
    expect((await inbox(c, 'type=变更')).total).toBe(0);
    // the filter offers declared kinds only
    const undeclared = await c.get(`/api/reviews?type=${encodeURIComponent('不存在的业务')}`);
    expect(undeclared.statusCode).toBe(400);
    expect(undeclared.json().message).toBe('请选择有效的业务类型');
    expect((await inbox(c, 'submittedFrom=2026-11-29&submittedTo=2026-11-29')).items.map((i) => i.id)).toEqual([late.id]);
    expect((await c.get('/api/reviews?submittedFrom=2026-12-01&submittedTo=2026-11-01')).json().fieldErrors[0].path).toBe('submittedTo');

    await jump(30);
    const overdue = await inbox(c);
    expect(overdue.items[0]).toMatchObject({ id: early.id, overdue: true });
    expect(overdue.items[0]!.daysLeft).toBeLessThan(0);
    expect((await inbox(c, 'maxDaysLeft=-1')).total).toBe(2);
    await jump(-33);
    expect((await inbox(c, 'maxDaysLeft=-1')).total).toBe(0);
    // on the submission day: 20 working days left for the first, 21 for the one due a day later
    expect((await inbox(c, 'maxDaysLeft=20')).items.map((i) => i.id)).toEqual([early.id]);
  });
});

describe('opening a submission only reads (decision 0034)', () => {
  it('records no 受理: the unit may still 撤回, the reviewer is offered 受理, 不予受理 and 补正; 受理 then closes 撤回', async () => {
    const app = await submitEstablishment(ctx, agent);
    ctx.clock.advanceMinutes(5);
    const first = await open(province, app.id);
    expect(first.statusCode).toBe(200);
    const detail = first.json() as TReviewDetail;
    expect(detail).toMatchObject({ status: '待审核', round: 1, departmentName: '省人社厅审批办', acceptedAt: null, acceptedByName: null, acceptance: true, acceptances: [], actions: ['受理', '不予受理', '补正'] });
    expect(detail.content).toMatchObject({ contentType: 'record', issuesOnApproval: '备案', current: null });
    expect(recordContent(detail).record.basic?.name).toBe('吉林省博润人才服务有限公司');
    expect(recordContent(detail).record.staff).toHaveLength(2);
    expect(detail.materials.slots.every((s) => s.uploaded)).toBe(true);
    expect(detail.rounds).toEqual([expect.objectContaining({ round: 1, submittedByName: '李经办', decision: null })]);
    // opening leaves the version and writes only the audit of the read
    expect(detail.version).toBe(app.version);
    expect(await auditOf('application.accepted', app.id)).toHaveLength(0);
    expect((await auditOf('application.viewed', app.id)).length).toBe(1);

    const unit = await unitDetail(app.id);
    expect(unit).toMatchObject({ status: '待审核', acceptedAt: null, actions: ['撤回'], acceptance: true, acceptances: [] });
    const row = (await agent.get('/api/institutions')).json().items.find((i: { applicationId: string }) => i.applicationId === app.id);
    expect(row).toMatchObject({ reviewStatus: '待审核', acceptedAt: null, actions: ['查看', '撤回'] });

    ctx.clock.advanceMinutes(5);
    const accepted = await accept(province, app.id);
    expect(accepted).toMatchObject({ acceptedByName: '赵审核', actions: ['审核通过', '审核不通过'], version: app.version + 1 });
    expect(accepted.acceptances).toEqual([expect.objectContaining({ round: 1, decision: '受理', departmentName: '吉林省人力资源和社会保障厅', reviewerName: '赵审核' })]);
    expect(await auditOf('application.accepted', app.id)).toHaveLength(1);
    // 20 working days from 受理 (a Thursday): four weeks later
    const after = await unitDetail(app.id);
    expect(after).toMatchObject({ status: '待审核', acceptedAt: accepted.acceptedAt, actions: [], dueOn: '2026-12-24', reviews: [] });
    expect(after.acceptances[0]).toMatchObject({ decision: '受理', reviewerName: null });
    const withdraw = await agent.post(`/api/applications/${app.id}/withdraw`, { version: after.version });
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json().message).toContain('受理');
    const row2 = (await agent.get('/api/institutions')).json().items.find((i: { applicationId: string }) => i.applicationId === app.id);
    expect(row2).toMatchObject({ reviewStatus: '待审核', acceptedAt: accepted.acceptedAt, actions: ['查看'] });
  });
});

describe('decisions', () => {
  it('refuses 审核不通过 without an opinion and notes that name nothing, changing nothing', async () => {
    const app = await accept(province, (await submitEstablishment(ctx, agent)).id);
    const noOpinion = await decide(province, app.id, { version: app.version, decision: '审核不通过', opinion: '   ' });
    expect(noOpinion.statusCode).toBe(400);
    expect(noOpinion.json().fieldErrors).toEqual([{ path: 'opinion', message: '审核不通过时须填写审核意见' }]);
    const badNotes = await decide(province, app.id, {
      version: app.version,
      decision: '审核不通过',
      opinion: '材料不全',
      notes: [
        { target: 'field', key: 'basic.password', message: 'x' },
        { target: 'material', key: '营业执照正本', message: 'y' },
        { target: 'field', key: 'staff.5', message: 'z' },
      ],
    });
    expect(badNotes.statusCode).toBe(400);
    expect(badNotes.json().fieldErrors).toEqual([
      { path: 'notes.0.key', message: '第1条意见：“basic.password”不是申请表中的字段' },
      { path: 'notes.1.key', message: '第2条意见：该申请没有“营业执照正本”这项材料' },
      { path: 'notes.2.key', message: '第3条意见：“staff.5”不是申请表中的字段' },
    ]);
    expect(await ctx.database.db.select().from(applicationReviews).where(eq(applicationReviews.applicationId, app.id))).toHaveLength(0);
    expect((await unitDetail(app.id)).status).toBe('待审核');
  });

  it('rejects with field and material notes; the unit sees them, corrects, resubmits (round 2) and is approved', async () => {
    const app = await submitEstablishment(ctx, agent, { draft: licensedDraft('吉林省博润职业介绍有限公司') });
    expect(recordContent((await open(province, app.id)).json() as TReviewDetail).issuesOnApproval).toBe('许可');
    const opened = await accept(province, app.id);
    // the 受理 SMS goes out first: the count below is the decision's own
    await ctx.runJobs('sms');
    const smsBefore = ctx.deps.outbox!.read().sms.length;

    const rejected = await decide(province, app.id, {
      version: opened.version,
      decision: '审核不通过',
      opinion: '办公地址与营业执照不一致，请核实。',
      notes: [
        { target: 'field', key: 'basic.officeAddress', label: '随便写的', message: '请填写营业执照上的住所' },
        { target: 'material', key: '工商营业执照', message: '请上传清晰的副本' },
        { target: 'field', key: 'staff.1', message: '学历证书与学历不符' },
      ],
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const r = rejected.json() as TDecisionResponse;
    expect(r).toMatchObject({ status: '审核不通过', actions: [], licence: null });
    expect(r.rounds[0]!.decision).toMatchObject({ decision: '审核不通过', reviewerName: '赵审核', departmentName: '省人社厅审批办' });

    // the unit: the opinion and the notes, with canonical labels, and the form is editable again
    const unit = await unitDetail(app.id);
    expect(unit).toMatchObject({ status: '审核不通过', editable: true, actions: ['提交'] });
    expect(unit.reviews).toHaveLength(1);
    expect(unit.reviews[0]).toMatchObject({ round: 1, decision: '审核不通过', opinion: '办公地址与营业执照不一致，请核实。', departmentName: '省人社厅审批办', reviewerName: null });
    expect(unit.reviews[0]!.notes).toEqual([
      { target: 'field', key: 'basic.officeAddress', label: '办公地址', message: '请填写营业执照上的住所' },
      { target: 'material', key: '工商营业执照', label: '工商营业执照', message: '请上传清晰的副本' },
      { target: 'field', key: 'staff.1', label: '专职工作人员 第2行（李二）', message: '学历证书与学历不符' },
    ]);
    const [inst] = await ctx.database.db.select().from(institutions).where(eq(institutions.id, app.institutionId));
    expect(inst).toMatchObject({ reviewStatus: '审核不通过', licensed: false, currentRecordId: null });

    // messages: one per account of the unit, with the link; one SMS to the agent who submitted
    const msgs = await ctx.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.link, `/hr/institutions/${app.institutionId}/view`), eq(notifications.kind, 'application.decision')));
    expect(msgs).toHaveLength(2);
    expect(msgs[0]!.title).toBe('审核不通过：吉林省博润职业介绍有限公司');
    expect(msgs[0]!.body).toContain('审核意见：办公地址与营业执照不一致，请核实。');
    // queued with the decision, sent by the job queue
    expect(ctx.deps.outbox!.read().sms.length).toBe(smsBefore);
    expect(await ctx.runJobs('sms')).toBe(1);
    const sms = ctx.deps.outbox!.read().sms;
    expect(sms.length).toBe(smsBefore + 1);
    expect(sms[0]).toMatchObject({ phone: '13144440002' });
    expect(sms[0]!.text).toContain('未通过审核');
    expect(await auditOf('application.rejected', app.id)).toHaveLength(1);

    // 已审核 of the department lists it
    expect((await inbox(province, 'tab=已审核')).items.find((i) => i.id === app.id)).toMatchObject({ status: '审核不通过', lastDecision: { decision: '审核不通过' } });

    // the unit corrects and resubmits: round 2
    const draft = licensedDraft('吉林省博润职业介绍有限公司');
    const saved = await agent.request('PUT', `/api/applications/${app.id}/record`, { version: unit.version, ...draft, basic: { ...draft.basic, officeAddress: '长春市朝阳区人民大街1000号' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const resubmitted = await agent.post(`/api/applications/${app.id}/submit`, { version: saved.json().version, department: '220000', requestKey: requestKey() });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json()).toMatchObject({ status: '待审核', acceptedAt: null });
    const item = (await inbox(province)).items.find((i) => i.id === app.id);
    expect(item).toMatchObject({ round: 2, acceptedAt: null, lastDecision: { decision: '审核不通过' } });

    expect(((await open(province, app.id)).json() as TReviewDetail).actions).toEqual(['受理', '不予受理', '补正']);
    const round2 = await accept(province, app.id);
    expect(round2.round).toBe(2);
    expect(recordContent(round2).record.basic?.officeAddress).toBe('长春市朝阳区人民大街1000号');
    expect(round2.rounds.map((x) => [x.round, x.decision?.decision ?? null])).toEqual([
      [1, '审核不通过'],
      [2, null],
    ]);

    ctx.clock.advanceMinutes(10);
    const approved = await decide(province, app.id, { version: round2.version, decision: '审核通过', opinion: '符合条件，准予许可。' });
    expect(approved.statusCode, approved.body).toBe(200);
    const a = approved.json() as TDecisionResponse;
    expect(a.status).toBe('审核通过');
    expect(a.licence).toMatchObject({ kind: '许可', status: '有效', issuedOn: '2026-11-26', departmentName: '吉林省人力资源和社会保障厅' });
    expect(a.licence!.number).toMatch(/^（吉）人服证字〔2026〕第220000\d{4}号$/);

    const [done] = await ctx.database.db.select().from(institutions).where(eq(institutions.id, app.institutionId));
    expect(done).toMatchObject({ reviewStatus: '审核通过', licensed: true, kind: '许可' });
    expect(done!.currentRecordId).toBe((await ctx.database.db.select().from(applicationRecords).where(eq(applicationRecords.applicationId, app.id)))[0]!.recordId);
    const [licence] = await ctx.database.db.select().from(licences).where(eq(licences.applicationId, app.id));
    expect(licence).toMatchObject({ institutionName: '吉林省博润职业介绍有限公司', address: '长春市朝阳区人民大街1000号', legalRep: '王博润', department: '220000', scopes: ['职业介绍', '人力资源培训'] });

    const row = (await agent.get('/api/institutions')).json().items.find((i: { applicationId: string }) => i.applicationId === app.id);
    expect(row).toMatchObject({ reviewStatus: '审核通过', licensed: true, acceptedAt: null });
    const finalUnit = await unitDetail(app.id);
    expect(finalUnit.reviews.map((x) => [x.round, x.decision])).toEqual([
      [2, '审核通过'],
      [1, '审核不通过'],
    ]);
    const approvals = await auditOf('application.approved', app.id);
    expect(approvals).toHaveLength(1);
    expect(approvals[0]!.detail).toMatchObject({ round: 2, licenceNumber: a.licence!.number });
    await ctx.runJobs('sms');
    expect(ctx.deps.outbox!.read().sms[0]!.text).toContain(a.licence!.number);
  });

  it('approves a 备案 with a 备案凭证 and leaves 是否发证 否', async () => {
    const app = await accept(province, (await submitEstablishment(ctx, agent)).id);
    const res = await decide(province, app.id, { version: app.version, decision: '审核通过', licence: { issuedOn: '2026-11-20' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().licence).toMatchObject({ kind: '备案', issuedOn: '2026-11-20' });
    expect(res.json().licence.number).toMatch(/^吉人服备〔2026〕220000\d{4}号$/);
    const [inst] = await ctx.database.db.select().from(institutions).where(eq(institutions.id, app.institutionId));
    expect(inst).toMatchObject({ reviewStatus: '审核通过', licensed: false });
    expect((await unitDetail(app.id)).acceptedAt).toBe(app.acceptedAt);
  });

  it('refuses a future 发证日期', async () => {
    const app = await accept(province, (await submitEstablishment(ctx, agent, { draft: licensedDraft('未来日期职业介绍有限公司') })).id);
    const res = await decide(province, app.id, { version: app.version, decision: '审核通过', licence: { issuedOn: '2099-01-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors).toEqual([{ path: 'licence.issuedOn', message: '发证日期不能晚于今天' }]);
    expect((await unitDetail(app.id)).status).toBe('待审核');
    expect(await ctx.database.db.select().from(licences).where(eq(licences.applicationId, app.id))).toHaveLength(0);
  });

  it('refuses deciding on 审核通过, on 待提交 (not visible) and with a stale version', async () => {
    const app = await accept(province, (await submitEstablishment(ctx, agent)).id);
    const stale = await decide(province, app.id, { version: app.version - 1, decision: '审核通过' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details).toEqual({ currentVersion: app.version });
    expect((await decide(province, app.id, { version: app.version, decision: '审核通过' })).statusCode).toBe(200);
    const again = await decide(province, app.id, { version: app.version + 1, decision: '审核不通过', opinion: '改主意了' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('本轮申请已于');

    const created = (await agent.post('/api/applications/establishments', completeDraft())).json() as TApplicationDetail;
    const draft = await decide(province, created.id, { version: created.version, decision: '审核通过' });
    expect(draft.statusCode).toBe(404);
    expect((await open(province, created.id)).statusCode).toBe(404);
  });

  it('lands a double-clicked decision once', async () => {
    const app = await accept(province, (await submitEstablishment(ctx, agent, { draft: licensedDraft('双击职业介绍有限公司') })).id);
    const body = { version: app.version, decision: '审核通过' };
    const results = await Promise.all([decide(province, app.id, body), decide(province, app.id, body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await ctx.database.db.select().from(applicationReviews).where(eq(applicationReviews.applicationId, app.id))).toHaveLength(1);
    expect(await ctx.database.db.select().from(licences).where(eq(licences.applicationId, app.id))).toHaveLength(1);
    expect(await auditOf('application.approved', app.id)).toHaveLength(1);
  });

  it('issues unique licence numbers to many approvals at once', async () => {
    const apps: TReviewDetail[] = [];
    for (let i = 0; i < 6; i++) apps.push(await accept(province, (await submitEstablishment(ctx, agent, { draft: licensedDraft(`并发职业介绍有限公司${i}`) })).id));
    const results = await Promise.all(apps.map((a) => decide(province, a.id, { version: a.version, decision: '审核通过' })));
    expect(results.map((r) => r.statusCode)).toEqual(apps.map(() => 200));
    const numbers = results.map((r) => (r.json() as TDecisionResponse).licence!.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('shows the current record beside a 变更 and re-issues the licence on approval', async () => {
    // an established, licensed institution
    const est = await accept(province, (await submitEstablishment(ctx, agent, { draft: licensedDraft('变更前职业介绍有限公司') })).id);
    const first = (await decide(province, est.id, { version: est.version, decision: '审核通过' })).json() as TDecisionResponse;
    // a 变更 proposing a new name, as the change issue will create it
    const db = ctx.database.db;
    const now = ctx.clock();
    const [est0] = await db.select().from(applications).where(eq(applications.id, est.id));
    const [est0Record] = await db.select().from(applicationRecords).where(eq(applicationRecords.applicationId, est.id));
    const [oldRecord] = await db.select().from(institutionRecords).where(eq(institutionRecords.id, est0Record!.recordId));
    const copy: Partial<typeof oldRecord> = { ...oldRecord! };
    delete copy.id;
    const [proposed] = await db.insert(institutionRecords).values({ ...(copy as typeof oldRecord & object), version: 2, name: '变更后职业介绍有限公司', createdAt: now, updatedAt: now }).returning();
    const [change] = await db
      .insert(applications)
      .values({ unitId: est0!.unitId, type: '变更', institutionId: est.institutionId, status: '待审核', department: '220000', submittedAt: now, dueOn: '2026-12-24', createdAt: now, updatedAt: now })
      .returning();
    await db.insert(applicationRecords).values({ applicationId: change!.id, recordId: proposed!.id });
    const snapshotRecord = { ...(await unitDetail(est.id)).record, basic: { ...(await unitDetail(est.id)).record.basic, name: '变更后职业介绍有限公司' } };
    await db.insert(applicationSubmissions).values({ applicationId: change!.id, round: 1, requestKey: requestKey(), department: '220000', snapshot: { record: snapshotRecord, kind: { kind: '许可', because: ['职业介绍'] } }, submittedAt: now });

    const detail = await accept(province, change!.id);
    expect(detail.type).toBe('变更');
    expect(recordContent(detail).current?.basic?.name).toBe('变更前职业介绍有限公司');
    expect(recordContent(detail).record.basic?.name).toBe('变更后职业介绍有限公司');
    expect((await inbox(province, 'type=变更')).items.map((i) => i.id)).toEqual([change!.id]);

    const approved = await decide(province, change!.id, { version: detail.version, decision: '审核通过' });
    expect(approved.statusCode, approved.body).toBe(200);
    const [old] = await db.select().from(licences).where(eq(licences.id, first.licence!.id));
    const next = approved.json().licence;
    expect(old).toMatchObject({ status: '已换发', supersededBy: next.id });
    expect(next).toMatchObject({ status: '有效', kind: '许可' });
    const [inst] = await db.select().from(institutions).where(eq(institutions.id, est.institutionId));
    expect(inst).toMatchObject({ name: '变更后职业介绍有限公司', currentRecordId: proposed!.id, licensed: true, reviewStatus: '审核通过' });
  });
});

describe('消息中心', () => {
  it('lists a user’s own messages, counts unread, marks read, and keeps other users out', async () => {
    const legal = ctx.client();
    await legal.login('demo_legal');
    const app = await submitEstablishment(ctx, agent, { draft: completeDraft({ basic: { ...completeDraft().basic, name: '消息测试人力资源有限公司' } }) });
    const accepted = await accept(province, app.id);
    await decide(province, app.id, { version: accepted.version, decision: '审核不通过', opinion: '请补充材料' });

    const before = (await agent.get('/api/notifications/unread-count')).json().unread as number;
    expect(before).toBeGreaterThan(0);
    const unread = (await agent.get('/api/notifications?unread=1&pageSize=100')).json() as TPage<TNotification>;
    expect(unread.total).toBe(before);
    const msg = unread.items.find((m) => m.title === '审核不通过：消息测试人力资源有限公司')!;
    expect(msg).toMatchObject({ kind: 'application.decision', link: `/hr/institutions/${app.institutionId}/view`, readAt: null });

    // the legal person has its own copy; it cannot read the agent's
    expect((await legal.post(`/api/notifications/${msg.id}/read`)).statusCode).toBe(404);
    expect((await legal.get('/api/notifications')).json().items.some((m: TNotification) => m.id === msg.id)).toBe(false);
    // the reviewer's own messages are the submissions that arrived, none of the unit's
    const reviewerKinds = ((await province.get('/api/notifications?pageSize=100')).json() as TPage<TNotification>).items.map((m) => m.kind);
    expect(reviewerKinds.length).toBeGreaterThan(0);
    expect(new Set(reviewerKinds)).toEqual(new Set(['application.submitted']));

    const read = await agent.post(`/api/notifications/${msg.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await agent.get('/api/notifications/unread-count')).json().unread).toBe(before - 1);
    const all = await agent.post('/api/notifications/read-all');
    expect(all.json()).toEqual({ updated: before - 1 });
    expect((await agent.get('/api/notifications/unread-count')).json().unread).toBe(0);
    expect((await legal.get('/api/notifications/unread-count')).json().unread).toBeGreaterThan(0);
    expect((await agent.post('/api/notifications/00000000-0000-4000-8000-000000000000/read')).statusCode).toBe(404);
  });
});
