import { and, eq, sql } from 'drizzle-orm';
import { AppErrorCode, LICENCE_VALIDITY_SETTING, REISSUE, RENEWAL, addYears, beijingDay, issuerName, renderLicenceNumber, validUntilOf, type TRecordDraft } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { queryRows, type DbOrTx } from '../../db/client';
import { departments } from '../accounts/accounts.table';
import { readSetting } from '../admin/settings.service';
import { applications } from '../applications/applications.table';
import { institutions } from '../institutions/institutions.table';
import { licenceSequences, licences } from './licences.table';

export type LicenceRow = typeof licences.$inferSelect;
export type LicenceKind = LicenceRow['kind'];

/** What issuing needs from the outside: the clock (issue date defaults to today in Beijing). */
export interface LicenceDeps {
  clock: () => Date;
}

export interface IssueLicenceInput {
  kind: LicenceKind;
  institutionId: string;
  unitId: string;
  /** the application whose approval issues it */
  applicationId: string | null;
  /** the approved record: what the licence certifies is copied from it */
  record: TRecordDraft;
  /** the issuing 审批部门's code */
  department: string;
  /** YYYY-MM-DD; today in Beijing when absent */
  issuedOn?: string;
  issuedBy: string | null;
  /**
   * 有效期至 carried over (a 变更's re-issue keeps the old licence's); absent: from the validity the
   * bureau has set (系统设置 许可证有效期（年）; 0 = without expiry)
   */
  validUntil?: string | null;
}

/**
 * The next value of a counter. The upsert takes the counter row's lock until the transaction
 * ends, so concurrent issues are serialised on it and never see the same value.
 */
async function nextSequence(tx: DbOrTx, key: string): Promise<number> {
  const [row] = await queryRows<{ last: number }>(
    tx,
    sql`INSERT INTO ${licenceSequences} (key, last) VALUES (${key}, 1)
        ON CONFLICT (key) DO UPDATE SET last = ${licenceSequences}.last + 1
        RETURNING last`,
  );
  return Number(row!.last);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Issues a 人力资源服务许可证 (kind 许可) or a 备案凭证 (kind 备案) inside the caller's transaction:
 * a unique number from the configured pattern, what it certifies copied from the approved record,
 * and 是否发证 是 for a 许可. An institution holds at most one licence in force; to replace it use
 * supersedeAndReissue.
 */
export async function issueLicence(tx: DbOrTx, deps: LicenceDeps, input: IssueLicenceInput): Promise<LicenceRow> {
  const now = deps.clock();
  const issuedOn = input.issuedOn ?? beijingDay(now);
  if (!DATE.test(issuedOn) || Number.isNaN(Date.parse(`${issuedOn}T00:00:00Z`))) {
    throw new AppError(AppErrorCode.VALIDATION, '发证日期格式应为YYYY-MM-DD', [{ path: 'licence.issuedOn', message: '发证日期格式应为YYYY-MM-DD' }]);
  }
  const [dept] = await tx.select({ code: departments.code, name: departments.name }).from(departments).where(eq(departments.code, input.department));
  if (!dept) throw new AppError(AppErrorCode.VALIDATION, '发证部门不存在');
  const [inForce] = await tx
    .select({ number: licences.number })
    .from(licences)
    .where(and(eq(licences.institutionId, input.institutionId), eq(licences.status, '有效')));
  if (inForce) throw new AppError(AppErrorCode.CONFLICT, `该机构已有有效的证书（${inForce.number}），不能重复发证`);

  const pattern = await readSetting(tx, input.kind === '许可' ? 'licence.pattern.许可' : 'licence.pattern.备案');
  const year = issuedOn.slice(0, 4);
  // one counter per kind, year and department (patterns must print {year} and {dept})
  const key = `${input.kind}:${year}:${dept.code}`;
  // A number printed under an earlier pattern may coincide with this one's: skip to the next.
  let number = '';
  for (let attempt = 0; attempt < 1000; attempt++) {
    number = renderLicenceNumber(pattern, { year: Number(year), dept: dept.code, seq: await nextSequence(tx, key) });
    const [taken] = await tx.select({ id: licences.id }).from(licences).where(eq(licences.number, number));
    if (!taken) break;
    number = '';
  }
  if (!number) throw new AppError(AppErrorCode.CONFLICT, '无法生成不重复的证书编号，请检查编号规则');

  const validUntil = input.validUntil !== undefined ? input.validUntil : validUntilOf(issuedOn, await readSetting(tx, LICENCE_VALIDITY_SETTING));
  const b = input.record.basic ?? {};
  const [row] = await tx
    .insert(licences)
    .values({
      number,
      kind: input.kind,
      status: '有效',
      institutionId: input.institutionId,
      unitId: input.unitId,
      applicationId: input.applicationId,
      institutionName: b.name ?? '',
      uscc: b.uscc ?? '',
      legalRep: b.legalRep ?? null,
      address: b.officeAddress ?? null,
      scopes: [...(b.scopes ?? [])],
      department: dept.code,
      // the issuing authority as the document prints it (吉林省人力资源和社会保障厅, not the office's short name)
      departmentName: issuerName(dept),
      issuedOn,
      validUntil,
      issuedBy: input.issuedBy,
      createdAt: now,
    })
    .returning();
  await tx.update(institutions).set({ licensed: input.kind === '许可', updatedAt: now }).where(eq(institutions.id, input.institutionId));
  return row!;
}

/**
 * An approved change: the licence in force becomes 已换发 and points to its successor, issued
 * from the new record. An institution without a licence in force simply gets one.
 */
export async function supersedeAndReissue(tx: DbOrTx, deps: LicenceDeps, input: IssueLicenceInput): Promise<{ previous: LicenceRow | null; licence: LicenceRow }> {
  const now = deps.clock();
  const [old] = await tx
    .select()
    .from(licences)
    .where(and(eq(licences.institutionId, input.institutionId), eq(licences.status, '有效')))
    .for('update');
  // out of force first: at most one licence per institution may be 有效
  if (old) await tx.update(licences).set({ status: '已换发', endedAt: now }).where(eq(licences.id, old.id));
  // a 变更 does not renew: the successor keeps the validity of the licence it replaces
  const licence = await issueLicence(tx, deps, old ? { validUntil: old.validUntil, ...input } : input);
  if (!old) return { previous: null, licence };
  const [previous] = await tx.update(licences).set({ supersededBy: licence.id }).where(eq(licences.id, old.id)).returning();
  return { previous: previous!, licence };
}

/** 注销: the licence in force becomes 已注销 and 是否发证 否. Null when there was none. */
export async function voidLicence(tx: DbOrTx, deps: LicenceDeps, input: { institutionId: string }): Promise<LicenceRow | null> {
  const now = deps.clock();
  const [row] = await tx
    .update(licences)
    .set({ status: '已注销', endedAt: now })
    .where(and(eq(licences.institutionId, input.institutionId), eq(licences.status, '有效')))
    .returning();
  await tx.update(institutions).set({ licensed: false, updatedAt: now }).where(eq(institutions.id, input.institutionId));
  return row ?? null;
}

/** 撤销许可 after a failed 核查 (decision 0043): the licence in force becomes 已撤销 and 是否发证 否. Null when there was none. */
export async function revokeLicence(tx: DbOrTx, deps: LicenceDeps, input: { institutionId: string }): Promise<LicenceRow | null> {
  const now = deps.clock();
  const [row] = await tx
    .update(licences)
    .set({ status: '已撤销', endedAt: now })
    .where(and(eq(licences.institutionId, input.institutionId), eq(licences.status, '有效')))
    .returning();
  await tx.update(institutions).set({ licensed: false, updatedAt: now }).where(eq(institutions.id, input.institutionId));
  return row ?? null;
}

/**
 * The licence an application's approval issued, if any; for a 补办 or 延续 (decision 0047), the licence
 * it re-issued or renews: the institution's in force.
 */
export async function licenceOfApplication(db: DbOrTx, applicationId: string): Promise<LicenceRow | null> {
  const [row] = await db.select().from(licences).where(eq(licences.applicationId, applicationId));
  if (row) return row;
  const [app] = await db.select({ type: applications.type, institutionId: applications.institutionId }).from(applications).where(eq(applications.id, applicationId));
  if (!app || (app.type !== REISSUE.name && app.type !== RENEWAL.name)) return null;
  const [inForce] = await db
    .select()
    .from(licences)
    .where(and(eq(licences.institutionId, app.institutionId), eq(licences.status, '有效')));
  return inForce ?? null;
}

/** The licence in force of an institution, locked for the caller's transaction; a 409 when there is none. */
async function inForceForUpdate(tx: DbOrTx, institutionId: string, what: string): Promise<LicenceRow> {
  const [row] = await tx
    .select()
    .from(licences)
    .where(and(eq(licences.institutionId, institutionId), eq(licences.status, '有效')))
    .for('update');
  if (!row) throw new AppError(AppErrorCode.CONFLICT, `该机构没有有效的许可证，不能${what}。请刷新页面查看证书状态`);
  return row;
}

/**
 * 补办 (decision 0047): the licence in force is re-issued under the same number, with a 补发日期 and a
 * new edition (the printout's QR names it, so earlier printouts verify as superseded); what it
 * certifies and its validity are unchanged.
 */
export async function reissueLicence(tx: DbOrTx, deps: LicenceDeps, input: { institutionId: string; reissuedOn?: string }): Promise<LicenceRow> {
  const old = await inForceForUpdate(tx, input.institutionId, '补办');
  const [row] = await tx
    .update(licences)
    .set({ reissuedOn: input.reissuedOn ?? beijingDay(deps.clock()), edition: sql`${licences.edition} + 1` })
    .where(eq(licences.id, old.id))
    .returning();
  return row!;
}

/**
 * 延续 (decision 0047): 有效期至 moves by the validity period from the old expiry (not from today), and
 * the licence is re-issued under the same number (new edition) with what the approved record certifies.
 * The period is the one set now; none set (0) means the renewed licence no longer expires.
 */
export async function renewLicence(tx: DbOrTx, deps: LicenceDeps, input: { institutionId: string; record: TRecordDraft }): Promise<{ licence: LicenceRow; previousValidUntil: string | null }> {
  const old = await inForceForUpdate(tx, input.institutionId, '延续');
  const years = await readSetting(tx, LICENCE_VALIDITY_SETTING);
  const validUntil = old.validUntil && years ? addYears(old.validUntil, years) : null;
  const b = input.record.basic ?? {};
  const [row] = await tx
    .update(licences)
    .set({
      validUntil,
      edition: sql`${licences.edition} + 1`,
      institutionName: b.name ?? old.institutionName,
      legalRep: b.legalRep ?? old.legalRep,
      address: b.officeAddress ?? old.address,
      scopes: b.scopes ? [...b.scopes] : old.scopes,
    })
    .where(eq(licences.id, old.id))
    .returning();
  return { licence: row!, previousValidUntil: old.validUntil };
}
