import { desc, eq } from 'drizzle-orm';
import { AppErrorCode, RENEWAL, ZRenewalContent, beijingDay, chineseDate, renewalBlocked, type TRenewalContent, type TReviewContent } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { DbOrTx } from '../../db/client';
import { attachRecord } from '../applications/application-records.repository';
import { applicationSubmissions, applications } from '../applications/applications.table';
import type { ApplicationRow } from '../applications/applications.access';
import type { KindAdapter, KindContext } from '../applications/kinds';
import { institutions } from '../institutions/institutions.table';
import { readRecord } from '../institutions/records.repository';
import { renewLicence } from '../licences/licences.service';
import { licenceInForce, refuseSecondOpen } from './licence-request';
import { copyRecordInForce, putRecordInForce, recordKind, type RecordSnapshot } from './record-kind';

/** What 延续 froze: the confirmed record and the licence it renews. */
type RenewalSnapshot = RecordSnapshot & { licence?: { id: string; number: string; validUntil: string | null } };

/** The licence a 延续 renews: in force, with a validity, within its last 90 days (a 409 saying why not). */
async function renewable(db: DbOrTx, institutionId: string, today: string) {
  const licence = await licenceInForce(db, institutionId);
  if (!licence) throw new AppError(AppErrorCode.CONFLICT, '该机构没有有效的许可证，不能申请延续');
  const blocked = renewalBlocked(licence, today);
  if (blocked) throw new AppError(AppErrorCode.CONFLICT, blocked);
  return licence;
}

/**
 * 延续: approval puts the confirmed record in force (as a 变更's) and renews the licence under its
 * number, 有效期至 moved by the period from the old expiry.
 */
const base = recordKind({
  declaration: RENEWAL,
  syncOnSave: false,
  compareWithCurrent: true,
  issues: false,
  async approve(ctx, app, snapshot) {
    await putRecordInForce(ctx, app, snapshot.record, ctx.now);
    const { licence, previousValidUntil } = await renewLicence(ctx.tx, ctx.deps, { institutionId: app.institutionId, record: snapshot.record });
    return {
      notice: licence.validUntil
        ? `许可证已延续，编号${licence.number}不变，有效期至${chineseDate(licence.validUntil)}。`
        : `许可证已延续，编号${licence.number}不变，不再设有效期。`,
      audit: { licenceId: licence.id, licenceNumber: licence.number, previousValidUntil, validUntil: licence.validUntil, edition: licence.edition },
    };
  },
});

async function view(db: DbOrTx, app: ApplicationRow, today: string) {
  const licence = await licenceInForce(db, app.institutionId);
  return {
    institutionId: app.institutionId,
    licenceNumber: licence?.number ?? null,
    validUntil: licence?.validUntil ?? null,
    blocked: licence ? renewalBlocked(licence, today) : '该机构没有有效的许可证，不能申请延续',
  };
}

const checkSame = (content: TRenewalContent, app: ApplicationRow) => {
  if (content.institutionId !== app.institutionId) {
    throw new AppError(AppErrorCode.VALIDATION, '延续申请的机构不能更改，如需为其他机构延续请新建申请', [{ path: 'institutionId', message: '延续申请的机构不能更改' }]);
  }
};

/**
 * 延续 (decision 0047): for a licence with a validity, in force and within its last 90 days. Its
 * record is the record in force, copied as a new version the unit confirms or corrects; the
 * reviewer compares it with the record in force.
 */
export const renewalKind: KindAdapter<TRenewalContent, RenewalSnapshot> = {
  ...base,
  content: ZRenewalContent,
  async create(ctx: KindContext, content) {
    const copy = await copyRecordInForce(ctx, content.institutionId, '延续');
    await renewable(ctx.tx, copy.institutionId, beijingDay(ctx.deps.clock()));
    await refuseSecondOpen(ctx.tx, copy.institutionId, RENEWAL.name);
    return {
      institutionId: copy.institutionId,
      attach: async (app) => {
        await attachRecord(ctx.tx, app.id, copy.recordId);
        if (content.record) await base.save(ctx, app, content.record);
      },
    };
  },
  async save(ctx, app, content) {
    checkSame(content, app);
    if (content.record) await base.save(ctx, app, content.record);
  },
  async clear(ctx, app) {
    // back to the record in force
    const [inst] = await ctx.tx.select({ currentRecordId: institutions.currentRecordId }).from(institutions).where(eq(institutions.id, app.institutionId));
    if (!inst?.currentRecordId) return;
    const { educationCounts: _counts, ...inForce } = await readRecord(ctx.tx, ctx.deps.pii, inst.currentRecordId);
    await base.save(ctx, app, inForce);
  },
  async read(db, deps, app) {
    return { ...(await base.read(db, deps, app)), content: await view(db, app, beijingDay(deps.clock())) };
  },
  async review(db, deps, app, snapshot) {
    const r = await base.review(db, deps, app, snapshot);
    const inForce = snapshot?.licence ?? (await licenceInForce(db, app.institutionId));
    const licenceRequest = { licenceId: inForce?.id ?? null, number: inForce?.number ?? null, validUntil: inForce?.validUntil ?? null };
    return { ...r, content: { ...r.content, licenceRequest } as TReviewContent };
  },
  async submission(ctx, app, counts, procedure) {
    const { problems, snapshot } = await base.submission(ctx, app, counts, procedure);
    const licence = await renewable(ctx.tx, app.institutionId, beijingDay(ctx.deps.clock()));
    return { problems, snapshot: { ...snapshot, licence: { id: licence.id, number: licence.number, validUntil: licence.validUntil } } };
  },
};

/**
 * The licence a 延续 renews, as its 延续申请表 prints it: as frozen at the latest 提交 (once approved, the
 * licence in force already carries the new 有效期至), else the institution's licence in force; null for
 * another kind or without one.
 */
export async function renewedLicence(db: DbOrTx, applicationId: string): Promise<{ number: string; validUntil: string | null } | null> {
  const [app] = await db.select({ type: applications.type, institutionId: applications.institutionId }).from(applications).where(eq(applications.id, applicationId));
  if (app?.type !== RENEWAL.name) return null;
  const [submitted] = await db
    .select({ snapshot: applicationSubmissions.snapshot })
    .from(applicationSubmissions)
    .where(eq(applicationSubmissions.applicationId, applicationId))
    .orderBy(desc(applicationSubmissions.round))
    .limit(1);
  const frozen = (submitted?.snapshot as RenewalSnapshot | undefined)?.licence;
  const licence = frozen ?? (await licenceInForce(db, app.institutionId));
  return licence ? { number: licence.number, validUntil: licence.validUntil } : null;
}
