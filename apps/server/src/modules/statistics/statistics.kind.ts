import { and, eq } from 'drizzle-orm';
import {
  AppErrorCode,
  STATISTICS,
  STATISTICS_FIELD_ENTRIES,
  ZStatisticsContent,
  beijingDay,
  statisticsDueOn,
  statisticsProblems,
  type TStatisticsContent,
  type TStatisticsValues,
} from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/app-error';
import { uniqueViolation } from '../../lib/pg-errors';
import { actorUnitId, type Actor } from '../accounts/actor';
import { departments } from '../accounts/accounts.table';
import { readSetting } from '../admin/settings.service';
import type { KindAdapter } from '../applications/kinds';
import { institutionRecords, institutions } from '../institutions/institutions.table';
import { reportOf, reportOfYear, toColumns, toValues } from './statistics.repository';
import { statisticsReports } from './statistics.table';

/** One report per institution and 服务年度 (guide 2.1: 每年只能新增一次). */
export const ONE_PER_YEAR = 'statistics_reports_institution_year_key';

/** What 提交 froze: the report's values, 联系电话 sealed. */
export interface StatisticsSnapshot {
  report: Omit<TStatisticsValues, 'fillerPhone'> & { fillerPhone?: string | null | { sealed: string } };
}

/** The refusal of a second report of a year, naming the one there is. */
export function oneReportPerYear(year: number | null, existing: { id: string; status: string } | undefined): AppError {
  const which = existing ? `（审批状态：${existing.status}）` : '';
  const message = `该机构${year === null ? '该服务年度' : `${year}年度`}的业务基本情况已经填报${which}，每年只能新增一次。请在“业务基本情况查询”中查看或修改该记录`;
  return new AppError(AppErrorCode.CONFLICT, message, [{ path: 'serviceYear', message }], existing ? { existingId: existing.id } : undefined);
}

/**
 * The unit's institution a report is about, share-locked (a 注销 cannot slip in): another unit's is
 * a 404; one not 审核通过 or already 注销 a 409 saying why.
 */
async function institutionInForce(tx: DbOrTx, actor: Actor, institutionId: string) {
  const [inst] = await tx
    .select({ id: institutions.id, name: institutions.name, reviewStatus: institutions.reviewStatus, cancelStatus: institutions.cancelStatus, recordId: institutions.currentRecordId })
    .from(institutions)
    .where(and(eq(institutions.id, institutionId), eq(institutions.unitId, actorUnitId(actor))))
    .for('share');
  if (!inst) throw new AppError(AppErrorCode.NOT_FOUND, '机构不存在或不属于本单位');
  if (inst.cancelStatus === '注销') throw new AppError(AppErrorCode.CONFLICT, `“${inst.name}”已注销，不能再填报业务基本情况`);
  if (inst.reviewStatus !== '审核通过') {
    throw new AppError(AppErrorCode.CONFLICT, `“${inst.name}”的审核状态为“${inst.reviewStatus}”，只有审核通过的机构才能填报业务基本情况`);
  }
  return inst;
}

/** 审核机构: the institution's 审批部门 (its record in force), whatever the request says. */
async function departmentOf(tx: DbOrTx, recordId: string | null): Promise<string | null> {
  if (!recordId) return null;
  const [r] = await tx.select({ department: institutionRecords.department }).from(institutionRecords).where(eq(institutionRecords.id, recordId));
  return r?.department ?? null;
}

const valuesOf = (content: TStatisticsContent): TStatisticsValues => {
  const { institutionId: _institution, ...values } = content;
  return values;
};

/**
 * 统计 (人力资源市场统计, guide 2.1): the annual business report of one of the unit's institutions in
 * force, one per 服务年度 (a unique constraint), reviewed by the institution's 审批部门 in the shared
 * workbench. Nothing is put in force on approval; the report is the unit's figures for the year.
 */
export const statisticsKind: KindAdapter<TStatisticsContent, StatisticsSnapshot> = {
  declaration: STATISTICS,
  content: ZStatisticsContent,

  async create({ deps, tx, actor }, content) {
    const inst = await institutionInForce(tx, actor, content.institutionId);
    const department = await departmentOf(tx, inst.recordId);
    const existing = await reportOfYear(tx, inst.id, content.serviceYear);
    if (existing) throw oneReportPerYear(content.serviceYear, existing);
    return {
      institutionId: inst.id,
      attach: async (app) => {
        const now = deps.clock();
        // the constraint decides a race: the losers insert nothing and name the winner
        const [inserted] = await tx
          .insert(statisticsReports)
          .values({ ...toColumns(deps.pii, valuesOf(content)), applicationId: app.id, institutionId: inst.id, serviceYear: content.serviceYear, department, createdAt: now, updatedAt: now })
          .onConflictDoNothing({ target: [statisticsReports.institutionId, statisticsReports.serviceYear] })
          .returning({ id: statisticsReports.applicationId });
        if (!inserted) throw oneReportPerYear(content.serviceYear, await reportOfYear(tx, inst.id, content.serviceYear, app.id));
      },
    };
  },

  async save({ deps, tx, actor }, app, content) {
    if (content.institutionId !== app.institutionId) {
      throw new AppError(AppErrorCode.VALIDATION, '业务基本情况的服务机构不能更改，如需填报其他机构请新增', [{ path: 'institutionId', message: '服务机构不能更改' }]);
    }
    const inst = await institutionInForce(tx, actor, app.institutionId);
    const existing = await reportOfYear(tx, inst.id, content.serviceYear, app.id);
    if (existing) throw oneReportPerYear(content.serviceYear, existing);
    await tx
      .update(statisticsReports)
      .set({ ...toColumns(deps.pii, valuesOf(content)), serviceYear: content.serviceYear, department: await departmentOf(tx, inst.recordId), updatedAt: deps.clock() })
      .where(eq(statisticsReports.applicationId, app.id));
  },

  async clear({ deps, tx }, app) {
    // every figure emptied; the institution, its 审核机构 and the 服务年度 stay
    const empty = Object.fromEntries(STATISTICS_FIELD_ENTRIES.filter((e) => e.key !== 'serviceYear' && e.key !== 'department').map((e) => [e.key, null])) as TStatisticsValues;
    const { department: _d, serviceYear: _y, ...columns } = toColumns(deps.pii, empty);
    await tx.update(statisticsReports).set({ ...columns, updatedAt: deps.clock() }).where(eq(statisticsReports.applicationId, app.id));
  },

  async read(db, deps, app) {
    const row = await reportOf(db, app.id);
    return { content: row ? { institutionId: app.institutionId, ...toValues(deps.pii, row) } : null };
  },

  async submission({ deps, tx }, app) {
    const row = (await reportOf(tx, app.id))!;
    const values = toValues(deps.pii, row);
    const problems = statisticsProblems(values, beijingDay(deps.clock()));
    const phone = values.fillerPhone;
    return { problems, snapshot: { report: { ...values, fillerPhone: phone ? { sealed: deps.pii.encrypt(phone) } : null } } };
  },

  async submitted({ tx }, app, department) {
    const row = (await reportOf(tx, app.id))!;
    if (row.department && row.department !== department) {
      const [dept] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.code, row.department));
      const message = `业务基本情况应提交至机构的审批部门：${dept?.name ?? row.department}`;
      throw new AppError(AppErrorCode.VALIDATION, message, [{ path: 'department', message }]);
    }
  },

  async dueOn({ tx }, app) {
    const row = (await reportOf(tx, app.id))!;
    return statisticsDueOn(row.serviceYear, await readSetting(tx, 'statistics.deadline'));
  },

  openSnapshot(deps, raw) {
    const report = (raw as unknown as StatisticsSnapshot).report;
    const phone = report.fillerPhone;
    return { report: { ...report, fillerPhone: phone && typeof phone === 'object' ? deps.pii.decrypt(phone.sealed) : (phone ?? null) } };
  },

  async review(db, deps, app, snapshot) {
    const report = snapshot?.report ?? (await statisticsKind.read(db, deps, app)).content;
    const values = (report ?? {}) as TStatisticsValues;
    return {
      name: values.name ?? undefined,
      uscc: values.uscc ?? undefined,
      content: { contentType: STATISTICS.contentType, data: values },
    };
  },

  subjectName: (s) => s.report.name ?? '',

  async approve(_ctx, _app, snapshot) {
    return { audit: { serviceYear: snapshot.report.serviceYear } };
  },

  failure(err) {
    return uniqueViolation(err) === ONE_PER_YEAR ? oneReportPerYear(null, undefined) : undefined;
  },
};

