import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/audit.table';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createReviewer } from '../../test/people';
import { approvedInstitution, licensedDraft, submitEstablishment } from '../../test/submissions';
import { readExport } from '../../test/xlsx';

const SHARED = ['业务类型', '机构名称', '统一社会信用代码', '申请类型', '轮次', '提交时间'];
const q = (s: string) => encodeURIComponent(s);

let ctx: TestContext;
let agent: TestClient;
let reviewer: TestClient;
let elsewhere: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.login('demo_agent');
  reviewer = ctx.client();
  await reviewer.login('demo_reviewer');
  await createReviewer(ctx, '220100', 'reviewer_export_220100');
  elsewhere = ctx.client();
  await elsewhere.login('reviewer_export_220100');
  await submitEstablishment(ctx, agent, { draft: licensedDraft('吉林省导出审核甲职业介绍有限公司') });
  await submitEstablishment(ctx, agent, { draft: licensedDraft('吉林省导出审核乙职业介绍有限公司') });
  await submitEstablishment(ctx, agent, { draft: licensedDraft('长春市导出审核他部门职业介绍有限公司'), department: '220100' });
  await approvedInstitution(ctx, agent, reviewer, '吉林省导出审核丙职业介绍有限公司');
});
afterAll(() => ctx?.close());

describe('GET /api/reviews/export', () => {
  it("exports the tab's rows the filters select, of the reviewer's own department only, under the inbox's titles", async () => {
    const pending = await readExport(reviewer, `/api/reviews/export?tab=${q('待审核')}&name=${q('导出审核')}`);
    expect(pending.header).toEqual([...SHARED, '受理', '办理期限', '剩余工作日']);
    expect(pending.bold).toBe(true);
    expect(pending.fileName).toMatch(/^审核管理_待审核_\d{8}-\d{4}\.xlsx$/);
    const list = (await reviewer.get(`/api/reviews?tab=${q('待审核')}&name=${q('导出审核')}&pageSize=100`)).json();
    expect(list.total).toBe(2);
    expect(pending.rows.map((r) => r[1])).toEqual(list.items.map((i: { institutionName: string }) => i.institutionName));
    const row = pending.rows.find((r) => r[1] === '吉林省导出审核甲职业介绍有限公司')!;
    expect(row[0]).toBe('设立');
    expect(row[4]).toBe('第1轮');
    expect(row[5]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(row[6]).toBe('待受理');
    expect(row[8]).toMatch(/^剩余\d+个工作日$/);
    // another department's submission is not the reviewer's
    expect(pending.rows.flat().join()).not.toContain('他部门');
    // no personal numbers in the file: the inbox shows none
    expect(pending.rows.flat().join()).not.toMatch(/\d{17}[\dX]|1\d{10}/);

    const done = await readExport(reviewer, `/api/reviews/export?tab=${q('已审核')}&name=${q('导出审核')}`);
    expect(done.header).toEqual([...SHARED, '审核结果', '审核时间', '当前状态']);
    expect(done.rows).toHaveLength(1);
    expect(done.rows[0]!.slice(1, 2)).toEqual(['吉林省导出审核丙职业介绍有限公司']);
    expect(done.rows[0]!.slice(6)).toEqual(['审核通过', expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/), '审核通过']);

    const one = await readExport(reviewer, `/api/reviews/export?name=${q('导出审核乙')}`);
    expect(one.rows.map((r) => r[1])).toEqual(['吉林省导出审核乙职业介绍有限公司']);
    const theirs = await readExport(elsewhere, `/api/reviews/export?name=${q('导出审核')}`);
    expect(theirs.rows.map((r) => r[1])).toEqual(['长春市导出审核他部门职业介绍有限公司']);
  });

  it('records the export with its conditions', async () => {
    expect((await reviewer.get(`/api/reviews/export?tab=${q('已审核')}&name=${q('导出审核丙')}`)).statusCode).toBe(200);
    const [entry] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'review.list.exported')).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ actorAccount: 'demo_reviewer', actorRole: 'reviewer', detail: { query: { tab: '已审核', name: '导出审核丙' } } });
  });

  it('refuses units, admins and bad filters, and records nothing then', async () => {
    expect((await agent.get('/api/reviews/export')).statusCode).toBe(403);
    const admin = ctx.client();
    await admin.login('demo_admin');
    expect((await admin.get('/api/reviews/export')).statusCode).toBe(403);
    const bad = await reviewer.get('/api/reviews/export?submittedFrom=2026-12-05&submittedTo=2026-12-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('提交结束日期不能早于开始日期');
    expect((await reviewer.get('/api/reviews/export?tab=nope')).statusCode).toBe(400);
    const refused = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'review.list.exported'), eq(auditLog.actorAccount, 'demo_admin')));
    expect(refused).toEqual([]);
  });
});
