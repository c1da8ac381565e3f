import { and, eq, sql } from 'drizzle-orm';
import { AppErrorCode, findTransition, isFinal, type TApplicationAction, type TAuditAction, type Transition } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { formatBeijing } from '../../lib/time';
import type { DbOrTx } from '../../db/client';
import type { AppDeps } from '../../deps';
import type { Actor } from '../accounts/actor';
import { auditApplication, type ApplicationRow } from './applications.access';
import { applications } from './applications.table';
import { kindAdapter } from './kinds';

/**
 * The state machine of contracts' applications.status.ts, applied: the one place that changes an
 * application's state. Call sites name an action, never a state.
 */

/** The audit entry each action leaves. */
const AUDIT_ACTIONS: Record<TApplicationAction, TAuditAction> = {
  提交: 'application.submitted',
  撤回: 'application.withdrawn',
  审核通过: 'application.approved',
  审核不通过: 'application.rejected',
};

/** The transition `action` takes from the application's state for this actor, or a 409 saying why not. */
export function allowedTransition(app: Pick<ApplicationRow, 'status' | 'acceptedAt'>, action: TApplicationAction, actor: Actor): Transition {
  const t = findTransition(app.status, action);
  if (!t || !t.by.includes(actor.user.role)) throw new AppError(AppErrorCode.CONFLICT, `当前状态为“${app.status}”，不能${action}`);
  if (t.requires === 'notAccepted' && app.acceptedAt) {
    throw new AppError(AppErrorCode.CONFLICT, `审批部门已于 ${formatBeijing(app.acceptedAt)} 受理该申请，不能${action}`);
  }
  return t;
}

type ApplicationChanges = Partial<Omit<typeof applications.$inferInsert, 'id' | 'status' | 'version' | 'updatedAt'>>;

export interface FireOptions {
  /** further columns the transition sets (提交: the department and the deadline; a decision: who decided) */
  set?: ApplicationChanges;
  /** detail of the audit entry */
  audit?: Record<string, unknown>;
  /** what the action does besides the state (an approval's licence), after the state changed; its result joins the audit detail */
  effects?: (app: ApplicationRow) => Promise<Record<string, unknown> | void>;
}

/**
 * Fires `action` on `app` inside `tx`: checks the transition, writes its `to` only if the row is
 * still in its `from` state (UPDATE … WHERE status = from RETURNING, so of concurrent fires exactly
 * one wins and the others get a 409), bumps the version, runs the effects, appends the audit entry
 * and calls the kind's afterTransition (applications/kinds.ts). Returns the application as it is now.
 */
export async function fire(deps: Pick<AppDeps, 'clock' | 'audit'>, tx: DbOrTx, app: ApplicationRow, action: TApplicationAction, actor: Actor, opts: FireOptions = {}): Promise<ApplicationRow> {
  const t = allowedTransition(app, action, actor);
  const [moved] = await tx
    .update(applications)
    // a final state closes the application: an exclusive kind's institution is free for the next one
    .set({ ...opts.set, status: t.to, ...(isFinal(t.to) ? { openFor: null } : {}), version: sql`${applications.version} + 1`, updatedAt: deps.clock() })
    .where(and(eq(applications.id, app.id), eq(applications.status, t.from)))
    .returning();
  if (!moved) throw new AppError(AppErrorCode.CONFLICT, `该申请已被他人处理，当前不再是“${t.from}”状态，不能${action}。请刷新页面查看最新状态`);
  const extra = (await opts.effects?.(moved)) ?? {};
  await auditApplication(deps, tx, actor, AUDIT_ACTIONS[action], moved, { ...opts.audit, ...extra });
  await kindAdapter(moved.type).afterTransition?.(tx, deps, moved, t);
  return moved;
}
