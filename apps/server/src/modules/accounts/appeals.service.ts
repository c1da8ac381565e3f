import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { AppErrorCode, ZAppealRequest, maskMobile, type TAppeal, type TAppealAction, type TFieldError } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { DocumentForm } from '../../lib/uploads';
import type { StaffRead } from '../../plugins/staff-reads';
import type { AppDeps } from '../../deps';
import type { SessionUser } from './sessions.service';
import { files } from '../files/files.table';
import { invalid, type RequestMeta } from './accounts.service';
import { generateInitialPassword } from '../../lib/initial-password';
import { hashPassword } from '../../lib/passwords';
import { sessions } from './sessions.table';
import { appeals, loginAttempts, units, users } from './accounts.table';

export const MAX_APPEAL_FILES = 5;

/** An admin opening an appeal's attachment (audited by plugins/staff-reads); the unit is the one registered with the appeal's USCC, if any. */
export const appealRead: StaffRead = {
  action: 'appeal.attachment.downloaded',
  target: async (db, params) => {
    const [row] = await db.select({ uscc: appeals.uscc, unitId: units.id }).from(appeals).leftJoin(units, eq(units.uscc, appeals.uscc)).where(eq(appeals.id, params.id!));
    return row ? { type: 'appeal', id: params.id!, unitId: row.unitId, detail: { uscc: row.uscc } } : null;
  },
};

/** 账号申诉: anyone may file one; admins answer it, and the answer reaches the applicant by SMS. */
export class AppealsService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  /** Records the appeal and its attachments; the attachments leave quarantine as the transaction's last step. */
  async file(form: DocumentForm, meta: RequestMeta): Promise<{ id: string }> {
    const { fields, files: attachments } = form;
    const parsed = ZAppealRequest.safeParse(fields);
    if (!parsed.success) {
      const errors: TFieldError[] = [];
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        if (!errors.some((e) => e.path === path)) errors.push({ path, message: issue.message });
      }
      throw invalid(errors);
    }
    const input = parsed.data;
    const { uscc, phone } = input;
    const now = this.deps.clock();
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(appeals)
        .values({
          account: input.account,
          uscc: uscc,
          contact: input.contact,
          phoneEnc: this.deps.pii.encrypt(phone),
          phoneIdx: this.deps.pii.blindIndex(phone),
          description: input.description,
          createdAt: now,
        })
        .returning({ id: appeals.id });
      if (attachments.length) {
        await tx.insert(files).values(attachments.map((f) => ({ ownerType: 'appeal', ownerId: row!.id, sha256: f.sha256, size: f.size, mime: f.mime, name: f.name, createdAt: now })));
      }
      await this.deps.audit.record(tx, { action: 'appeal.filed', targetType: 'appeal', targetId: row!.id, ip: meta.ip, detail: { account: input.account, uscc: uscc, attachments: attachments.length } });
      await form.commit();
      return { id: row!.id };
    });
  }

  /** 账号申诉 still 待处理 (the 管理员 主页's count). */
  async pendingCount(): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(appeals).where(eq(appeals.status, '待处理'));
    return row?.n ?? 0;
  }

  async list(status: '待处理' | '已处理' | undefined, page: number, pageSize: number): Promise<{ items: TAppeal[]; total: number }> {
    const where = status ? eq(appeals.status, status) : undefined;
    const [rows, [total]] = await Promise.all([
      this.db
        .select({ appeal: appeals, legalAccount: users.account })
        .from(appeals)
        .leftJoin(units, eq(units.uscc, appeals.uscc))
        .leftJoin(users, and(eq(users.unitId, units.id), eq(users.role, 'legal')))
        .where(where)
        .orderBy(desc(appeals.createdAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      this.db.select({ n: count() }).from(appeals).where(where),
    ]);
    const attached = rows.length
      ? await this.db.select().from(files).where(and(eq(files.ownerType, 'appeal'), inArray(files.ownerId, rows.map((r) => r.appeal.id))))
      : [];
    return {
      total: total?.n ?? 0,
      items: rows.map(({ appeal: r, legalAccount }) => ({
        id: r.id,
        account: r.account,
        uscc: r.uscc,
        contact: r.contact,
        phone: maskMobile(this.deps.pii.decrypt(r.phoneEnc)),
        description: r.description,
        attachments: attached.filter((f) => f.ownerId === r.id).map((f) => ({ id: f.id, name: f.name, size: f.size })),
        status: r.status,
        reply: r.reply,
        action: (r.action as TAppealAction | null) ?? (r.status === '已处理' ? '仅回复' : null),
        legalAccount: legalAccount ?? null,
        createdAt: r.createdAt.toISOString(),
        handledAt: r.handledAt?.toISOString() ?? null,
      })),
    };
  }

  async attachment(appealId: string, fileId: string) {
    const [f] = await this.db.select().from(files).where(and(eq(files.id, fileId), eq(files.ownerType, 'appeal'), eq(files.ownerId, appealId)));
    if (!f) throw new AppError(AppErrorCode.NOT_FOUND, '附件不存在');
    return f;
  }

  /**
   * Marks the appeal handled, does what the admin chose for the unit registered under the appeal's
   * USCC (a new initial password for its legal person, or the legal person's 手机号码 changed to the
   * appellant's), and sends the reply with the outcome to the appellant's phone. One transaction:
   * a second admin handling the same appeal meets the row lock and is told it is done.
   */
  async handle(admin: SessionUser, id: string, input: { reply: string; action: TAppealAction }, meta: RequestMeta): Promise<void> {
    const { reply, action } = input;
    const who = { actorId: admin.id, actorAccount: admin.account, actorRole: admin.role, ip: meta.ip };
    const outcome = await this.db.transaction(async (tx) => {
      const [row] = await tx.select().from(appeals).where(eq(appeals.id, id)).for('update');
      if (!row) throw new AppError(AppErrorCode.NOT_FOUND, '申诉不存在');
      if (row.status === '已处理') throw new AppError(AppErrorCode.CONFLICT, '该申诉已处理');
      const phone = this.deps.pii.decrypt(row.phoneEnc);
      let note = '';
      let legalId: string | null = null;
      if (action !== '仅回复') {
        const [legal] = await tx
          .select({ id: users.id, account: users.account, unitId: users.unitId })
          .from(users)
          .innerJoin(units, eq(units.id, users.unitId))
          .where(and(eq(units.uscc, row.uscc), eq(users.role, 'legal')))
          .for('update');
        if (!legal) throw invalid([{ path: 'action', message: '该统一社会信用代码尚未注册单位，只能回复处理意见' }]);
        legalId = legal.id;
        if (action === '重置法人密码') {
          const initialPassword = generateInitialPassword({ account: legal.account, phone });
          await tx.update(users).set({ passwordHash: await hashPassword(initialPassword), mustChangePassword: true, passwordChangedAt: this.deps.clock() }).where(eq(users.id, legal.id));
          // the lock that often made the unit appeal is lifted with the new password
          await tx.delete(loginAttempts).where(eq(loginAttempts.accountKey, this.deps.pii.blindIndex(legal.account, 'login')));
          note = `法人账号 ${legal.account} 的密码已重置，初始密码：${initialPassword}，登录后须立即修改。`;
        } else {
          await tx.update(users).set({ phoneEnc: this.deps.pii.encrypt(phone), phoneIdx: this.deps.pii.blindIndex(phone) }).where(eq(users.id, legal.id));
          note = `法人账号 ${legal.account} 的手机号码已更换为本号码。`;
        }
        await tx.delete(sessions).where(eq(sessions.userId, legal.id));
        await this.deps.audit.record(tx, {
          action: action === '重置法人密码' ? 'account.password_reset_by_appeal' : 'account.phone_changed_by_appeal',
          ...who,
          unitId: legal.unitId,
          targetType: 'user',
          targetId: legal.id,
          detail: { account: legal.account, appealId: id },
        });
      }
      await tx.update(appeals).set({ status: '已处理', reply, action, handledAt: this.deps.clock(), handledBy: admin.id }).where(eq(appeals.id, id));
      await this.deps.audit.record(tx, { action: 'appeal.handled', ...who, targetType: 'appeal', targetId: id, detail: { action } });
      // the SMS is the last step inside the transaction: a new password nobody received is never kept
      try {
        await this.deps.sms.send(phone, `【吉林智慧人社】您的账号申诉已处理：${reply}${note ? ` ${note}` : ''}`);
      } catch {
        throw new AppError(AppErrorCode.UNAVAILABLE, '短信发送失败，申诉未处理，请稍后重试');
      }
      return { legalId };
    });
    if (outcome.legalId) this.deps.sessions.forgetUser(outcome.legalId);
  }
}
