import { and, asc, eq, gt, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { STATISTICS_INDICATOR_KEYS, type TIndicatorValues, type TStatisticsIndicator } from '@jhrm/contracts';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { applications } from '../applications/applications.table';
import { APPROVED, AWAITING_DECISION } from '../applications/states';
import { institutionRecords, institutions } from '../institutions/institutions.table';
import { statisticsReports } from '../statistics/statistics.table';
import { statisticsLicensedCounts, statisticsReportedCounts, statisticsReportStates, statisticsTotals } from './analysis.table';

/** One (服务年度, 审核机构, 机构类型) cell of the approved reports: the dashboard adds cells up into its groups. */
export interface ReportCell {
  year: number;
  department: string | null;
  category: string | null;
  reports: number;
  values: TIndicatorValues;
}

const r = statisticsReports;
const inArea = (column: AnyPgColumn, codes: string[] | null): SQL | undefined => (codes ? inArray(column, codes) : undefined);

/**
 * The approved reports of the given years in the area, summed per year, 审核机构 and 机构类型: the
 * trigger-kept totals (migration 0022), a few hundred rows, never a year of reports.
 */
export async function reportCells(db: DbOrTx, years: number[], codes: string[] | null): Promise<ReportCell[]> {
  const t = statisticsTotals;
  const rows = await db
    .select()
    .from(t)
    .where(and(inArray(t.serviceYear, years), sql`${t.reports} <> 0`, inArea(t.department, codes)));
  return rows.map((row) => ({
    year: row.serviceYear,
    department: row.department || null,
    category: row.category || null,
    reports: row.reports,
    values: Object.fromEntries(STATISTICS_INDICATOR_KEYS.map((k) => [k, Number(row[k])])) as TIndicatorValues,
  }));
}

/** The same sums from the reports themselves (a year of rows): what the totals must always equal (tests). */
export async function reportCellsFromReports(db: DbOrTx, years: number[]): Promise<ReportCell[]> {
  const sums = Object.fromEntries(STATISTICS_INDICATOR_KEYS.map((k) => [k, sql<string>`coalesce(sum(${r[k]}), 0)`])) as Record<TStatisticsIndicator, SQL<string>>;
  const rows = await db
    .select({ year: r.serviceYear, department: r.department, category: r.category, reports: sql<number>`count(*)`.mapWith(Number), ...sums })
    .from(r)
    .innerJoin(applications, eq(applications.id, r.applicationId))
    .where(and(inArray(r.serviceYear, years), eq(applications.status, APPROVED)))
    .groupBy(r.serviceYear, r.department, r.category);
  return rows.map((row) => ({
    year: row.year,
    department: row.department || null,
    category: row.category || null,
    reports: row.reports,
    values: Object.fromEntries(STATISTICS_INDICATOR_KEYS.map((k) => [k, Number(row[k])])) as TIndicatorValues,
  }));
}

/** A licensed institution of the area: 审核通过 and not 注销, with a record in force (whose 审批部门 places it). */
const licensedInArea = (codes: string[] | null) =>
  and(
    eq(institutions.reviewStatus, '审核通过'),
    sql`${institutions.cancelStatus} <> '注销'`,
    sql`${institutions.currentRecordId} IS NOT NULL`,
    inArea(institutionRecords.department, codes),
  );

const s = statisticsReportStates;
/** The institution's report for the year, when there is one (its application's state). */
const stateOf = (year: number) => and(eq(s.serviceYear, year), eq(s.institutionId, institutions.id));
/** Reported: a report sent (待审核) or approved. */
const SENT = [AWAITING_DECISION, APPROVED];

/**
 * How many licensed institutions the area has and how many of them have not reported for the year,
 * from the trigger-kept counts per 审批部门 (migration 0023): a few dozen rows, where counting the
 * institutions themselves took 180 ms for the province at 100 000 institutions.
 */
export async function missingCount(db: DbOrTx, year: number, codes: string[] | null): Promise<{ licensed: number; missing: number }> {
  const l = statisticsLicensedCounts;
  const c = statisticsReportedCounts;
  const reported = db
    .select({ n: sql`coalesce(sum(${c.reported}), 0)` })
    .from(c)
    .where(and(eq(c.serviceYear, year), inArea(c.department, codes)));
  const [row] = await db
    .select({ licensed: sql<number>`coalesce(sum(${l.licensed}), 0)`.mapWith(Number), reported: sql<number>`(${reported})`.mapWith(Number) })
    .from(l)
    .where(inArea(l.department, codes));
  const licensed = row?.licensed ?? 0;
  return { licensed, missing: licensed - (row?.reported ?? 0) };
}

/** The same counts from the institutions themselves (every licensed one): what the kept counts must always equal (tests). */
export async function missingCountFromInstitutions(db: DbOrTx, year: number, codes: string[] | null): Promise<{ licensed: number; missing: number }> {
  const [row] = await db
    .select({
      licensed: sql<number>`count(*)`.mapWith(Number),
      missing: sql<number>`count(*) FILTER (WHERE ${s.institutionId} IS NULL)`.mapWith(Number),
    })
    .from(institutions)
    .innerJoin(institutionRecords, eq(institutionRecords.id, institutions.currentRecordId))
    .leftJoin(s, and(stateOf(year), inArray(s.status, SENT)))
    .where(licensedInArea(codes));
  return { licensed: row?.licensed ?? 0, missing: row?.missing ?? 0 };
}

/** Every licensed institution of the area without a report sent for the year (id, unit, name): a query to build on. */
export function missingInstitutions(db: DbOrTx, year: number, codes: string[] | null) {
  return db
    .select({ id: institutions.id, unitId: institutions.unitId, name: institutions.name })
    .from(institutions)
    .innerJoin(institutionRecords, eq(institutionRecords.id, institutions.currentRecordId))
    .leftJoin(s, stateOf(year))
    .where(and(licensedInArea(codes), or(isNull(s.status), notInArray(s.status, SENT))));
}

/** One page of the licensed institutions without a report sent for the year, by 审批部门 and name, with the state of the one they have. */
export async function missingPage(db: DbOrTx, year: number, codes: string[] | null, page: number, pageSize: number) {
  return db
    .select({
      institutionId: institutions.id,
      name: institutions.name,
      uscc: institutions.uscc,
      category: institutions.category,
      department: institutionRecords.department,
      status: s.status,
      total: sql<number>`count(*) OVER ()`.mapWith(Number),
    })
    .from(institutions)
    .innerJoin(institutionRecords, eq(institutionRecords.id, institutions.currentRecordId))
    .leftJoin(s, stateOf(year))
    .where(and(licensedInArea(codes), or(isNull(s.status), notInArray(s.status, SENT))))
    .orderBy(asc(institutionRecords.department), asc(institutions.name), asc(institutions.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
}

export type ReportRow = typeof statisticsReports.$inferSelect;

/** The next batch of the year's approved reports in the area, after `afterId` (keyset on the application id). */
export async function reportBatch(db: DbOrTx, year: number, codes: string[] | null, afterId: string | null, limit: number): Promise<ReportRow[]> {
  const rows = await db
    .select({ report: r })
    .from(r)
    .innerJoin(applications, eq(applications.id, r.applicationId))
    .where(and(eq(r.serviceYear, year), eq(applications.status, APPROVED), inArea(r.department, codes), afterId ? gt(r.applicationId, afterId) : undefined))
    .orderBy(asc(r.applicationId))
    .limit(limit);
  return rows.map((x) => x.report);
}
