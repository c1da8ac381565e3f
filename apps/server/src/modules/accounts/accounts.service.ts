import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  AppErrorCode,
  idValidityEnd,
  passwordProblems,
  type TChangePasswordRequest,
  type TFieldError,
  type TMyDepartment,
  type TRegisterRequest,
  type TSessionInfo,
  type TSessionUser,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import { uniqueViolation } from '../../lib/pg-errors';
import { formatBeijing } from '../../lib/time';
import type { AppDeps } from '../../deps';
import type { AuditEntry } from '../audit/audit.service';
import type { SessionUser } from './sessions.service';
import { sessions } from './sessions.table';
import { findUnitByUscc, findUserByAccount, reserveLoginAttempt } from './accounts.repository';
import { departments, loginAttempts, units, users } from './accounts.table';
import { expirePasswordIfTooOld } from './password-age';
import { usccOwnershipViolation, usccUsedByOtherUnitError } from './uscc-ownership';
import { VerificationService } from './verification.service';

export interface RequestMeta {
  ip: string;
  userAgent?: string;
}

export const CAPTCHA_AFTER_FAILURES = 3;
export const LOCK_AFTER_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 30 * 60_000;

const lockedError = (until: Date) => new AppError(AppErrorCode.LOCKED, `登录失败次数过多，账号已锁定，请于 ${formatBeijing(until)} 后再试`);

export function toSessionUserDto(u: SessionUser): TSessionUser {
  return {
    id: u.id,
    account: u.account,
    name: u.name,
    role: u.role,
    unit: u.unitId ? { id: u.unitId, name: u.unitName ?? '' , uscc: u.unitUscc ?? '' } : null,
    department: u.departmentId ? { id: u.departmentId, name: u.departmentName ?? '' } : null,
    mustChangePassword: u.mustChangePassword,
  };
}

export function invalid(errors: TFieldError[]): AppError {
  return new AppError(AppErrorCode.VALIDATION, errors.length > 1 ? `有${errors.length}处填写有误，请按提示修改` : errors[0]!.message, errors);
}

export class AccountsService {
  readonly verification: VerificationService;
  constructor(private readonly deps: AppDeps) {
    this.verification = new VerificationService(deps);
  }

  private get db() {
    return this.deps.database.db;
  }

  /** The 审批部门 of a staff member (name, code, level, parent), as the 主页's 部门信息 shows it. */
  async departmentOf(user: SessionUser): Promise<TMyDepartment['department']> {
    if (!user.departmentId) return null;
    const parent = alias(departments, 'parent');
    const [row] = await this.db
      .select({ code: departments.code, name: departments.name, level: departments.level, active: departments.active, parentName: parent.name })
      .from(departments)
      .leftJoin(parent, eq(parent.id, departments.parentId))
      .where(eq(departments.id, user.departmentId));
    return row ? { ...row, parentName: row.parentName ?? null } : null;
  }

  /**
   * Account + password. Unknown account and wrong password get the same answer; failures are
   * counted per account name: after 3 an image captcha is required, 5 within 15 minutes lock it
   * for 30 minutes. Each attempt takes its place in that count in one atomic statement before the
   * password is checked (docs/decisions/0012-sign-in-hardening-and-data-at-rest.md), so simultaneous
   * guesses get no more checks than sequential ones.
   */
  async login(input: { account: string; password: string; captchaId?: string; captcha?: string }, meta: RequestMeta) {
    const now = this.deps.clock();
    const accountKey = this.deps.pii.blindIndex(input.account, 'login');
    const user = await findUserByAccount(this.db, input.account.trim());
    const who = { actorId: user?.id, actorAccount: input.account.slice(0, 64), actorRole: user?.role, unitId: user?.unitId, ip: meta.ip };

    const attempt = await this.reserveAttempt(accountKey, now, input, who);
    const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !ok) {
      const count = attempt.failures;
      const lockedUntil = attempt.lockedUntil;
      await this.db.transaction(async (tx) => {
        await this.deps.audit.record(tx, { ...who, action: 'auth.login_failed', detail: { reason: user ? 'wrong_password' : 'unknown_account', failures: count } });
        if (lockedUntil) await this.deps.audit.record(tx, { ...who, action: 'auth.account_locked', detail: { until: lockedUntil.toISOString() } });
      });
      if (lockedUntil) throw lockedError(lockedUntil);
      const left = LOCK_AFTER_FAILURES - count;
      throw new AppError(
        AppErrorCode.UNAUTHENTICATED,
        count >= CAPTCHA_AFTER_FAILURES ? `账号或密码错误，再失败${left}次账号将被锁定30分钟` : '账号或密码错误',
        undefined,
        count >= CAPTCHA_AFTER_FAILURES ? { captchaRequired: true } : undefined,
      );
    }
    // The right password clears the count, and the lock its own reservation may have set.
    await this.db.delete(loginAttempts).where(eq(loginAttempts.accountKey, accountKey));
    if (user.status !== 'active') {
      await this.deps.audit.record(this.db, { ...who, action: 'auth.login_failed', detail: { reason: 'disabled' } });
      throw new AppError(AppErrorCode.FORBIDDEN, '账号已停用，请联系本单位法人账号或管理员');
    }
    await expirePasswordIfTooOld(this.deps, user, meta);
    return this.startSession(user.id, meta, 'password');
  }

  /**
   * Takes this attempt's place in the account name's failure count, or refuses it: locked, or a
   * captcha due. A captcha is checked (and used up) only once the count asks for one.
   */
  private async reserveAttempt(accountKey: string, now: Date, input: { captchaId?: string; captcha?: string }, who: Omit<AuditEntry, 'action'>) {
    const rules = {
      now,
      windowStart: new Date(now.getTime() - FAILURE_WINDOW_MS),
      lockUntil: new Date(now.getTime() + LOCK_MS),
      captchaAfter: CAPTCHA_AFTER_FAILURES,
      lockAfter: LOCK_AFTER_FAILURES,
      captchaSolved: false,
    };
    // A refusal may race with a success that clears the row; the next round then gets a place.
    for (let round = 0; round < 3; round++) {
      const reserved = await reserveLoginAttempt(this.db, accountKey, rules);
      if (reserved) return reserved;
      const [row] = await this.db.select().from(loginAttempts).where(eq(loginAttempts.accountKey, accountKey));
      if (row?.lockedUntil && row.lockedUntil.getTime() > now.getTime()) {
        await this.deps.audit.record(this.db, { ...who, action: 'auth.login_failed', detail: { reason: 'locked' } });
        throw lockedError(row.lockedUntil);
      }
      const captchaDue = !!row && row.windowStartedAt.getTime() > rules.windowStart.getTime() && row.failures >= CAPTCHA_AFTER_FAILURES;
      if (!captchaDue || rules.captchaSolved) continue;
      if (!input.captchaId || !input.captcha) {
        throw new AppError(AppErrorCode.CAPTCHA_REQUIRED, '请输入图片验证码', [{ path: 'captcha', message: '请输入图片验证码' }], { captchaRequired: true });
      }
      try {
        await this.verification.checkCaptcha(input.captchaId, input.captcha);
      } catch (err) {
        if (err instanceof AppError) throw new AppError(err.code, err.message, err.fieldErrors, { captchaRequired: true });
        throw err;
      }
      rules.captchaSolved = true;
    }
    throw new AppError(AppErrorCode.RATE_LIMITED, '操作过于频繁，请稍后再试');
  }

  /** Creates a session for a user whose identity is proven (password or a confirmed QR ticket). */
  async startSession(userId: string, meta: RequestMeta, method: 'password' | 'qr') {
    const session = await this.deps.sessions.create(userId, meta);
    const auth = (await this.deps.sessions.lookup(session.token))!;
    const u = auth.user;
    await this.deps.audit.record(this.db, {
      action: 'auth.login',
      actorId: u.id,
      actorAccount: u.account,
      actorRole: u.role,
      unitId: u.unitId,
      ip: meta.ip,
      detail: { method },
    });
    return { ...session, user: u };
  }

  async logout(user: SessionUser, sessionId: string, meta: RequestMeta): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.deps.sessions.destroy(sessionId, tx);
      await this.deps.audit.record(tx, { action: 'auth.logout', actorId: user.id, actorAccount: user.account, actorRole: user.role, unitId: user.unitId, ip: meta.ip });
    });
  }

  /**
   * 法人注册: every field checked at once; the SMS code proves the phone; one legal person per USCC.
   * A unit that exists without a legal person (created by an admin import) is claimed: it takes the
   * registered name and 法人类型, and its imported institutions are the new account's at once.
   */
  async register(input: TRegisterRequest, meta: RequestMeta): Promise<{ account: string }> {
    const { uscc, idCard, phone } = input;
    const idEnd = idValidityEnd(input.idStart, input.idValidity);
    const existingUnit = await findUnitByUscc(this.db, uscc);
    if (existingUnit) {
      const [legal] = await this.db.select({ id: users.id }).from(users).where(and(eq(users.unitId, existingUnit.id), eq(users.role, 'legal')));
      if (legal) throw this.usccTaken();
    } else if (await this.deps.hooks.usccUsedByOtherUnit(this.db, uscc)) {
      // one unit per code: an institution of another unit carries it (SPEC §9's second FAQ answer)
      throw usccUsedByOtherUnitError();
    }
    if (await findUserByAccount(this.db, input.account)) throw invalid([{ path: 'account', message: '该账号已被使用，请更换' }]);

    const codeId = await this.verification.checkSmsCode(phone, 'register', input.smsCode);
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.db.transaction(async (tx) => {
        await this.verification.markSmsCodeUsed(tx, codeId);
        let unitId = existingUnit?.id;
        if (unitId) {
          await tx.update(units).set({ name: input.unitName, legalType: input.legalType }).where(eq(units.id, unitId));
        } else {
          const [unit] = await tx.insert(units).values({ name: input.unitName, uscc: uscc, legalType: input.legalType }).returning({ id: units.id });
          unitId = unit!.id;
        }
        const [user] = await tx
          .insert(users)
          .values({
            account: input.account,
            passwordHash,
            role: 'legal',
            name: input.legalName,
            unitId,
            idCardEnc: this.deps.pii.encrypt(idCard),
            idCardIdx: this.deps.pii.blindIndex(idCard),
            phoneEnc: this.deps.pii.encrypt(phone),
            phoneIdx: this.deps.pii.blindIndex(phone),
            idValidity: input.idValidity,
            idValidFrom: input.idStart,
            idValidTo: idEnd,
          })
          .returning({ id: users.id });
        await this.deps.audit.record(tx, {
          action: 'account.registered',
          actorId: user!.id,
          actorAccount: input.account,
          actorRole: 'legal',
          unitId,
          targetType: 'unit',
          targetId: unitId,
          ip: meta.ip,
          detail: { uscc: uscc, unitName: input.unitName, legalType: input.legalType, ...(existingUnit ? { claimedUnit: true, previousName: existingUnit.name } : {}) },
        });
        return { account: input.account };
      });
    } catch (err) {
      if (usccOwnershipViolation(err) === 'unit') throw usccUsedByOtherUnitError();
      const constraint = uniqueViolation(err);
      if (constraint?.includes('account')) throw invalid([{ path: 'account', message: '该账号已被使用，请更换' }]);
      if (constraint) throw this.usccTaken();
      throw err;
    }
  }

  private usccTaken() {
    return new AppError(
      AppErrorCode.CONFLICT,
      '该统一社会信用代码已注册法人账号。如非本单位注册或忘记账号，请通过【账号申诉】处理，或咨询电话 0431-80767550',
      [{ path: 'uscc', message: '该统一社会信用代码已注册法人账号，可通过账号申诉找回' }],
      { appeal: true },
    );
  }

  /** Checks the password rules against the user's own account, phone and ID number. */
  async passwordErrors(userId: string, account: string, password: string, path: string): Promise<TFieldError[]> {
    const [u] = await this.db.select({ idCardEnc: users.idCardEnc, phoneEnc: users.phoneEnc }).from(users).where(eq(users.id, userId));
    const ctx = {
      account,
      idCard: u?.idCardEnc ? this.deps.pii.decrypt(u.idCardEnc) : null,
      phone: u?.phoneEnc ? this.deps.pii.decrypt(u.phoneEnc) : null,
    };
    return passwordProblems(password, ctx).map((message) => ({ path, message }));
  }

  /** Changing the password ends every session of the user, this one included. */
  async changePassword(user: SessionUser, input: TChangePasswordRequest, meta: RequestMeta): Promise<void> {
    const [row] = await this.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    if (!(await verifyPassword(row?.passwordHash ?? null, input.oldPassword))) throw invalid([{ path: 'oldPassword', message: '原密码不正确' }]);
    const errors = await this.passwordErrors(user.id, user.account, input.newPassword, 'newPassword');
    if (errors.length) throw invalid(errors);
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: this.deps.clock() }).where(eq(users.id, user.id));
      await tx.delete(sessions).where(eq(sessions.userId, user.id));
      await this.deps.audit.record(tx, { action: 'account.password_changed', actorId: user.id, actorAccount: user.account, actorRole: user.role, unitId: user.unitId, ip: meta.ip });
    });
    this.deps.sessions.forgetUser(user.id);
  }

  async listSessions(user: SessionUser, currentSessionId: string): Promise<TSessionInfo[]> {
    const rows = await this.db.select().from(sessions).where(eq(sessions.userId, user.id)).orderBy(sql`${sessions.lastSeenAt} DESC`);
    return rows.map((s) => ({
      id: s.handle,
      current: s.id === currentSessionId,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
    }));
  }

  async endSession(user: SessionUser, handle: string, meta: RequestMeta): Promise<void> {
    await this.db.transaction(async (tx) => {
      const ended = await tx.delete(sessions).where(and(eq(sessions.userId, user.id), eq(sessions.handle, handle))).returning({ id: sessions.id });
      if (ended.length === 0) throw new AppError(AppErrorCode.NOT_FOUND, '该会话不存在或已结束');
      await this.deps.audit.record(tx, { action: 'auth.session_ended', actorId: user.id, actorAccount: user.account, actorRole: user.role, unitId: user.unitId, ip: meta.ip, detail: { handle } });
    });
    this.deps.sessions.forgetUser(user.id);
  }
}
