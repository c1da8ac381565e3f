import { randomInt } from 'node:crypto';
import { and, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import svgCaptcha from 'svg-captcha';
import { AppErrorCode, maskMobile } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { hmacSm3 } from '../../lib/crypto';
import type { AppDeps } from '../../deps';
import type { DbOrTx } from '../../db/client';
import { captchas, smsCodes } from './accounts.table';

export const CAPTCHA_TTL_MS = 5 * 60_000;
export const SMS_TTL_MS = 5 * 60_000;
export const SMS_COOLDOWN_MS = 60_000;
export const SMS_MAX_PER_DAY = 10;
export const SMS_MAX_WRONG = 5;

export type SmsPurpose = 'register' | 'appeal';
const PURPOSE_TEXT: Record<SmsPurpose, string> = { register: '法人注册', appeal: '账号申诉' };

/** Image captchas and SMS codes: everything here is single use and short-lived. */
export class VerificationService {
  constructor(private readonly deps: AppDeps) {}

  private digest(...parts: string[]) {
    return hmacSm3(this.deps.config.secrets.pii.indexKey, ...parts.flatMap((p) => [p, '\0'])).toString('hex');
  }

  async createCaptcha(): Promise<{ id: string; svg: string }> {
    const c = svgCaptcha.create({ size: 4, noise: 3, ignoreChars: '0oO1ilI', color: true, background: '#f4f6fa', width: 110, height: 40 });
    const answer = c.text.toUpperCase();
    const now = this.deps.clock();
    const { db } = this.deps.database;
    // expired captchas are swept as new ones are made: the table stays small without a job
    await db.delete(captchas).where(lt(captchas.expiresAt, now));
    const [row] = await db
      .insert(captchas)
      .values({ answerHash: this.digest('captcha', answer), expiresAt: new Date(now.getTime() + CAPTCHA_TTL_MS) })
      .returning({ id: captchas.id });
    this.deps.outbox?.recordCaptcha(row!.id, answer);
    return { id: row!.id, svg: c.data };
  }

  /** Checks and consumes a captcha: right or wrong, it cannot be tried again. */
  async checkCaptcha(id: string | undefined, answer: string | undefined, field = 'captcha'): Promise<void> {
    const wrong = new AppError(AppErrorCode.VALIDATION, '图片验证码不正确，请重新输入', [{ path: field, message: '图片验证码不正确' }]);
    if (!id || !answer || !/^[0-9a-f-]{36}$/i.test(id)) throw wrong;
    const [row] = await this.deps.database.db.delete(captchas).where(eq(captchas.id, id)).returning();
    if (!row) throw new AppError(AppErrorCode.VALIDATION, '图片验证码已失效，请点击图片刷新', [{ path: field, message: '图片验证码已失效，请刷新' }]);
    if (row.expiresAt.getTime() < this.deps.clock().getTime()) {
      throw new AppError(AppErrorCode.VALIDATION, '图片验证码已过期，请点击图片刷新', [{ path: field, message: '图片验证码已过期，请刷新' }]);
    }
    if (row.answerHash !== this.digest('captcha', answer.trim().toUpperCase())) throw wrong;
  }

  /** 获取验证码: 60 s between sends and 10 a day per phone; the code is valid 5 minutes. */
  async sendSmsCode(phone: string, purpose: SmsPurpose): Promise<{ cooldownSeconds: number; expiresInSeconds: number }> {
    const { db } = this.deps.database;
    const now = this.deps.clock();
    const phoneIdx = this.deps.pii.blindIndex(phone);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await db.transaction(async (tx) => {
      // one sender per phone at a time, so two quick clicks cannot both pass the cool-down check
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${phoneIdx}))`);
      const [last] = await tx.select().from(smsCodes).where(eq(smsCodes.phoneIdx, phoneIdx)).orderBy(desc(smsCodes.createdAt)).limit(1);
      if (last) {
        const wait = Math.ceil((last.createdAt.getTime() + SMS_COOLDOWN_MS - now.getTime()) / 1000);
        if (wait > 0) {
          throw new AppError(AppErrorCode.RATE_LIMITED, `验证码发送过于频繁，请${wait}秒后再试`, [{ path: 'phone', message: `请${wait}秒后再获取验证码` }], { retryAfterSeconds: wait });
        }
      }
      const dayStart = new Date(now.getTime() - 24 * 3_600_000);
      const [{ n } = { n: 0 }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(smsCodes)
        .where(and(eq(smsCodes.phoneIdx, phoneIdx), gte(smsCodes.createdAt, dayStart)));
      if (n >= SMS_MAX_PER_DAY) {
        throw new AppError(AppErrorCode.RATE_LIMITED, '该手机号码今日获取验证码次数已达上限（10次），请明天再试', [{ path: 'phone', message: '今日获取验证码次数已达上限' }]);
      }
      await tx.insert(smsCodes).values({
        phoneIdx,
        purpose,
        codeHash: this.digest('sms', phoneIdx, purpose, code),
        createdAt: now,
        expiresAt: new Date(now.getTime() + SMS_TTL_MS),
      });
      await this.deps.audit.record(tx, { action: 'sms.code_sent', detail: { phone: maskMobile(phone), purpose } });
    });
    try {
      await this.deps.sms.send(phone, `【吉林智慧人社】您的${PURPOSE_TEXT[purpose]}验证码为${code}，5分钟内有效，请勿泄露给他人。`, { code });
    } catch {
      throw new AppError(AppErrorCode.UNAVAILABLE, '短信发送失败，请稍后再试');
    }
    return { cooldownSeconds: SMS_COOLDOWN_MS / 1000, expiresInSeconds: SMS_TTL_MS / 1000 };
  }

  /**
   * Checks the latest unused code for the phone and purpose. A wrong try is counted (and kept:
   * the count commits before the error is thrown); the fifth voids the code. Returns the code's id,
   * which the caller consumes with `markSmsCodeUsed` in the transaction that does the work.
   */
  async checkSmsCode(phone: string, purpose: SmsPurpose, code: string): Promise<string> {
    const phoneIdx = this.deps.pii.blindIndex(phone);
    const now = this.deps.clock();
    const outcome = await this.deps.database.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(smsCodes)
        .where(and(eq(smsCodes.phoneIdx, phoneIdx), eq(smsCodes.purpose, purpose), isNull(smsCodes.usedAt)))
        .orderBy(desc(smsCodes.createdAt))
        .limit(1)
        .for('update');
      if (!row) return { error: '请先获取短信验证码' };
      if (row.expiresAt.getTime() <= now.getTime()) return { error: '短信验证码已过期，请重新获取' };
      if (row.attempts >= SMS_MAX_WRONG) return { error: '短信验证码错误次数过多，请重新获取' };
      if (row.codeHash !== this.digest('sms', phoneIdx, purpose, code)) {
        const attempts = row.attempts + 1;
        await tx.update(smsCodes).set({ attempts }).where(eq(smsCodes.id, row.id));
        return { error: attempts >= SMS_MAX_WRONG ? '短信验证码错误次数过多，请重新获取' : `短信验证码不正确，还可尝试${SMS_MAX_WRONG - attempts}次` };
      }
      return { id: row.id };
    });
    if ('error' in outcome) throw new AppError(AppErrorCode.VALIDATION, outcome.error!, [{ path: 'smsCode', message: outcome.error! }]);
    return outcome.id;
  }

  /** Consumes a checked code inside the caller's transaction; a code already used by a concurrent request fails. */
  async markSmsCodeUsed(tx: DbOrTx, id: string): Promise<void> {
    const used = await tx
      .update(smsCodes)
      .set({ usedAt: this.deps.clock() })
      .where(and(eq(smsCodes.id, id), isNull(smsCodes.usedAt)))
      .returning({ id: smsCodes.id });
    if (used.length === 0) throw new AppError(AppErrorCode.VALIDATION, '短信验证码已使用，请重新获取', [{ path: 'smsCode', message: '短信验证码已使用，请重新获取' }]);
  }
}
