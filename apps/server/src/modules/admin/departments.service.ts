import { and, asc, count, eq, sql } from 'drizzle-orm';
import {
  AppErrorCode,
  CHILD_LEVEL,
  DEPARTMENT_LEVEL_LABELS,
  departmentCodeProblem,
  type TAdminDepartment,
  type TCreateDepartmentRequest,
  type TUpdateDepartmentRequest,
  type TAuditAction,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { uniqueViolation } from '../../lib/pg-errors';
import type { Tx } from '../../db/client';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../accounts/sessions.service';
import { invalid, type RequestMeta } from '../accounts/accounts.service';
import { departments, users } from '../accounts/accounts.table';
import { applications } from '../applications/applications.table';
import { AWAITING_DECISION } from '../applications/states';

type DepartmentRow = typeof departments.$inferSelect;

/**
 * 审批部门 dictionary (GB/T 2260 codes): the province, its cities / 州 and their counties. Admins
 * add sub-departments, rename and (de)activate them; nothing is ever deleted, so the history of
 * applications addressed to a department keeps its name.
 */
export class DepartmentsService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  async list(): Promise<TAdminDepartment[]> {
    const [rows, reviewers, pending] = await Promise.all([
      this.db.select().from(departments).orderBy(asc(departments.code)),
      this.db
        .select({ departmentId: users.departmentId, n: count() })
        .from(users)
        .where(and(eq(users.role, 'reviewer'), eq(users.status, 'active')))
        .groupBy(users.departmentId),
      this.db
        .select({ department: applications.department, n: count() })
        .from(applications)
        .where(eq(applications.status, AWAITING_DECISION))
        .groupBy(applications.department),
    ]);
    const codeOf = new Map(rows.map((d) => [d.id, d.code]));
    const reviewerCount = new Map(reviewers.map((r) => [r.departmentId, r.n]));
    const pendingCount = new Map(pending.map((p) => [p.department, p.n]));
    return rows.map((d) => ({
      code: d.code,
      name: d.name,
      level: d.level,
      parentCode: d.parentId ? (codeOf.get(d.parentId) ?? null) : null,
      active: d.active,
      reviewerCount: reviewerCount.get(d.id) ?? 0,
      pendingCount: pendingCount.get(d.code) ?? 0,
    }));
  }

  /** 新增下级部门: a city under the province or a county under a city, with a GB/T 2260 code. */
  async create(admin: SessionUser, input: TCreateDepartmentRequest, meta: RequestMeta): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        const [parent] = await tx.select().from(departments).where(eq(departments.code, input.parentCode)).for('share');
        if (!parent) throw invalid([{ path: 'parentCode', message: '上级部门不存在' }]);
        const expected = CHILD_LEVEL[parent.level];
        if (expected !== input.level) {
          const message = expected
            ? `「${parent.name}」的下级部门应为${DEPARTMENT_LEVEL_LABELS[expected]}`
            : `${DEPARTMENT_LEVEL_LABELS[parent.level]}部门不能再设下级部门`;
          throw invalid([{ path: 'level', message }]);
        }
        if (!parent.active) throw invalid([{ path: 'parentCode', message: `上级部门「${parent.name}」已停用，不能新增下级部门` }]);
        const codeProblem = departmentCodeProblem(input.code, input.level, parent.code);
        if (codeProblem) throw invalid([{ path: 'code', message: codeProblem }]);
        await this.checkCodeAndName(tx, input.code, input.name);
        await tx.insert(departments).values({ code: input.code, name: input.name, level: input.level, parentId: parent.id });
        await this.audit(tx, admin, 'department.created', input.code, meta, { code: input.code, name: input.name, level: input.level, parentCode: parent.code });
      });
    } catch (err) {
      // two admins adding the same code at once: the unique index decides
      if (uniqueViolation(err)) throw invalid([{ path: 'code', message: '部门编码已存在' }]);
      throw err;
    }
  }

  /** 修改 (rename) and 停用 / 启用. Deactivation keeps history and stops new submissions. */
  async update(admin: SessionUser, code: string, input: TUpdateDepartmentRequest, meta: RequestMeta): Promise<void> {
    await this.db.transaction(async (tx) => {
      // FOR UPDATE: a concurrent 提交 holds FOR SHARE on the row, so the pending count below sees it
      const [dept] = await tx.select().from(departments).where(eq(departments.code, code)).for('update');
      if (!dept) throw new AppError(AppErrorCode.NOT_FOUND, '审批部门不存在');
      if (input.name !== undefined && input.name !== dept.name) {
        await this.checkCodeAndName(tx, null, input.name, dept.id);
        await tx.update(departments).set({ name: input.name }).where(eq(departments.id, dept.id));
        await this.audit(tx, admin, 'department.renamed', code, meta, { code, from: dept.name, to: input.name });
      }
      if (input.active !== undefined && input.active !== dept.active) {
        if (input.active) await this.checkCanActivate(tx, dept);
        else await this.checkCanDeactivate(tx, dept);
        await tx.update(departments).set({ active: input.active }).where(eq(departments.id, dept.id));
        await this.audit(tx, admin, input.active ? 'department.activated' : 'department.deactivated', code, meta, { code, name: input.name ?? dept.name });
      }
    });
    // sessions carry the department's name
    this.deps.sessions.forgetAll();
  }

  private async checkCodeAndName(tx: Tx, code: string | null, name: string, exceptId?: string) {
    if (code) {
      const [taken] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.code, code));
      if (taken) throw invalid([{ path: 'code', message: `部门编码已存在（${taken.name}）` }]);
    }
    const [sameName] = await tx
      .select({ id: departments.id, code: departments.code })
      .from(departments)
      .where(sql`lower(${departments.name}) = lower(${name})`);
    if (sameName && sameName.id !== exceptId) throw invalid([{ path: 'name', message: `部门名称已被使用（编码 ${sameName.code}）` }]);
  }

  private async checkCanDeactivate(tx: Tx, dept: DepartmentRow) {
    if (!dept.parentId) throw new AppError(AppErrorCode.CONFLICT, '省级审批部门不能停用');
    const activeChildren = await tx
      .select({ name: departments.name })
      .from(departments)
      .where(and(eq(departments.parentId, dept.id), eq(departments.active, true)))
      .orderBy(asc(departments.code));
    if (activeChildren.length) {
      const names = activeChildren.slice(0, 3).map((c) => c.name).join('、');
      throw new AppError(
        AppErrorCode.CONFLICT,
        `「${dept.name}」还有${activeChildren.length}个在用的下级部门（${names}${activeChildren.length > 3 ? '等' : ''}），请先停用下级部门`,
      );
    }
    const [pending] = await tx
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.department, dept.code), eq(applications.status, AWAITING_DECISION)));
    if ((pending?.n ?? 0) > 0) {
      throw new AppError(
        AppErrorCode.CONFLICT,
        `「${dept.name}」还有${pending!.n}件待审核的申请，不能停用。请先审核完毕后再停用`,
        undefined,
        { pendingCount: pending!.n },
      );
    }
  }

  private async checkCanActivate(tx: Tx, dept: DepartmentRow) {
    if (!dept.parentId) return;
    const [parent] = await tx.select({ name: departments.name, active: departments.active }).from(departments).where(eq(departments.id, dept.parentId));
    if (parent && !parent.active) throw new AppError(AppErrorCode.CONFLICT, `上级部门「${parent.name}」已停用，请先启用上级部门`);
  }

  private audit(tx: Tx, admin: SessionUser, action: TAuditAction, code: string, meta: RequestMeta, detail: Record<string, unknown>) {
    return this.deps.audit.record(tx, { action, actorId: admin.id, actorAccount: admin.account, actorRole: admin.role, targetType: 'department', targetId: code, ip: meta.ip, detail });
  }
}

/** The department a reviewer may be placed in: it exists and is active. */
export async function activeDepartmentByCode(tx: Tx, code: string, path = 'departmentCode'): Promise<DepartmentRow> {
  const [dept] = await tx.select().from(departments).where(eq(departments.code, code));
  if (!dept) throw invalid([{ path, message: '审批部门不存在' }]);
  if (!dept.active) throw invalid([{ path, message: `审批部门「${dept.name}」已停用` }]);
  return dept;
}
