import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TNotification, TPage, TReviewInboxItem, TReviewTodo } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createReviewer } from '../../test/people';
import { completeDraft, submitEstablishment } from '../../test/submissions';
import { applications } from '../applications/applications.table';
import { users } from '../accounts/accounts.table';
import { notifications } from '../notifications/notifications.table';

let ctx: TestContext;
let agent: TestClient;
let jilin: TestClient;
let changchun: TestClient;

const client = async (account: string) => {
  const c = ctx.client();
  await c.login(account);
  return c;
};

beforeAll(async () => {
  ctx = await createTestContext();
  await createReviewer(ctx, '220200', 'reviewer_jilin');
  await createReviewer(ctx, '220200', 'reviewer_jilin2');
  await createReviewer(ctx, '220200', 'reviewer_jilin_off');
  await ctx.database.db.update(users).set({ status: 'disabled' }).where(eq(users.account, 'reviewer_jilin_off'));
  await createReviewer(ctx, '220100', 'reviewer_changchun');
  agent = await client('demo_agent');
  jilin = await client('reviewer_jilin');
  changchun = await client('reviewer_changchun');
});
afterAll(() => ctx?.close());

const todo = async (c: TestClient) => {
  const res = await c.get('/api/reviews/todo');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TReviewTodo;
};
const inboxTotal = async (c: TestClient, query = '') => ((await c.get(`/api/reviews?pageSize=100${query}`)).json() as TPage<TReviewInboxItem>).total;
const named = (name: string) => completeDraft({ basic: { ...completeDraft().basic, name } });
const setDue = (id: string, dueOn: string) => ctx.database.db.update(applications).set({ dueOn }).where(eq(applications.id, id));

describe('GET /api/reviews/todo', () => {
  it("counts the department's 待审核, those due within 3 working days (overdue included) and the overdue, as the inbox's filters list them", async () => {
    expect(await todo(jilin)).toEqual({ pending: 0, toAccept: 0, dueSoon: 0, overdue: 0 });
    // today is Thursday 2026-11-26: 3 working days left reach Tuesday 2026-12-01
    const due = ['2026-11-20', '2026-11-26', '2026-12-01', '2026-12-02'];
    const submitted = [];
    for (const [i, dueOn] of due.entries()) {
      const app = await submitEstablishment(ctx, agent, { department: '220200', draft: named(`吉林市待办测试${i}人力资源有限公司`) });
      await setDue(app.id, dueOn);
      submitted.push(app);
    }
    // one with its own 受理期限: 5 working days (2026-12-03)
    await submitEstablishment(ctx, agent, { department: '220200', draft: named('吉林市待办期限内人力资源有限公司') });
    // withdrawn: back to 待提交, no longer awaiting a decision, however overdue its old date
    const withdrawn = await submitEstablishment(ctx, agent, { department: '220200', draft: named('吉林市待办撤回人力资源有限公司') });
    await setDue(withdrawn.id, '2026-11-01');
    expect((await agent.post(`/api/applications/${withdrawn.id}/withdraw`, { version: withdrawn.version })).statusCode).toBe(200);
    // another city's overdue submission
    const other = await submitEstablishment(ctx, agent, { department: '220100', draft: named('长春市待办测试人力资源有限公司') });
    await setDue(other.id, '2026-11-02');

    const counts = await todo(jilin);
    // none accepted yet: all of them 待受理
    expect(counts).toEqual({ pending: 5, toAccept: 5, dueSoon: 3, overdue: 1 });
    // each number is what its link lists
    expect(await inboxTotal(jilin)).toBe(counts.pending);
    expect(await inboxTotal(jilin, `&accepted=${encodeURIComponent('待受理')}`)).toBe(counts.toAccept);
    expect(await inboxTotal(jilin, `&accepted=${encodeURIComponent('已受理')}`)).toBe(0);
    expect(await inboxTotal(jilin, '&maxDaysLeft=3')).toBe(counts.dueSoon);
    expect(await inboxTotal(jilin, '&maxDaysLeft=-1')).toBe(counts.overdue);

    // 长春市 sees only its own; the province none of either city's
    expect(await todo(changchun)).toEqual({ pending: 1, toAccept: 1, dueSoon: 1, overdue: 1 });
    const province = await client('demo_reviewer');
    const provinceCounts = await todo(province);
    expect(provinceCounts.pending).toBe(await inboxTotal(province));

    // 受理 moves it from 待受理 to 已受理 (its 20 working days start), a decision takes it off the list
    const accepted = await jilin.post(`/api/reviews/${submitted[0]!.id}/acceptance`, { decision: '受理' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await todo(jilin)).toEqual({ pending: 5, toAccept: 4, dueSoon: 2, overdue: 0 });
    expect(await inboxTotal(jilin, `&accepted=${encodeURIComponent('已受理')}`)).toBe(1);
    const decided = await jilin.post(`/api/reviews/${submitted[0]!.id}/decision`, { version: accepted.json().version, decision: '审核不通过', opinion: '材料不全' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await todo(jilin)).toEqual({ pending: 4, toAccept: 4, dueSoon: 2, overdue: 0 });

    // four working days on (Wednesday 2026-12-02): due Tuesday is overdue, due Wednesday is today, the 受理期限 tomorrow
    ctx.clock.advance(6 * 86_400_000);
    jilin = await client('reviewer_jilin');
    expect(await todo(jilin)).toEqual({ pending: 4, toAccept: 4, dueSoon: 4, overdue: 2 });
    expect(await inboxTotal(jilin, '&maxDaysLeft=3')).toBe(4);
    expect(await inboxTotal(jilin, '&maxDaysLeft=-1')).toBe(2);
    ctx.clock.advance(-6 * 86_400_000);
    agent = await client('demo_agent');
    jilin = await client('reviewer_jilin');
    changchun = await client('reviewer_changchun');
  });

  it('is for reviewers only', async () => {
    expect((await agent.get('/api/reviews/todo')).statusCode).toBe(403);
    const legal = await client('demo_legal');
    expect((await legal.get('/api/reviews/todo')).statusCode).toBe(403);
    const admin = await client('demo_admin');
    expect((await admin.get('/api/reviews/todo')).statusCode).toBe(403);
  });
});

describe("the reviewers' message on a submission", () => {
  const messagesOf = async (c: TestClient) => ((await c.get('/api/notifications?pageSize=100')).json() as TPage<TNotification>).items;

  it("reaches every active reviewer of the target department in 消息中心, and nobody else", async () => {
    const app = await submitEstablishment(ctx, agent, { department: '220200', draft: named('吉林市消息测试人力资源有限公司') });

    const expected = {
      kind: 'application.submitted',
      title: '收到新的设立申请：吉林市消息测试人力资源有限公司',
      body: '收到新的人力资源服务机构设立申请：吉林市消息测试人力资源有限公司，请在5个工作日内作出是否受理的决定。',
      link: `/hr/reviews/${app.id}`,
      readAt: null,
    };
    for (const c of [jilin, await client('reviewer_jilin2')]) {
      const mine = (await messagesOf(c)).filter((m) => m.link === expected.link);
      expect(mine).toEqual([expect.objectContaining(expected)]);
    }
    for (const c of [changchun, await client('demo_reviewer'), agent, await client('demo_legal'), await client('demo_admin')]) {
      expect((await messagesOf(c)).filter((m) => m.link === expected.link)).toEqual([]);
    }
    // the disabled reviewer of the department gets no row either: exactly the two
    const rows = await ctx.database.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.kind, 'application.submitted'), eq(notifications.link, expected.link)));
    const recipients = await ctx.database.db.select({ account: users.account }).from(users).where(inArray(users.id, rows.map((r) => r.userId)));
    expect(recipients.map((r) => r.account).sort()).toEqual(['reviewer_jilin', 'reviewer_jilin2']);
  });

  it('says when a submission arrives again after 审核不通过', async () => {
    const app = await submitEstablishment(ctx, agent, { department: '220100', draft: named('长春市重新提交人力资源有限公司') });
    const accepted = await changchun.post(`/api/reviews/${app.id}/acceptance`, { decision: '受理' });
    expect((await changchun.post(`/api/reviews/${app.id}/decision`, { version: accepted.json().version, decision: '审核不通过', opinion: '请补充材料' })).statusCode).toBe(200);
    const detail = (await agent.get(`/api/applications/${app.id}`)).json() as { version: number };
    ctx.clock.advanceMinutes(1);
    const again = await agent.post(`/api/applications/${app.id}/submit`, { version: detail.version, department: '220100', requestKey: `again-${app.id}` });
    expect(again.statusCode, again.body).toBe(200);
    const mine = (await messagesOf(changchun)).filter((m) => m.link === `/hr/reviews/${app.id}`);
    expect(mine.map((m) => m.body)).toEqual([
      '收到新的人力资源服务机构设立申请（第2轮，重新提交）：长春市重新提交人力资源有限公司，请在5个工作日内作出是否受理的决定。',
      '收到新的人力资源服务机构设立申请：长春市重新提交人力资源有限公司，请在5个工作日内作出是否受理的决定。',
    ]);
  });
});
