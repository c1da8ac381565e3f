import { and, eq, sql, type SQL } from 'drizzle-orm';
import { AppErrorCode } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../accounts/actor';
import { reviewerDepartment } from '../applications/applications.access';
import { inspectionTasks } from './inspections.table';

export type InspectionRow = typeof inspectionTasks.$inferSelect;

/** Whose tasks a caller sees: a reviewer its department's only, an administrator every department's. */
export type InspectionScope = { department: string; departmentName: string } | { department: null };

const NOT_FOUND = '核查任务不存在或无权查看';

/** The caller's scope (tenant isolation: every task query is filtered by it); anyone else sees nothing. */
export async function inspectionScope(db: DbOrTx, actor: Actor): Promise<InspectionScope> {
  if (actor.user.role === 'admin') return { department: null };
  const dept = await reviewerDepartment(db, actor.user);
  if (!dept) throw new AppError(AppErrorCode.NOT_FOUND, NOT_FOUND);
  return { department: dept.code, departmentName: dept.name };
}

/** The scope's condition on inspection_tasks. */
export function inScope(scope: InspectionScope): SQL | undefined {
  return scope.department === null ? undefined : eq(inspectionTasks.department, scope.department);
}

/** One task within the scope (locked for the caller's transaction when asked), else 404. */
export async function scopedTask(db: DbOrTx, scope: InspectionScope, id: string, opts: { lock?: boolean } = {}): Promise<InspectionRow> {
  const q = db.select().from(inspectionTasks).where(and(eq(inspectionTasks.id, id), inScope(scope)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new AppError(AppErrorCode.NOT_FOUND, NOT_FOUND);
  return row;
}

/** Overdue on `today`: 待核查 past its due date, or 整改中 past the 整改 deadline. */
export function overdueOn(today: string): SQL {
  return sql`((${inspectionTasks.status} = '待核查' AND ${inspectionTasks.dueOn} < ${today}) OR (${inspectionTasks.status} = '整改中' AND ${inspectionTasks.rectifyDeadline} < ${today}))`;
}

export const isOverdue = (t: Pick<InspectionRow, 'status' | 'dueOn' | 'rectifyDeadline'>, today: string): boolean =>
  (t.status === '待核查' && t.dueOn < today) || (t.status === '整改中' && !!t.rectifyDeadline && t.rectifyDeadline < today);
