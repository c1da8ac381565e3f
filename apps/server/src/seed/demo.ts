import { count, eq } from 'drizzle-orm';
import { PROVINCE_DEPARTMENT } from '@jhrm/contracts';
import type { AppDeps } from '../deps';
import { hashPassword } from '../lib/passwords';
import { departments, units, users } from '../modules/accounts/accounts.table';

export const DEMO_PASSWORD = 'Demo@123456';
export const DEMO_UNIT = { name: '吉林省博润人力资源有限公司', uscc: '91220101MA17BRUN15', legalType: '企业法人' } as const;
export const DEMO_ACCOUNTS = [
  { account: 'demo_legal', role: 'legal', name: '王博润', idCard: '220102197803120032', phone: '13144440001', label: '法人账号' },
  { account: 'demo_agent', role: 'agent', name: '李经办', idCard: '220103199005200017', phone: '13144440002', label: '经办人' },
  { account: 'demo_reviewer', role: 'reviewer', name: '赵审核', idCard: null, phone: '13144440003', label: '审核人员（省人社厅审批办）' },
  // a second reviewer of the department: a 双随机抽查 never sends the reviewer who approved an institution (decision 0049)
  { account: 'demo_inspector', role: 'reviewer', name: '钱检查', idCard: null, phone: '13144440005', label: '审核人员（省人社厅审批办，双随机抽查检查人员）' },
  { account: 'demo_admin', role: 'admin', name: '系统管理员', idCard: null, phone: '13144440004', label: '管理员' },
] as const;

/**
 * Demo data for a development database that has no users yet: one unit with a legal person and
 * an agent, two reviewers of 省人社厅审批办 and an admin. Never called in production.
 * Returns whether it seeded.
 */
export async function seedDemo(deps: AppDeps): Promise<boolean> {
  const { db } = deps.database;
  if (deps.config.env === 'production') throw new Error('demo data must never be seeded in production');
  // checked before hashing: later starts skip the (deliberately slow) argon2 work
  const [any] = await db.select({ n: count() }).from(users);
  if ((any?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(users);
    if ((existing?.n ?? 0) > 0) return false;
    const [unit] = await tx.insert(units).values(DEMO_UNIT).returning({ id: units.id });
    const [province] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.code, PROVINCE_DEPARTMENT.code));
    for (const a of DEMO_ACCOUNTS) {
      const isUnit = a.role === 'legal' || a.role === 'agent';
      const [u] = await tx
        .insert(users)
        .values({
          account: a.account,
          passwordHash,
          role: a.role,
          name: a.name,
          unitId: isUnit ? unit!.id : null,
          departmentId: a.role === 'reviewer' ? province!.id : null,
          idCardEnc: a.idCard ? deps.pii.encrypt(a.idCard) : null,
          idCardIdx: a.idCard ? deps.pii.blindIndex(a.idCard) : null,
          phoneEnc: deps.pii.encrypt(a.phone),
          phoneIdx: deps.pii.blindIndex(a.phone),
        })
        .returning({ id: users.id });
      await deps.audit.record(tx, { action: 'account.seeded', targetType: 'user', targetId: u!.id, unitId: isUnit ? unit!.id : null, detail: { account: a.account, role: a.role } });
    }
    return true;
  });
}
