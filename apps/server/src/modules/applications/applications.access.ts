import { and, eq } from 'drizzle-orm';
import { AppErrorCode, isEditable, type TAuditAction } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { DbOrTx } from '../../db/client';
import type { StaffRead } from '../../plugins/staff-reads';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../accounts/sessions.service';
import type { Actor } from '../accounts/actor';
import { departments } from '../accounts/accounts.table';
import { institutions } from '../institutions/institutions.table';
import { applications } from './applications.table';
import { DRAFT } from './states';

export type ApplicationRow = typeof applications.$inferSelect;

/**
 * The one place that decides who may see an application: its own unit, or a reviewer of the
 * department it was submitted to (admins too). Anyone else gets 404, as if it did not exist.
 */
export async function readableApplication(db: DbOrTx, actor: Actor, id: string): Promise<ApplicationRow> {
  const user = actor.user;
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  if (row) {
    if ((user.role === 'agent' || user.role === 'legal') && row.unitId === user.unitId) return row;
    if (user.role === 'admin') return row;
    if (user.role === 'reviewer' && row.department && row.status !== DRAFT) {
      if ((await reviewerDepartment(db, user))?.code === row.department) return row;
    }
  }
  throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权查看');
}

/** The 审批部门 a reviewer belongs to (code and name), or null for anyone else. */
export async function reviewerDepartment(db: DbOrTx, user: SessionUser): Promise<{ code: string; name: string } | null> {
  if (user.role !== 'reviewer' || !user.departmentId) return null;
  const [dept] = await db.select({ code: departments.code, name: departments.name }).from(departments).where(eq(departments.id, user.departmentId));
  return dept ?? null;
}

/** An application of the session's unit that may still be edited (待提交 / 审核不通过), locked for this transaction. */
export async function editableApplication(tx: DbOrTx, unitId: string, id: string): Promise<ApplicationRow> {
  const [row] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.id, id), eq(applications.unitId, unitId)))
    .for('update');
  if (!row) throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权操作');
  // a cancelled institution is read-only everywhere: none of its applications or materials changes again
  const [inst] = await tx.select({ name: institutions.name, cancelStatus: institutions.cancelStatus }).from(institutions).where(eq(institutions.id, row.institutionId));
  if (inst?.cancelStatus === '注销') throw new AppError(AppErrorCode.CONFLICT, `“${inst.name}”已注销，其申请和材料不能再修改`);
  if (!isEditable(row.status)) throw new AppError(AppErrorCode.CONFLICT, `当前状态为“${row.status}”，不能修改；如需修改请先撤回`);
  return row;
}

/** An audit entry about an application, made by the actor inside the transaction of the change. */
export function auditApplication(
  deps: Pick<AppDeps, 'audit'>,
  tx: DbOrTx,
  actor: Actor,
  action: TAuditAction,
  app: { id: string; unitId: string },
  detail: Record<string, unknown> = {},
): Promise<void> {
  const u = actor.user;
  return deps.audit.record(tx, { action, actorId: u.id, actorAccount: u.account, actorRole: u.role, unitId: app.unitId, targetType: 'application', targetId: app.id, ip: actor.ip, detail });
}

/** Declares a staff read of the application named by the route's `:id` (audited by plugins/staff-reads). */
export const applicationRead = (action: TAuditAction): StaffRead => ({
  action,
  target: async (db, params) => {
    const [row] = await db.select({ unitId: applications.unitId }).from(applications).where(eq(applications.id, params.id!));
    return row ? { type: 'application', id: params.id!, unitId: row.unitId } : null;
  },
});
