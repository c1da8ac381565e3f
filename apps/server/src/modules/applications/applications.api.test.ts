import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_STATUSES, APPLICATION_ACTIONS, MATERIAL_SLOTS, allowedActions, findTransition, makeUscc, type TRecordDraft } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { completeDraft } from '../../test/submissions';
import { hashPassword } from '../../lib/passwords';
import { units, users } from '../accounts/accounts.table';
import { files } from '../files/files.table';
import { applicationSubmissions, applications } from './applications.table';

let ctx: TestContext;
let agent: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.login('demo_agent');
});
afterAll(() => ctx?.close());

async function attachAllMaterials(applicationId: string, withVideo = true) {
  const now = ctx.clock();
  const rows = MATERIAL_SLOTS['设立'].map((s) => ({ ownerType: 'application_material', ownerId: applicationId, slot: s.name, sha256: 'a'.repeat(64), size: 10, mime: 'application/pdf', name: `${s.name}.pdf`, createdAt: now }));
  if (withVideo) rows.push({ ownerType: 'application_video', ownerId: applicationId, slot: null as unknown as string, sha256: 'b'.repeat(64), size: 100, mime: 'video/mp4', name: '场所视频.mp4', createdAt: now });
  await ctx.database.db.insert(files).values(rows);
}

const key = () => `k-${Math.random().toString(36).slice(2)}-${Date.now()}`;

async function create(draft: TRecordDraft = completeDraft()) {
  const res = await agent.post('/api/applications/establishments', draft);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number; status: string; kind: { kind: string; because: string[] }; institutionId: string };
}

describe('the state machine as data', () => {
  it('allows exactly the transitions of SPEC §4.3 with the acceptance step (decision 0034) and refuses every other', () => {
    const allowed = new Set([
      '待提交|提交|待审核',
      '审核不通过|提交|待审核',
      '待补正|提交|待审核',
      '待审核|撤回|待提交',
      '待审核|受理|待审核',
      '待审核|不予受理|不予受理',
      '待审核|补正|待补正',
      '待审核|审核通过|审核通过',
      '待审核|审核不通过|审核不通过',
    ]);
    for (const from of APPLICATION_STATUSES) {
      for (const action of APPLICATION_ACTIONS) {
        const t = findTransition(from, action);
        expect(t ? `${from}|${action}|${t.to}` : null, `${from} ${action}`).toBe(allowed.has(`${from}|${action}|${t?.to}`) ? `${from}|${action}|${t!.to}` : null);
      }
    }
    const ctx = (accepted: boolean) => ({ accepted, acceptance: true });
    expect(allowedActions('待审核', 'agent', ctx(false))).toEqual(['撤回']);
    expect(allowedActions('待审核', 'agent', ctx(true))).toEqual([]);
    expect(allowedActions('待审核', 'reviewer', ctx(false))).toEqual(['受理', '不予受理', '补正']);
    expect(allowedActions('待审核', 'reviewer', ctx(true))).toEqual(['审核通过', '审核不通过']);
    expect(allowedActions('审核通过', 'agent', ctx(false))).toEqual([]);
  });
});

describe('设立审批', () => {
  it('saves an incomplete draft, which survives a new sign-in, and derives 申请类型', async () => {
    const app = await create({ basic: { name: '只填了名称的机构', scopes: ['人力资源培训'] } });
    expect(app.status).toBe('待提交');
    expect(app.kind).toEqual({ kind: '备案', because: [] });
    const again = ctx.client();
    await again.login('demo_agent');
    const loaded = (await again.get(`/api/applications/${app.id}`)).json();
    expect(loaded.record.basic).toMatchObject({ name: '只填了名称的机构' });
    const saved = await again.request('PUT', `/api/applications/${app.id}/record`, { version: loaded.version, basic: { name: '只填了名称的机构', scopes: ['职业介绍', '人才测评'] } });
    expect(saved.json().kind).toEqual({ kind: '许可', because: ['职业介绍'] });
  });

  it('lists a draft with no 申请业务 as 待定 (no kind), not as 备案', async () => {
    await create({ basic: { name: '尚未选择申请业务的机构' } });
    const q = encodeURIComponent('尚未选择申请业务');
    expect((await agent.get(`/api/institutions?name=${q}`)).json().items).toEqual([expect.objectContaining({ kind: null })]);
    expect((await agent.get(`/api/institutions?name=${q}&kind=${encodeURIComponent('备案')}`)).json().total).toBe(0);
  });

  it('refuses the second of two saves made from the same version, losing nothing silently', async () => {
    const app = await create();
    const a = await agent.request('PUT', `/api/applications/${app.id}/record`, { version: app.version, report: { companyProfile: 'A 的简介', reason: 'A' } });
    expect(a.statusCode).toBe(200);
    const other = ctx.client();
    await other.login('demo_agent');
    const b = await other.request('PUT', `/api/applications/${app.id}/record`, { version: app.version, report: { companyProfile: 'B 的简介', reason: 'B' } });
    expect(b.statusCode).toBe(409);
    expect(b.json().message).toContain('被修改');
    expect(b.json().details).toEqual({ currentVersion: app.version + 1 });
    expect((await agent.get(`/api/applications/${app.id}`)).json().record.report.companyProfile).toBe('A 的简介');
  });

  it('lists every submission problem at once, with the tab that holds it', async () => {
    const app = await create({ basic: { name: '缺很多东西', legalRepIdCard: '110101197501010038' }, staff: [] });
    const res = await agent.post(`/api/applications/${app.id}/submit`, { version: app.version, department: '220000', requestKey: key() });
    expect(res.statusCode).toBe(400);
    const problems = res.json().details.problems as { tab: string; path: string; message: string }[];
    const tabs = new Set(problems.map((p) => p.tab));
    expect([...tabs].sort()).toEqual(['basic', 'materials', 'report', 'staff', 'video']);
    expect(problems).toContainEqual({ tab: 'basic', path: 'basic.legalRepIdCard', message: '身份证号校验位不正确' });
    expect(problems).toContainEqual({ tab: 'staff', path: 'staff', message: '专职工作人员至少2人，当前0人' });
    expect(problems.filter((p) => p.tab === 'materials')).toHaveLength(13);
    expect((await agent.get(`/api/applications/${app.id}`)).json().status).toBe('待提交');
  });

  it('needs a qualified staff member and a real 审批部门', async () => {
    const draft = completeDraft();
    draft.staff = draft.staff!.map((s) => ({ ...s, qualificationCertNo: undefined, qualificationLevel: undefined }));
    const app = await create(draft);
    await attachAllMaterials(app.id);
    const res = await agent.post(`/api/applications/${app.id}/submit`, { version: app.version, department: '220000', requestKey: key() });
    expect(res.json().details.problems).toEqual([{ tab: 'staff', path: 'staff', message: '专职工作人员中至少1人须具有人力资源从业资格证书（填写从业资质证书编号）' }]);
    const bad = await agent.post(`/api/applications/${app.id}/submit`, { version: app.version, department: '999999', requestKey: key() });
    expect(bad.json().fieldErrors).toEqual([{ path: 'department', message: '请选择有效的审批部门' }]);
  });

  it('submits once for a double-click, freezes it read-only, and 撤回 returns it to 待提交', async () => {
    const app = await create();
    await attachAllMaterials(app.id);
    const body = { version: app.version, department: '220000', requestKey: key() };
    const [r1, r2] = await Promise.all([agent.post(`/api/applications/${app.id}/submit`, body), agent.post(`/api/applications/${app.id}/submit`, body)]);
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    const detail = (await agent.get(`/api/applications/${app.id}`)).json();
    expect(detail).toMatchObject({ status: '待审核', department: '220000', editable: false, actions: ['撤回'] });
    expect(detail.record.basic.department).toBe('220000');
    const legal = ctx.client();
    await legal.login('demo_legal');
    const legalRow = (await legal.get('/api/institutions')).json().items.find((i: { applicationId: string }) => i.applicationId === app.id);
    expect(legalRow.actions).toEqual(['查看']);
    const subs = await ctx.database.db.select().from(applications).where(eq(applications.id, app.id));
    expect(subs[0]!.version).toBe(app.version + 1);

    const edit = await agent.request('PUT', `/api/applications/${app.id}/record`, { version: detail.version, report: { companyProfile: 'x', reason: 'y' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toContain('不能修改');

    const list = (await agent.get('/api/institutions?reviewStatus=待审核')).json();
    const row = list.items.find((i: { applicationId: string }) => i.applicationId === app.id);
    expect(row).toMatchObject({ reviewStatus: '待审核', actions: ['查看', '撤回'] });

    const back = await agent.post(`/api/applications/${app.id}/withdraw`, { version: detail.version });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ status: '待提交', editable: true, actions: ['提交'] });
    const row2 = (await agent.get('/api/institutions')).json().items.find((i: { applicationId: string }) => i.applicationId === app.id);
    expect(row2).toMatchObject({ reviewStatus: '待提交', actions: ['查看', '修改', '提交', '材料上传', '视频上传'] });

    // the withdrawn submission was not a round: submitted again, it is 第1轮 for the reviewer
    expect(await ctx.database.db.select().from(applicationSubmissions).where(eq(applicationSubmissions.applicationId, app.id))).toEqual([]);
    const again = await agent.post(`/api/applications/${app.id}/submit`, { version: back.json().version, department: '220000', requestKey: key() });
    expect(again.statusCode, again.body).toBe(200);
    const rounds = await ctx.database.db.select({ round: applicationSubmissions.round }).from(applicationSubmissions).where(eq(applicationSubmissions.applicationId, app.id));
    expect(rounds).toEqual([{ round: 1 }]);
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    expect((await reviewer.get(`/api/reviews/${app.id}`)).json()).toMatchObject({ round: 1 });
  });

  it('freezes the submission with 身份证号 and 手机号码 sealed, and the reviewer still reads them', async () => {
    const draft = completeDraft();
    const app = await create(draft);
    await attachAllMaterials(app.id);
    expect((await agent.post(`/api/applications/${app.id}/submit`, { version: app.version, department: '220000', requestKey: key() })).statusCode).toBe(200);
    const [sub] = await ctx.database.db.select().from(applicationSubmissions).where(eq(applicationSubmissions.applicationId, app.id));
    const stored = JSON.stringify(sub!.snapshot);
    const clear = [draft.basic!.legalRepIdCard!, draft.basic!.legalRepPhone!, draft.basic!.contactMobile!, ...draft.staff!.flatMap((p) => [p.idCard, p.mobile])];
    for (const value of clear) expect(stored).not.toContain(value);
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    const seen = (await reviewer.get(`/api/reviews/${app.id}`)).json();
    expect(seen.content.record.basic.legalRepIdCard).toBe(draft.basic!.legalRepIdCard);
    expect(seen.content.record.staff.map((p: { mobile: string }) => p.mobile)).toEqual(draft.staff!.map((p) => p.mobile));
  });

  it('refuses 撤回 once a reviewer has accepted (opened) it', async () => {
    const app = await create();
    await attachAllMaterials(app.id);
    const sub = (await agent.post(`/api/applications/${app.id}/submit`, { version: app.version, department: '220000', requestKey: key() })).json();
    await ctx.database.db.update(applications).set({ acceptedAt: ctx.clock() }).where(eq(applications.id, app.id));
    const res = await agent.post(`/api/applications/${app.id}/withdraw`, { version: sub.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('受理');
  });

  it('refuses transitions the state does not allow', async () => {
    const app = await create();
    expect((await agent.post(`/api/applications/${app.id}/withdraw`, { version: app.version })).json().message).toBe('当前状态为“待提交”，不能撤回');
    await ctx.database.db.update(applications).set({ status: '审核通过' }).where(eq(applications.id, app.id));
    const res = await agent.post(`/api/applications/${app.id}/submit`, { version: app.version, department: '220000', requestKey: key() });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('当前状态为“审核通过”，不能提交');
  });

  it('清空 empties the form', async () => {
    const app = await create();
    const res = await agent.post(`/api/applications/${app.id}/clear`, { version: app.version });
    expect(res.json().record).toMatchObject({ staff: [], basic: {} });
  });

  it('keeps other units out, and the legal person does not do business', async () => {
    const app = await create();
    const [other] = await ctx.database.db.insert(units).values({ name: '他人公司', uscc: makeUscc('91220201MA17QTHR2'), legalType: '企业法人' }).returning();
    await ctx.database.db.insert(users).values({ account: 'agent_other', passwordHash: await hashPassword('Demo@123456'), role: 'agent', name: '他人', unitId: other!.id });
    const intruder = ctx.client();
    await intruder.login('agent_other');
    expect((await intruder.get(`/api/applications/${app.id}`)).statusCode).toBe(404);
    expect((await intruder.request('PUT', `/api/applications/${app.id}/record`, { version: app.version, basic: { name: 'hack' } })).statusCode).toBe(404);
    expect((await intruder.post(`/api/applications/${app.id}/submit`, { version: app.version, department: '220000', requestKey: key() })).statusCode).toBe(404);
    expect((await intruder.get(`/api/institutions/${app.institutionId}`)).statusCode).toBe(404);
    expect((await intruder.get('/api/institutions')).json().total).toBe(0);
    const legal = ctx.client();
    await legal.login('demo_legal');
    expect((await legal.post('/api/applications/establishments', completeDraft())).statusCode).toBe(403);
  });
});

describe('人力资源服务机构查询', () => {
  it('filters by name substring, USCC, 法人身份证 (exact) and status', async () => {
    const c = ctx.client();
    await c.login('demo_agent');
    await create(completeDraft({ basic: { ...completeDraft().basic, name: '延边日阳工贸人力资源有限公司', legalRepIdCard: '110101199003074936' } }));
    const byName = (await c.get(`/api/institutions?name=${encodeURIComponent('日阳工贸')}`)).json();
    expect(byName.items.map((i: { name: string }) => i.name)).toEqual(['延边日阳工贸人力资源有限公司']);
    expect((await c.get(`/api/institutions?name=${encodeURIComponent('%')}`)).json().total).toBe(0);
    const byId = (await c.get('/api/institutions?legalRepIdCard=110101199003074936')).json();
    expect(byId.items.map((i: { name: string }) => i.name)).toEqual(['延边日阳工贸人力资源有限公司']);
    expect((await c.get('/api/institutions?legalRepIdCard=110101199003074937')).json().total).toBe(0);
    // every other filter, alone and combined (each combination is its own prepared statement)
    const all = (await c.get('/api/institutions?pageSize=100')).json();
    expect((await c.get('/api/institutions?licensed=是')).json().total).toBe(all.items.filter((i: { licensed: boolean }) => i.licensed).length);
    expect((await c.get('/api/institutions?licensed=否&reviewStatus=待提交')).json().total).toBe(
      all.items.filter((i: { licensed: boolean; reviewStatus: string }) => !i.licensed && i.reviewStatus === '待提交').length,
    );
    const combined = (await c.get(`/api/institutions?name=${encodeURIComponent('日阳')}&uscc=92220102MA15438D0X&legalRep=${encodeURIComponent('王')}&category=${encodeURIComponent('民营性质的服务企业')}&cancelStatus=${encodeURIComponent('正常')}&kind=${encodeURIComponent('备案')}`)).json();
    expect(combined.items.map((i: { name: string }) => i.name)).toEqual(['延边日阳工贸人力资源有限公司']);
    expect((await c.get(`/api/institutions?name=${encodeURIComponent('日阳')}&kind=${encodeURIComponent('许可')}`)).json().total).toBe(0);
    const page = (await c.get('/api/institutions?pageSize=2&page=1')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    // the total stays right on the last page and on a page past the end
    const lastPage = Math.ceil(page.total / 2);
    const last = (await c.get(`/api/institutions?pageSize=2&page=${lastPage}`)).json();
    expect(last.total).toBe(page.total);
    expect(last.items).toHaveLength(page.total - (lastPage - 1) * 2);
    const beyond = (await c.get(`/api/institutions?pageSize=2&page=${lastPage + 1}`)).json();
    expect(beyond).toMatchObject({ items: [], total: page.total });
  });

  it('shows 查看 as the full record, read-only', async () => {
    const app = await create();
    const res = await agent.get(`/api/institutions/${app.institutionId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().record.staff).toHaveLength(2);
    expect(res.json().record.educationCounts).toEqual({ postgraduate: 1, bachelor: 1, collegeOrBelow: 0 });
  });
});
