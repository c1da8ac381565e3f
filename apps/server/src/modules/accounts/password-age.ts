import { and, asc, count, eq, lte } from 'drizzle-orm';
import { beijingDay, STAFF_PASSWORD_MAX_AGE_DAYS, type TAdminTodo, type TRole, type TSessionUser } from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
import type { AppDeps } from '../../deps';
import type { RequestMeta } from './accounts.service';
import { departments, users } from './accounts.table';

const MAX_AGE_MS = STAFF_PASSWORD_MAX_AGE_DAYS * 86_400_000;

/** Reviewers and administrators replace their password every 90 days; unit accounts are not bound by it. */
export function passwordTooOld(role: TRole, passwordChangedAt: Date, now: Date): boolean {
  return (role === 'reviewer' || role === 'admin') && now.getTime() - passwordChangedAt.getTime() > MAX_AGE_MS;
}

/** When a staff password set at `changedAt` stops working (passwordTooOld from then on). */
export const passwordExpiresAt = (changedAt: Date): Date => new Date(changedAt.getTime() + MAX_AGE_MS);

/**
 * The active 审核人员 whose password expires within `days` days of `now` (or already has), soonest
 * first: the first `limit` of them and how many there are.
 */
export async function reviewerPasswordsExpiring(db: DbOrTx, now: Date, days: number, limit: number): Promise<TAdminTodo['expiringPasswords']> {
  // expires by now + days ⇔ changed at or before now + days − the maximum age
  const where = and(eq(users.role, 'reviewer'), eq(users.status, 'active'), lte(users.passwordChangedAt, new Date(now.getTime() + days * 86_400_000 - MAX_AGE_MS)));
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: users.id, account: users.account, name: users.name, departmentName: departments.name, changedAt: users.passwordChangedAt })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(where)
      .orderBy(asc(users.passwordChangedAt), asc(users.account))
      .limit(limit),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      account: r.account,
      name: r.name,
      departmentName: r.departmentName,
      expiresOn: beijingDay(passwordExpiresAt(r.changedAt)),
      expired: passwordTooOld('reviewer', r.changedAt, now),
    })),
  };
}

/**
 * At sign-in: a staff password past its age becomes one that must be changed, exactly like an
 * initial password, so the same guard (PASSWORD_CHANGE_REQUIRED) and page handle it. The flag
 * stays until the change, also across later sign-ins.
 */
export async function expirePasswordIfTooOld(
  deps: AppDeps,
  user: { id: string; account: string; role: TRole; unitId: string | null; mustChangePassword: boolean; passwordChangedAt: Date },
  meta: RequestMeta,
): Promise<void> {
  if (user.mustChangePassword || !passwordTooOld(user.role, user.passwordChangedAt, deps.clock())) return;
  await deps.database.db.transaction(async (tx) => {
    await tx.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    await deps.audit.record(tx, {
      action: 'account.password_expired',
      actorId: user.id,
      actorAccount: user.account,
      actorRole: user.role,
      unitId: user.unitId,
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      detail: { passwordChangedAt: user.passwordChangedAt.toISOString(), maxAgeDays: STAFF_PASSWORD_MAX_AGE_DAYS },
    });
  });
  deps.sessions.forgetUser(user.id);
}

/** Tells the change page why it is shown: an expired password rather than an initial one. */
export async function withPasswordAge(deps: AppDeps, dto: TSessionUser): Promise<TSessionUser> {
  if (!dto.mustChangePassword || (dto.role !== 'reviewer' && dto.role !== 'admin')) return dto;
  const [row] = await deps.database.db.select({ at: users.passwordChangedAt }).from(users).where(eq(users.id, dto.id));
  return row && passwordTooOld(dto.role, row.at, deps.clock()) ? { ...dto, passwordExpired: true } : dto;
}
