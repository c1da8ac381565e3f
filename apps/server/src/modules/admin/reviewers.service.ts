import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import {
  AppErrorCode,
  maskMobile,
  type TCreateReviewerRequest,
  type TInitialPassword,
  type TPage,
  type TReviewer,
  type TReviewerExportQuery,
  type TReviewerQuery,
  type TAuditAction,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { likeEscape } from '../../lib/like';
import { hashPassword } from '../../lib/passwords';
import { uniqueViolation } from '../../lib/pg-errors';
import type { Tx } from '../../db/client';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../accounts/sessions.service';
import { sessions } from '../accounts/sessions.table';
import { findUserByAccount } from '../accounts/accounts.repository';
import { invalid, type RequestMeta } from '../accounts/accounts.service';
import { departments, users } from '../accounts/accounts.table';
import { activeDepartmentByCode } from './departments.service';
import { generateInitialPassword } from '../../lib/initial-password';


/**
 * 审核人员 accounts, managed by administrators only. The server generates every initial password
 * and returns it once; the reviewer must replace it at first login (and after each reset).
 */
export class ReviewersService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  async list(q: TReviewerQuery): Promise<TPage<TReviewer>> {
    const cond = this.conditions(q);
    const [items, [total]] = await Promise.all([
      this.rows(cond, q.page, q.pageSize),
      this.db.select({ n: count() }).from(users).leftJoin(departments, eq(departments.id, users.departmentId)).where(cond),
    ]);
    return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
  }

  /** 导出: the list's rows for the filters, page by page, in the list's order (no count per page). */
  exportPages(q: TReviewerExportQuery) {
    const cond = this.conditions(q);
    return (page: number, pageSize: number) => this.rows(cond, page, pageSize);
  }

  private conditions(q: TReviewerExportQuery): SQL | undefined {
    const where: SQL[] = [eq(users.role, 'reviewer')];
    if (q.department) where.push(eq(departments.code, q.department));
    if (q.status) where.push(eq(users.status, q.status));
    if (q.keyword) {
      const like = `%${likeEscape(q.keyword)}%`;
      const byText = or(ilike(users.account, like), ilike(users.name, like))!;
      // a full mobile number finds its owner through the blind index (the number itself is encrypted)
      where.push(/^1[3-9]\d{9}$/.test(q.keyword) ? or(byText, eq(users.phoneIdx, this.deps.pii.blindIndex(q.keyword)))! : byText);
    }
    return and(...where);
  }

  /** One page of the list, newest first, the phone masked. */
  private async rows(cond: SQL | undefined, page: number, pageSize: number): Promise<TReviewer[]> {
    const rows = await this.db
      .select({ user: users, deptCode: departments.code, deptName: departments.name, deptActive: departments.active })
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(cond)
      .orderBy(desc(users.createdAt), users.account)
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    return rows.map(({ user: u, deptCode, deptName, deptActive }) => ({
      id: u.id,
      account: u.account,
      name: u.name,
      phone: u.phoneEnc ? maskMobile(this.deps.pii.decrypt(u.phoneEnc)) : '',
      department: deptCode ? { code: deptCode, name: deptName ?? '', active: deptActive ?? false } : null,
      status: u.status,
      mustChangePassword: u.mustChangePassword,
      passwordChangedAt: u.passwordChangedAt.toISOString(),
      createdAt: u.createdAt.toISOString(),
    }));
  }

  async create(admin: SessionUser, input: TCreateReviewerRequest, meta: RequestMeta): Promise<TInitialPassword> {
    if (await findUserByAccount(this.db, input.account)) throw invalid([{ path: 'account', message: '该账号已被使用，请更换' }]);
    const initialPassword = generateInitialPassword({ account: input.account, phone: input.phone });
    const passwordHash = await hashPassword(initialPassword);
    const now = this.deps.clock();
    try {
      return await this.db.transaction(async (tx) => {
        const dept = await activeDepartmentByCode(tx, input.departmentCode);
        const [row] = await tx
          .insert(users)
          .values({
            account: input.account,
            passwordHash,
            role: 'reviewer',
            name: input.name,
            departmentId: dept.id,
            phoneEnc: this.deps.pii.encrypt(input.phone),
            phoneIdx: this.deps.pii.blindIndex(input.phone),
            mustChangePassword: true,
            passwordChangedAt: now,
            createdAt: now,
            createdBy: admin.id,
          })
          .returning({ id: users.id });
        await this.audit(tx, admin, 'reviewer.created', row!.id, meta, { account: input.account, name: input.name, department: dept.code });
        return { id: row!.id, account: input.account, initialPassword };
      });
    } catch (err) {
      if (uniqueViolation(err)) throw invalid([{ path: 'account', message: '该账号已被使用，请更换' }]);
      throw err;
    }
  }

  /** 停用 ends the reviewer's sessions at once; 启用 lets them sign in again. */
  async setStatus(admin: SessionUser, id: string, status: 'active' | 'disabled', meta: RequestMeta): Promise<void> {
    await this.db.transaction(async (tx) => {
      const reviewer = await this.reviewer(tx, id);
      if (reviewer.status === status) return;
      await tx.update(users).set({ status }).where(eq(users.id, id));
      if (status === 'disabled') await tx.delete(sessions).where(eq(sessions.userId, id));
      await this.audit(tx, admin, status === 'disabled' ? 'reviewer.disabled' : 'reviewer.enabled', id, meta, { account: reviewer.account });
    });
    this.deps.sessions.forgetUser(id);
  }

  /** A new initial password, shown once; the reviewer's sessions end and the next login must change it. */
  async resetPassword(admin: SessionUser, id: string, meta: RequestMeta): Promise<TInitialPassword> {
    const [row] = await this.db.select().from(users).where(and(eq(users.id, id), eq(users.role, 'reviewer')));
    if (!row) throw new AppError(AppErrorCode.NOT_FOUND, '审核人员不存在');
    const phone = row.phoneEnc ? this.deps.pii.decrypt(row.phoneEnc) : null;
    const initialPassword = generateInitialPassword({ account: row.account, phone });
    const passwordHash = await hashPassword(initialPassword);
    await this.db.transaction(async (tx) => {
      await this.reviewer(tx, id);
      await tx.update(users).set({ passwordHash, mustChangePassword: true, passwordChangedAt: this.deps.clock() }).where(eq(users.id, id));
      await tx.delete(sessions).where(eq(sessions.userId, id));
      await this.audit(tx, admin, 'reviewer.password_reset', id, meta, { account: row.account });
    });
    this.deps.sessions.forgetUser(id);
    return { id, account: row.account, initialPassword };
  }

  /** Moves a reviewer to another (active) department; their inbox follows from the next request. */
  async changeDepartment(admin: SessionUser, id: string, departmentCode: string, meta: RequestMeta): Promise<void> {
    await this.db.transaction(async (tx) => {
      const reviewer = await this.reviewer(tx, id);
      const dept = await activeDepartmentByCode(tx, departmentCode);
      if (reviewer.departmentId === dept.id) return;
      const [from] = reviewer.departmentId
        ? await tx.select({ code: departments.code }).from(departments).where(eq(departments.id, reviewer.departmentId))
        : [];
      await tx.update(users).set({ departmentId: dept.id }).where(eq(users.id, id));
      await this.audit(tx, admin, 'reviewer.department_changed', id, meta, { account: reviewer.account, from: from?.code ?? null, to: dept.code });
    });
    this.deps.sessions.forgetUser(id);
  }

  /** A reviewer account, locked for the change; administrators and unit accounts are not reachable here. */
  private async reviewer(tx: Tx, id: string) {
    const [row] = await tx.select().from(users).where(and(eq(users.id, id), eq(users.role, 'reviewer'))).for('update');
    if (!row) throw new AppError(AppErrorCode.NOT_FOUND, '审核人员不存在');
    return row;
  }

  private audit(tx: Tx, admin: SessionUser, action: TAuditAction, id: string, meta: RequestMeta, detail: Record<string, unknown>) {
    return this.deps.audit.record(tx, { action, actorId: admin.id, actorAccount: admin.account, actorRole: admin.role, targetType: 'user', targetId: id, ip: meta.ip, detail });
  }
}
