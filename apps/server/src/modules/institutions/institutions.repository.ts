import { and, count, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { allowedActions, isEditable, type TRole, type TInstitutionListItem, type TInstitutionQuery, type TInstitutionRowAction } from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
import type { PiiCipher } from '../../lib/crypto';
import { applications } from '../applications/applications.table';
import { institutions } from './institutions.table';
import { licences } from '../licences/licences.table';
import { likeEscape } from '../../lib/like';

/**
 * 人力资源服务机构查询: the unit's institutions (unitId always from the session), newest first,
 * with the 设立 application behind each row and the actions its state allows an agent (the legal
 * person only looks).
 */
export async function queryUnitInstitutions(db: DbOrTx, pii: PiiCipher, unitId: string, role: TRole, q: TInstitutionQuery): Promise<{ items: TInstitutionListItem[]; total: number }> {
  const where: SQL[] = [eq(institutions.unitId, unitId)];
  if (q.name) where.push(ilike(institutions.name, `%${likeEscape(q.name)}%`));
  if (q.uscc) where.push(eq(institutions.uscc, q.uscc));
  if (q.legalRep) where.push(ilike(institutions.legalRep, `%${likeEscape(q.legalRep)}%`));
  if (q.legalRepIdCard) where.push(eq(institutions.legalRepIdIdx, pii.blindIndex(q.legalRepIdCard)));
  if (q.category) where.push(eq(institutions.category, q.category));
  if (q.licensed) where.push(eq(institutions.licensed, q.licensed === '是'));
  if (q.reviewStatus) where.push(eq(institutions.reviewStatus, q.reviewStatus));
  if (q.cancelStatus) where.push(eq(institutions.cancelStatus, q.cancelStatus));
  if (q.kind) where.push(eq(institutions.kind, q.kind));
  const filter = and(...where);
  // One round trip: the page and, through a window count, the total number of matches.
  const rows = await db
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
      total: sql<number>`count(*) OVER ()`.mapWith(Number),
    })
    .from(institutions)
    .leftJoin(applications, and(eq(applications.institutionId, institutions.id), eq(applications.type, '设立')))
    // at most one licence in force per institution (a unique partial index), so no duplicate rows
    .leftJoin(licences, and(eq(licences.institutionId, institutions.id), eq(licences.status, '有效')))
    .where(filter)
    .orderBy(desc(institutions.createdAt), desc(institutions.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  // a page past the end has no rows to carry the total
  const total = rows[0]?.total ?? (q.page > 1 ? ((await db.select({ n: count() }).from(institutions).where(filter))[0]?.n ?? 0) : 0);
  return {
    total,
    items: rows.map(({ applicationStatus, acceptedAt, total: _total, ...r }) => ({
      ...r,
      kind: (r.kind as '许可' | '备案' | null) ?? null,
      acceptedAt: applicationStatus === '待审核' && acceptedAt ? acceptedAt.toISOString() : null,
      actions: [
        ...(role === 'agent' ? rowActions(applicationStatus, acceptedAt !== null) : ['查看' as const]),
        ...(r.licenceId ? ['许可证下载' as const] : []),
      ],
    })),
  };
}

/** The 操作 column (guide 1.1): 查看 always; the rest as the state machine allows an agent. */
export function rowActions(status: TInstitutionListItem['reviewStatus'] | null, accepted: boolean): TInstitutionRowAction[] {
  const actions: TInstitutionRowAction[] = ['查看'];
  if (!status) return actions;
  if (isEditable(status)) actions.push('修改', '提交', '材料上传', '视频上传');
  if (allowedActions(status, 'agent', accepted).includes('撤回')) actions.push('撤回');
  return actions;
}

/** The institution of the unit, or nothing. */
export async function findUnitInstitution(db: DbOrTx, unitId: string, id: string) {
  const [row] = await db
    .select({ institution: institutions, applicationId: applications.id, recordId: applications.recordId })
    .from(institutions)
    .leftJoin(applications, and(eq(applications.institutionId, institutions.id), eq(applications.type, '设立')))
    .where(and(eq(institutions.id, id), eq(institutions.unitId, unitId)));
  return row;
}

