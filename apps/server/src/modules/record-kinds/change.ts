import { eq } from 'drizzle-orm';
import { AppErrorCode, CHANGE } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { recordIdOf } from '../applications/application-records.repository';
import { institutions } from '../institutions/institutions.table';
import { syncInstitution } from '../institutions/sync-institution';
import { usccTakenByOtherUnit } from '../institutions/uscc-owner';
import { supersedeAndReissue } from '../licences/licences.service';
import { licenceInput, licenceOutcome } from './licence-outcome';
import { recordKind } from './record-kind';

/**
 * 变更: a new version of the institution's record. The reviewer compares it with the record in
 * force; approval puts it in force and re-issues the licence.
 */
export const changeKind = recordKind({
  declaration: CHANGE,
  syncOnSave: false,
  compareWithCurrent: true,
  issues: true,
  async approve(ctx, app, snapshot) {
    const { tx, deps } = ctx;
    // another unit may have registered the changed code since it was submitted
    if (await usccTakenByOtherUnit(tx, snapshot.record.basic?.uscc, app.unitId)) {
      throw new AppError(AppErrorCode.CONFLICT, '变更后的统一社会信用代码已属于其他单位，不能审核通过。请选择审核不通过，并在意见中请单位核对该代码', [
        { path: 'decision', message: '变更后的统一社会信用代码已属于其他单位' },
      ]);
    }
    await tx.update(institutions).set({ currentRecordId: await recordIdOf(tx, app.id), updatedAt: ctx.now }).where(eq(institutions.id, app.institutionId));
    await syncInstitution(tx, deps, app.institutionId, snapshot.record);
    return licenceOutcome((await supersedeAndReissue(tx, deps, licenceInput(ctx, app, snapshot))).licence);
  },
});
