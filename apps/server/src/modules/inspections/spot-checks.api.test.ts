import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPOT_CHECK_ITEMS, beijingDay, type TInspectionTask, type TNotification, type TPage, type TRegisterDetail, type TSpotCheckPlan, type TSpotCheckPlanListItem, type TSpotCheckPreview, type TSpotCheckReplay, type TSpotCheckScope, type TUnitInspections } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createReviewer } from '../../test/people';
import { createInstitution, insertLicence } from '../../test/licences';
import { users } from '../accounts/accounts.table';
import { applications } from '../applications/applications.table';
import { auditLog } from '../audit/audit.table';
import { inspectionTasks, spotCheckPlans } from './inspections.table';

/**
 * 双随机抽查 (decision 0049): an administrator's plan draws a share of the licensed institutions of a
 * filter and inspectors from each one's department — never a reviewer who accepted or approved it; the
 * seed replays the draw; the drawn inspectors (and only they) record 合格 / 责令整改 / 立案, published on
 * the register once closed.
 */

const DEPT = '220200';
let ctx: TestContext;
let admin: TestClient;
let agent: TestClient;
const inspectors: Record<string, TestClient> = {};
const ids: Record<string, string> = {};
const institutionIds: string[] = [];

const day = (offset: number) => beijingDay(new Date(ctx.clock().getTime() + offset * 86_400_000));
const plan = (over: Record<string, unknown> = {}) => ({ name: '2026年第四季度吉林市双随机抽查', department: DEPT, ratio: 30, inspectorsPerTask: 2, dueOn: day(30), ...over });
const drawnSet = (p: TSpotCheckPlan) => p.tasks.map((t) => `${t.institutionId}:${[...t.inspectors].join(',')}`).sort();

beforeAll(async () => {
  ctx = await createTestContext();
  for (const a of ['spot_r1', 'spot_r2', 'spot_r3']) {
    await createReviewer(ctx, DEPT, a);
    const [u] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.account, a));
    ids[a] = u!.id;
    await ctx.database.db.update(users).set({ name: `检查员${a.slice(-1)}` }).where(eq(users.id, u!.id));
    inspectors[a] = ctx.client();
    await inspectors[a].login(a);
  }
  // ten licensed institutions of 吉林市: r1 approved every one, r2 accepted the first five
  for (let i = 0; i < 10; i++) {
    const { institution, application } = await createInstitution(ctx, { name: `吉林市抽查样本${i}号人力资源有限公司`, department: DEPT });
    await ctx.database.db.update(applications).set({ decidedBy: ids.spot_r1, acceptedBy: i < 5 ? ids.spot_r2 : null }).where(eq(applications.id, application.id));
    await insertLicence(ctx, institution, { department: DEPT, scopes: i % 2 ? ['职业介绍'] : ['人力资源培训'] });
    institutionIds.push(institution.id);
  }
  admin = ctx.client();
  await admin.login('demo_admin');
  agent = ctx.client();
  await agent.login('demo_agent');
});
afterAll(() => ctx?.close());

describe('drawing a 抽查 plan', () => {
  it('previews the candidates of the filter and the share the ratio draws', async () => {
    const res = await admin.post('/api/spot-checks/preview', { department: DEPT, ratio: 30 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ candidates: 10, toDraw: 3 } satisfies TSpotCheckPreview);
    const scoped = await admin.post('/api/spot-checks/preview', { department: DEPT, scope: '职业介绍', ratio: 50 });
    expect(scoped.json()).toEqual({ candidates: 5, toDraw: 3 });
  });

  it('draws from the seed: the same seed draws the same, the approver never inspects, the replay matches', async () => {
    const first = await admin.post('/api/spot-checks', plan({ seed: 'jl-2026-q4' }));
    expect(first.statusCode, first.body).toBe(200);
    const a = first.json() as TSpotCheckPlan;
    expect(a).toMatchObject({ seed: 'jl-2026-q4', candidateCount: 10, drawnCount: 3, closedCount: 0, filter: { department: DEPT, departmentName: '吉林市人力资源和社会保障局' } });
    expect(a.tasks).toHaveLength(3);
    for (const t of a.tasks) {
      // r1 approved every one of them; r2 accepted the first five, so they get r3 alone
      expect(t.inspectors).not.toContain('检查员1');
      const accepted = institutionIds.indexOf(t.institutionId) < 5;
      expect(t.inspectors).toEqual(accepted ? ['检查员3'] : ['检查员2', '检查员3']);
      expect(t.status).toBe('待核查');
    }
    const again = (await admin.post('/api/spot-checks', plan({ seed: 'jl-2026-q4', name: '复抽' }))).json() as TSpotCheckPlan;
    expect(drawnSet(again)).toEqual(drawnSet(a));
    const other = (await admin.post('/api/spot-checks', plan({ seed: 'another-seed-7', name: '另一种子' }))).json() as TSpotCheckPlan;
    expect(drawnSet(other)).not.toEqual(drawnSet(a));

    const replay = await admin.get(`/api/spot-checks/${a.id}/replay`);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ matches: true, drawn: 3 } satisfies Partial<TSpotCheckReplay>);
    // the record is what replays: a task changed behind the plan's back no longer matches
    await ctx.database.db.update(inspectionTasks).set({ inspectors: [ids.spot_r1!] }).where(eq(inspectionTasks.id, other.tasks[0]!.id));
    expect(((await admin.get(`/api/spot-checks/${other.id}/replay`)).json() as TSpotCheckReplay).matches).toBe(false);

    const [audit] = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'spot_check.drawn'), eq(auditLog.targetId, a.id)));
    expect(audit!.detail).toMatchObject({ seed: 'jl-2026-q4', candidates: 10, drawn: 3, ratio: 30 });
    const listed = (await admin.get('/api/spot-checks')).json() as TPage<TSpotCheckPlanListItem>;
    expect(listed.items.map((p) => p.id)).toContain(a.id);
    const named = (await admin.get(`/api/spot-checks?name=${encodeURIComponent('复抽')}`)).json() as TPage<TSpotCheckPlanListItem>;
    expect(named.items.map((p) => p.name)).toEqual(['复抽']);

    // the inspectors are told, each of their own tasks
    const inbox = (await inspectors.spot_r3!.get('/api/notifications?pageSize=50')).json() as TPage<TNotification>;
    expect(inbox.items.filter((n) => n.kind === 'inspection.spot_check').length).toBeGreaterThanOrEqual(3);
    const r1Inbox = (await inspectors.spot_r1!.get('/api/notifications?pageSize=50')).json() as TPage<TNotification>;
    expect(r1Inbox.items.filter((n) => n.kind === 'inspection.spot_check')).toEqual([]);
    // 待办: each inspector counts the tasks drawn to them (r1 only the one given to it behind the plan's back above)
    const todo = async (c: TestClient) => ((await c.get('/api/inspections/todo')).json() as { pending: number }).pending;
    const drawnTo = async (who: string) =>
      (await ctx.database.db.select({ inspectors: inspectionTasks.inspectors }).from(inspectionTasks).where(eq(inspectionTasks.kind, '双随机抽查'))).filter((t) => t.inspectors.includes(ids[who]!)).length;
    expect(await todo(inspectors.spot_r3!)).toBe(await drawnTo('spot_r3'));
    // three plans of three, every one with r3 (r1 excluded, r2 excluded from half), one since given to r1
    expect(await drawnTo('spot_r3')).toBe(8);
    expect(await todo(inspectors.spot_r1!)).toBe(1);
  });

  it('generates a seed when none is given and records it', async () => {
    const res = await admin.post('/api/spot-checks', plan({ name: '自动种子', ratio: 10 }));
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as TSpotCheckPlan;
    expect(p.seed).toMatch(/^[0-9a-f]{16}$/);
    const [row] = await ctx.database.db.select({ seed: spotCheckPlans.seed }).from(spotCheckPlans).where(eq(spotCheckPlans.id, p.id));
    expect(row!.seed).toBe(p.seed);
  });

  it('refuses a past deadline, an empty pool and a department with nobody it may send, changing nothing', async () => {
    const count = async () => (await ctx.database.db.select({ id: spotCheckPlans.id }).from(spotCheckPlans)).length;
    const n0 = await count();
    const past = await admin.post('/api/spot-checks', plan({ dueOn: day(0) }));
    expect(past.statusCode).toBe(400);
    expect(past.json().message).toContain('完成期限应晚于今天');
    const bad = await admin.post('/api/spot-checks', plan({ ratio: 0, seed: '短' }));
    expect(bad.statusCode).toBe(400);
    const empty = await admin.post('/api/spot-checks', plan({ department: '220800' }));
    expect(empty.statusCode).toBe(409);
    expect(empty.json().message).toContain('没有符合筛选条件的持证机构');
    // 四平: one institution approved by the department's only reviewer
    await createReviewer(ctx, '220300', 'spot_siping');
    const [sp] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.account, 'spot_siping'));
    const { institution, application } = await createInstitution(ctx, { name: '四平市抽查样本人力资源有限公司', department: '220300' });
    await ctx.database.db.update(applications).set({ decidedBy: sp!.id }).where(eq(applications.id, application.id));
    await insertLicence(ctx, institution, { department: '220300' });
    const unstaffed = await admin.post('/api/spot-checks', plan({ department: '220300', ratio: 100 }));
    expect(unstaffed.statusCode).toBe(409);
    expect(unstaffed.json().message).toContain('四平市人力资源和社会保障局');
    expect(await count()).toBe(n0);
  });
});

describe('a city bureau plans for itself and its counties', () => {
  it('draws within its range only; other cities and the admin see accordingly; county and province reviewers only inspect', async () => {
    const city = inspectors.spot_r2!;
    const scope = (await city.get('/api/spot-checks/scope')).json() as TSpotCheckScope;
    expect(scope.canPlan).toBe(true);
    expect(scope.label).toBe('吉林市人力资源和社会保障局及所辖县（市、区）');
    expect(scope.departments.map((d) => d.code)).toEqual(expect.arrayContaining(['220200', '220202', '220284']));
    expect(scope.departments.map((d) => d.code)).not.toContain('220300');

    const outside = await city.post('/api/spot-checks', plan({ name: '越界', department: '220300' }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().message).toContain('只能抽查吉林市人力资源和社会保障局及所辖县（市、区）发证的机构');
    // no department chosen: the whole range, not the province (四平's institution stays out)
    const own = await city.post('/api/spot-checks', plan({ name: '吉林市自行抽查', department: undefined, ratio: 100, inspectorsPerTask: 1, seed: 'city-1' }));
    expect(own.statusCode, own.body).toBe(200);
    const made = own.json() as TSpotCheckPlan;
    expect(made.candidateCount).toBe(10);
    expect(made.tasks.every((t) => t.department === DEPT)).toBe(true);
    expect(((await city.get('/api/spot-checks')).json() as TPage<TSpotCheckPlanListItem>).items.map((p) => p.name)).toEqual(['吉林市自行抽查']);
    expect(((await admin.get('/api/spot-checks?pageSize=100')).json() as TPage<TSpotCheckPlanListItem>).items.map((p) => p.name)).toContain('吉林市自行抽查');

    const siping = ctx.client();
    await siping.login('spot_siping');
    expect((await siping.get(`/api/spot-checks/${made.id}`)).statusCode).toBe(404);
    expect((await siping.get(`/api/spot-checks/${made.id}/replay`)).statusCode).toBe(404);
    expect(((await siping.get('/api/spot-checks')).json() as TPage<TSpotCheckPlanListItem>).total).toBe(0);

    await createReviewer(ctx, '220202', 'spot_county');
    const county = ctx.client();
    await county.login('spot_county');
    expect(((await county.get('/api/spot-checks/scope')).json() as TSpotCheckScope).canPlan).toBe(false);
    const refused = await county.post('/api/spot-checks', plan({ name: '县级', department: undefined }));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('只有管理员和市级审批部门的审核人员可以制定抽查计划');
    const province = ctx.client();
    await province.login('demo_reviewer');
    expect(((await province.get('/api/spot-checks/scope')).json() as TSpotCheckScope).canPlan).toBe(false);
    expect((await province.post('/api/spot-checks/preview', { ratio: 10 })).statusCode).toBe(403);
  });
});

describe('a 抽查 task', () => {
  let p: TSpotCheckPlan;
  beforeAll(async () => {
    p = (await admin.post('/api/spot-checks', plan({ name: '结果公开抽查', ratio: 100, inspectorsPerTask: 1, seed: 'results-1' }))).json() as TSpotCheckPlan;
  });
  const items = (failKey?: string) => SPOT_CHECK_ITEMS.map((i) => ({ key: i.key, result: i.key === failKey ? '不属实' : '属实', note: i.key === failKey ? '未明示收费标准' : '' }));
  const inspectorOf = (t: TSpotCheckPlan['tasks'][number]) => inspectors[t.inspectors[0] === '检查员2' ? 'spot_r2' : 'spot_r3']!;
  const other = (t: TSpotCheckPlan['tasks'][number]) => inspectors[t.inspectors[0] === '检查员2' ? 'spot_r3' : 'spot_r2']!;
  const register = async (institutionId: string) => (await ctx.client().get(`/api/public/register/${institutionId}`)).json() as TRegisterDetail;

  it('is done by its drawn inspector only; 合格 closes it and the register publishes it', async () => {
    const t = p.tasks[0]!;
    const view = (await inspectorOf(t).get(`/api/inspections/${t.id}`)).json() as TInspectionTask;
    expect(view).toMatchObject({ kind: '双随机抽查', planName: '结果公开抽查', applicationId: null, actions: ['核查结论', '上传照片'] });
    expect(view.checklist.map((c) => c.key)).toEqual(SPOT_CHECK_ITEMS.map((i) => i.key));
    // another reviewer of the department sees it but may not act
    const seen = (await other(t).get(`/api/inspections/${t.id}`)).json() as TInspectionTask;
    expect(seen.actions).toEqual([]);
    const refused = await other(t).post(`/api/inspections/${t.id}/result`, { version: view.version, outcome: '合格', checklist: items(), findings: '现场检查' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('您不是本任务的检查人员');
    // a 核查 conclusion is not a 抽查 result
    const wrong = await inspectorOf(t).post(`/api/inspections/${t.id}/result`, { version: view.version, outcome: '属实', checklist: items(), findings: '现场检查' });
    expect(wrong.statusCode).toBe(400);
    expect((await register(t.institutionId)).spotChecks).toEqual([]);
    const ok = await inspectorOf(t).post(`/api/inspections/${t.id}/result`, { version: view.version, outcome: '合格', checklist: items(), findings: '证照齐全，经营规范' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: '已完成', outcome: '合格' });
    expect((await register(t.institutionId)).spotChecks).toEqual([{ planName: '结果公开抽查', departmentName: '吉林市人力资源和社会保障局', closedOn: day(0), outcome: '合格' }]);
  });

  it('责令整改 opens a 整改 (unit told); 整改完成 closes it, published as 责令整改; 立案 closes at once', async () => {
    const [t1, t2] = [p.tasks[1]!, p.tasks[2]!];
    const v1 = (await inspectorOf(t1).get(`/api/inspections/${t1.id}`)).json() as TInspectionTask;
    // not announced: the unit does not see a 抽查 before its result
    const unitView = async () => ((await agent.get(`/api/institutions/${t1.institutionId}/inspections`)).json() as TUnitInspections).tasks;
    expect(await unitView()).toEqual([]);
    const noFail = await inspectorOf(t1).post(`/api/inspections/${t1.id}/result`, { version: v1.version, outcome: '责令整改', checklist: items(), findings: '现场检查', rectifyDemand: '明示收费标准', rectifyDeadline: day(15) });
    expect(noFail.statusCode).toBe(400);
    const ordered = await inspectorOf(t1).post(`/api/inspections/${t1.id}/result`, { version: v1.version, outcome: '责令整改', checklist: items('fees'), findings: '服务场所未明示收费标准', rectifyDemand: '在服务场所明示收费标准和监督电话', rectifyDeadline: day(15) });
    expect(ordered.statusCode, ordered.body).toBe(200);
    const rectifying = ordered.json() as TInspectionTask;
    expect(rectifying).toMatchObject({ status: '整改中', outcome: '责令整改', actions: ['整改完成', '上传照片'] });
    expect((await register(t1.institutionId)).spotChecks).toEqual([]);
    expect((await unitView()).map((t) => [t.kind, t.status])).toEqual([['双随机抽查', '整改中']]);
    const unitInbox = (await agent.get('/api/notifications?pageSize=50')).json() as TPage<TNotification>;
    expect(unitInbox.items.some((n) => n.title.startsWith('责令整改：') && n.body.includes('未明示收费标准'))).toBe(true);
    const revoke = await inspectorOf(t1).post(`/api/inspections/${t1.id}/revoke`, { version: rectifying.version, reason: '不可' });
    expect(revoke.statusCode).toBe(409);
    const done = await inspectorOf(t1).post(`/api/inspections/${t1.id}/rectified`, { version: rectifying.version, note: '已明示' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: '已完成', outcome: '责令整改' });
    expect((await register(t1.institutionId)).spotChecks.map((c) => c.outcome)).toEqual(['责令整改']);

    const v2 = (await inspectorOf(t2).get(`/api/inspections/${t2.id}`)).json() as TInspectionTask;
    const opened = await inspectorOf(t2).post(`/api/inspections/${t2.id}/result`, { version: v2.version, outcome: '立案', checklist: items('scope'), findings: '超范围从事劳务派遣' });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: '已完成', outcome: '立案' });
    expect((await register(t2.institutionId)).spotChecks.map((c) => c.outcome)).toEqual(['立案']);
    const [audit] = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'inspection.case_opened'), eq(auditLog.targetId, t2.id)));
    expect(audit).toBeDefined();
    const detail = (await admin.get(`/api/spot-checks/${p.id}`)).json() as TSpotCheckPlan;
    expect(detail.closedCount).toBe(3);
  });

  it('two concurrent results on one task: one 200, one 409', async () => {
    const t = p.tasks[3]!;
    const v = (await inspectorOf(t).get(`/api/inspections/${t.id}`)).json() as TInspectionTask;
    const body = { version: v.version, outcome: '合格', checklist: items(), findings: '现场检查' };
    const codes = (await Promise.all([inspectorOf(t).post(`/api/inspections/${t.id}/result`, body), inspectorOf(t).post(`/api/inspections/${t.id}/result`, body)])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
  });

  it("lists by kind; another department's reviewer sees nothing", async () => {
    const list = (await inspectors.spot_r3!.get('/api/inspections?kind=双随机抽查&pageSize=100')).json() as TPage<TInspectionTask>;
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((t) => t.kind === '双随机抽查')).toBe(true);
    const province = ctx.client();
    await province.login('demo_reviewer');
    expect((await province.get(`/api/inspections/${p.tasks[4]!.id}`)).statusCode).toBe(404);
    const rows = await ctx.database.db.select({ id: inspectionTasks.id }).from(inspectionTasks).where(inArray(inspectionTasks.id, p.tasks.map((t) => t.id)));
    expect(rows).toHaveLength(p.tasks.length);
  });

  it("marks the open tasks overdue once the plan's deadline has passed (the last test: it moves the clock)", async () => {
    const before = (await admin.get(`/api/spot-checks/${p.id}`)).json() as TSpotCheckPlan;
    expect(before.tasks.some((t) => t.overdue)).toBe(false);
    ctx.clock.advance(31 * 86_400_000);
    // the sessions have expired meanwhile
    await admin.login('demo_admin');
    const after = (await admin.get(`/api/spot-checks/${p.id}`)).json() as TSpotCheckPlan;
    for (const t of after.tasks) expect(t.overdue, `${t.status}`).toBe(t.status === '待核查');
    expect(after.tasks.filter((t) => t.overdue).length).toBeGreaterThan(0);
  });
});
