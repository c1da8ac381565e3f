import { eq } from 'drizzle-orm';
import { DEMO_UNIT } from '../seed/demo';
import { units, users } from '../modules/accounts/accounts.table';
import { applicationRecords, applications } from '../modules/applications/applications.table';
import { institutionRecords, institutions } from '../modules/institutions/institutions.table';
import type { TestContext } from './harness';

/** A 设立 application of the demo unit in the given state, as the application service would leave it. */
export async function createDemoApplication(
  ctx: TestContext,
  status: '待提交' | '待审核' | '审核通过' | '审核不通过' = '待提交',
  department = '220000',
  opts: { accepted?: boolean } = {},
) {
  const { db } = ctx.database;
  const [unit] = await db.select().from(units).where(eq(units.uscc, DEMO_UNIT.uscc));
  const [agent] = await db.select().from(users).where(eq(users.account, 'demo_agent'));
  const now = ctx.clock();
  const [inst] = await db.insert(institutions).values({ unitId: unit!.id, name: '吉林省博润人才服务有限公司', uscc: DEMO_UNIT.uscc, reviewStatus: status }).returning();
  const [record] = await db
    .insert(institutionRecords)
    .values({ institutionId: inst!.id, version: 1, name: inst!.name, uscc: inst!.uscc, createdAt: now, updatedAt: now })
    .returning();
  const [app] = await db
    .insert(applications)
    .values({
      unitId: unit!.id,
      type: '设立',
      institutionId: inst!.id,
      status,
      department: status === '待提交' ? null : department,
      submittedAt: status === '待提交' ? null : now,
      // 受理 recorded (decision 0034: a 设立 is decided only once accepted)
      acceptedAt: opts.accepted ? now : null,
      createdBy: agent!.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await db.insert(applicationRecords).values({ applicationId: app!.id, recordId: record!.id });
  return { application: app!, institution: inst!, record: record!, unitId: unit!.id };
}
