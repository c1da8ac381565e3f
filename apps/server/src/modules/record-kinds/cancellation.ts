import { eq } from 'drizzle-orm';
import { AppErrorCode, CANCELLATION, ZCancellationContent, type TCancellationContent, type TReviewContent, type TSubmissionProblem } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { attachRecord, cancellationOf, writeCancellation } from '../applications/application-records.repository';
import type { KindAdapter } from '../applications/kinds';
import { institutions } from '../institutions/institutions.table';
import { voidLicence } from '../licences/licences.service';
import { copyRecordInForce, recordKind, type RecordSnapshot } from './record-kind';

/** What 注销 froze: the record as it stood and the unit's 注销原因 / 注销类别. */
type CancellationSnapshot = RecordSnapshot & { cancellation?: Omit<TCancellationContent, 'institutionId'> };

/** 注销: approval cancels the institution and voids its licence; nothing is issued. */
const base = recordKind({
  declaration: CANCELLATION,
  syncOnSave: false,
  compareWithCurrent: false,
  issues: false,
  async approve({ tx, deps, now }, app) {
    await tx.update(institutions).set({ cancelStatus: '注销', updatedAt: now }).where(eq(institutions.id, app.institutionId));
    await voidLicence(tx, deps, { institutionId: app.institutionId });
  },
});

function cancellationProblems(c: { reason: string; category: string | null } | null): TSubmissionProblem[] {
  const problems: TSubmissionProblem[] = [];
  if (!c?.reason) problems.push({ tab: 'cancellation', path: 'reason', message: '请填写注销原因' });
  if (!c?.category) problems.push({ tab: 'cancellation', path: 'category', message: '请选择注销类别' });
  return problems;
}

/**
 * 注销 (guide 1.4): its content is the institution's record in force, copied as a new version that
 * nobody edits, plus 注销原因 and 注销类别 (application_cancellations), the only fields 保存 changes.
 * Only an institution of the unit that is 审核通过 and not yet 注销 can be cancelled.
 */
export const cancellationKind: KindAdapter<TCancellationContent, CancellationSnapshot> = {
  ...base,
  content: ZCancellationContent,
  async create(ctx, content) {
    const copy = await copyRecordInForce(ctx, content.institutionId, '注销');
    return {
      institutionId: copy.institutionId,
      attach: async (app) => {
        await attachRecord(ctx.tx, app.id, copy.recordId);
        await writeCancellation(ctx.tx, app.id, { reason: content.reason, category: content.category });
      },
    };
  },
  async save({ tx }, app, content) {
    if (content.institutionId !== app.institutionId) {
      throw new AppError(AppErrorCode.VALIDATION, '注销申请的机构不能更改，如需注销其他机构请新建申请', [{ path: 'institutionId', message: '注销申请的机构不能更改' }]);
    }
    await writeCancellation(tx, app.id, { reason: content.reason, category: content.category });
  },
  clear: ({ tx }, app) => writeCancellation(tx, app.id, { reason: '', category: null }),
  async read(db, deps, app) {
    const c = await cancellationOf(db, app.id);
    return { ...(await base.read(db, deps, app)), content: { institutionId: app.institutionId, reason: c?.reason ?? '', category: c?.category ?? null } };
  },
  async review(db, deps, app, snapshot) {
    const r = await base.review(db, deps, app, snapshot);
    const cancellation = snapshot?.cancellation ?? (await cancellationOf(db, app.id)) ?? { reason: '', category: null };
    return { ...r, content: { ...r.content, cancellation } as TReviewContent };
  },
  async submission(ctx, app, counts, procedure) {
    // the record is the one in force, read-only here: only the 注销's own fields can be missing
    const { snapshot } = await base.submission(ctx, app, counts, procedure);
    const c = await cancellationOf(ctx.tx, app.id);
    return { problems: cancellationProblems(c), snapshot: { ...snapshot, cancellation: c } };
  },
};
