import { eq } from 'drizzle-orm';
import { departments, units, users } from '../modules/accounts/accounts.table';
import { hashPassword } from '../lib/passwords';
import { DEMO_PASSWORD } from '../seed/demo';
import type { TestContext } from './harness';

/** Another unit with its own agent (password DEMO_PASSWORD), for tenant-isolation tests. */
export async function createOtherUnitAgent(ctx: TestContext, account = 'other_agent'): Promise<{ unitId: string; account: string }> {
  const { db } = ctx.database;
  const [unit] = await db
    .insert(units)
    .values({ name: '长春市另一家人力资源有限公司', uscc: `9122010${Math.random().toString(36).slice(2, 13).toUpperCase().padEnd(11, '0')}`, legalType: '企业法人' })
    .returning({ id: units.id });
  await db.insert(users).values({ account, passwordHash: await hashPassword(DEMO_PASSWORD), role: 'agent', name: '王另一', unitId: unit!.id });
  return { unitId: unit!.id, account };
}

/** A reviewer of the 审批部门 with that code. */
export async function createReviewer(ctx: TestContext, departmentCode: string, account = `reviewer_${departmentCode}`): Promise<{ account: string }> {
  const { db } = ctx.database;
  const [dept] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, departmentCode));
  if (!dept) throw new Error(`no department ${departmentCode}`);
  await db.insert(users).values({ account, passwordHash: await hashPassword(DEMO_PASSWORD), role: 'reviewer', name: '钱审核', departmentId: dept.id });
  return { account };
}
