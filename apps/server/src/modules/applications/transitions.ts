import { and, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { AppErrorCode, actionContext, findTransition, isFinal, transitionBlocked, type TApplicationAction, type TAuditAction, type Transition } from '@jhrm/contracts';
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
  受理: 'application.accepted',
  不予受理: 'application.not_accepted',
  补正: 'application.correction_requested',
  审核通过: 'application.approved',
  审核不通过: 'application.rejected',
};

/** The transition `action` takes from the application's state for this actor, or a 409 saying why not. */
export function allowedTransition(app: Pick<ApplicationRow, 'type' | 'status' | 'acceptedAt'>, action: TApplicationAction, actor: Actor): Transition {
  const t = findTransition(app.status, action);
  if (!t || !t.by.includes(actor.user.role)) throw new AppError(AppErrorCode.CONFLICT, `当前状态为“${app.status}”，不能${action}`);
  switch (transitionBlocked(t, actionContext(app))) {
    case 'noAcceptanceStep':
      throw new AppError(AppErrorCode.CONFLICT, `${app.type}申请无需受理，请直接作出审核结论`);
    case 'accepted':
      throw new AppError(AppErrorCode.CONFLICT, `审批部门已于 ${formatBeijing(app.acceptedAt!)} 受理该申请，不能${action}`);
    case 'notAccepted':
      throw new AppError(AppErrorCode.CONFLICT, `该申请尚未受理，不能${action}。请先受理（或不予受理、告知补正）`);
    case null:
      return t;
  }
}

/** The row condition beyond the state that the transition needs (受理 recorded or not), checked again in the UPDATE. */
function acceptanceCondition(t: Transition, type: string): SQL | undefined {
  if (t.requires === 'notAccepted') return isNull(applications.acceptedAt);
  if (t.requires === 'accepted' && actionContext({ type, acceptedAt: null }).acceptance) return isNotNull(applications.acceptedAt);
  return undefined;
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
 * still in its `from` state and its 受理 is as the transition needs (UPDATE … WHERE status = from AND
 * accepted_at IS [NOT] NULL RETURNING, so of concurrent fires — two 受理, 撤回 against 受理 — exactly
 * one wins and the others get a 409), bumps the version, runs the effects, appends the audit entry
 * and calls the kind's afterTransition (applications/kinds.ts). Returns the application as it is now.
 */
export async function fire(deps: Pick<AppDeps, 'clock' | 'audit'>, tx: DbOrTx, app: ApplicationRow, action: TApplicationAction, actor: Actor, opts: FireOptions = {}): Promise<ApplicationRow> {
  const t = allowedTransition(app, action, actor);
  const [moved] = await tx
    .update(applications)
    // a final state closes the application: an exclusive kind's institution is free for the next one
    .set({ ...opts.set, status: t.to, ...(isFinal(t.to) ? { openFor: null } : {}), version: sql`${applications.version} + 1`, updatedAt: deps.clock() })
    .where(and(eq(applications.id, app.id), eq(applications.status, t.from), acceptanceCondition(t, app.type)))
    .returning();
  if (!moved) {
    const now = t.requires ? '状态或受理情况已变化' : `当前不再是“${t.from}”状态`;
    throw new AppError(AppErrorCode.CONFLICT, `该申请已被他人处理，${now}，不能${action}。请刷新页面查看最新状态`);
  }
  const extra = (await opts.effects?.(moved)) ?? {};
  await auditApplication(deps, tx, actor, AUDIT_ACTIONS[action], moved, { ...opts.audit, ...extra });
  await kindAdapter(moved.type).afterTransition?.(tx, deps, moved, t);
  return moved;
}
