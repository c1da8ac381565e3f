import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { beijingDay, isExpired, type TLicenceVerification, type TUnitLicence } from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
import { departments } from '../accounts/accounts.table';
import { institutions } from '../institutions/institutions.table';
import { licences } from './licences.table';

export type LicenceRow = typeof licences.$inferSelect;

const successor = alias(licences, 'successor');

/** A licence with the number that replaced it (已换发) and the unit its institution belongs to now. */
export async function findLicence(db: DbOrTx, id: string): Promise<{ licence: LicenceRow; ownerUnitId: string; successorNumber: string | null } | undefined> {
  const [row] = await db
    .select({ licence: licences, ownerUnitId: institutions.unitId, successorNumber: successor.number })
    .from(licences)
    .innerJoin(institutions, eq(institutions.id, licences.institutionId))
    .leftJoin(successor, eq(successor.id, licences.supersededBy))
    .where(eq(licences.id, id));
  return row;
}

/** The 审批部门 code of a reviewer's department, or null. */
export async function departmentCode(db: DbOrTx, departmentId: string | null | undefined): Promise<string | null> {
  if (!departmentId) return null;
  const [row] = await db.select({ code: departments.code }).from(departments).where(eq(departments.id, departmentId));
  return row?.code ?? null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Every licence of an institution of the unit (newest first); undefined when the institution is not the unit's. */
export async function unitLicences(db: DbOrTx, unitId: string, institutionId: string, today: string): Promise<TUnitLicence[] | undefined> {
  const [inst] = await db
    .select({ id: institutions.id })
    .from(institutions)
    .where(and(eq(institutions.id, institutionId), eq(institutions.unitId, unitId)));
  if (!inst) return undefined;
  const rows = await db
    .select({ licence: licences, successorNumber: successor.number })
    .from(licences)
    .leftJoin(successor, eq(successor.id, licences.supersededBy))
    .where(eq(licences.institutionId, institutionId))
    .orderBy(desc(licences.createdAt), desc(licences.id));
  return rows.map(({ licence: l, successorNumber }) => ({
    id: l.id,
    number: l.number,
    kind: l.kind,
    status: l.status,
    departmentName: l.departmentName,
    issuedOn: l.issuedOn,
    supersededByNumber: successorNumber,
    endedAt: iso(l.endedAt),
    verifyCount: l.verifyCount,
    validUntil: l.validUntil,
    expired: l.status === '有效' && isExpired(l.validUntil, today),
    reissuedOn: l.reissuedOn,
  }));
}

/**
 * Spellings of a typed number to try: as typed, then with its brackets in the other width
 * (（）〔〕 vs ()[]), then without spaces: people retype a printed number with whatever their
 * keyboard gives them.
 */
export function numberSpellings(typed: string): string[] {
  const full = typed.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\[/g, '〔').replace(/\]/g, '〕');
  const half = typed.replace(/（/g, '(').replace(/）/g, ')').replace(/〔/g, '[').replace(/〕/g, ']');
  const variants = [typed, full, half];
  return [...new Set([...variants, ...variants.map((v) => v.replace(/\s+/g, ''))])];
}

/**
 * One verification: counts it and answers with what the licence certifies, in one statement
 * (UPDATE … RETURNING), so concurrent scans never lose a count. The spellings of the typed
 * number are tried in order and the first that names a licence is the one counted.
 */
export async function verifyLicence(db: DbOrTx, typed: string, now: Date, printedEdition?: number): Promise<TLicenceVerification | undefined> {
  let l: LicenceRow | undefined;
  for (const number of numberSpellings(typed)) {
    [l] = await db
      .update(licences)
      .set({ verifyCount: sql`${licences.verifyCount} + 1`, lastVerifiedAt: now })
      .where(eq(licences.number, number))
      .returning();
    if (l) break;
  }
  if (!l) return undefined;
  const [next] = l.supersededBy ? await db.select({ number: licences.number }).from(licences).where(eq(licences.id, l.supersededBy)) : [];
  const expired = l.status === '有效' && isExpired(l.validUntil, beijingDay(now));
  // a printout's QR names its edition: an earlier one than the licence's is superseded by a 补办 / 延续
  const printSuperseded = printedEdition !== undefined && printedEdition < l.edition;
  const status = expired ? '已过期' : printSuperseded && l.status === '有效' && l.reissuedOn ? '已补发' : l.status;
  return {
    valid: l.status === '有效' && !expired && !printSuperseded,
    status,
    number: l.number,
    kind: l.kind,
    institutionName: l.institutionName,
    uscc: l.uscc,
    legalRep: l.legalRep,
    scopes: l.scopes,
    departmentName: l.departmentName,
    issuedOn: l.issuedOn,
    supersededByNumber: next?.number ?? null,
    endedAt: iso(l.endedAt),
    verifyCount: l.verifyCount,
    validUntil: l.validUntil,
    reissuedOn: l.reissuedOn,
    edition: l.edition,
    printSuperseded,
  };
}
