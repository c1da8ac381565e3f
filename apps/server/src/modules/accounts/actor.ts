import { AppErrorCode } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { SessionUser } from './sessions.service';

/**
 * Who calls a service: the signed-in user (from the session) and the client address (for the audit
 * trail). Routes build it from the request (plugins/auth.ts `actorOf`); services never see the
 * request itself.
 */
export interface Actor {
  user: SessionUser;
  ip: string;
}

/** The unit a unit user acts for: always from the session, never from the request. */
export function actorUnitId(actor: Actor): string {
  const unitId = actor.user.unitId;
  if (!unitId) throw new AppError(AppErrorCode.FORBIDDEN, '当前账号未关联单位');
  return unitId;
}
