import { and, eq } from 'drizzle-orm';
import { AppErrorCode, isEditable } from '@jhrm/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../lib/app-error';
import type { DbOrTx } from '../../db/client';
import { departments } from '../accounts/accounts.table';
import { applications } from './applications.table';

export type ApplicationRow = typeof applications.$inferSelect;

/**
 * The one place that decides who may see an application: its own unit, or a reviewer of the
 * department it was submitted to (admins too). Anyone else gets 404, as if it did not exist.
 */
export async function readableApplication(db: DbOrTx, req: FastifyRequest, id: string): Promise<ApplicationRow> {
  const user = req.auth!.user;
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  if (row) {
    if ((user.role === 'agent' || user.role === 'legal') && row.unitId === user.unitId) return row;
    if (user.role === 'admin') return row;
    if (user.role === 'reviewer' && row.department && row.status !== '待提交' && user.departmentId) {
      const [dept] = await db.select({ code: departments.code }).from(departments).where(eq(departments.id, user.departmentId));
      if (dept?.code === row.department) return row;
    }
  }
  throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权查看');
}

/** An application of the session's unit that may still be edited (待提交 / 审核不通过), locked for this transaction. */
export async function editableApplication(tx: DbOrTx, unitId: string, id: string): Promise<ApplicationRow> {
  const [row] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.id, id), eq(applications.unitId, unitId)))
    .for('update');
  if (!row) throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权操作');
  if (!isEditable(row.status)) throw new AppError(AppErrorCode.CONFLICT, `当前状态为“${row.status}”，不能修改；如需修改请先撤回`);
  return row;
}
