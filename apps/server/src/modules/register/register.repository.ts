import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias, union, type PgSelect } from 'drizzle-orm/pg-core';
import { APPLICATION_TYPES, type TApplicationType, type TLicenceKind, type TRegisterDetail, type TRegisterDepartment, type TRegisterItem, type TRegisterQuery } from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
import { departments } from '../accounts/accounts.table';
import { applications } from '../applications/applications.table';
import { institutionRecords, institutions } from '../institutions/institutions.table';
import { licences } from '../licences/licences.table';
import { applicationCredit } from '../credit/credit.table';
import { statisticsReportStates } from '../statistics-analysis/analysis.table';
import { dishonestyRecords, inspectionTasks, spotCheckPlans } from '../inspections/inspections.table';
import { APPROVED, AWAITING_DECISION } from '../applications/states';
import { numberSpellings } from '../licences/licences.repository';
import { likeEscape } from '../../lib/like';
import { beijingDay, isExpired } from '@jhrm/contracts';
import { creditRatingsOf } from '../credit-ratings/credit-ratings.repository';

/**
 * On the register: an institution whose establishment was approved (审核通过), including one
 * with a later change under review (it keeps its approved record, `currentRecordId`).
 * 待提交 / 待审核 / 审核不通过 establishments never appear.
 */
const onRegister = sql`(${institutions.reviewStatus} = '审核通过' OR ${institutions.currentRecordId} IS NOT NULL)`;

/**
 * Newest licence first, then by name: `latest_issued_on` is the latest licence's date (a trigger keeps
 * it), so the order is an index (institutions_register_order_idx, partial on exactly onRegister, which
 * is why onRegister is literal SQL: a bound parameter could not prove the index's predicate).
 */
const registerOrder = [sql`${institutions.latestIssuedOn} desc nulls last`, asc(institutions.name), asc(institutions.id)];

const parentDepartment = alias(departments, 'parent_department');

/** An institution's licences, latest first: the one in force, then by issue (two issued in one instant keep that rule; migration 0014's trigger orders alike). */
const latestLicenceFirst = [sql`${licences.status} = '有效' desc`, desc(licences.createdAt), desc(licences.id)];

/**
 * The register's rows: each institution with its latest licence (in force, or the last one it
 * held) and its approved record, for the scopes and department an institution without a licence
 * (e.g. imported) still has. Only public columns are selected: no personal data but the name of
 * the legal representative.
 */
function registerRows(db: DbOrTx) {
  const latest = db
    .select({
      number: licences.number,
      kind: licences.kind,
      status: licences.status,
      issuedOn: licences.issuedOn,
      validUntil: licences.validUntil,
      scopes: licences.scopes,
      department: licences.department,
      departmentName: licences.departmentName,
    })
    .from(licences)
    .where(eq(licences.institutionId, institutions.id))
    .orderBy(...latestLicenceFirst)
    .limit(1)
    .as('latest');
  const scopes = sql<string[] | null>`coalesce(${latest.scopes}, ${institutionRecords.scopes})`;
  const departmentCode = sql<string | null>`coalesce(${latest.department}, ${institutionRecords.department})`;
  const columns = {
    id: institutions.id,
    name: institutions.name,
    uscc: institutions.uscc,
    legalRep: institutions.legalRep,
    kind: sql<string | null>`coalesce(${latest.kind}, ${institutions.kind})`,
    licenceNumber: latest.number,
    licenceStatus: latest.status,
    issuedOn: latest.issuedOn,
    validUntil: latest.validUntil,
    scopes,
    departmentName: sql<string | null>`coalesce(${latest.departmentName}, ${departments.name})`,
    status: institutions.cancelStatus,
    // 诚信示范机构 (guide 3): the years an approval awarded it, newest first (application_credit's unique index finds them)
    creditYears: sql<number[]>`coalesce((SELECT jsonb_agg(${applicationCredit.year} ORDER BY ${applicationCredit.year} DESC) FROM ${applicationCredit}
      WHERE ${applicationCredit.institutionId} = ${institutions.id} AND ${applicationCredit.awardedOn} IS NOT NULL), '[]'::jsonb)`,
  };
  const joined = <T extends PgSelect>(qb: T) =>
    qb
      .leftJoinLateral(latest, sql`true`)
      .leftJoin(institutionRecords, eq(institutionRecords.id, institutions.currentRecordId))
      .leftJoin(departments, sql`${departments.code} = ${departmentCode}`)
      .leftJoin(parentDepartment, eq(parentDepartment.id, departments.parentId));
  // `source`: the keyword's matches standing in for the table (keywordMatches), or the table itself
  const items = (source?: Matches) => joined((source ? db.select(columns).from(source) : db.select(columns).from(institutions)).$dynamic());
  // the count joins the licence, record and departments only when a filter looks at them
  const matches = (source: Matches | undefined, withJoins: boolean) => {
    const qb = (source ? db.select({ id: institutions.id }).from(source) : db.select({ id: institutions.id }).from(institutions)).$dynamic();
    return withJoins ? joined(qb) : qb;
  };
  return { columns, items, matches, scopes, kind: columns.kind };
}

type RawItem = Omit<TRegisterItem, 'kind' | 'scopes' | 'creditYears' | 'creditLevel'> & { kind: string | null; scopes: string[] | null; creditYears: number[] | null };

/**
 * Rows as the register shows them: a licence in force past its 有效期至 says 已过期 (decision 0047); the
 * 信用等级 of exactly these institutions (decision 0048: a page computes its own ids, never the register's).
 */
async function toItems(db: DbOrTx, rows: RawItem[], today: string): Promise<TRegisterItem[]> {
  const ratings = await creditRatingsOf(
    db,
    rows.map((r) => r.id),
    today,
  );
  return rows.map((r) => toItem(r, today, ratings.get(r.id)?.level ?? null));
}

const toItem = (r: RawItem, today: string, creditLevel: TRegisterItem['creditLevel']): TRegisterItem => ({
  ...r,
  creditLevel,
  licenceStatus: r.licenceStatus === '有效' && isExpired(r.validUntil, today) ? '已过期' : r.licenceStatus,
  kind: r.kind === '许可' || r.kind === '备案' ? (r.kind as TLicenceKind) : null,
  scopes: r.scopes ?? [],
  creditYears: r.creditYears ?? [],
});

type Matches = ReturnType<typeof keywordMatches>;

/** The register counts its matches up to this many; beyond it the page says to narrow the search. */
export const REGISTER_COUNT_CAP = 1000;

/**
 * The institutions a keyword finds, on the register only: a UNION of three lookups that each use
 * their own index (name substring: the trigram GIN index; USCC: its btree; any licence number the
 * institution ever held: the licences' unique number index), so an old certificate still finds it.
 * An `OR` of the three in one WHERE can use none of them and scans every institution (decision 0017).
 * The branches carry the columns the register reads from `institutions`, under that name, so the
 * rest of the query treats the union as the table.
 */
function keywordMatches(db: DbOrTx, keyword: string, top?: number) {
  const branch = (found: SQL) => {
    const qb = db
      .select({
        id: institutions.id,
        name: institutions.name,
        uscc: institutions.uscc,
        legalRep: institutions.legalRep,
        kind: institutions.kind,
        cancelStatus: institutions.cancelStatus,
        currentRecordId: institutions.currentRecordId,
        latestIssuedOn: institutions.latestIssuedOn,
      })
      .from(institutions)
      .where(and(onRegister, found))
      .$dynamic();
    // only the first `top` of each lookup in the register's order can be among the union's first `top`: a
    // keyword in most names walks the order index and stops, instead of sorting every match
    return top === undefined ? qb : qb.orderBy(...registerOrder).limit(top);
  };
  const matches = union(
    branch(ilike(institutions.name, `%${likeEscape(keyword)}%`)),
    branch(eq(institutions.uscc, keyword.toUpperCase())),
    branch(inArray(institutions.id, db.select({ id: licences.institutionId }).from(licences).where(inArray(licences.number, numberSpellings(keyword))))),
  );
  return matches.as('institutions');
}

/**
 * The two statements behind 公示查询, as the route sends them (the plan test EXPLAINs exactly
 * these): the page, newest licences first, and the number of matches counted up to
 * REGISTER_COUNT_CAP + 1, so a broad search never counts the whole register.
 */
export function registerSearchQueries(db: DbOrTx, q: TRegisterQuery) {
  const rows = registerRows(db);
  // without a filter after the union, each lookup may stop at what the page (or the capped count) needs
  const unfiltered = !(q.scope || q.department || q.kind || q.status);
  const first = q.page * q.pageSize;
  const source = q.keyword ? keywordMatches(db, q.keyword, unfiltered ? first : undefined) : undefined;
  const counted = q.keyword ? keywordMatches(db, q.keyword, unfiltered ? REGISTER_COUNT_CAP + 1 : undefined) : undefined;
  const where: SQL[] = source ? [] : [onRegister];
  if (q.scope) where.push(sql`${rows.scopes} @> ${JSON.stringify([q.scope])}::jsonb`);
  // a city includes what its county bureaus issued (the province is one department of its own, not all of Jilin)
  if (q.department) where.push(or(eq(departments.code, q.department), and(eq(parentDepartment.code, q.department), eq(parentDepartment.level, 'city')))!);
  if (q.kind) where.push(sql`${rows.kind} = ${q.kind}`);
  if (q.status) where.push(eq(institutions.cancelStatus, q.status));
  const filter = where.length ? and(...where) : undefined;
  const page = rows
    .items(source)
    .where(filter)
    .orderBy(...registerOrder)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const capped = rows
    .matches(counted, !!(q.scope || q.department || q.kind))
    .where(filter)
    .limit(REGISTER_COUNT_CAP + 1)
    .as('capped');
  const total = db.select({ n: count() }).from(capped);
  return { page, total };
}

/** 人力资源服务机构公示查询: filters, newest licences first, a page and the total (capped: see REGISTER_COUNT_CAP). */
export async function searchRegister(db: DbOrTx, q: TRegisterQuery, today: string): Promise<{ items: TRegisterItem[]; total: number; totalCapped: boolean }> {
  const { page, total } = registerSearchQueries(db, q);
  const [items, [counted]] = await Promise.all([page, total]);
  const n = counted?.n ?? 0;
  return { items: await toItems(db, items as RawItem[], today), total: Math.min(n, REGISTER_COUNT_CAP), totalCapped: n > REGISTER_COUNT_CAP };
}

/** A page of 公示查询 without its count (an export's pages). */
export async function registerPage(db: DbOrTx, q: TRegisterQuery, today: string): Promise<TRegisterItem[]> {
  return toItems(db, (await registerSearchQueries(db, q).page) as RawItem[], today);
}

/**
 * One institution of the register with its change history, every licence it held and whether its
 * annual report (业务基本情况) for last 服务年度 was filed (reports are filed in the year after it);
 * undefined when not on the register. `today` is Beijing's date.
 */
export async function registerEntry(db: DbOrTx, institutionId: string, today: string): Promise<TRegisterDetail | undefined> {
  const reportYear = Number(today.slice(0, 4)) - 1;
  const rows = registerRows(db);
  const [row] = await rows.items().where(and(eq(institutions.id, institutionId), onRegister));
  if (!row) return undefined;
  const s = statisticsReportStates;
  const [changes, held, [report], dishonesty, spotChecks, ratings] = await Promise.all([
    db
      .select({ type: applications.type, decidedAt: applications.decidedAt })
      .from(applications)
      // the register's change history: the institution's own kinds (设立, 变更, 注销), not every kind the engine serves
      .where(and(eq(applications.institutionId, institutionId), eq(applications.status, APPROVED), inArray(applications.type, APPLICATION_TYPES)))
      .orderBy(sql`${applications.decidedAt} asc nulls first`, asc(applications.createdAt)),
    db
      .select({
        number: licences.number,
        kind: licences.kind,
        status: licences.status,
        issuedOn: licences.issuedOn,
        departmentName: licences.departmentName,
        endedAt: licences.endedAt,
        validUntil: licences.validUntil,
        reissuedOn: licences.reissuedOn,
      })
      .from(licences)
      .where(eq(licences.institutionId, institutionId))
      .orderBy(...latestLicenceFirst),
    db
      .select({ status: s.status })
      .from(s)
      .where(and(eq(s.serviceYear, reportYear), eq(s.institutionId, institutionId), inArray(s.status, [AWAITING_DECISION, APPROVED]))),
    db
      .select({ recordedOn: dishonestyRecords.recordedOn, reason: dishonestyRecords.reason, source: dishonestyRecords.source })
      .from(dishonestyRecords)
      .where(eq(dishonestyRecords.institutionId, institutionId))
      .orderBy(desc(dishonestyRecords.recordedOn), desc(dishonestyRecords.createdAt)),
    // 双随机、一公开: a 抽查's result once it is closed
    db
      .select({ planName: spotCheckPlans.name, departmentName: sql<string>`coalesce(${departments.name}, ${inspectionTasks.department})`, closedAt: inspectionTasks.closedAt, outcome: inspectionTasks.outcome })
      .from(inspectionTasks)
      .innerJoin(spotCheckPlans, eq(spotCheckPlans.id, inspectionTasks.planId))
      .leftJoin(departments, eq(departments.code, inspectionTasks.department))
      .where(and(eq(inspectionTasks.institutionId, institutionId), eq(inspectionTasks.kind, '双随机抽查'), eq(inspectionTasks.status, '已完成')))
      .orderBy(desc(inspectionTasks.closedAt)),
    creditRatingsOf(db, [institutionId], today),
  ]);
  return {
    ...toItem(row as RawItem, today, ratings.get(institutionId)?.level ?? null),
    lastReport: { year: reportYear, filed: !!report },
    dishonesty,
    spotChecks: spotChecks.map((c) => ({ planName: c.planName, departmentName: c.departmentName, closedOn: beijingDay(c.closedAt!), outcome: c.outcome! })),
    changes: changes.map((c) => ({ type: c.type as TApplicationType, decidedOn: c.decidedAt ? beijingDay(c.decidedAt) : null })),
    licences: held.map(({ endedAt, ...l }) => ({ ...l, status: l.status === '有效' && isExpired(l.validUntil, today) ? '已过期' : l.status, endedOn: endedAt ? beijingDay(endedAt) : null })),
  };
}

/** 审批部门 for the register's filter (disabled ones too: they issued licences still on it). */
export async function registerDepartments(db: DbOrTx): Promise<TRegisterDepartment[]> {
  return db.select({ code: departments.code, name: departments.name, level: departments.level }).from(departments).orderBy(asc(departments.code));
}
