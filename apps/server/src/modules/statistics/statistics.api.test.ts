import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STATISTICS_CROSS_CHECKS,
  STATISTICS_FIELD_ENTRIES,
  STATISTICS_FIELDS,
  type TApplicationView,
  type TPage,
  type TReviewDetail,
  type TReviewInboxItem,
  type TStatisticsInstitution,
  type TStatisticsRow,
} from '@jhrm/contracts';
import { queryRows } from '../../db/client';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createInstitution } from '../../test/licences';
import { createOtherUnitAgent, createReviewer } from '../../test/people';
import { requestKey } from '../../test/submissions';
import { auditLog } from '../audit/audit.table';
import { institutionRecords } from '../institutions/institutions.table';
import { statisticsReports } from './statistics.table';

/**
 * 人力资源市场统计 (guide 2.1, 2.2; SPEC §5) through the real API: the report of one institution and
 * 服务年度 as a kind of the engine — 新增 once a year (also under 50 parallel requests), every
 * field's check, the cross-field checks at 提交, the institution's 审批部门 reviewing it with the
 * due date from 系统设置, and nobody else seeing it.
 */

let ctx: TestContext;
let agent: TestClient;
let reviewer: TestClient;
let admin: TestClient;
let seq = 0;

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

/** An approved institution of the demo unit with a full record (审批部门 220000 unless told). */
async function institution(department = '220000') {
  const { institution: inst } = await createInstitution(ctx, { name: `吉林省统计测试${++seq}人力资源有限公司`, withRecord: true, department });
  return inst;
}

/** A complete, consistent report (the test clock's today is 2026-11-26). */
const complete = (over: Record<string, unknown> = {}) => ({
  name: '吉林省统计测试人力资源有限公司',
  uscc: '92220102MA15438D0X',
  legalRep: '王博润',
  phoneAreaCode: '0431',
  phoneNumber: '88886666',
  postcode: '130022',
  category: '民营性质的服务企业',
  scopes: ['职业介绍', '人力资源培训'],
  staffTotal: 20,
  staffCollege: 15,
  staffBachelor: 8,
  staffPostgrad: 2,
  staffQualified: 10,
  registeredCapital: 500,
  totalAssets: 1200.5,
  annualRevenue: 860.25,
  passThroughRevenue: 300,
  serviceYear: 2025,
  employersServed: 120,
  personsServed: 3000,
  personsCollege: 1800,
  personsBachelor: 900,
  personsPostgrad: 100,
  employersState: 20,
  employersPrivate: 80,
  employersForeign: 5,
  employersOther: 15,
  fairsMigrant: 2,
  fairsGraduate: 3,
  fairsHeld: 8,
  principal: '李联系',
  statisticsOfficer: '赵统计',
  filler: '钱填表',
  fillerPhone: '13144440009',
  filledOn: '2026-01-15',
  ...over,
});

const create = (c: TestClient, content: Record<string, unknown>) => c.post('/api/applications', { type: '统计', content });
const save = (c: TestClient, app: { id: string; version: number }, content: Record<string, unknown>) =>
  c.request('PUT', `/api/applications/${app.id}/content`, { version: app.version, content });
const submit = (c: TestClient, app: { id: string; version: number }, department = '220000') =>
  c.post(`/api/applications/${app.id}/submit`, { version: app.version, department, requestKey: requestKey() });
const auditOf = (action: string, targetId: string) => ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

async function draftOf(content: Record<string, unknown>): Promise<TApplicationView> {
  const res = await create(agent, content);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TApplicationView;
}

describe('业务基本情况录入 (guide 2.1)', () => {
  it('offers the unit’s institutions in force, pre-filled from the record, 服务年度 last year', async () => {
    const inst = await institution();
    // 现场招聘会 is a service of the record the report does not ask about
    await ctx.database.db.update(institutionRecords).set({ scopes: ['现场招聘会', '职业介绍'] }).where(eq(institutionRecords.institutionId, inst.id));
    const inReview = await createInstitution(ctx, { name: '吉林省统计待审核人力资源有限公司', reviewStatus: '待审核' });
    const cancelled = await createInstitution(ctx, { name: '吉林省统计已注销人力资源有限公司', cancelStatus: '注销', withRecord: true });
    const res = await agent.get('/api/statistics/institutions');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as TStatisticsInstitution[];
    const mine = list.find((i) => i.id === inst.id)!;
    expect(mine.prefill).toMatchObject({ name: inst.name, uscc: inst.uscc, department: '220000', serviceYear: 2025, filledOn: '2026-11-26' });
    // only the services the report asks about (the record has 职业介绍 only)
    expect(mine.prefill.scopes).toEqual(['职业介绍']);
    expect(mine.reportedYears).toEqual([]);
    expect(list.map((i) => i.id)).not.toContain(inReview.institution.id);
    expect(list.map((i) => i.id)).not.toContain(cancelled.institution.id);

    // a report needs an institution in force
    const refused = await create(agent, { institutionId: inReview.institution.id, serviceYear: 2025 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('只有审核通过的机构才能填报业务基本情况');
    const gone = await create(agent, { institutionId: cancelled.institution.id, serviceYear: 2025 });
    expect(gone.statusCode).toBe(409);
    expect(gone.json().message).toContain('已注销');
  });

  it('goes 新增 → 提交 → 审核不通过 with a note on a field → 修改 → 提交 (round 2) → 审核通过, due on the 系统设置 date', async () => {
    const inst = await institution();
    const draft = await draftOf({ institutionId: inst.id, ...complete({ staffTotal: 12, staffCollege: 10 }) });
    expect(draft).toMatchObject({ type: '统计', status: '待提交', editable: true, dueOn: null, content: { institutionId: inst.id, serviceYear: 2025, fillerPhone: '13144440009', department: '220000', totalAssets: 1200.5 } });
    expect(await auditOf('application.created', draft.id)).toHaveLength(1);

    const sent = await submit(agent, draft);
    expect(sent.statusCode, sent.body).toBe(200);
    // no working-day limit: 3月31日 of the year after 服务年度
    expect(sent.json()).toMatchObject({ status: '待审核', dueOn: '2026-03-31' });

    const inbox = (await reviewer.get(`/api/reviews?type=${encodeURIComponent('统计')}`)).json() as TPage<TReviewInboxItem>;
    expect(inbox.items.find((i) => i.id === draft.id)).toMatchObject({ type: '统计', dueOn: '2026-03-31' });

    const opened = (await reviewer.get(`/api/reviews/${draft.id}`)).json() as TReviewDetail;
    expect(opened).toMatchObject({ round: 1, content: { contentType: 'statistics', data: { staffTotal: 12, fillerPhone: '13144440009', serviceYear: 2025 } } });
    expect(opened.materials.slots).toEqual([]);

    // a note names a field of the report; a record field or a made-up key is refused
    const wrong = await reviewer.post(`/api/reviews/${draft.id}/decision`, {
      version: opened.version,
      decision: '审核不通过',
      opinion: '请核对从业人员数。',
      notes: [{ target: 'field', key: 'basic.name', message: '无此字段' }],
    });
    expect(wrong.statusCode).toBe(400);
    const rejected = await reviewer.post(`/api/reviews/${draft.id}/decision`, {
      version: opened.version,
      decision: '审核不通过',
      opinion: '请核对从业人员数。',
      notes: [{ target: 'field', key: 'staffTotal', message: '与社保缴费人数不符' }],
    });
    expect(rejected.statusCode, rejected.body).toBe(200);

    const back = (await agent.get(`/api/applications/${draft.id}`)).json() as TApplicationView;
    expect(back).toMatchObject({ status: '审核不通过', editable: true });
    expect(back.reviews[0]).toMatchObject({ decision: '审核不通过', notes: [{ target: 'field', key: 'staffTotal', label: '从业人员总数', message: '与社保缴费人数不符' }] });
    const listed = (await agent.get('/api/statistics/reports?status=审核不通过')).json() as TPage<TStatisticsRow>;
    expect(listed.items.find((r) => r.id === draft.id)).toMatchObject({ editable: true, status: '审核不通过' });

    const fixed = await save(agent, back, { institutionId: inst.id, ...complete({ staffTotal: 20, staffCollege: 10 }) });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const again = await submit(agent, fixed.json() as TApplicationView);
    expect(again.statusCode, again.body).toBe(200);
    const round2 = (await reviewer.get(`/api/reviews/${draft.id}`)).json() as TReviewDetail;
    expect(round2).toMatchObject({ round: 2, content: { data: { staffTotal: 20 } } });

    const approved = await reviewer.post(`/api/reviews/${draft.id}/decision`, { version: round2.version, decision: '审核通过' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: '审核通过', licence: null });
    const [approval] = await auditOf('application.approved', draft.id);
    expect(approval!.detail).toMatchObject({ round: 2, serviceYear: 2025 });
    const messages = await queryRows<{ body: string }>(ctx.database.db, sql`SELECT body FROM notifications WHERE title = ${`审核通过：${complete().name}`}`);
    expect(messages.some((m) => m.body.includes('的业务基本情况报告（第2轮）作出审核结论：审核通过。'))).toBe(true);

    // an approved report is no longer editable
    const late = await save(agent, { id: draft.id, version: round2.version }, { institutionId: inst.id, ...complete() });
    expect(late.statusCode).toBe(409);
  });

  it('goes only to the institution’s own 审批部门', async () => {
    const inst = await institution();
    const draft = await draftOf({ institutionId: inst.id, ...complete() });
    const elsewhere = await submit(agent, draft, '220100');
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().message).toContain('业务基本情况应提交至机构的审批部门');
    // 审核机构 follows the institution whatever the form sends
    const saved = await save(agent, draft, { institutionId: inst.id, ...complete({ department: '220100' }) });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as TApplicationView).content).toMatchObject({ department: '220000' });
  });

  it('takes its due date from 系统设置 (statistics.deadline), refusing a day that is not one', async () => {
    const bad = await admin.request('PUT', '/api/admin/settings/statistics.deadline', { value: '02-30' });
    expect(bad.statusCode).toBe(400);
    const leap = await admin.request('PUT', '/api/admin/settings/statistics.deadline', { value: '02-29' });
    expect(leap.statusCode).toBe(400);
    const set = await admin.request('PUT', '/api/admin/settings/statistics.deadline', { value: '04-15' });
    expect(set.statusCode, set.body).toBe(200);
    try {
      const inst = await institution();
      const draft = await draftOf({ institutionId: inst.id, ...complete({ serviceYear: 2024, filledOn: '2025-02-01' }) });
      const sent = await submit(agent, draft);
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json()).toMatchObject({ dueOn: '2025-04-15' });
      const [entry] = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'setting.updated'), eq(auditLog.targetId, 'statistics.deadline')));
      expect(entry!.detail).toMatchObject({ from: '03-31', to: '04-15' });
    } finally {
      await admin.request('PUT', '/api/admin/settings/statistics.deadline', { value: '03-31' });
    }
  });
});

describe('每年只能新增一次', () => {
  it('refuses a second report of the year, naming the one there is, and a 保存 that moves onto a taken year', async () => {
    const inst = await institution();
    const first = await draftOf({ institutionId: inst.id, serviceYear: 2025 });
    const second = await create(agent, { institutionId: inst.id, serviceYear: 2025 });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toBe('该机构2025年度的业务基本情况已经填报（审批状态：待提交），每年只能新增一次。请在“业务基本情况查询”中查看或修改该记录');
    expect(second.json().details).toMatchObject({ existingId: first.id });

    const other = await draftOf({ institutionId: inst.id, serviceYear: 2024 });
    const moved = await save(agent, other, { institutionId: inst.id, serviceYear: 2025 });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().message).toContain('2025年度的业务基本情况已经填报');
    const years = (await agent.get('/api/statistics/institutions')).json() as TStatisticsInstitution[];
    expect(years.find((i) => i.id === inst.id)!.reportedYears).toEqual([2025, 2024]);
  });

  it('leaves exactly one report of 50 parallel first 新增', async () => {
    const inst = await institution();
    const results = await Promise.all(Array.from({ length: 50 }, () => create(agent, { institutionId: inst.id, ...complete() })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().message).toContain('每年只能新增一次');
    const rows = await ctx.database.db.select().from(statisticsReports).where(eq(statisticsReports.institutionId, inst.id));
    expect(rows).toHaveLength(1);
    const apps = await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM applications WHERE institution_id = ${inst.id} AND type = '统计'`);
    expect(apps[0]!.n).toBe(1);
  });
});

describe('every field’s check', () => {
  /** a value of the wrong shape for each input kind, and the message it must get */
  const badValues = (key: string, input: string): unknown[] => {
    // a field with a format (统一社会信用代码, 邮政编码 …) is checked for it at 提交; 保存 refuses what is no text at all
    if ((STATISTICS_FIELDS as Record<string, { format?: unknown }>)[key]!.format) return [12, ['x']];
    switch (input) {
      case 'count':
        return [-1, 1.5, '12'];
      case 'amount':
        return [-0.01, 1.234, 'abc'];
      case 'year':
        return [1999, 2025.5];
      case 'date':
        return ['2025/01/01'];
      case 'select':
        return ['不存在的类型'];
      case 'multi':
        return [['不存在的业务'], '职业介绍'];
      default:
        return key === 'department' ? [12] : ['字'.repeat(501), 12];
    }
  };

  it.each(STATISTICS_FIELD_ENTRIES.map((e) => [e.key, e.field.input] as const))('%s (%s): a malformed value is a 400 on the field', async (key, input) => {
    const inst = await institution();
    const draft = await draftOf({ institutionId: inst.id, serviceYear: 2025 });
    for (const bad of badValues(key, input)) {
      const res = await save(agent, draft, { institutionId: inst.id, serviceYear: 2025, [key]: bad });
      expect(res.statusCode, `${key}=${JSON.stringify(bad)}`).toBe(400);
      const errors = res.json().fieldErrors as { path: string; message: string }[];
      expect(errors.map((e) => e.path.split('.')[0]), `${key}=${JSON.stringify(bad)}`).toContain(key);
      expect(errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
    }
  });

  it('refuses a field the report does not have, naming it', async () => {
    const inst = await institution();
    const res = await create(agent, { institutionId: inst.id, serviceYear: 2025, officeAddress: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('业务基本情况中没有字段：officeAddress');
  });

  it('提交 lists every missing required field and every bad format at once', async () => {
    const inst = await institution();
    const empty = await draftOf({ institutionId: inst.id, serviceYear: 2025, uscc: '123', postcode: '12', email: 'a@', fillerPhone: '12345' });
    // 清空 the pre-filled nothing: this draft has only what it was given
    const res = await submit(agent, empty);
    expect(res.statusCode).toBe(400);
    const problems = res.json().details.problems as { path: string; message: string }[];
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    const required = STATISTICS_FIELD_ENTRIES.filter((e) => e.field.required && !['serviceYear', 'uscc', 'postcode', 'fillerPhone', 'department'].includes(e.key)).map((e) => e.key);
    for (const key of required) expect(byPath[key], key).toMatch(/^请(填写|选择|至少选择一项)/);
    expect(byPath.uscc).toBeDefined();
    expect(byPath.postcode).toBeDefined();
    expect(byPath.email).toBeDefined();
    expect(byPath.fillerPhone).toBe('联系电话应为11位手机号码或“区号-电话号码”（如0431-88886666）');
    expect(byPath.scopes).toBe('请至少选择一项申请业务');
    expect(byPath.staffTotal).toBe('请填写从业人员总数');
    // a landline is a 联系电话 too
    const landline = await save(agent, empty, { institutionId: inst.id, ...complete({ fillerPhone: '0431-88886666-12' }) });
    expect(landline.statusCode, landline.body).toBe(200);
    const ok = await submit(agent, landline.json() as TApplicationView);
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('提交 reports each cross-field check on its field, all at once', async () => {
    const inst = await institution();
    const broken = complete({
      staffTotal: 10,
      staffCollege: 11, // > 从业人员总数
      staffBachelor: 9,
      staffPostgrad: 3, // 本科 + 研究生 > 大专及以上
      staffQualified: 12, // > 从业人员总数
      annualRevenue: 100,
      passThroughRevenue: 100.01, // > 全年营业收入
      personsServed: 50,
      personsCollege: 60, // > 服务人员总数
      personsBachelor: 40,
      personsPostgrad: 30, // > 大专及以上学历人数
      employersServed: 10,
      employersState: 5,
      employersPrivate: 5,
      employersForeign: 1, // sum 11 > 服务用人单位
      employersOther: 0,
      fairsHeld: 3,
      fairsMigrant: 2,
      fairsGraduate: 2, // sum 4 > 举办招聘会次数
    });
    const draft = await draftOf({ institutionId: inst.id, ...broken });
    const res = await submit(agent, draft);
    expect(res.statusCode).toBe(400);
    const problems = res.json().details.problems as { path: string; message: string }[];
    expect(problems.map((p) => p.path).sort()).toEqual(STATISTICS_CROSS_CHECKS.map((c) => c.on).sort());
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(byPath.staffCollege).toBe('大专及以上学历从业人员不能超过从业人员总数');
    expect(byPath.staffBachelor).toBe('本科学历从业人员、研究生及以上学历从业人员之和不能超过大专及以上学历从业人员');
    expect(byPath.passThroughRevenue).toBe('代收代付部分不能超过全年营业收入');
    expect(byPath.employersState).toBe('国有企、事业单位、民营企业、外资企业、其他用人单位之和不能超过服务用人单位');

    // at the bound exactly, amounts to the 分: accepted
    const fixed = await save(agent, draft, { institutionId: inst.id, ...complete({ annualRevenue: 0.3, passThroughRevenue: 0.3 }) });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await submit(agent, fixed.json() as TApplicationView)).statusCode).toBe(200);
  });

  it('checks 服务年度 and 填表日期 against today', async () => {
    const inst = await institution();
    const draft = await draftOf({ institutionId: inst.id, ...complete({ serviceYear: 2027, filledOn: '2026-11-27' }) });
    const res = await submit(agent, draft);
    expect(res.statusCode).toBe(400);
    const byPath = Object.fromEntries((res.json().details.problems as { path: string; message: string }[]).map((p) => [p.path, p.message]));
    expect(byPath).toEqual({ serviceYear: '服务年度不能晚于2026年', filledOn: '填表日期不能晚于今天' });
    const early = await save(agent, draft, { institutionId: inst.id, ...complete({ serviceYear: 2026, filledOn: '2025-12-31' }) });
    expect(early.statusCode, early.body).toBe(200);
    const res2 = await submit(agent, early.json() as TApplicationView);
    expect(res2.json().details.problems).toEqual([{ tab: 'statistics', path: 'filledOn', message: '填表日期不能早于服务年度（2026年）' }]);
  });
});

describe('业务基本情况查询 (guide 2.2) and who sees a report', () => {
  it('lists the unit’s reports by 服务年度, 填表日期 and 审批状态, 填表人联系电话 masked', async () => {
    const inst = await institution();
    const a = await draftOf({ institutionId: inst.id, ...complete({ serviceYear: 2023, filledOn: '2024-02-10' }) });
    await draftOf({ institutionId: inst.id, ...complete({ serviceYear: 2022, filledOn: '2023-03-01' }) });
    const page = (await agent.get('/api/statistics/reports?serviceYear=2023')).json() as TPage<TStatisticsRow>;
    const row = page.items.find((r) => r.id === a.id)!;
    expect(row).toMatchObject({ serviceYear: 2023, status: '待提交', name: complete().name, personsServed: 3000, statisticsOfficer: '赵统计', filler: '钱填表', fillerPhone: '131****0009', editable: true });
    expect(page.items.every((r) => r.serviceYear === 2023)).toBe(true);
    const byDate = (await agent.get('/api/statistics/reports?filledFrom=2024-02-01&filledTo=2024-02-28')).json() as TPage<TStatisticsRow>;
    expect(byDate.items.map((r) => r.id)).toContain(a.id);
    expect(byDate.items.every((r) => r.filledOn! >= '2024-02-01' && r.filledOn! <= '2024-02-28')).toBe(true);
    const approvedOnly = (await agent.get('/api/statistics/reports?status=审核通过')).json() as TPage<TStatisticsRow>;
    expect(approvedOnly.items.map((r) => r.id)).not.toContain(a.id);
    const bad = await agent.get('/api/statistics/reports?status=不存在&serviceYear=abc');
    expect(bad.statusCode).toBe(400);
  });

  it('keeps another unit out (404) and a reviewer of another department away from the report', async () => {
    const inst = await institution();
    const draft = await draftOf({ institutionId: inst.id, ...complete() });
    const { account } = await createOtherUnitAgent(ctx, 'stats_other_agent');
    const intruder = ctx.client();
    await intruder.login(account);
    expect((await intruder.get(`/api/applications/${draft.id}`)).statusCode).toBe(404);
    expect((await save(intruder, draft, { institutionId: inst.id, ...complete() })).statusCode).toBe(404);
    expect((await create(intruder, { institutionId: inst.id, serviceYear: 2024 })).statusCode).toBe(404);
    const theirs = (await intruder.get('/api/statistics/reports')).json() as TPage<TStatisticsRow>;
    expect(theirs.items).toEqual([]);
    expect(((await intruder.get('/api/statistics/institutions')).json() as unknown[]).length).toBe(0);

    const sent = await submit(agent, draft);
    expect(sent.statusCode, sent.body).toBe(200);
    const { account: cityAccount } = await createReviewer(ctx, '220100', 'stats_reviewer_changchun');
    const city = ctx.client();
    await city.login(cityAccount);
    expect((await city.get(`/api/reviews/${draft.id}`)).statusCode).toBe(404);
    const decided = await city.post(`/api/reviews/${draft.id}/decision`, { version: (sent.json() as TApplicationView).version, decision: '审核通过' });
    expect(decided.statusCode).toBe(404);
    const inbox = (await city.get('/api/reviews')).json() as TPage<TReviewInboxItem>;
    expect(inbox.items.map((i) => i.id)).not.toContain(draft.id);
  });
});
