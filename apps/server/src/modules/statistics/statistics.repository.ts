import { and, eq, ne } from 'drizzle-orm';
import { STATISTICS_FIELD_ENTRIES, STATISTICS_SCOPES, type TStatisticsValues } from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
import type { PiiCipher } from '../../lib/crypto';
import { applications } from '../applications/applications.table';
import { institutionRecords } from '../institutions/institutions.table';
import { statisticsReports } from './statistics.table';

export type ReportRow = typeof statisticsReports.$inferSelect;
type ReportColumns = Partial<Omit<typeof statisticsReports.$inferInsert, 'applicationId' | 'institutionId' | 'createdAt' | 'updatedAt'>>;

/** The one catalogue field whose column has another name: 联系电话 is stored encrypted. */
const PHONE = 'fillerPhone';

const blankToNull = (v: unknown) => (v === undefined || v === '' ? null : v);

/** A report's values → its columns (every catalogue field; 联系电话 sealed). */
export function toColumns(pii: PiiCipher, values: TStatisticsValues): ReportColumns {
  const c: Record<string, unknown> = {};
  for (const { key } of STATISTICS_FIELD_ENTRIES) {
    const v = blankToNull(values[key]);
    if (key === PHONE) c.fillerPhoneEnc = typeof v === 'string' ? pii.encrypt(v) : null;
    else c[key] = Array.isArray(v) && v.length === 0 ? null : v;
  }
  return c as ReportColumns;
}

/** A report's columns → its values, 联系电话 in clear (the unit's form, the reviewer). */
export function toValues(pii: PiiCipher, row: ReportRow): TStatisticsValues {
  const v: Record<string, unknown> = {};
  for (const { key } of STATISTICS_FIELD_ENTRIES) {
    v[key] = key === PHONE ? (row.fillerPhoneEnc ? pii.decrypt(row.fillerPhoneEnc) : null) : (row[key as keyof ReportRow] ?? null);
  }
  return v as TStatisticsValues;
}

export async function reportOf(db: DbOrTx, applicationId: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(statisticsReports).where(eq(statisticsReports.applicationId, applicationId));
  return row;
}

/** The institution's report of a 服务年度 other than `except`, with its application's state. */
export async function reportOfYear(db: DbOrTx, institutionId: string, serviceYear: number, except?: string) {
  const [row] = await db
    .select({ id: statisticsReports.applicationId, status: applications.status, filledOn: statisticsReports.filledOn, createdAt: statisticsReports.createdAt })
    .from(statisticsReports)
    .innerJoin(applications, eq(applications.id, statisticsReports.applicationId))
    .where(
      and(
        eq(statisticsReports.institutionId, institutionId),
        eq(statisticsReports.serviceYear, serviceYear),
        ...(except ? [ne(statisticsReports.applicationId, except)] : []),
      ),
    );
  return row;
}

/**
 * What a new report starts from: the catalogue's `from` fields out of the institution's record in
 * force (申请业务 only the services the report asks about).
 */
export async function prefillOf(db: DbOrTx, recordId: string | null): Promise<Record<string, unknown>> {
  if (!recordId) return {};
  const [record] = await db.select().from(institutionRecords).where(eq(institutionRecords.id, recordId));
  if (!record) return {};
  const out: Record<string, unknown> = {};
  for (const { key, field } of STATISTICS_FIELD_ENTRIES) {
    if (!field.from) continue;
    const v = record[field.from as keyof typeof record];
    if (v === null || v === undefined || v === '') continue;
    out[key] = key === 'scopes' ? (v as string[]).filter((s) => (STATISTICS_SCOPES as readonly string[]).includes(s)) : v;
  }
  return out;
}
