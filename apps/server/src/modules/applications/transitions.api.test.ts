import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppErrorCode } from '@jhrm/contracts';
import { createTestContext, type TestContext } from '../../test/harness';
import { createDemoApplication } from '../../test/fixtures';
import { AppError } from '../../lib/app-error';
import { auditLog } from '../audit/audit.table';
import { users } from '../accounts/accounts.table';
import type { Actor } from '../accounts/actor';
import { institutions } from '../institutions/institutions.table';
import { applications } from './applications.table';
import { fire } from './transitions';

let ctx: TestContext;
let agent: Actor;
let reviewer: Actor;

async function actor(account: string): Promise<Actor> {
  const [row] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.account, account));
  // the user exactly as a signed-in session carries it
  const { token } = await ctx.deps.sessions.create(row!.id, { ip: '127.0.0.1' });
  return { user: (await ctx.deps.sessions.lookup(token))!.user, ip: '127.0.0.1' };
}

beforeAll(async () => {
  ctx = await createTestContext();
  agent = await actor('demo_agent');
  reviewer = await actor('demo_reviewer');
});
afterAll(() => ctx?.close());

/** Fires `action` from `n` transactions at once, each holding the same (soon stale) row. */
async function fireTogether(id: string, action: '撤回' | '审核不通过', by: Actor, n: number) {
  const [row] = await ctx.database.db.select().from(applications).where(eq(applications.id, id));
  return Promise.allSettled(Array.from({ length: n }, () => ctx.database.db.transaction((tx) => fire(ctx.deps, tx, row!, action, by))));
}

async function auditCount(action: string, id: string) {
  const rows = await ctx.database.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, id)));
  return rows.length;
}

describe('fire(): the state machine applied', () => {
  it('of parallel 撤回 on one application exactly one wins; the others get a 409 in Chinese and change nothing', async () => {
    const { application, institution } = await createDemoApplication(ctx, '待审核');
    const results = await fireTogether(application.id, '撤回', agent, 5);

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(4);
    for (const err of lost) {
      expect(err).toBeInstanceOf(AppError);
      expect(err.code).toBe(AppErrorCode.CONFLICT);
      expect(err.message).toBe('该申请已被他人处理，状态或受理情况已变化，不能撤回。请刷新页面查看最新状态');
    }

    const [after] = await ctx.database.db.select().from(applications).where(eq(applications.id, application.id));
    expect(after).toMatchObject({ status: '待提交', version: application.version + 1 });
    // the 设立 kind's hook: the institution's 审核状态 follows, once
    const [inst] = await ctx.database.db.select().from(institutions).where(eq(institutions.id, institution.id));
    expect(inst!.reviewStatus).toBe('待提交');
    expect(await auditCount('application.withdrawn', application.id)).toBe(1);
  });

  it('of parallel decisions exactly one lands, with its columns, its audit entry and the institution status', async () => {
    const { application, institution } = await createDemoApplication(ctx, '待审核', '220000', { accepted: true });
    const results = await fireTogether(application.id, '审核不通过', reviewer, 3);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [after] = await ctx.database.db.select().from(applications).where(eq(applications.id, application.id));
    expect(after).toMatchObject({ status: '审核不通过', version: application.version + 1 });
    const [inst] = await ctx.database.db.select().from(institutions).where(eq(institutions.id, institution.id));
    expect(inst!.reviewStatus).toBe('审核不通过');
    expect(await auditCount('application.rejected', application.id)).toBe(1);
  });

  it('refuses an action the table does not allow from the state, or not to this role, without writing', async () => {
    const { application } = await createDemoApplication(ctx, '待提交');
    await expect(ctx.database.db.transaction((tx) => fire(ctx.deps, tx, application, '撤回', agent))).rejects.toMatchObject({
      code: AppErrorCode.CONFLICT,
      message: '当前状态为“待提交”，不能撤回',
    });
    const { application: pending } = await createDemoApplication(ctx, '待审核');
    await expect(ctx.database.db.transaction((tx) => fire(ctx.deps, tx, pending, '审核通过', agent))).rejects.toMatchObject({ code: AppErrorCode.CONFLICT });
    const [still] = await ctx.database.db.select().from(applications).where(eq(applications.id, pending.id));
    expect(still).toMatchObject({ status: '待审核', version: pending.version });
  });

  it('refuses 撤回 once a reviewer has accepted (受理) the application', async () => {
    const { application } = await createDemoApplication(ctx, '待审核');
    const [accepted] = await ctx.database.db.update(applications).set({ acceptedAt: ctx.clock() }).where(eq(applications.id, application.id)).returning();
    await expect(ctx.database.db.transaction((tx) => fire(ctx.deps, tx, accepted!, '撤回', agent))).rejects.toMatchObject({
      code: AppErrorCode.CONFLICT,
      message: expect.stringMatching(/^审批部门已于 .+ 受理该申请，不能撤回$/),
    });
  });
});
