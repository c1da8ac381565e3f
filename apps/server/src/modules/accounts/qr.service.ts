import { createHash, timingSafeEqual } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { AppErrorCode } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { AppDeps } from '../../deps';
import { newToken, type SessionUser } from './sessions.service';
import { qrLogins } from './accounts.table';

export const QR_TTL_MS = 2 * 60_000;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

type PublicStatus = 'pending' | 'scanned' | 'confirmed' | 'cancelled' | 'expired' | 'used';

/**
 * 扫码登录. The desktop creates a ticket and keeps its secret in an httpOnly cookie; the QR shows
 * the ticket's page of this system; a signed-in agent opens it on the phone and confirms; the
 * desktop's poll then gets the session. Tickets live 2 minutes and are used once.
 */
export class QrLoginService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  async create(): Promise<{ id: string; secret: string; expiresAt: Date }> {
    const now = this.deps.clock();
    const secret = newToken();
    const expiresAt = new Date(now.getTime() + QR_TTL_MS);
    // old tickets are swept as new ones are made
    await this.db.delete(qrLogins).where(lt(qrLogins.expiresAt, new Date(now.getTime() - QR_TTL_MS)));
    const [row] = await this.db.insert(qrLogins).values({ desktopSecretHash: sha(secret), createdAt: now, expiresAt }).returning({ id: qrLogins.id });
    return { id: row!.id, secret, expiresAt };
  }

  private async find(id: string) {
    const [row] = await this.db.select().from(qrLogins).where(eq(qrLogins.id, id));
    if (!row) throw new AppError(AppErrorCode.NOT_FOUND, '二维码不存在或已失效，请在电脑上刷新二维码');
    return row;
  }

  private effective(row: typeof qrLogins.$inferSelect): PublicStatus | 'consumed' {
    if ((row.status === 'pending' || row.status === 'scanned') && row.expiresAt.getTime() <= this.deps.clock().getTime()) return 'expired';
    return row.status;
  }

  /**
   * The desktop's poll. Only the browser holding the ticket's secret may ask; when the phone has
   * confirmed, the ticket is consumed (atomically, once) and the user id is returned for a session.
   */
  async poll(id: string, secret: string | undefined): Promise<{ status: PublicStatus; userId?: string }> {
    const row = await this.find(id);
    const a = Buffer.from(sha(secret ?? ''));
    const b = Buffer.from(row.desktopSecretHash);
    if (!secret || !timingSafeEqual(a, b)) throw new AppError(AppErrorCode.FORBIDDEN, '二维码不属于当前浏览器，请刷新二维码');
    const status = this.effective(row);
    if (status === 'consumed') return { status: 'used' };
    if (status !== 'confirmed') return { status };
    const taken = await this.db
      .update(qrLogins)
      .set({ status: 'consumed' })
      .where(and(eq(qrLogins.id, id), eq(qrLogins.status, 'confirmed')))
      .returning({ userId: qrLogins.userId });
    if (taken.length === 0) return { status: 'used' };
    return { status: 'confirmed', userId: taken[0]!.userId! };
  }

  /** The phone opened the QR's page. */
  async scan(id: string): Promise<{ status: PublicStatus; expiresAt: Date }> {
    const row = await this.find(id);
    const status = this.effective(row);
    if (status === 'pending') await this.db.update(qrLogins).set({ status: 'scanned' }).where(and(eq(qrLogins.id, id), eq(qrLogins.status, 'pending')));
    return { status: status === 'pending' ? 'scanned' : status === 'consumed' ? 'used' : status, expiresAt: row.expiresAt };
  }

  async decide(id: string, user: SessionUser, decision: 'confirm' | 'cancel', ip: string): Promise<void> {
    const row = await this.find(id);
    const status = this.effective(row);
    if (status === 'expired') throw new AppError(AppErrorCode.CONFLICT, '二维码已过期，请在电脑上刷新二维码后重新扫码');
    if (status === 'consumed') throw new AppError(AppErrorCode.CONFLICT, '该二维码已使用，请在电脑上刷新二维码后重新扫码');
    if (status === 'confirmed' || status === 'cancelled') throw new AppError(AppErrorCode.CONFLICT, '该二维码已处理，请在电脑上刷新二维码');
    await this.db.transaction(async (tx) => {
      const done = await tx
        .update(qrLogins)
        .set(decision === 'confirm' ? { status: 'confirmed', userId: user.id } : { status: 'cancelled' })
        .where(and(eq(qrLogins.id, id), eq(qrLogins.status, row.status)))
        .returning({ id: qrLogins.id });
      if (done.length === 0) throw new AppError(AppErrorCode.CONFLICT, '该二维码已处理，请在电脑上刷新二维码');
      await this.deps.audit.record(tx, {
        action: decision === 'confirm' ? 'auth.qr_confirmed' : 'auth.qr_cancelled',
        actorId: user.id,
        actorAccount: user.account,
        actorRole: user.role,
        unitId: user.unitId,
        ip,
        targetType: 'qr_login',
        targetId: id,
      });
    });
  }
}
