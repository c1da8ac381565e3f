import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TApplicationDetail, TLicenceVerification, TNotification, TPage, TRegisterPage, TUnitLicence } from '@jhrm/contracts';
import { queryRows } from '../../db/client';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { multipart, SAMPLE } from '../../test/multipart';
import { covers } from '../../test/pdf';
import { createOtherUnitAgent, createReviewer } from '../../test/people';
import { approvedInstitution as approved, requestKey } from '../../test/submissions';
import { licences } from '../licences/licences.table';
import { sendExpiryReminders } from '../licences/expiry-reminders';
import { renewedLicence } from './renewal';

// The licence lifecycle (decision 0047): validity, expiry reminders, 已过期, 延续 and 补办.

let ctx: TestContext;
let agent: TestClient;
let reviewer: TestClient;
let admin: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.login('demo_agent');
  reviewer = ctx.client();
  await reviewer.login('demo_reviewer');
  admin = ctx.client();
  await admin.login('demo_admin');
});
afterAll(() => ctx?.close());

const approvedInstitution = (name: string) => approved(ctx, agent, reviewer, name);
const setValidity = async (years: number) => {
  const res = await admin.request('PUT', '/api/admin/settings/licence.validityYears', { value: years });
  expect(res.statusCode, res.body).toBe(200);
};
const licenceRow = async (institutionId: string) => (await ctx.database.db.select().from(licences).where(eq(licences.institutionId, institutionId)))[0]!;
const verify = async (number: string, edition?: number) => {
  const res = await ctx.client().get(`/api/public/licences/verify?number=${encodeURIComponent(number)}${edition ? `&edition=${edition}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TLicenceVerification;
};
const unitLicences = async (c: TestClient, institutionId: string) => (await c.get(`/api/licences?institutionId=${institutionId}`)).json() as TUnitLicence[];
function upload(c: TestClient, appId: string, slot: string) {
  const body = multipart([{ name: 'files', filename: `${slot}.pdf`, content: SAMPLE.pdf, type: 'application/pdf' }]);
  return c.request('POST', `/api/applications/${appId}/materials/${encodeURIComponent(slot)}`, body.payload, { 'content-type': body.contentType });
}
const submit = (id: string, version: number) => agent.post(`/api/applications/${id}/submit`, { version, department: '220000', requestKey: requestKey() });
/** 受理 then 审核通过 by the demo reviewer; the decision's answer. */
async function acceptAndApprove(id: string) {
  const accepted = await reviewer.post(`/api/reviews/${id}/acceptance`, { decision: '受理' });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const decided = await reviewer.post(`/api/reviews/${id}/decision`, { version: accepted.json().version, decision: '审核通过' });
  expect(decided.statusCode, decided.body).toBe(200);
  return decided.json();
}
/** The open 补办 / 延续 the institution's 查看 leads back to. */
const licenceRequests = async (institutionId: string) => (await agent.get(`/api/institutions/${institutionId}`)).json().licenceRequests;
const auditOf = (action: string, id: string) => queryRows(ctx.database.db, sql`SELECT detail FROM audit_log WHERE action = ${action} AND target_id = ${id}`);

describe('licence validity (许可证有效期)', () => {
  it('none by default; once the bureau sets 3 years, a licence issued carries 有效期至 on the unit page, the review, the PDF, the verification and the register', async () => {
    const before = await approvedInstitution('吉林省无期限人力资源有限公司');
    expect(before.licence.validUntil).toBeNull();
    expect((await unitLicences(agent, before.institutionId))[0]).toMatchObject({ validUntil: null, expired: false });

    // the setting is checked (0–10 whole years)
    expect((await admin.request('PUT', '/api/admin/settings/licence.validityYears', { value: 11 })).json().message).toBe('许可证有效期不能超过10年');
    expect((await admin.request('PUT', '/api/admin/settings/licence.validityYears', { value: '三' })).statusCode).toBe(400);
    await setValidity(3);

    const { institutionId, licence, establishment } = await approvedInstitution('吉林省三年期人力资源有限公司');
    // issued 2026-11-26: valid through the day before the third anniversary
    expect(licence).toMatchObject({ issuedOn: '2026-11-26', validUntil: '2029-11-25', edition: 1, reissuedOn: null });
    expect((await unitLicences(agent, institutionId))[0]).toMatchObject({ number: licence.number, validUntil: '2029-11-25', expired: false });
    expect((await reviewer.get(`/api/reviews/${establishment.id}`)).json().licence).toMatchObject({ number: licence.number, validUntil: '2029-11-25' });
    expect(await verify(licence.number)).toMatchObject({ valid: true, status: '有效', validUntil: '2029-11-25', edition: 1, printSuperseded: false });
    const register = (await ctx.client().get(`/api/public/register?keyword=${encodeURIComponent('三年期人力资源')}`)).json() as TRegisterPage;
    expect(register.items[0]).toMatchObject({ licenceNumber: licence.number, licenceStatus: '有效', validUntil: '2029-11-25' });
    const pdf = await agent.get(`/api/licences/${licence.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(covers(pdf.rawPayload, '有效期至：2029年11月25日')).toEqual([]);
  });
});

describe('许可证补办', () => {
  it('遗失: asks for the reason, statement and 遗失声明; on approval the same number is re-issued with 补发日期, and an earlier printout verifies as 已补发', async () => {
    const { institutionId, licence } = await approvedInstitution('吉林省补办测试人力资源有限公司');
    const created = await agent.post('/api/applications', { type: '补办', content: { institutionId } });
    expect(created.statusCode, created.body).toBe(200);
    const draft = created.json() as TApplicationDetail;
    expect(draft).toMatchObject({ type: '补办', status: '待提交', content: { institutionId, reason: null, statement: '', licenceNumber: licence.number } });
    expect(draft.record.basic?.name).toBe('吉林省补办测试人力资源有限公司');
    // one open 补办 per institution
    expect((await agent.post('/api/applications', { type: '补办', content: { institutionId } })).json().message).toContain('已有一份“待提交”的补办申请');
    expect(await licenceRequests(institutionId)).toEqual([{ type: '补办', applicationId: draft.id, status: '待提交' }]);
    // record fields cannot be sent
    const sneaky = await agent.request('PUT', `/api/applications/${draft.id}/content`, { version: draft.version, content: { institutionId, basic: { name: '改名' } } });
    expect(sneaky.statusCode).toBe(400);

    const early = await submit(draft.id, draft.version);
    expect(early.statusCode).toBe(400);
    expect(early.json().details.problems.map((p: { message: string }) => p.message)).toEqual(['请选择补办原因', '请填写情况说明', '请上传材料：许可证补办申请表']);
    const saved = await agent.request('PUT', `/api/applications/${draft.id}/content`, { version: draft.version, content: { institutionId, reason: '遗失', statement: '2026年11月搬迁办公室时遗失正本。' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await upload(agent, draft.id, '许可证补办申请表')).statusCode).toBe(200);
    const missing = await submit(draft.id, saved.json().version);
    expect(missing.json().details.problems.map((p: { message: string }) => p.message)).toEqual(['请上传材料：遗失声明']);
    expect((await upload(agent, draft.id, '遗失声明')).statusCode).toBe(200);
    const submitted = await submit(draft.id, saved.json().version);
    expect(submitted.statusCode, submitted.body).toBe(200);

    // the reviewer sees the licence concerned, the reason and the statement; another department's reviewer nothing
    const review = (await reviewer.get(`/api/reviews/${draft.id}`)).json();
    expect(review.content.licenceRequest).toMatchObject({ number: licence.number, reason: '遗失', statement: '2026年11月搬迁办公室时遗失正本。' });
    await createReviewer(ctx, '220300', 'reviewer_siping_lifecycle');
    const other = ctx.client();
    await other.login('reviewer_siping_lifecycle');
    expect((await other.get(`/api/reviews/${draft.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/reviews/${draft.id}/acceptance`, { decision: '受理' })).statusCode).toBe(404);

    const decided = await acceptAndApprove(draft.id);
    expect(decided.licence).toMatchObject({ number: licence.number, reissuedOn: '2026-11-26' });
    const after = await licenceRow(institutionId);
    expect(after).toMatchObject({ id: licence.id, number: licence.number, status: '有效', reissuedOn: '2026-11-26', edition: 2, issuedOn: licence.issuedOn });
    expect(await licenceRequests(institutionId)).toEqual([]);
    expect(await auditOf('application.approved', draft.id)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ licenceNumber: licence.number, reissuedOn: '2026-11-26', edition: 2 }) })]);
    // the unit is told
    const messages = (await agent.get('/api/notifications?pageSize=100')).json() as TPage<TNotification>;
    expect(messages.items.find((m) => m.title === '审核通过：吉林省补办测试人力资源有限公司' && m.body.includes('补办申请'))?.body).toContain(`许可证已补发，编号${licence.number}不变，补发日期2026年11月26日`);

    // the re-issued PDF says 补发; the verification shows the replacement, an old printout is superseded
    const pdf = await agent.get(`/api/licences/${licence.id}/pdf`);
    expect(covers(pdf.rawPayload, '（补发）补发日期：2026年11月26日')).toEqual([]);
    expect(await verify(licence.number, 2)).toMatchObject({ valid: true, status: '有效', reissuedOn: '2026-11-26', edition: 2, printSuperseded: false });
    expect(await verify(licence.number)).toMatchObject({ valid: true, status: '有效', reissuedOn: '2026-11-26' });
    expect(await verify(licence.number, 1)).toMatchObject({ valid: false, status: '已补发', reissuedOn: '2026-11-26', printSuperseded: true });
    // a hostile edition is a 400, never a 5xx
    expect((await ctx.client().get(`/api/public/licences/verify?number=${encodeURIComponent(licence.number)}&edition=-1`)).statusCode).toBe(400);
  });

  it('refuses 补办 of another unit’s licence (404) and of an institution without a licence in force (409)', async () => {
    const { institutionId } = await approvedInstitution('吉林省他人补办人力资源有限公司');
    await createOtherUnitAgent(ctx, 'other_agent_lifecycle');
    const stranger = ctx.client();
    await stranger.login('other_agent_lifecycle');
    const res = await stranger.post('/api/applications', { type: '补办', content: { institutionId } });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('机构不存在或不属于本单位');
    expect(await unitLicences(stranger, institutionId)).toMatchObject({ message: '机构不存在或无权查看' });

    await ctx.database.db.update(licences).set({ status: '已注销' }).where(eq(licences.institutionId, institutionId));
    const none = await agent.post('/api/applications', { type: '补办', content: { institutionId } });
    expect(none.statusCode).toBe(409);
    expect(none.json().message).toBe('该机构没有有效的许可证，不能申请补办');
  });
});

describe('许可证延续', () => {
  it('is refused for a licence without validity and before its last 90 days', async () => {
    const { institutionId } = await approvedInstitution('吉林省延续拒绝人力资源有限公司');
    await ctx.database.db.update(licences).set({ validUntil: null }).where(eq(licences.institutionId, institutionId));
    const none = await agent.post('/api/applications', { type: '延续', content: { institutionId } });
    expect(none.statusCode).toBe(409);
    expect(none.json().message).toMatch(/^证书.+未设有效期，无需申请延续$/);
    await ctx.database.db.update(licences).set({ validUntil: '2029-11-25' }).where(eq(licences.institutionId, institutionId));
    const early = await agent.post('/api/applications', { type: '延续', content: { institutionId } });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toMatch(/有效期至2029-11-25，到期前90日内才能申请延续$/);
  });

  it('within the last 90 days: pre-filled from the record, 受理 and approval extend 有效期至 from the old expiry and re-issue the same number', async () => {
    const { institutionId, licence } = await approvedInstitution('吉林省延续测试人力资源有限公司');
    // issued earlier: 60 days left
    await ctx.database.db.update(licences).set({ validUntil: '2027-01-25' }).where(eq(licences.id, licence.id));
    const created = await agent.post('/api/applications', { type: '延续', content: { institutionId } });
    expect(created.statusCode, created.body).toBe(200);
    const draft = created.json() as TApplicationDetail;
    expect(draft).toMatchObject({ type: '延续', content: { institutionId, licenceNumber: licence.number, validUntil: '2027-01-25', blocked: null } });
    // pre-filled from the record in force; the unit corrects what changed
    expect(draft.record.basic?.name).toBe('吉林省延续测试人力资源有限公司');
    // the 延续申请表 template of the slot, generated from the record and the licence it renews
    const slots = (await agent.get(`/api/applications/${draft.id}/materials`)).json().slots as { name: string; required: boolean; template: string | null }[];
    expect(slots).toEqual([expect.objectContaining({ name: '延续申请表', required: true, template: 'renewalForm' })]);
    const form = await agent.get(`/api/applications/${draft.id}/templates/renewalForm`);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(String(form.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('人力资源服务许可证延续申请表.pdf');
    expect(form.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(covers(form.rawPayload, '人力资源服务许可证延续申请表吉林省延续测试人力资源有限公司')).toEqual([]);
    expect(covers(form.rawPayload, `机构名称统一社会信用代码许可证编号${licence.number}原有效期至2027年1月25日法定代表人住所服务范围`)).toEqual([]);
    expect(covers(form.rawPayload, '申请人声明仍符合许可条件如有虚假愿承担相应的法律责任申请日期单位（盖章）法定代表人（签字）审批部门意见')).toEqual([]);
    expect(await renewedLicence(ctx.database.db, draft.id)).toEqual({ number: licence.number, validUntil: '2027-01-25' });
    const record = { ...draft.record, basic: { ...draft.record.basic, officeAddress: '吉林省长春市南关区人民大街1号' } };
    const { educationCounts: _e, ...editable } = record;
    const saved = await agent.request('PUT', `/api/applications/${draft.id}/content`, { version: draft.version, content: { institutionId, record: editable } });
    expect(saved.statusCode, saved.body).toBe(200);
    const early = await submit(draft.id, saved.json().version);
    expect(early.json().details.problems.map((p: { message: string }) => p.message)).toEqual(['请上传材料：延续申请表']);
    expect((await upload(agent, draft.id, '延续申请表')).statusCode).toBe(200);
    expect((await submit(draft.id, saved.json().version)).statusCode).toBe(200);
    expect(await licenceRequests(institutionId)).toEqual([{ type: '延续', applicationId: draft.id, status: '待审核' }]);

    const review = (await reviewer.get(`/api/reviews/${draft.id}`)).json();
    expect(review.content).toMatchObject({ licenceRequest: { number: licence.number, validUntil: '2027-01-25' } });
    expect(review.content.current.basic.officeAddress).not.toBe('吉林省长春市南关区人民大街1号');
    expect(review.content.record.basic.officeAddress).toBe('吉林省长春市南关区人民大街1号');

    const decided = await acceptAndApprove(draft.id);
    // 2027-01-25 + 3 years, not today + 3 years
    expect(decided.licence).toMatchObject({ number: licence.number, validUntil: '2030-01-25' });
    expect(await licenceRow(institutionId)).toMatchObject({ id: licence.id, number: licence.number, status: '有效', validUntil: '2030-01-25', edition: 2, address: '吉林省长春市南关区人民大街1号' });
    expect(await auditOf('application.approved', draft.id)).toEqual([expect.objectContaining({ detail: expect.objectContaining({ previousValidUntil: '2027-01-25', validUntil: '2030-01-25' }) })]);
    expect(await verify(licence.number, 2)).toMatchObject({ valid: true, status: '有效', validUntil: '2030-01-25' });
    expect(await licenceRequests(institutionId)).toEqual([]);
    expect(await verify(licence.number, 1)).toMatchObject({ valid: false, printSuperseded: true });
    const pdf = await agent.get(`/api/licences/${licence.id}/pdf`);
    expect(covers(pdf.rawPayload, '有效期至：2030年1月25日')).toEqual([]);
    // the 延续申请表 keeps printing the expiry the 延续 was asked for, not the new one; other kinds have none
    expect(await renewedLicence(ctx.database.db, draft.id)).toEqual({ number: licence.number, validUntil: '2027-01-25' });
    expect(await renewedLicence(ctx.database.db, licence.applicationId!)).toBeNull();
  });
});

// last: it moves the clock
describe('expiry reminders and 已过期', () => {
  it('reminds the unit 90, 30 and 7 days before 有效期至, each once (also when runs race), then the licence verifies as 已过期', async () => {
    const { institutionId, licence } = await approvedInstitution('吉林省到期提醒人力资源有限公司');
    // 95 days left on 2026-11-26
    await ctx.database.db.update(licences).set({ validUntil: '2027-03-01' }).where(eq(licences.id, licence.id));
    const messagesOf = async (account: string) => {
      const c = ctx.client();
      await c.login(account);
      const page = (await c.get('/api/notifications?pageSize=100')).json() as TPage<TNotification>;
      return page.items.filter((m) => m.kind === 'licence.expiry' && m.title.includes('到期提醒人力资源'));
    };
    const smsTexts = async () =>
      (await queryRows<{ phone_enc: string; text: string }>(ctx.database.db, sql`SELECT data->>'phoneEnc' AS phone_enc, data->>'text' AS text FROM pgboss.job WHERE name = 'sms' ORDER BY created_on`))
        .filter((r) => r.text.includes('到期提醒人力资源') && r.text.includes('到期，还有'))
        .map((r) => ({ phone: ctx.deps.pii.decrypt(r.phone_enc), text: r.text }));
    const remind = async () => {
      await ctx.database.db.transaction((tx) => ctx.deps.jobs.send(tx, 'licence-expiry-reminders', {}));
      expect(await ctx.runJobs('licence-expiry-reminders')).toBe(1);
    };
    const day = 24 * 3600_000;

    await remind();
    expect(await messagesOf('demo_agent')).toEqual([]);

    // 2026-12-01: 90 days left — the queue's job, and two runs at once, send one reminder
    ctx.clock.advance(5 * day);
    await remind();
    await Promise.all([sendExpiryReminders(ctx.deps), sendExpiryReminders(ctx.deps)]);
    let messages = await messagesOf('demo_agent');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ title: '证书到期提醒：吉林省到期提醒人力资源有限公司', link: `/hr/institutions/${institutionId}/view` });
    expect(messages[0]!.body).toContain(`（${licence.number}）有效期至2027年3月1日，还有90天到期`);
    expect(await messagesOf('demo_legal')).toHaveLength(1);
    expect(await smsTexts()).toEqual([{ phone: '13144440001', text: expect.stringContaining('将于2027年3月1日到期，还有90天') }]);

    // the next day nothing new
    ctx.clock.advance(day);
    await Promise.all([remind(), sendExpiryReminders(ctx.deps)]);
    expect(await messagesOf('demo_agent')).toHaveLength(1);

    // 30 days left (2027-01-30), then 7 (2027-02-22), each once however often it runs
    ctx.clock.advance(59 * day);
    await Promise.all([sendExpiryReminders(ctx.deps), sendExpiryReminders(ctx.deps)]);
    await remind();
    ctx.clock.advance(23 * day);
    await Promise.all([remind(), sendExpiryReminders(ctx.deps), sendExpiryReminders(ctx.deps)]);
    messages = await messagesOf('demo_agent');
    expect(messages.map((m) => m.body.match(/还有(\d+)天到期/)?.[1])).toEqual(['7', '30', '90']);
    expect((await smsTexts()).map((s) => s.text.match(/还有(\d+)天/)?.[1])).toEqual(['90', '30', '7']);
    expect(await queryRows(ctx.database.db, sql`SELECT days FROM licence_expiry_reminders WHERE licence_id = ${licence.id}`)).toHaveLength(3);

    // 2027-03-02: past 有效期至 — 已过期 on the verification page, the register and the unit's page; no 延续 or 补办 any more
    ctx.clock.advance(8 * day);
    expect(await verify(licence.number)).toMatchObject({ valid: false, status: '已过期', validUntil: '2027-03-01' });
    const register = (await ctx.client().get(`/api/public/register?keyword=${encodeURIComponent('到期提醒人力资源')}`)).json() as TRegisterPage;
    expect(register.items[0]).toMatchObject({ licenceStatus: '已过期', validUntil: '2027-03-01' });
    const unit = ctx.client();
    await unit.login('demo_agent');
    expect((await unitLicences(unit, institutionId))[0]).toMatchObject({ status: '有效', expired: true });
    const late = await unit.post('/api/applications', { type: '延续', content: { institutionId } });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('已于2027-03-01过期，不能再申请延续');
    expect((await unit.post('/api/applications', { type: '补办', content: { institutionId } })).statusCode).toBe(409);
    await remind();
    expect(await messagesOf('demo_agent')).toHaveLength(3);
  });
});
