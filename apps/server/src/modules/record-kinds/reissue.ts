import { eq } from 'drizzle-orm';
import {
  AppErrorCode,
  REISSUE,
  REISSUE_REQUIREMENTS,
  ZReissueContent,
  beijingDay,
  chineseDate,
  isExpired,
  type TReissueContent,
  type TReissueReason,
  type TReviewContent,
  type TSubmissionProblem,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { DbOrTx } from '../../db/client';
import { attachRecord } from '../applications/application-records.repository';
import { applicationReissues } from '../applications/applications.table';
import type { KindAdapter, MaterialCounts } from '../applications/kinds';
import { reissueLicence } from '../licences/licences.service';
import { licenceInForce, refuseSecondOpen } from './licence-request';
import { copyRecordInForce, recordKind, type RecordSnapshot } from './record-kind';

type ReissueFields = { reason: TReissueReason | null; statement: string };

/** What 补办 froze: the record as it stood, the reason and statement, and the licence concerned. */
type ReissueSnapshot = RecordSnapshot & { reissue?: ReissueFields; licence?: { id: string; number: string; validUntil: string | null } };

async function reissueOf(db: DbOrTx, applicationId: string): Promise<ReissueFields | null> {
  const [row] = await db.select({ reason: applicationReissues.reason, statement: applicationReissues.statement }).from(applicationReissues).where(eq(applicationReissues.applicationId, applicationId));
  return row ?? null;
}

async function writeReissue(tx: DbOrTx, applicationId: string, fields: ReissueFields): Promise<void> {
  await tx.insert(applicationReissues).values({ applicationId, ...fields }).onConflictDoUpdate({ target: applicationReissues.applicationId, set: fields });
}

/** The licence a 补办 re-issues: the institution's in force, not past its 有效期至 (a 409 saying why not). */
async function reissuable(db: DbOrTx, institutionId: string, today: string) {
  const licence = await licenceInForce(db, institutionId);
  if (!licence) throw new AppError(AppErrorCode.CONFLICT, '该机构没有有效的许可证，不能申请补办');
  if (isExpired(licence.validUntil, today)) throw new AppError(AppErrorCode.CONFLICT, `证书${licence.number}已于${licence.validUntil}过期，不能申请补办`);
  return licence;
}

/** 补办: approval re-issues the licence in force under its number with a 补发日期; nothing else changes. */
const base = recordKind({
  declaration: REISSUE,
  syncOnSave: false,
  compareWithCurrent: false,
  issues: false,
  async approve({ tx, deps, now, issuedOn }, app) {
    const licence = await reissueLicence(tx, deps, { institutionId: app.institutionId, reissuedOn: issuedOn ?? beijingDay(now) });
    return {
      notice: `许可证已补发，编号${licence.number}不变，补发日期${chineseDate(licence.reissuedOn)}，此前的证件作废。`,
      audit: { licenceId: licence.id, licenceNumber: licence.number, reissuedOn: licence.reissuedOn, edition: licence.edition },
    };
  },
});

function reissueProblems(c: ReissueFields | null, counts: MaterialCounts): TSubmissionProblem[] {
  const problems: TSubmissionProblem[] = [];
  if (!c?.reason) problems.push({ tab: 'reissue', path: 'reason', message: '请选择补办原因' });
  if (!c?.statement) problems.push({ tab: 'reissue', path: 'statement', message: '请填写情况说明' });
  for (const slot of c?.reason ? REISSUE_REQUIREMENTS[c.reason] : []) {
    // the declaration asks for the 申请表 itself; the reason adds its proof
    if (REISSUE.materialSlots.some((s) => s.name === slot && s.required)) continue;
    if (!((counts.slots[slot] ?? 0) > 0)) problems.push({ tab: 'materials', path: `materials.${slot}`, message: `请上传材料：${slot}` });
  }
  return problems;
}

/**
 * 补办 (decision 0047): a lost (遗失) or damaged (损毁) licence in force, re-issued under the same
 * number. Its content is the institution's record in force, copied read-only (as 注销's), plus
 * 补办原因 and 情况说明 (application_reissues); 遗失 asks for a 遗失声明, 损毁 for the damaged original.
 */
export const reissueKind: KindAdapter<TReissueContent, ReissueSnapshot> = {
  ...base,
  content: ZReissueContent,
  async create(ctx, content) {
    const copy = await copyRecordInForce(ctx, content.institutionId, '补办');
    await reissuable(ctx.tx, copy.institutionId, beijingDay(ctx.deps.clock()));
    await refuseSecondOpen(ctx.tx, copy.institutionId, REISSUE.name);
    return {
      institutionId: copy.institutionId,
      attach: async (app) => {
        await attachRecord(ctx.tx, app.id, copy.recordId);
        await writeReissue(ctx.tx, app.id, { reason: content.reason, statement: content.statement });
      },
    };
  },
  async save({ tx }, app, content) {
    if (content.institutionId !== app.institutionId) {
      throw new AppError(AppErrorCode.VALIDATION, '补办申请的机构不能更改，如需为其他机构补办请新建申请', [{ path: 'institutionId', message: '补办申请的机构不能更改' }]);
    }
    await writeReissue(tx, app.id, { reason: content.reason, statement: content.statement });
  },
  clear: ({ tx }, app) => writeReissue(tx, app.id, { reason: null, statement: '' }),
  async read(db, deps, app) {
    const c = await reissueOf(db, app.id);
    const licence = await licenceInForce(db, app.institutionId);
    return {
      ...(await base.read(db, deps, app)),
      content: { institutionId: app.institutionId, reason: c?.reason ?? null, statement: c?.statement ?? '', licenceNumber: licence?.number ?? null, validUntil: licence?.validUntil ?? null },
    };
  },
  async review(db, deps, app, snapshot) {
    const r = await base.review(db, deps, app, snapshot);
    const c = snapshot?.reissue ?? (await reissueOf(db, app.id)) ?? { reason: null, statement: '' };
    const inForce = snapshot?.licence ?? (await licenceInForce(db, app.institutionId));
    const licenceRequest = { licenceId: inForce?.id ?? null, number: inForce?.number ?? null, validUntil: inForce?.validUntil ?? null, reason: c.reason, statement: c.statement };
    return { ...r, content: { ...r.content, licenceRequest } as TReviewContent };
  },
  async submission(ctx, app, counts, procedure) {
    // the record is the one in force, read-only here: only the 补办's own fields and proof can be missing
    const { snapshot } = await base.submission(ctx, app, counts, procedure);
    const c = await reissueOf(ctx.tx, app.id);
    const licence = await reissuable(ctx.tx, app.institutionId, beijingDay(ctx.deps.clock()));
    return {
      problems: reissueProblems(c, counts),
      snapshot: { ...snapshot, reissue: c, licence: { id: licence.id, number: licence.number, validUntil: licence.validUntil } },
    };
  },
};
