import { AppErrorCode, type TSessionUser } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { verifyPassword } from '../../lib/passwords';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../sessions/sessions.service';
import { findUserByAccount } from './accounts.repository';

export interface RequestMeta {
  ip: string;
  userAgent?: string;
}

export function toSessionUserDto(u: SessionUser): TSessionUser {
  return {
    id: u.id,
    account: u.account,
    name: u.name,
    role: u.role,
    unit: u.unitId ? { id: u.unitId, name: u.unitName ?? '', uscc: u.unitUscc ?? '' } : null,
    department: u.departmentId ? { id: u.departmentId, name: u.departmentName ?? '' } : null,
  };
}

export class AccountsService {
  constructor(private readonly deps: AppDeps) {}

  /** Account + password. Unknown account and wrong password get the same answer. */
  async login(account: string, password: string, meta: RequestMeta): Promise<{ token: string; csrfToken: string }> {
    const { db } = this.deps.database;
    const user = await findUserByAccount(db, account);
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      await this.deps.audit.record(db, {
        action: 'auth.login_failed',
        actorId: user?.id,
        actorAccount: account.slice(0, 64),
        actorRole: user?.role,
        unitId: user?.unitId,
        ip: meta.ip,
        detail: { reason: user ? 'wrong_password' : 'unknown_account' },
      });
      throw new AppError(AppErrorCode.UNAUTHENTICATED, '账号或密码错误');
    }
    if (user.status !== 'active') {
      await this.deps.audit.record(db, {
        action: 'auth.login_failed',
        actorId: user.id,
        actorAccount: user.account,
        actorRole: user.role,
        unitId: user.unitId,
        ip: meta.ip,
        detail: { reason: 'disabled' },
      });
      throw new AppError(AppErrorCode.FORBIDDEN, '账号已停用，请联系本单位法人账号或管理员');
    }
    const session = await this.deps.sessions.create(user.id, meta);
    await this.deps.audit.record(db, {
      action: 'auth.login',
      actorId: user.id,
      actorAccount: user.account,
      actorRole: user.role,
      unitId: user.unitId,
      ip: meta.ip,
      detail: { method: 'password' },
    });
    return session;
  }

  async logout(user: SessionUser, sessionId: string, meta: RequestMeta): Promise<void> {
    const { db } = this.deps.database;
    await db.transaction(async (tx) => {
      await this.deps.sessions.destroy(sessionId, tx);
      await this.deps.audit.record(tx, {
        action: 'auth.logout',
        actorId: user.id,
        actorAccount: user.account,
        actorRole: user.role,
        unitId: user.unitId,
        ip: meta.ip,
      });
    });
  }
}
