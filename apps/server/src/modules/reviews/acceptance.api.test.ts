import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptanceNoticeUrl, type TApplicationDetail, type TDecisionResponse, type TNotification, type TPage, type TReviewDetail, type TReviewInboxItem } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createOtherUnitAgent, createReviewer } from '../../test/people';
import { completeDraft, licensedDraft, requestKey, submitEstablishment } from '../../test/submissions';
import { pdfFonts, pdfText } from '../../test/pdf';
import { applicationSubmissions, applications } from '../applications/applications.table';
import { applicationAcceptances } from '../applications/acceptances.table';
import { auditLog } from '../audit/audit.table';
import { institutions } from '../institutions/institutions.table';

/**
 * 受理 as 行政许可法 第三十二条 has it (decision 0034): opening reads, the reviewer decides 受理, 不予受理
 * or 补正 with a numbered notice, the decision on the merits waits for 受理, and the clock counts from it.
 */

let ctx: TestContext;
let agent: TestClient;
let province: TestClient;
let province2: TestClient;
let city: TestClient;
let other: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  await createReviewer(ctx, '220000', 'reviewer_province2');
  await createReviewer(ctx, '220100', 'reviewer_changchun');
  await createOtherUnitAgent(ctx, 'other_agent');
  agent = ctx.client();
  await agent.login('demo_agent');
  province = ctx.client();
  await province.login('demo_reviewer');
  province2 = ctx.client();
  await province2.login('reviewer_province2');
  city = ctx.client();
  await city.login('reviewer_changchun');
  other = ctx.client();
  await other.login('other_agent');
});
afterAll(() => ctx?.close());

const acceptance = (c: TestClient, id: string, body: Record<string, unknown>) => c.post(`/api/reviews/${id}/acceptance`, body);
const decide = (c: TestClient, id: string, body: Record<string, unknown>) => c.post(`/api/reviews/${id}/decision`, body);
const unitDetail = async (id: string) => (await agent.get(`/api/applications/${id}`)).json() as TApplicationDetail;
const named = (name: string) => completeDraft({ basic: { ...completeDraft().basic, name } });
const auditOf = (action: string, id: string) => ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, id)));
const appRow = async (id: string) => (await ctx.database.db.select().from(applications).where(eq(applications.id, id)))[0]!;
const notice = async (c: TestClient, appId: string, acceptanceId: string) => c.get(acceptanceNoticeUrl(appId, acceptanceId));

describe('受理 → 审核通过', () => {
  it('refuses the decision before 受理 (409), accepts once with a 受理通知书, starts the 20 working days and then approves', async () => {
    const app = await submitEstablishment(ctx, agent, { draft: licensedDraft('吉林省受理通过职业介绍有限公司') });
    // 5 working days to decide on 受理 (Thursday → the next Thursday)
    expect(app).toMatchObject({ dueOn: '2026-12-03', acceptance: true, acceptedAt: null, actions: ['撤回'] });

    const early = await decide(province, app.id, { version: app.version, decision: '审核通过' });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('该申请尚未受理，不能审核通过。请先受理（或不予受理、告知补正）');
    expect((await appRow(app.id)).status).toBe('待审核');

    const accepted = await acceptance(province, app.id, { decision: '受理' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const a = accepted.json() as TDecisionResponse;
    expect(a).toMatchObject({ status: '待审核', acceptedByName: '赵审核', dueOn: '2026-12-24', actions: ['审核通过', '审核不通过'] });
    expect(a.acceptances).toHaveLength(1);
    const [record] = a.acceptances;
    expect(record).toMatchObject({ round: 1, decision: '受理', reason: null, items: [], departmentName: '吉林省人力资源和社会保障厅', reviewerName: '赵审核' });
    expect(record!.noticeNumber).toMatch(/^220000受字〔2026〕第\d{4}号$/);

    // accepting again is refused, in Chinese
    const twice = await acceptance(province, app.id, { decision: '受理' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toMatch(/^审批部门已于 .+ 受理该申请，不能受理$/);

    // the unit: a message and an SMS naming the notice; 撤回 no longer offered
    const messages = ((await agent.get('/api/notifications?pageSize=100')).json() as TPage<TNotification>).items.filter((m) => m.kind === 'application.acceptance');
    expect(messages[0]).toMatchObject({ title: '已受理：吉林省受理通过职业介绍有限公司', link: `/hr/institutions/${app.institutionId}/view` });
    expect(messages[0]!.body).toContain(`《受理通知书》（${record!.noticeNumber}）`);
    await ctx.runJobs('sms');
    expect(ctx.deps.outbox!.read().sms[0]!.text).toBe('【吉林智慧人社】您单位“吉林省受理通过职业介绍有限公司”的人力资源服务机构设立申请已受理。请登录吉林人力资源市场管理查看并下载受理通知书。');
    const unit = await unitDetail(app.id);
    expect(unit).toMatchObject({ actions: [], acceptedAt: a.acceptedAt, dueOn: '2026-12-24' });
    expect(unit.acceptances[0]).toMatchObject({ id: record!.id, decision: '受理', reviewerName: null });
    expect(await auditOf('application.accepted', app.id)).toHaveLength(1);

    const approved = await decide(province, app.id, { version: a.version, decision: '审核通过' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: '审核通过', licence: { kind: '许可' } });

    // the 受理通知书, for the unit
    const pdf = await notice(agent, app.id, record!.id);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toContain('受理通知书-吉林省受理通过职业介绍有限公司.pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('吉林省人力资源和社会保障厅受理通知书');
    expect(text).toContain(record!.noticeNumber);
    expect(text).toContain('吉林省博润人力资源有限公司：你单位于2026年11月26日提交的“吉林省受理通过职业介绍有限公司”人力资源服务机构设立申请，申请材料齐全、符合法定形式。');
    expect(text).toContain('本机关决定予以受理。本机关将于2026年12月24日前作出审核决定');
    expect(text).toContain('吉林省人力资源和社会保障厅2026年11月26日（盖章）');
    expect(pdfFonts(pdf.rawPayload)).toEqual(['NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
  });

  it('lets the unit 撤回 before 受理, and refuses it after', async () => {
    const first = await submitEstablishment(ctx, agent, { draft: named('吉林省撤回受理前人力资源有限公司') });
    // opening the review page changes nothing
    const opened = (await province.get(`/api/reviews/${first.id}`)).json() as TReviewDetail;
    expect(opened).toMatchObject({ acceptedAt: null, version: first.version, actions: ['受理', '不予受理', '补正'] });
    const withdrawn = await agent.post(`/api/applications/${first.id}/withdraw`, { version: first.version });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: '待提交', acceptedAt: null });
    // 撤回 is no review round: the next 提交 is round 1 again
    const again = await agent.post(`/api/applications/${first.id}/submit`, { version: withdrawn.json().version, department: '220000', requestKey: requestKey() });
    expect(again.statusCode, again.body).toBe(200);
    expect(((await province.get(`/api/reviews/${first.id}`)).json() as TReviewDetail).round).toBe(1);

    const accepted = (await acceptance(province, first.id, { decision: '受理' })).json() as TDecisionResponse;
    const refused = await agent.post(`/api/applications/${first.id}/withdraw`, { version: accepted.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/^审批部门已于 .+ 受理该申请，不能撤回$/);
    expect((await appRow(first.id)).status).toBe('待审核');
  });
});

describe('不予受理', () => {
  it('needs a reason (400), is final, issues a 不予受理通知书 with the remedies and lists the application under 已审核', async () => {
    const app = await submitEstablishment(ctx, agent, { draft: named('吉林省不予受理人力资源有限公司') });
    const noReason = await acceptance(province, app.id, { decision: '不予受理', reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fieldErrors).toEqual([{ path: 'reason', message: '不予受理时须填写理由' }]);
    const unknown = await acceptance(province, app.id, { decision: '通过' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe('请选择受理、不予受理或补正');
    expect((await appRow(app.id)).status).toBe('待审核');

    const refused = await acceptance(province, app.id, { decision: '不予受理', reason: '申请事项不属于本机关职权范围，请向机构所在地的人力资源社会保障部门申请。' });
    expect(refused.statusCode, refused.body).toBe(200);
    const r = refused.json() as TDecisionResponse;
    expect(r).toMatchObject({ status: '不予受理', actions: [], dueOn: null });
    const record = r.acceptances[0]!;
    expect(record.noticeNumber).toMatch(/^220000不受字〔2026〕第0001号$/);

    // final: nothing more, for anyone
    const unit = await unitDetail(app.id);
    expect(unit).toMatchObject({ status: '不予受理', editable: false, actions: [] });
    expect((await agent.post(`/api/applications/${app.id}/submit`, { version: unit.version, department: '220000', requestKey: requestKey() })).statusCode).toBe(409);
    expect((await acceptance(province, app.id, { decision: '受理' })).statusCode).toBe(409);
    expect((await decide(province, app.id, { version: unit.version, decision: '审核通过' })).statusCode).toBe(409);
    const [inst] = await ctx.database.db.select().from(institutions).where(eq(institutions.id, app.institutionId));
    expect(inst!.reviewStatus).toBe('不予受理');
    expect(await auditOf('application.not_accepted', app.id)).toHaveLength(1);
    const done = (await province.get(`/api/reviews?tab=${encodeURIComponent('已审核')}&pageSize=100`)).json() as TPage<TReviewInboxItem>;
    expect(done.items.find((i) => i.id === app.id)).toMatchObject({ status: '不予受理', lastDecision: { decision: '不予受理', opinion: expect.stringContaining('不属于本机关职权范围') } });
    // the unit may start a new application
    expect((await agent.post('/api/applications/establishments', named('吉林省不予受理后重新申请人力资源有限公司'))).statusCode).toBe(200);

    const pdf = await notice(agent, app.id, record.id);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('吉林省人力资源和社会保障厅不予受理通知书');
    expect(text).toContain('经审查，本机关决定不予受理。');
    expect(text).toContain('理由：申请事项不属于本机关职权范围，请向机构所在地的人力资源社会保障部门申请。');
    expect(text).toContain('可以依法申请行政复议或者提起行政诉讼');
    expect(pdfFonts(pdf.rawPayload)).toEqual(['NotoSerifSC-Bold', 'NotoSerifSC-Regular']);
    await ctx.runJobs('sms');
    const sms = ctx.deps.outbox!.read().sms[0]!;
    expect(sms.text).toContain('不予受理');
  });
});

describe('补正', () => {
  it('lists every item at once, stops the clock, lets the unit correct and resubmit in the same round, and 受理 follows', async () => {
    const app = await submitEstablishment(ctx, agent, { draft: named('吉林省补正测试人力资源有限公司') });
    const none = await acceptance(province, app.id, { decision: '补正', items: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().fieldErrors).toEqual([{ path: 'items', message: '补正时须一次性列明需要补正的全部内容（至少一项）' }]);
    const badKey = await acceptance(province, app.id, { decision: '补正', items: [{ target: 'field', key: 'basic.password', message: 'x' }] });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().fieldErrors).toEqual([{ path: 'items.0.key', message: '第1条意见：“basic.password”不是申请表中的字段' }]);

    const asked = await acceptance(province, app.id, {
      decision: '补正',
      items: [
        { target: 'field', key: 'basic.officeAddress', message: '请填写营业执照上的住所' },
        { target: 'material', key: '工商营业执照', message: '请上传加盖公章的副本' },
        { message: '请补充近三个月的社保缴纳证明' },
      ],
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const c = asked.json() as TDecisionResponse;
    expect(c).toMatchObject({ status: '待补正', dueOn: null, actions: [] });
    const record = c.acceptances[0]!;
    expect(record.items).toEqual([
      { target: 'field', key: 'basic.officeAddress', label: '办公地址', message: '请填写营业执照上的住所' },
      { target: 'material', key: '工商营业执照', label: '工商营业执照', message: '请上传加盖公章的副本' },
      { target: null, key: null, label: '', message: '请补充近三个月的社保缴纳证明' },
    ]);
    expect(record.noticeNumber).toMatch(/^220000补字〔2026〕第\d{4}号$/);
    expect(await auditOf('application.correction_requested', app.id)).toHaveLength(1);

    // the unit sees the items, the form is editable, 补正告知书 lists them all
    const unit = await unitDetail(app.id);
    expect(unit).toMatchObject({ status: '待补正', editable: true, actions: ['提交'] });
    expect(unit.acceptances[0]!.items).toHaveLength(3);
    const msg = ((await agent.get('/api/notifications?pageSize=100')).json() as TPage<TNotification>).items.find((m) => m.title === '需补正：吉林省补正测试人力资源有限公司');
    expect(msg!.body).toContain('一次性告知需要补正的全部内容（共3项）');
    const pdf = await notice(agent, app.id, record.id);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('吉林省人力资源和社会保障厅补正告知书');
    expect(text).toContain('应当当场或者在五日内一次告知申请人需要补正的全部内容');
    expect(text).toContain('现一次性告知你单位需要补正的全部内容如下：1. 办公地址：请填写营业执照上的住所2. 工商营业执照：请上传加盖公章的副本3. 请补充近三个月的社保缴纳证明');
    expect(pdfFonts(pdf.rawPayload)).toEqual(['NotoSerifSC-Bold', 'NotoSerifSC-Regular']);

    // corrected and resubmitted: the same round, 受理 again (5 working days from the resubmission)
    ctx.clock.advanceMinutes(5);
    const draft = named('吉林省补正测试人力资源有限公司');
    const saved = await agent.request('PUT', `/api/applications/${app.id}/record`, { version: unit.version, ...draft, basic: { ...draft.basic, officeAddress: '长春市朝阳区人民大街1000号' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const again = await agent.post(`/api/applications/${app.id}/submit`, { version: saved.json().version, department: '220000', requestKey: requestKey() });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: '待审核', acceptedAt: null, actions: ['撤回'] });
    expect(await ctx.database.db.select({ round: applicationSubmissions.round }).from(applicationSubmissions).where(eq(applicationSubmissions.applicationId, app.id))).toEqual([{ round: 1 }]);
    const review = (await province.get(`/api/reviews/${app.id}`)).json() as TReviewDetail;
    expect(review).toMatchObject({ round: 1, actions: ['受理', '不予受理', '补正'], rounds: [expect.objectContaining({ round: 1, decision: null })] });
    expect((review.content as { record: { basic: { officeAddress: string } } }).record.basic.officeAddress).toBe('长春市朝阳区人民大街1000号');
    const reviewerMsgs = ((await province.get('/api/notifications?pageSize=100')).json() as TPage<TNotification>).items.filter((m) => m.link === `/hr/reviews/${app.id}`);
    expect(reviewerMsgs[0]!.body).toBe('收到新的人力资源服务机构设立申请（补正后重新提交）：吉林省补正测试人力资源有限公司，请在5个工作日内作出是否受理的决定。');

    const accepted = await acceptance(province, app.id, { decision: '受理' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((accepted.json() as TDecisionResponse).acceptances.map((x) => [x.round, x.decision])).toEqual([
      [1, '受理'],
      [1, '补正'],
    ]);
    const approved = await decide(province, app.id, { version: (accepted.json() as TDecisionResponse).version, decision: '审核通过' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((approved.json() as TDecisionResponse).rounds.map((x) => [x.round, x.decision?.decision])).toEqual([[1, '审核通过']]);
  });
});

describe('races: exactly one winner', () => {
  it('of two reviewers accepting at once, one gets 200 and the other a 409 in Chinese; one 受理 recorded', async () => {
    const app = await submitEstablishment(ctx, agent, { draft: named('吉林省并发受理人力资源有限公司') });
    const results = await Promise.all([acceptance(province, app.id, { decision: '受理' }), acceptance(province2, app.id, { decision: '受理' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().message).toMatch(/受理/);
    const rows = await ctx.database.db.select().from(applicationAcceptances).where(eq(applicationAcceptances.applicationId, app.id));
    expect(rows).toHaveLength(1);
    expect(await auditOf('application.accepted', app.id)).toHaveLength(1);
    const row = await appRow(app.id);
    expect(row.status).toBe('待审核');
    expect(row.acceptedBy).toBe(rows[0]!.decidedBy);
  });

  it('of 补正 against 不予受理 at once, one lands', async () => {
    const app = await submitEstablishment(ctx, agent, { draft: named('吉林省并发补正人力资源有限公司') });
    const results = await Promise.all([
      acceptance(province, app.id, { decision: '补正', items: [{ message: '请补充材料' }] }),
      acceptance(province2, app.id, { decision: '不予受理', reason: '不符合条件' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await ctx.database.db.select().from(applicationAcceptances).where(eq(applicationAcceptances.applicationId, app.id));
    expect(rows).toHaveLength(1);
    expect((await appRow(app.id)).status).toBe(rows[0]!.decision === '补正' ? '待补正' : '不予受理');
  });

  it('of 受理 against the unit’s 撤回 at once, one wins and the state agrees with it', async () => {
    for (let i = 0; i < 3; i++) {
      const app = await submitEstablishment(ctx, agent, { draft: named(`吉林省受理撤回竞争${i}人力资源有限公司`) });
      const [accepted, withdrawn] = await Promise.all([acceptance(province, app.id, { decision: '受理' }), agent.post(`/api/applications/${app.id}/withdraw`, { version: app.version })]);
      expect([accepted.statusCode, withdrawn.statusCode].sort()).toEqual([200, 409]);
      // the loser is told why, in Chinese: the unit withdrew it, or the department accepted it
      if (accepted.statusCode === 409) expect(accepted.json().message).toBe('申请单位已撤回该申请，不能受理。请刷新页面');
      else expect(withdrawn.json().message).toMatch(/受理/);
      const row = await appRow(app.id);
      const rows = await ctx.database.db.select().from(applicationAcceptances).where(eq(applicationAcceptances.applicationId, app.id));
      if (accepted.statusCode === 200) {
        expect(row).toMatchObject({ status: '待审核' });
        expect(row.acceptedAt).not.toBeNull();
        expect(rows).toHaveLength(1);
      } else {
        expect(row).toMatchObject({ status: '待提交', acceptedAt: null });
        expect(rows).toHaveLength(0);
      }
    }
  });
});

describe('scoping', () => {
  it('keeps another city’s reviewer and another unit away from the acceptance and its notice', async () => {
    const app = await submitEstablishment(ctx, agent, { draft: named('吉林省受理范围人力资源有限公司') });
    const wrong = await acceptance(city, app.id, { decision: '受理' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().message).toBe('申请不存在或无权查看');
    expect((await agent.post(`/api/reviews/${app.id}/acceptance`, { decision: '受理' })).statusCode).toBe(403);
    expect((await appRow(app.id)).acceptedAt).toBeNull();

    const accepted = (await acceptance(province, app.id, { decision: '受理' })).json() as TDecisionResponse;
    const id = accepted.acceptances[0]!.id;
    expect((await notice(province, app.id, id)).statusCode).toBe(200);
    expect((await notice(city, app.id, id)).statusCode).toBe(404);
    expect((await notice(other, app.id, id)).statusCode).toBe(404);
    expect((await agent.get(acceptanceNoticeUrl(app.id, '00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await agent.get(`/api/applications/${app.id}/acceptances/not-an-id/notice`)).statusCode).toBe(400);
    // a reviewer's download is a staff read, audited
    expect(await auditOf('acceptance.notice.downloaded', app.id)).toHaveLength(1);
  });

  it('names a city department’s notice after the city bureau', async () => {
    const app = await submitEstablishment(ctx, agent, { department: '220100', draft: named('长春市受理通知人力资源有限公司') });
    const accepted = (await acceptance(city, app.id, { decision: '受理' })).json() as TDecisionResponse;
    const record = accepted.acceptances[0]!;
    expect(record.noticeNumber).toMatch(/^220100受字〔2026〕第0001号$/);
    const text = pdfText((await notice(agent, app.id, record.id)).rawPayload);
    expect(text).toContain('长春市人力资源和社会保障局受理通知书');
  });
});
