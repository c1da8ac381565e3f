import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREDIT_D_PROMISE_REFUSED,
  CREDIT_RATING_SETTING,
  DEFAULT_CREDIT_RATING_RULES,
  ESTABLISHMENT,
  PROMISE_ITEMS,
  PROMISE_REPLACED_SLOTS_DEFAULT,
  PROMISE_SLOT,
  type TApplicationDetail,
  type TInspectionBacklog,
  type TInspectionListItem,
  type TInspectionTask,
  type TInspectionTodo,
  type TNotification,
  type TRegisterDetail,
  type TPage,
  type TReviewDetail,
  type TReviewInboxItem,
  type TUnitInspections,
} from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createReviewer } from '../../test/people';
import { completeDraft, licensedDraft, requestKey } from '../../test/submissions';
import { multipart, SAMPLE } from '../../test/multipart';
import { pdfText } from '../../test/pdf';
import { buildMp4 } from '../materials/mp4-builder';
import { files } from '../files/files.table';
import { auditLog } from '../audit/audit.table';
import { licences } from '../licences/licences.table';
import { dishonestyRecords, inspectionTasks } from './inspections.table';

/**
 * 告知承诺制 and its 核查 (decision 0043): the unit chooses 告知承诺 at 提交 of a 许可, its 告知承诺书 replaces
 * the slots the setting names, 受理 issues the licence at once and opens a 核查任务 for the department;
 * 属实 closes it, 不属实 orders 限期整改, then 整改完成 or, once the deadline has passed, 撤销许可.
 */

let ctx: TestContext;
let agent: TestClient;
let reviewer: TestClient;
let city: TestClient;
let admin: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  await createReviewer(ctx, '220100', 'reviewer_changchun_promise');
  agent = ctx.client();
  await agent.login('demo_agent');
  reviewer = ctx.client();
  await reviewer.login('demo_reviewer');
  city = ctx.client();
  await city.login('reviewer_changchun_promise');
  admin = ctx.client();
  await admin.login('demo_admin');
});
afterAll(() => ctx?.close());

let usccSeq = 0;
/** A 许可 draft with its own name and code (the demo unit claims each). */
function promiseDraft(name: string) {
  const d = licensedDraft(name);
  const code = `92220102MA15P${String(++usccSeq).padStart(3, '0')}`;
  return { ...d, basic: { ...d.basic, uscc: makeCode(code) } };
}
function makeCode(first15: string): string {
  // 17 characters then the check character (GB 32100)
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const first17 = `${first15}00`.slice(0, 17);
  const sum = [...first17].reduce((s, c, i) => s + chars.indexOf(c) * weights[i]!, 0);
  return first17 + chars[(31 - (sum % 31)) % 31];
}

/** Materials in `slots` and the video, stored as an upload would store them. */
async function attach(appId: string, slots: readonly string[]) {
  const pdf = await ctx.deps.blobs.put(Readable.from([SAMPLE.pdf]), 1 << 20);
  const mp4 = await ctx.deps.blobs.put(Readable.from([buildMp4({ mdatBytes: 4_000 })]), 1 << 20);
  const now = ctx.clock();
  await ctx.database.db.insert(files).values([
    ...slots.map((slot) => ({ ownerType: 'application_material', ownerId: appId, slot, sha256: pdf.sha256, size: pdf.size, mime: 'application/pdf', name: `${slot}.pdf`, createdAt: now })),
    { ownerType: 'application_video', ownerId: appId, slot: null, sha256: mp4.sha256, size: mp4.size, mime: 'video/mp4', name: '场所视频.mp4', durationSeconds: 5, createdAt: now },
  ]);
}

const required = ESTABLISHMENT.materialSlots.filter((s) => s.required).map((s) => s.name);
const withoutReplaced = required.filter((s) => !PROMISE_REPLACED_SLOTS_DEFAULT.includes(s));

async function draftWith(name: string, slots: readonly string[], draft = promiseDraft(name)): Promise<TApplicationDetail> {
  const created = await agent.post('/api/applications/establishments', draft);
  expect(created.statusCode, created.body).toBe(200);
  const app = created.json() as TApplicationDetail;
  await attach(app.id, slots);
  return app;
}
const submit = (app: TApplicationDetail, procedure?: string) =>
  agent.post(`/api/applications/${app.id}/submit`, { version: app.version, department: '220000', requestKey: requestKey(), ...(procedure ? { procedure } : {}) });

/** A 告知承诺 设立 submitted and accepted: the licence is issued, the task is open. */
async function promisedLicence(name: string) {
  const app = await draftWith(name, [...withoutReplaced, PROMISE_SLOT]);
  const submitted = await submit(app, '告知承诺');
  expect(submitted.statusCode, submitted.body).toBe(200);
  const accepted = await reviewer.post(`/api/reviews/${app.id}/acceptance`, { decision: '受理' });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const [task] = await ctx.database.db.select().from(inspectionTasks).where(eq(inspectionTasks.applicationId, app.id));
  return { app, review: accepted.json() as TReviewDetail, task: task! };
}

const taskOf = async (c: TestClient, id: string) => (await c.get(`/api/inspections/${id}`)).json() as TInspectionTask;
const allTrue = () => PROMISE_ITEMS.map((i) => ({ key: i.key, result: '属实', note: '' }));
const premisesFalse = () => PROMISE_ITEMS.map((i) => ({ key: i.key, result: i.key === 'premises' ? '不属实' : '属实', note: i.key === 'premises' ? '办公场所与承诺地址不符' : '' }));
const entryLevel = (res: { json(): unknown }) => (res.json() as TRegisterDetail).creditLevel;
const auditOf = (action: string, id: string) => ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, id)));

describe('提交 under 告知承诺', () => {
  it('waives the replaced slots and asks for the 告知承诺书; 一般程序 asks for every slot', async () => {
    const app = await draftWith('吉林省承诺材料职业介绍有限公司', withoutReplaced);
    const general = await submit(app);
    expect(general.statusCode).toBe(400);
    const generalPaths = (general.json().details.problems as { path: string }[]).map((p) => p.path);
    expect(generalPaths.sort()).toEqual(PROMISE_REPLACED_SLOTS_DEFAULT.map((s) => `materials.${s}`).sort());

    const promise = await submit(app, '告知承诺');
    expect(promise.statusCode).toBe(400);
    expect(promise.json().details.problems).toEqual([{ tab: 'materials', path: `materials.${PROMISE_SLOT}`, message: `请上传签字盖章的${PROMISE_SLOT}` }]);

    await attach(app.id, [PROMISE_SLOT]);
    const ok = await submit(app, '告知承诺');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: '待审核', procedure: '告知承诺', promise: true });
    const inbox = (await reviewer.get('/api/reviews?tab=待审核&pageSize=100')).json() as TPage<TReviewInboxItem>;
    expect(inbox.items.find((i) => i.id === app.id)).toMatchObject({ procedure: '告知承诺' });
  });

  it('refuses 告知承诺 for a 备案', async () => {
    const d = completeDraft();
    const app = await draftWith('吉林省承诺备案人才服务有限公司', [...withoutReplaced, PROMISE_SLOT], { ...d, basic: { ...d.basic, name: '吉林省承诺备案人才服务有限公司', uscc: makeCode('92220102MA15Q001') } });
    const res = await submit(app, '告知承诺');
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems).toContainEqual({ tab: 'materials', path: 'procedure', message: '备案类申请不适用告知承诺制，请选择一般程序' });
  });

  it('prints the 告知承诺书 from the record', async () => {
    const app = await draftWith('吉林省承诺书职业介绍有限公司', []);
    const res = await agent.get(`/api/applications/${app.id}/templates/promiseLetter`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    for (const s of ['人力资源服务许可告知承诺书', '吉林省承诺书职业介绍有限公司', PROMISE_ITEMS[1].label, '法定代表人（签字）']) expect(text.replace(/\s/g, '')).toContain(s.replace(/\s/g, ''));
  });
});

describe('受理 of a 告知承诺 application', () => {
  it('issues the licence the same day and opens a 核查任务 due in one month', async () => {
    const { app, review, task } = await promisedLicence('吉林省承诺发证职业介绍有限公司');
    expect(review).toMatchObject({ status: '审核通过', procedure: '告知承诺', licence: { kind: '许可', status: '有效', issuedOn: '2026-11-26' } });
    expect(task).toMatchObject({ status: '待核查', department: '220000', dueOn: '2026-12-26' });
    const messages = ((await agent.get('/api/notifications?pageSize=100')).json() as TPage<TNotification>).items.filter((m) => m.link === `/hr/institutions/${app.institutionId}/view`);
    expect(messages.map((m) => m.title)).toEqual(expect.arrayContaining(['已受理：吉林省承诺发证职业介绍有限公司', '审核通过：吉林省承诺发证职业介绍有限公司']));
    expect(messages.find((m) => m.title.startsWith('审核通过'))!.body).toContain('本许可依告知承诺制作出');
    expect(await ctx.runJobs('sms')).toBeGreaterThanOrEqual(1);
    expect(await auditOf('inspection.created', task.id)).toHaveLength(1);
    expect(await auditOf('application.approved', app.id)).toHaveLength(1);
    const todo = (await reviewer.get('/api/inspections/todo')).json() as TInspectionTodo;
    expect(todo.pending).toBeGreaterThanOrEqual(1);
  });
});

describe('核查', () => {
  it('属实 closes the task', async () => {
    const { task } = await promisedLicence('吉林省核查属实职业介绍有限公司');
    const res = await reviewer.post(`/api/inspections/${task.id}/result`, { version: 1, outcome: '属实', checklist: allTrue(), findings: '现场核查，承诺事项均属实。' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: '已完成', outcome: '属实', actions: [] });
    expect(await auditOf('inspection.verified', task.id)).toHaveLength(1);
  });

  it('不属实 → 限期整改 (unit told by message and SMS) → 整改完成 closes it; photos are uploaded and scanned', async () => {
    const { app, task } = await promisedLicence('吉林省整改完成职业介绍有限公司');
    const body = multipart([{ name: 'files', filename: '现场.png', content: SAMPLE.png, type: 'image/png' }]);
    const photo = await reviewer.request('POST', `/api/inspections/${task.id}/photos`, body.payload, { 'content-type': body.contentType });
    expect(photo.statusCode, photo.body).toBe(200);
    expect((photo.json() as TInspectionTask).photos).toHaveLength(1);

    const mixed = await reviewer.post(`/api/inspections/${task.id}/result`, { version: 1, outcome: '属实', checklist: premisesFalse(), findings: '场所不符' });
    expect(mixed.statusCode).toBe(400);
    const early = await reviewer.post(`/api/inspections/${task.id}/result`, { version: 1, outcome: '不属实', checklist: premisesFalse(), findings: '场所不符', rectifyDemand: '迁入承诺地址', rectifyDeadline: '2026-11-26' });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toBe('整改期限应晚于今天');

    const ordered = await reviewer.post(`/api/inspections/${task.id}/result`, {
      version: 1,
      outcome: '不属实',
      checklist: premisesFalse(),
      findings: '办公场所与承诺地址不符。',
      rectifyDemand: '在承诺地址设立固定办公场所',
      rectifyDeadline: '2026-12-10',
    });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect(ordered.json()).toMatchObject({ status: '整改中', rectifyDeadline: '2026-12-10', actions: ['整改完成', '上传照片'] });
    const msg = ((await agent.get('/api/notifications?pageSize=100')).json() as TPage<TNotification>).items.find((m) => m.title === '限期整改：吉林省整改完成职业介绍有限公司');
    expect(msg!.body).toContain('请于2026-12-10前完成整改');
    expect(await ctx.runJobs('sms')).toBeGreaterThanOrEqual(1);
    const unit = (await agent.get(`/api/institutions/${app.institutionId}/inspections`)).json() as TUnitInspections;
    expect(unit.tasks[0]).toMatchObject({ status: '整改中', rectifyDemand: '在承诺地址设立固定办公场所', rectifyDeadline: '2026-12-10' });

    // not yet overdue: 撤销许可 is refused
    const revoke = await reviewer.post(`/api/inspections/${task.id}/revoke`, { version: 2, reason: '逾期未整改' });
    expect(revoke.statusCode).toBe(409);
    expect(revoke.json().message).toBe('整改期限（2026-12-10）尚未届满，不能撤销许可');

    const done = await reviewer.post(`/api/inspections/${task.id}/rectified`, { version: 2, note: '已迁入承诺地址' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: '已完成', outcome: '整改完成' });
    expect(await auditOf('inspection.rectification_ordered', task.id)).toHaveLength(1);
    expect(await auditOf('inspection.rectified', task.id)).toHaveLength(1);
    expect(await auditOf('inspection.photo_uploaded', task.id)).toHaveLength(1);
  });

  it('整改 deadline missed → 撤销许可: licence 已撤销 in verification and the register, 失信记录 written, unit told', async () => {
    const { app, task } = await promisedLicence('吉林省撤销许可职业介绍有限公司');
    const ordered = await reviewer.post(`/api/inspections/${task.id}/result`, {
      version: 1,
      outcome: '不属实',
      checklist: premisesFalse(),
      findings: '无固定办公场所。',
      rectifyDemand: '设立固定办公场所',
      rectifyDeadline: '2026-11-30',
    });
    expect(ordered.statusCode, ordered.body).toBe(200);
    // the deadline passes (moving the clock days ahead would end every test session)
    await ctx.database.db.update(inspectionTasks).set({ rectifyDeadline: '2026-11-25' }).where(eq(inspectionTasks.id, task.id));
    {
      expect((await taskOf(reviewer, task.id))).toMatchObject({ overdue: true, actions: ['整改完成', '撤销许可', '上传照片'] });
      const list = (await reviewer.get('/api/inspections?status=整改中&overdue=1')).json() as TPage<TInspectionListItem>;
      expect(list.items.map((i) => i.id)).toContain(task.id);
      const revoked = await reviewer.post(`/api/inspections/${task.id}/revoke`, { version: 2, reason: '逾期未设立固定办公场所' });
      expect(revoked.statusCode, revoked.body).toBe(200);
      expect(revoked.json()).toMatchObject({ status: '已完成', outcome: '撤销许可', licenceStatus: '已撤销', revokeReason: '逾期未设立固定办公场所' });

      const [licence] = await ctx.database.db.select().from(licences).where(eq(licences.institutionId, app.institutionId));
      const verify = (await ctx.client().get(`/api/public/licences/verify?number=${encodeURIComponent(licence!.number)}`)).json();
      expect(verify).toMatchObject({ valid: false, status: '已撤销' });
      const register = (await ctx.client().get(`/api/public/register?name=${encodeURIComponent('吉林省撤销许可职业介绍有限公司')}`)).json();
      expect(register.items.find((i: { id: string }) => i.id === app.institutionId)).toMatchObject({ licenceStatus: '已撤销' });
      // the register's detail publishes the 失信记录
      const entry = (await ctx.client().get(`/api/public/register/${app.institutionId}`)).json() as TRegisterDetail;
      expect(entry.dishonesty).toEqual([{ recordedOn: '2026-11-26', source: '告知承诺核查', reason: expect.stringContaining('逾期未设立固定办公场所') }]);

      const [record] = await ctx.database.db.select().from(dishonestyRecords).where(eq(dishonestyRecords.inspectionTaskId, task.id));
      expect(record).toMatchObject({ recordedOn: '2026-11-26', source: '告知承诺核查' });
      expect(record!.reason).toContain('逾期未设立固定办公场所');
      const unit = (await agent.get(`/api/institutions/${app.institutionId}/inspections`)).json() as TUnitInspections;
      expect(unit.dishonesty).toHaveLength(1);
      const msg = ((await agent.get('/api/notifications?pageSize=100')).json() as TPage<TNotification>).items.find((m) => m.title === '撤销许可：吉林省撤销许可职业介绍有限公司');
      expect(msg!.body).toContain('理由：逾期未设立固定办公场所');
      expect(await auditOf('inspection.revoked', task.id)).toHaveLength(1);
    }
    // 不属实 (−20) and the 失信记录 (−40): the institution is now 信用等级 D (decision 0048), and its unit may no
    // longer choose 告知承诺; the rest of this file promises again, under rules where a revocation alone is C
    expect(entryLevel(await ctx.client().get(`/api/public/register/${app.institutionId}`))).toBe('D');
    const again = await draftWith('吉林省撤销后承诺职业介绍有限公司', [...withoutReplaced, PROMISE_SLOT]);
    expect((await submit(again, '告知承诺')).json().details.problems).toContainEqual({ tab: 'materials', path: 'procedure', message: CREDIT_D_PROMISE_REFUSED });
    const lenient = await admin.request('PUT', `/api/admin/settings/${CREDIT_RATING_SETTING}`, { value: { ...DEFAULT_CREDIT_RATING_RULES, dishonesty: -20 } });
    expect(lenient.statusCode, lenient.body).toBe(200);
    expect(entryLevel(await ctx.client().get(`/api/public/register/${app.institutionId}`))).toBe('C');
  });

  it('two concurrent steps on one task: one 200, one 409 in Chinese', async () => {
    const { task } = await promisedLicence('吉林省并发核查职业介绍有限公司');
    const body = { version: 1, outcome: '属实', checklist: allTrue(), findings: '属实' };
    const results = await Promise.all([reviewer.post(`/api/inspections/${task.id}/result`, body), reviewer.post(`/api/inspections/${task.id}/result`, body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().message).toMatch(/^该核查任务/);
    expect(await auditOf('inspection.verified', task.id)).toHaveLength(1);
  });

  it("another department's reviewer sees nothing (404); the admin sees every department's backlog", async () => {
    const { app, task } = await promisedLicence('吉林省隔离核查职业介绍有限公司');
    expect((await city.get(`/api/inspections/${task.id}`)).statusCode).toBe(404);
    expect((await city.post(`/api/inspections/${task.id}/result`, { version: 1, outcome: '属实', checklist: allTrue(), findings: '属实' })).statusCode).toBe(404);
    const cityList = (await city.get('/api/inspections')).json() as TPage<TInspectionListItem>;
    expect(cityList.items.map((i) => i.id)).not.toContain(task.id);
    expect(((await city.get('/api/inspections/todo')).json() as TInspectionTodo).pending).toBe(0);
    const other = ctx.client();
    await other.login('demo_legal');
    expect((await other.get(`/api/inspections/${task.id}`)).statusCode).toBe(403);
    const backlog = (await admin.get('/api/inspections/backlog')).json() as TInspectionBacklog;
    expect(backlog.find((b) => b.department === '220000')!.pending).toBeGreaterThanOrEqual(1);
    expect((await admin.get(`/api/inspections/${task.id}`)).statusCode).toBe(200);
    expect((await admin.post(`/api/inspections/${task.id}/result`, { version: 1, outcome: '属实', checklist: allTrue(), findings: '属实' })).statusCode).toBe(403);
    // the unit reads its own institution's tasks only
    expect((await city.get(`/api/institutions/${app.institutionId}/inspections`)).statusCode).toBe(403);
  });

  it('reminds the department once when a 核查期限 is 7 days away and once when it has passed', async () => {
    const { task } = await promisedLicence('吉林省核查提醒职业介绍有限公司');
    expect(task.dueOn).toBe('2026-12-26');
    const remind = async () => {
      await ctx.database.db.transaction((tx) => ctx.deps.jobs.send(tx, 'deadline-reminders', {}));
      expect(await ctx.runJobs('deadline-reminders')).toBe(1);
    };
    // signed in afresh: the clock moves days between looks
    const messages = async () => {
      const c = ctx.client();
      await c.login('demo_reviewer');
      return ((await c.get('/api/notifications?pageSize=100')).json() as TPage<TNotification>).items.filter(
        (m) => m.kind === 'inspection.deadline' && m.body.includes('吉林省核查提醒职业介绍有限公司'),
      );
    };
    try {
      await remind();
      expect(await messages()).toEqual([]);
      ctx.clock.advance(24 * 24 * 3600_000); // 2026-12-20: 6 days left
      await Promise.all([remind(), remind()]);
      await remind();
      const soon = await messages();
      expect(soon).toHaveLength(1);
      expect(soon[0]).toMatchObject({ title: expect.stringMatching(/^核查期限提醒：\d+个核查任务7日内到期$/), link: '/hr/reviews/inspections' });
      ctx.clock.advance(7 * 24 * 3600_000); // 2026-12-27: overdue
      await remind();
      await remind();
      const all = await messages();
      expect(all).toHaveLength(2);
      expect(all[0]!.title).toMatch(/已逾期$/);
      // a city reviewer hears nothing of the province's tasks
      const c = ctx.client();
      await c.login('reviewer_changchun_promise');
      expect(((await c.get('/api/notifications?pageSize=100')).json() as TPage<TNotification>).items.filter((m) => m.kind === 'inspection.deadline' && m.body.includes('核查提醒'))).toEqual([]);
    } finally {
      ctx.clock.advance(-31 * 24 * 3600_000);
    }
  });
});
