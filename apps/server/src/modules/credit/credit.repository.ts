import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { isEditable, type TCreditAnswers, type TCreditFacts, type TCreditInstitution, type TCreditListItem, type TCreditQuery } from '@jhrm/contracts';
import { queryRows, type DbOrTx } from '../../db/client';
import { likeEscape } from '../../lib/like';
import { departments } from '../accounts/accounts.table';
import { applications } from '../applications/applications.table';
import { applicationReviews } from '../applications/decisions.table';
import { institutionRecords, institutions } from '../institutions/institutions.table';
import { licences } from '../licences/licences.table';
import { applicationCredit } from './credit.table';

export type CreditRow = typeof applicationCredit.$inferSelect;

export async function creditOf(db: DbOrTx, applicationId: string): Promise<CreditRow> {
  const [row] = await db.select().from(applicationCredit).where(eq(applicationCredit.applicationId, applicationId));
  if (!row) throw new Error(`application ${applicationId} has no 诚信示范 content`);
  return row;
}

/** The application of an institution's year, if one exists. */
export async function creditOfYear(db: DbOrTx, institutionId: string, year: number): Promise<{ applicationId: string; status: string } | undefined> {
  const [row] = await db
    .select({ applicationId: applicationCredit.applicationId, status: applications.status })
    .from(applicationCredit)
    .innerJoin(applications, eq(applications.id, applicationCredit.applicationId))
    .where(and(eq(applicationCredit.institutionId, institutionId), eq(applicationCredit.year, year)));
  return row;
}

export async function writeAnswers(tx: DbOrTx, applicationId: string, answers: TCreditAnswers): Promise<void> {
  await tx.update(applicationCredit).set({ answers: answers as Record<string, unknown> }).where(eq(applicationCredit.applicationId, applicationId));
}

/**
 * 机构基本信息 as the institution's record in force and its licence in force say it (the form
 * shows them read-only), and the 审批部门 the record names.
 */
export async function creditFacts(db: DbOrTx, institutionId: string): Promise<{ facts: TCreditFacts; department: string | null }> {
  const [row] = await db
    .select({
      name: institutions.name,
      uscc: institutions.uscc,
      category: sql<string | null>`coalesce(${institutionRecords.category}, ${institutions.category})`,
      foundedOn: institutionRecords.foundedOn,
      department: institutionRecords.department,
    })
    .from(institutions)
    .leftJoin(institutionRecords, eq(institutionRecords.id, institutions.currentRecordId))
    .where(eq(institutions.id, institutionId));
  const [licence] = await db
    .select({ number: licences.number })
    .from(licences)
    .where(and(eq(licences.institutionId, institutionId), eq(licences.status, '有效')))
    .orderBy(desc(licences.createdAt))
    .limit(1);
  return {
    facts: { name: row?.name ?? null, category: row?.category ?? null, foundedOn: row?.foundedOn ?? null, licenceNumber: licence?.number ?? null, uscc: row?.uscc ?? null },
    department: row?.department ?? null,
  };
}

/** 新增's choice: the unit's institutions in force (审核通过, not 注销), with this year's application if any. */
export async function creditInstitutions(db: DbOrTx, unitId: string, year: number): Promise<TCreditInstitution[]> {
  const rows = await db
    .select({ id: institutions.id, name: institutions.name, uscc: institutions.uscc, applicationId: applicationCredit.applicationId })
    .from(institutions)
    .leftJoin(applicationCredit, and(eq(applicationCredit.institutionId, institutions.id), eq(applicationCredit.year, year)))
    .where(and(eq(institutions.unitId, unitId), eq(institutions.reviewStatus, '审核通过'), eq(institutions.cancelStatus, '正常')))
    .orderBy(asc(institutions.name), asc(institutions.id));
  return Promise.all(rows.map(async (r) => ({ ...r, applicationId: r.applicationId ?? null, ...(await creditFacts(db, r.id)) })));
}

/** 人力资源诚信示范机构查询 (guide 3.1): the unit's applications, newest year first, with their latest decision. */
export async function queryCredit(db: DbOrTx, unitId: string, q: TCreditQuery): Promise<{ items: TCreditListItem[]; total: number }> {
  const where: SQL[] = [eq(applications.unitId, unitId)];
  if (q.name) where.push(sql`${institutions.name} ILIKE ${`%${likeEscape(q.name)}%`}`);
  if (q.year) where.push(eq(applicationCredit.year, q.year));
  if (q.status) where.push(eq(applications.status, q.status));
  const latest = db
    .select({ decision: applicationReviews.decision, opinion: applicationReviews.opinion })
    .from(applicationReviews)
    .where(eq(applicationReviews.applicationId, applications.id))
    .orderBy(desc(applicationReviews.round))
    .limit(1)
    .as('latest');
  const base = db
    .select({
      id: applications.id,
      institutionId: applicationCredit.institutionId,
      year: applicationCredit.year,
      name: institutions.name,
      uscc: institutions.uscc,
      status: applications.status,
      result: latest.decision,
      opinion: latest.opinion,
      departmentName: departments.name,
      submittedAt: applications.submittedAt,
      awardedOn: applicationCredit.awardedOn,
    })
    .from(applicationCredit)
    .innerJoin(applications, eq(applications.id, applicationCredit.applicationId))
    .innerJoin(institutions, eq(institutions.id, applicationCredit.institutionId))
    .leftJoin(departments, eq(departments.code, applications.department))
    .leftJoinLateral(latest, sql`true`)
    .where(and(...where));
  const [rows, [counted]] = await Promise.all([
    base.orderBy(desc(applicationCredit.year), desc(applications.createdAt), asc(applications.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    queryRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM application_credit c JOIN applications a ON a.id = c.application_id JOIN institutions i ON i.id = c.institution_id
          WHERE a.unit_id = ${unitId}
          ${q.name ? sql`AND i.name ILIKE ${`%${likeEscape(q.name)}%`}` : sql``}
          ${q.year ? sql`AND c.year = ${q.year}` : sql``}
          ${q.status ? sql`AND a.status = ${q.status}` : sql``}`,
    ),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      editable: isEditable(r.status),
    })),
    total: counted?.n ?? 0,
  };
}
