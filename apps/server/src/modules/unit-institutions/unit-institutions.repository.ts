import { and, count, desc, eq, ilike, inArray, notInArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { APPLICATION_STATUSES, CANCELLATION, CHANGE, ESTABLISHMENT, REISSUE, RENEWAL, allowedActions, isFinal, type TOpenLicenceRequest, hasAcceptanceStep, isEditable, type ActionContext, type TRole, type TInstitutionListItem, type TInstitutionQuery, type TInstitutionRowAction } from '@jhrm/contracts';
import type { Db, DbOrTx } from '../../db/client';
import type { PiiCipher } from '../../lib/crypto';
import { applicationChanges, applicationRecords, applications } from '../applications/applications.table';
import { AWAITING_DECISION } from '../applications/states';
import { institutions } from '../institutions/institutions.table';
import { licences } from '../licences/licences.table';
import { likeEscape } from '../../lib/like';

/** The institution's open 变更 or 注销, if any: at most one (applications.open_for is unique), found by that index. */
const openApplication = alias(applications, 'open_application');

/** The signed-in unit, from the session: its id scopes the list, its name and USCC drive the notices. */
export interface SessionUnit {
  id: string;
  name: string;
  uscc: string;
}

type Param = string | number | Placeholder;

/**
 * The list query: the page, its total (window count) and, in the same round trip, the names of the
 * unit's institutions in force that carry its USCC but not its name (the guide's second FAQ; an
 * uncorrelated subquery, evaluated once). Built with values, or with placeholders to be prepared.
 */
function listQuery(db: DbOrTx, filter: SQL | undefined, p: { unitId: Param; uscc: Param; unitName: Param; limit: Param; offset: Param }) {
  return db
    .select({
      id: institutions.id,
      name: institutions.name,
      shortName: institutions.shortName,
      uscc: institutions.uscc,
      licensed: institutions.licensed,
      reviewStatus: institutions.reviewStatus,
      cancelStatus: institutions.cancelStatus,
      kind: institutions.kind,
      applicationId: applications.id,
      applicationStatus: applications.status,
      acceptedAt: applications.acceptedAt,
      licenceId: licences.id,
      // its open 变更 / 注销 (the row links of 人力资源服务机构变更 / 注销)
      openId: openApplication.id,
      openType: openApplication.type,
      openStatus: openApplication.status,
      openAcceptedAt: openApplication.acceptedAt,
      // an open 变更's 变更事由 (人力资源服务机构变更's 机构变更事由)
      openReason: applicationChanges.reason,
      total: sql<number>`count(*) OVER ()`.mapWith(Number),
      mismatched: sql<string[] | null>`(SELECT array_agg(DISTINCT m.name ORDER BY m.name) FROM institutions m
        WHERE m.unit_id = ${p.unitId} AND m.uscc = ${p.uscc} AND m.name <> ${p.unitName}
          AND m.review_status = '审核通过' AND m.cancel_status = '正常')`,
    })
    .from(institutions)
    .leftJoin(applications, and(eq(applications.institutionId, institutions.id), eq(applications.type, ESTABLISHMENT.name)))
    // at most one licence in force per institution (a unique partial index), so no duplicate rows
    .leftJoin(licences, and(eq(licences.institutionId, institutions.id), eq(licences.status, '有效')))
    .leftJoin(openApplication, eq(openApplication.openFor, institutions.id))
    .leftJoin(applicationChanges, eq(applicationChanges.applicationId, openApplication.id))
    .where(filter)
    .orderBy(desc(institutions.createdAt), desc(institutions.id))
    .limit(p.limit as number)
    .offset(p.offset as number);
}

type FilterValue = string | boolean;

/** The 查询 filters (guide 1.1): each one's condition, and its value from the query (undefined: not asked). */
const FILTERS: readonly { condition: (v: FilterValue | Placeholder) => SQL; value: (q: TInstitutionQuery, pii: PiiCipher) => FilterValue | undefined }[] = [
  { condition: (v) => ilike(institutions.name, v as string), value: (q) => (q.name ? `%${likeEscape(q.name)}%` : undefined) },
  { condition: (v) => eq(institutions.uscc, v as string), value: (q) => q.uscc || undefined },
  { condition: (v) => ilike(institutions.legalRep, v as string), value: (q) => (q.legalRep ? `%${likeEscape(q.legalRep)}%` : undefined) },
  // 法人身份证: exact, through the blind index
  { condition: (v) => eq(institutions.legalRepIdIdx, v as string), value: (q, pii) => (q.legalRepIdCard ? pii.blindIndex(q.legalRepIdCard) : undefined) },
  { condition: (v) => eq(institutions.category, v as string), value: (q) => q.category },
  { condition: (v) => eq(institutions.licensed, v as boolean), value: (q) => (q.licensed ? q.licensed === '是' : undefined) },
  { condition: (v) => eq(institutions.reviewStatus, v as TInstitutionListItem['reviewStatus']), value: (q) => q.reviewStatus },
  { condition: (v) => eq(institutions.cancelStatus, v as TInstitutionListItem['cancelStatus']), value: (q) => q.cancelStatus },
  { condition: (v) => eq(institutions.kind, v as string), value: (q) => q.kind },
];

/**
 * One prepared statement per combination of filters in use (named after it, so each pooled
 * connection parses and plans it once): the list is the hottest signed-in request, and planning
 * this query costs PostgreSQL more than running it for one unit.
 */
function preparedList(db: Db, used: readonly number[]) {
  const ph = sql.placeholder;
  const where = and(eq(institutions.unitId, ph('unitId')), ...used.map((i) => FILTERS[i]!.condition(ph(`f${i}`))));
  const mask = used.reduce((m, i) => m | (1 << i), 0);
  return listQuery(db, where, { unitId: ph('unitId'), uscc: ph('uscc'), unitName: ph('unitName'), limit: ph('limit'), offset: ph('offset') }).prepare(`unit_institutions_${mask}`);
}
const preparedLists = new WeakMap<Db, Map<string, ReturnType<typeof preparedList>>>();

/**
 * 人力资源服务机构查询: the unit's institutions (unitId always from the session), newest first,
 * with the 设立 application behind each row and the actions its state allows an agent (the legal
 * person only looks). `mismatchedNames` is null when no row came back to carry it (the caller asks
 * separately then).
 */
export async function queryUnitInstitutions(
  db: Db,
  pii: PiiCipher,
  unit: SessionUnit,
  role: TRole,
  q: TInstitutionQuery,
): Promise<{ items: TInstitutionListItem[]; total: number; mismatchedNames: string[] | null }> {
  const values = FILTERS.map((f) => f.value(q, pii));
  const used = values.flatMap((v, i) => (v === undefined ? [] : [i]));
  let statements = preparedLists.get(db);
  if (!statements) preparedLists.set(db, (statements = new Map()));
  const key = used.join(',');
  let statement = statements.get(key);
  if (!statement) statements.set(key, (statement = preparedList(db, used)));
  const rows = await statement.execute({
    unitId: unit.id,
    uscc: unit.uscc,
    unitName: unit.name,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
    ...Object.fromEntries(used.map((i) => [`f${i}`, values[i]])),
  });
  // a page past the end has no rows to carry the total
  let total = rows[0]?.total ?? 0;
  if (!rows[0] && q.page > 1) {
    const filter = and(eq(institutions.unitId, unit.id), ...used.map((i) => FILTERS[i]!.condition(values[i]!)));
    total = (await db.select({ n: count() }).from(institutions).where(filter))[0]?.n ?? 0;
  }
  return {
    total,
    mismatchedNames: rows[0] ? (rows[0].mismatched ?? []).slice(0, 10) : null,
    items: rows.map(({ applicationStatus, acceptedAt, openId, openType, openStatus, openAcceptedAt, openReason, total: _total, mismatched: _mismatched, ...r }) => ({
      ...r,
      cancellation: openId && openStatus && openType === CANCELLATION.name ? { applicationId: openId, status: openStatus, accepted: openAcceptedAt !== null } : null,
      change: openId && openStatus && openType === CHANGE.name ? { applicationId: openId, status: openStatus, reason: openReason ?? null, accepted: openAcceptedAt !== null } : null,
      kind: (r.kind as '许可' | '备案' | null) ?? null,
      acceptedAt: applicationStatus === AWAITING_DECISION && acceptedAt ? acceptedAt.toISOString() : null,
      openProblems: null,
      actions: [
        ...(role === 'agent' ? rowActions(applicationStatus, { accepted: acceptedAt !== null, acceptance: hasAcceptanceStep(ESTABLISHMENT.name) }) : ['查看' as const]),
        ...(r.licenceId ? ['许可证下载' as const] : []),
      ],
    })),
  };
}

/** The 操作 column (guide 1.1): 查看 always; the rest as the state machine allows an agent. */
export function rowActions(status: TInstitutionListItem['reviewStatus'] | null, ctx: ActionContext): TInstitutionRowAction[] {
  const actions: TInstitutionRowAction[] = ['查看'];
  if (!status) return actions;
  if (isEditable(status)) actions.push('修改', '提交', '材料上传', '视频上传');
  if (allowedActions(status, 'agent', ctx).includes('撤回')) actions.push('撤回');
  return actions;
}

/** The institution of the unit, or nothing. */
export async function findUnitInstitution(db: DbOrTx, unitId: string, id: string) {
  const [row] = await db
    .select({ institution: institutions, applicationId: applications.id, recordId: applicationRecords.recordId })
    .from(institutions)
    .leftJoin(applications, and(eq(applications.institutionId, institutions.id), eq(applications.type, ESTABLISHMENT.name)))
    .leftJoin(applicationRecords, eq(applicationRecords.applicationId, applications.id))
    .where(and(eq(institutions.id, id), eq(institutions.unitId, unitId)));
  return row;
}


/** The institution's open 补办 and 延续 (decision 0047; at most one of each), for 查看 to lead back to. */
export async function openLicenceRequests(db: DbOrTx, institutionId: string): Promise<TOpenLicenceRequest[]> {
  return db
    .select({ type: applications.type, applicationId: applications.id, status: applications.status })
    .from(applications)
    .where(
      and(
        eq(applications.institutionId, institutionId),
        inArray(applications.type, [REISSUE.name, RENEWAL.name]),
        notInArray(applications.status, APPLICATION_STATUSES.filter(isFinal)),
      ),
    );
}
