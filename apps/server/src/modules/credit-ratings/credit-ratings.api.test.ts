import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beijingDay,
  CREDIT_D_PROMISE_REFUSED,
  CREDIT_RATING_SETTING,
  DEFAULT_CREDIT_RATING_RULES,
  type TCreditRating,
  type TInspectionTask,
  type TRegisterDetail,
  type TRegisterPage,
  type TReviewDetail,
} from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createInstitution, insertLicence } from '../../test/licences';
import { createOtherUnitAgent } from '../../test/people';
import { licensedDraft, requestKey } from '../../test/submissions';
import { applications } from '../applications/applications.table';
import { institutions } from '../institutions/institutions.table';
import { statisticsReports } from '../statistics/statistics.table';
import { applicationCredit } from '../credit/credit.table';
import { licences } from '../licences/licences.table';
import { dishonestyRecords, inspectionTasks, spotCheckPlans } from '../inspections/inspections.table';
import { creditRatingsOf } from './credit-ratings.repository';

/**
 * 机构信用等级 (decision 0048): each rule of the default setting moves an institution's score and level as
 * configured, on the unit's 查看, the reviewer's review and 核查 pages and the public register; a changed
 * setting changes the level; 告知承诺 is refused to a unit with a D institution. The test clock's today is
 * 2026-11-26: the 服务年度 assessed are 2023–2025 (报送截止日期 03-31 of the next year), from the year of the
 * first licence. The events are written as the modules that own them write them.
 */

let ctx: TestContext;
let agent: TestClient;
let reviewer: TestClient;
let admin: TestClient;
let adminId: string;
let seq = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.login('demo_agent');
  reviewer = ctx.client();
  await reviewer.login('demo_reviewer');
  admin = ctx.client();
  adminId = (await admin.login('demo_admin')).user.id;
});
afterAll(() => ctx?.close());

const db = () => ctx.database.db;
const today = () => beijingDay(ctx.clock());

/** An institution on the register (approved 设立) with a licence issued on `issuedOn`. */
async function licensed(issuedOn = '2024-05-10', unitId?: string) {
  const { institution, application } = await createInstitution(ctx, { name: `吉林省信用等级测试${++seq}人力资源有限公司`, withRecord: true, unitId });
  await insertLicence(ctx, institution, { issuedOn });
  return { inst: institution, establishment: application };
}
type Inst = Awaited<ReturnType<typeof licensed>>['inst'];

/** A 年度报告 for `year`, last submitted at `submittedAt` (null: never), in `status`. */
async function report(inst: Inst, year: number, submittedAt: string | null, status: '待提交' | '待审核' | '审核通过' = '待审核') {
  const now = ctx.clock();
  const [app] = await db()
    .insert(applications)
    .values({ unitId: inst.unitId, type: '统计', institutionId: inst.id, status, department: '220000', submittedAt: submittedAt ? new Date(submittedAt) : null, createdAt: now, updatedAt: now })
    .returning();
  await db().insert(statisticsReports).values({ applicationId: app!.id, institutionId: inst.id, serviceYear: year, createdAt: now, updatedAt: now });
}

type TaskRow = typeof inspectionTasks.$inferInsert;
/** A 告知承诺核查 of the institution's 设立 (the application it verifies). */
async function promiseTask(inst: Inst, applicationId: string, set: Pick<TaskRow, 'status' | 'outcome' | 'closedAt'>) {
  const now = ctx.clock();
  const [t] = await db()
    .insert(inspectionTasks)
    .values({ kind: '告知承诺核查', applicationId, institutionId: inst.id, unitId: inst.unitId, department: '220000', dueOn: '2026-12-26', checklist: [], createdAt: now, updatedAt: now, ...set })
    .returning();
  return t!;
}
/** A 双随机抽查 of the institution from a plan of its own, closed with `outcome` on `closedOn` (or still open). */
async function spotCheck(inst: Inst, outcome: '合格' | '责令整改' | '立案' | null, closedOn = '2026-06-01') {
  const now = ctx.clock();
  const [plan] = await db()
    .insert(spotCheckPlans)
    .values({ name: '测试抽查计划', filter: {}, ratio: 10, inspectorsPerTask: 1, dueOn: '2026-12-31', seed: `seed-${++seq}`, pool: { institutions: [], reviewers: {} }, candidateCount: 1, drawnCount: 1, createdBy: adminId, createdAt: now })
    .returning();
  await db()
    .insert(inspectionTasks)
    .values({
      kind: '双随机抽查',
      planId: plan!.id,
      institutionId: inst.id,
      unitId: inst.unitId,
      department: '220000',
      status: outcome ? '已完成' : '待核查',
      outcome,
      closedAt: outcome ? new Date(`${closedOn}T10:00:00+08:00`) : null,
      dueOn: '2026-12-31',
      checklist: [],
      createdAt: now,
      updatedAt: now,
    });
}
async function dishonesty(inst: Inst, recordedOn: string) {
  await db().insert(dishonestyRecords).values({ institutionId: inst.id, recordedOn, reason: '告知承诺核查不属实，逾期未整改，撤销许可', source: '告知承诺核查', department: '220000', createdAt: ctx.clock() });
}
/** A 诚信示范 application for `year`, awarded (审核通过) or not. */
async function integrityTitle(inst: Inst, year: number, awarded: boolean) {
  const now = ctx.clock();
  const [app] = await db()
    .insert(applications)
    .values({ unitId: inst.unitId, type: '诚信示范', institutionId: inst.id, status: awarded ? '审核通过' : '待审核', department: '220000', submittedAt: now, createdAt: now, updatedAt: now })
    .returning();
  await db().insert(applicationCredit).values({ applicationId: app!.id, institutionId: inst.id, year, awardedOn: awarded ? `${year + 1}-05-01` : null });
}

const ratingOf = async (id: string) => (await creditRatingsOf(db(), [id], today())).get(id);
const unitView = async (id: string) => {
  const res = await agent.get(`/api/institutions/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().creditRating as TCreditRating | null;
};
const registerEntry = async (id: string) => (await ctx.client().get(`/api/public/register/${id}`)).json() as TRegisterDetail;
const putRules = (value: unknown) => admin.request('PUT', `/api/admin/settings/${CREDIT_RATING_SETTING}`, { value });

describe('年度报告', () => {
  it('on time counts 0 (the deadline day is still in time), late −5, missing −15; only years since the licence', async () => {
    const a = await licensed('2024-05-10');
    await report(a.inst, 2023, null, '待提交'); // before its licence: not assessed
    await report(a.inst, 2024, '2025-03-31T15:59:59Z', '审核通过'); // 23:59:59 on 2025-03-31 in Beijing
    await report(a.inst, 2025, '2026-03-31T16:00:00Z'); // 00:00 on 2026-04-01 in Beijing
    expect(await ratingOf(a.inst.id)).toEqual({
      level: 'A',
      score: 95,
      reasons: [
        { label: '2024年度报告按时报送', points: 0 },
        { label: '2025年度报告逾期报送', points: -5 },
      ],
    });

    const b = await licensed('2024-05-10');
    expect(await ratingOf(b.inst.id)).toMatchObject({ level: 'C', score: 70, reasons: [{ label: '2024年度报告未报送', points: -15 }, { label: '2025年度报告未报送', points: -15 }] });
    // the unit sees the level, the score and each reason on its 查看
    expect(await unitView(b.inst.id)).toMatchObject({ level: 'C', score: 70 });

    // a draft is not filed; a licence of 2025 is assessed for 2025 only
    const c = await licensed('2025-06-01');
    await report(c.inst, 2025, null, '待提交');
    expect(await ratingOf(c.inst.id)).toMatchObject({ level: 'B', score: 85, reasons: [{ label: '2025年度报告未报送', points: -15 }] });

    // a licence ended (注销) before a year's deadline owes no report for that year
    const d = await licensed('2024-05-10');
    await db().update(licences).set({ status: '已注销', endedAt: new Date('2025-06-01T10:00:00+08:00') }).where(eq(licences.institutionId, d.inst.id));
    expect(await ratingOf(d.inst.id)).toMatchObject({ level: 'B', score: 85, reasons: [{ label: '2024年度报告未报送' }] });
  });

  it('an imported institution owes no report for a deadline before its import (it filed those outside this system)', async () => {
    const imported = await licensed('2013-06-01');
    const native = await licensed('2013-06-01');
    await db().update(institutions).set({ importBatchId: crypto.randomUUID() }).where(eq(institutions.id, imported.inst.id));
    expect(await ratingOf(imported.inst.id)).toMatchObject({ level: 'A', score: 100, reasons: [] });
    expect(await ratingOf(native.inst.id)).toMatchObject({ level: 'D', score: 55 });
  });

  it('null rates every institution on the register, and only those', async () => {
    const on = await licensed('2026-01-05');
    const { institution: pending } = await createInstitution(ctx, { name: '吉林省信用等级待审核人力资源有限公司', reviewStatus: '待审核' });
    const all = await creditRatingsOf(db(), null, today());
    expect(all.get(on.inst.id)).toEqual({ level: 'A', score: 100, reasons: [] });
    expect(all.has(pending.id)).toBe(false);
    expect((await creditRatingsOf(db(), [pending.id], today())).size).toBe(0);
    expect((await creditRatingsOf(db(), [], today())).size).toBe(0);
  });
});

describe('核查, 抽查, 失信记录, 诚信示范', () => {
  it('a 告知承诺核查 不属实 (整改中, 整改完成 or 撤销许可) −20; 属实 counts nothing; the 核查 page shows it', async () => {
    const p = await licensed('2026-02-01');
    const task = await promiseTask(p.inst, p.establishment.id, { status: '整改中', outcome: null, closedAt: null });
    const rating = await ratingOf(p.inst.id);
    expect(rating).toMatchObject({ level: 'B', score: 80, reasons: [{ label: `告知承诺核查不属实（${today()}）`, points: -20 }] });
    const page = (await reviewer.get(`/api/inspections/${task.id}`)).json() as TInspectionTask;
    expect(page.creditRating).toEqual(rating);

    const q = await licensed('2026-02-01');
    await promiseTask(q.inst, q.establishment.id, { status: '已完成', outcome: '属实', closedAt: ctx.clock() });
    expect(await ratingOf(q.inst.id)).toEqual({ level: 'A', score: 100, reasons: [] });
    await db().update(inspectionTasks).set({ outcome: '撤销许可' }).where(eq(inspectionTasks.institutionId, q.inst.id));
    expect(await ratingOf(q.inst.id)).toMatchObject({ level: 'B', score: 80 });
  });

  it('双随机抽查: 立案 −30, 责令整改 −10, 合格 +2 up to +6; an open one counts nothing', async () => {
    const s = await licensed('2026-02-01');
    await spotCheck(s.inst, '立案', '2026-03-01');
    expect(await ratingOf(s.inst.id)).toMatchObject({ level: 'C', score: 70, reasons: [{ label: '双随机抽查立案（2026-03-01）', points: -30 }] });
    for (const on of ['2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01']) await spotCheck(s.inst, '合格', on);
    await spotCheck(s.inst, null);
    const r = await ratingOf(s.inst.id);
    expect(r).toMatchObject({ level: 'B', score: 76 });
    expect(r!.reasons.map((x) => x.points)).toEqual([-30, 2, 2, 2, 0]);

    const t = await licensed('2026-02-01');
    await spotCheck(t.inst, '责令整改', '2026-03-02');
    expect(await ratingOf(t.inst.id)).toMatchObject({ level: 'A', score: 90, reasons: [{ label: '双随机抽查责令整改（2026-03-02）', points: -10 }] });
  });

  it('a 失信记录 −40, shown to the reviewer with the reasons', async () => {
    const f = await licensed('2026-02-01');
    await dishonesty(f.inst, '2026-09-01');
    const review = (await reviewer.get(`/api/reviews/${f.establishment.id}`)).json() as TReviewDetail;
    expect(review.creditRating).toMatchObject({ level: 'C', score: 60, reasons: [{ label: '失信记录（2026-09-01）', points: -40 }] });
  });

  it('a 诚信示范机构 title +10 (an application not awarded counts nothing)', async () => {
    const g = await licensed('2024-05-10'); // two missing reports: 70, C
    await integrityTitle(g.inst, 2025, true);
    await integrityTitle(g.inst, 2026, false);
    expect(await ratingOf(g.inst.id)).toMatchObject({ level: 'B', score: 80, reasons: [{}, {}, { label: '诚信示范机构（2025年度）', points: 10 }] });
  });
});

describe('the register and the setting', () => {
  it('the register shows each institution’s level in the list and the detail', async () => {
    const a = await licensed('2026-02-01');
    const d = await licensed('2024-05-10');
    await dishonesty(d.inst, '2026-03-01'); // 100 − 30 − 40 = 30: D
    const page = (await ctx.client().get(`/api/public/register?keyword=${encodeURIComponent('信用等级测试')}&pageSize=50`)).json() as TRegisterPage;
    const level = (id: string) => page.items.find((i) => i.id === id)?.creditLevel;
    expect([level(a.inst.id), level(d.inst.id)]).toEqual(['A', 'D']);
    expect((await registerEntry(d.inst.id)).creditLevel).toBe('D');
    // the public sees the level, never the reasons
    expect(JSON.stringify(await registerEntry(d.inst.id))).not.toContain('reasons');
  });

  it('a changed setting changes the level; a setting that is not coherent is refused in Chinese', async () => {
    const b = await licensed('2024-05-10'); // two missing reports
    expect((await registerEntry(b.inst.id)).creditLevel).toBe('C');
    const stricter = { ...DEFAULT_CREDIT_RATING_RULES, report: { ...DEFAULT_CREDIT_RATING_RULES.report, missing: -30 } };
    expect((await putRules(stricter)).statusCode).toBe(200);
    expect((await registerEntry(b.inst.id)).creditLevel).toBe('D');
    expect(await unitView(b.inst.id)).toMatchObject({ level: 'D', score: 40, reasons: [{ points: -30 }, { points: -30 }] });

    const lower = { ...DEFAULT_CREDIT_RATING_RULES, thresholds: { A: 90, B: 75, C: 30 } };
    expect((await putRules(lower)).statusCode).toBe(200);
    expect((await registerEntry(b.inst.id)).creditLevel).toBe('C');

    const bad = await putRules({ ...DEFAULT_CREDIT_RATING_RULES, thresholds: { A: 70, B: 75, C: 60 }, samplingWeights: { A: 0, B: 1, C: 2, D: 4 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors).toEqual([
      { path: 'value.thresholds.B', message: '等级分数线应依次降低：A级 > B级 > C级' },
      { path: 'value.samplingWeights.A', message: 'A级的抽查权重应大于0' },
    ]);
    expect((await putRules(DEFAULT_CREDIT_RATING_RULES)).statusCode).toBe(200);
    expect((await registerEntry(b.inst.id)).creditLevel).toBe('C');
  });

  it('a year becomes assessed once its deadline has passed (the clock moved on)', async () => {
    const a = await licensed('2026-01-10');
    expect(await ratingOf(a.inst.id)).toMatchObject({ level: 'A', reasons: [] });
    const back = ctx.clock().getTime();
    ctx.clock.advance(new Date('2027-04-01T09:00:00+08:00').getTime() - back);
    try {
      expect(await ratingOf(a.inst.id)).toMatchObject({ level: 'B', score: 85, reasons: [{ label: '2026年度报告未报送', points: -15 }] });
    } finally {
      ctx.clock.advance(back - ctx.clock().getTime());
    }
  });
});

describe('告知承诺 and level D', () => {
  it('refuses 告知承诺 to a unit with a D institution, in Chinese; 一般程序 stays open, other units are not concerned', async () => {
    const other = await createOtherUnitAgent(ctx, 'credit_d_agent');
    const d = await licensed('2024-05-10', other.unitId);
    await dishonesty(d.inst, '2026-03-01');
    expect(await ratingOf(d.inst.id)).toMatchObject({ level: 'D' });
    const otherAgent = ctx.client();
    await otherAgent.login(other.account);

    const problemsOf = async (c: TestClient, procedure: string) => {
      // without a code: the draft is the unit's own whatever its code (提交 then asks for it)
      const draft = licensedDraft('吉林省信用等级承诺测试职业介绍有限公司');
      const created = await c.post('/api/applications/establishments', { ...draft, basic: { ...draft.basic, uscc: undefined } });
      expect(created.statusCode, created.body).toBe(200);
      const app = created.json() as { id: string; version: number };
      const res = await c.post(`/api/applications/${app.id}/submit`, { version: app.version, department: '220000', requestKey: requestKey(), procedure });
      expect(res.statusCode).toBe(400); // no materials: refused in any case, with every problem listed
      return res.json().details.problems as { path: string; message: string }[];
    };
    expect(await problemsOf(otherAgent, '告知承诺')).toContainEqual({ tab: 'materials', path: 'procedure', message: CREDIT_D_PROMISE_REFUSED });
    expect((await problemsOf(otherAgent, '一般程序')).map((p) => p.message)).not.toContain(CREDIT_D_PROMISE_REFUSED);
    // (the demo unit holds this file's D institutions) a unit whose institutions are C at worst may choose it
    const fair = await createOtherUnitAgent(ctx, 'credit_c_agent');
    await dishonesty((await licensed('2026-02-01', fair.unitId)).inst, '2026-03-01');
    await licensed('2026-02-01', fair.unitId);
    const fairAgent = ctx.client();
    await fairAgent.login(fair.account);
    expect((await problemsOf(fairAgent, '告知承诺')).map((p) => p.message)).not.toContain(CREDIT_D_PROMISE_REFUSED);
  });
});
