import { and, asc, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { beijingDay, defaultServiceYear, maskMobile, type TPage, type TStatisticsInstitution, type TStatisticsQuery, type TStatisticsRow } from '@jhrm/contracts';
import type { AppDeps } from '../../deps';
import { actorUnitId, type Actor } from '../accounts/actor';
import { applications } from '../applications/applications.table';
import { institutions } from '../institutions/institutions.table';
import { prefillOf } from './statistics.repository';
import { statisticsReports } from './statistics.table';

const EDITABLE = new Set(['待提交', '审核不通过']);

/** 人力资源市场统计 for the unit: what it may report on (录入) and what it has reported (查询). */
export class StatisticsService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  /** 业务基本情况录入: the unit's institutions in force, each with the values a new report starts from. */
  async institutions(actor: Actor): Promise<TStatisticsInstitution[]> {
    const unitId = actorUnitId(actor);
    const rows = await this.db
      .select({ id: institutions.id, name: institutions.name, recordId: institutions.currentRecordId })
      .from(institutions)
      .where(and(eq(institutions.unitId, unitId), eq(institutions.reviewStatus, '审核通过'), eq(institutions.cancelStatus, '正常')))
      .orderBy(asc(institutions.name), asc(institutions.id));
    const years = await this.db
      .select({ institutionId: statisticsReports.institutionId, serviceYear: statisticsReports.serviceYear })
      .from(statisticsReports)
      .innerJoin(applications, eq(applications.id, statisticsReports.applicationId))
      .where(eq(applications.unitId, unitId));
    const today = beijingDay(this.deps.clock());
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        name: r.name,
        prefill: { ...(await prefillOf(this.db, r.recordId)), serviceYear: defaultServiceYear(today), filledOn: today },
        reportedYears: years.filter((y) => y.institutionId === r.id).map((y) => y.serviceYear).sort((a, b) => b - a),
      })),
    );
  }

  /** 业务基本情况查询 (guide 2.2): the unit's reports, newest 服务年度 first; 填表人联系电话 masked. */
  async list(actor: Actor, q: TStatisticsQuery): Promise<TPage<TStatisticsRow>> {
    const where: SQL[] = [eq(applications.unitId, actorUnitId(actor))];
    if (q.serviceYear !== undefined) where.push(eq(statisticsReports.serviceYear, q.serviceYear));
    if (q.filledFrom) where.push(gte(statisticsReports.filledOn, q.filledFrom));
    if (q.filledTo) where.push(lte(statisticsReports.filledOn, q.filledTo));
    if (q.status) where.push(eq(applications.status, q.status));
    const cond = and(...where);
    const [{ total } = { total: 0 }] = await this.db
      .select({ total: count() })
      .from(statisticsReports)
      .innerJoin(applications, eq(applications.id, statisticsReports.applicationId))
      .where(cond);
    const rows = await this.db
      .select({
        id: applications.id,
        status: applications.status,
        serviceYear: statisticsReports.serviceYear,
        name: statisticsReports.name,
        institutionName: institutions.name,
        personsServed: statisticsReports.personsServed,
        statisticsOfficer: statisticsReports.statisticsOfficer,
        filler: statisticsReports.filler,
        fillerPhoneEnc: statisticsReports.fillerPhoneEnc,
        filledOn: statisticsReports.filledOn,
      })
      .from(statisticsReports)
      .innerJoin(applications, eq(applications.id, statisticsReports.applicationId))
      .innerJoin(institutions, eq(institutions.id, statisticsReports.institutionId))
      .where(cond)
      .orderBy(desc(statisticsReports.serviceYear), asc(institutions.name), desc(statisticsReports.createdAt), asc(applications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    return {
      items: rows.map((r) => ({
        id: r.id,
        serviceYear: r.serviceYear,
        status: r.status,
        name: r.name || r.institutionName,
        personsServed: r.personsServed,
        statisticsOfficer: r.statisticsOfficer ?? '',
        filler: r.filler ?? '',
        fillerPhone: r.fillerPhoneEnc ? maskMobile(this.deps.pii.decrypt(r.fillerPhoneEnc)) : '',
        filledOn: r.filledOn,
        editable: EDITABLE.has(r.status),
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
