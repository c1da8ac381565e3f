import { eq } from 'drizzle-orm';
import { ESTABLISHMENT } from '@jhrm/contracts';
import { actorUnitId } from '../accounts/actor';
import { recordIdOf } from '../applications/application-records.repository';
import { institutionRecords, institutions } from '../institutions/institutions.table';
import { replaceLists, toColumns } from '../institutions/records.repository';
import { establishmentProblems } from '../institutions/record-rules';
import { syncInstitution } from '../institutions/sync-institution';
import { usccOwnedElsewhereError, usccTakenByOtherUnit } from '../institutions/uscc-owner';
import { issueLicence } from '../licences/licences.service';
import { createInspectionTask } from '../inspections/inspections.service';
import { licenceInput, licenceOutcome } from './licence-outcome';
import { recordKind } from './record-kind';

/**
 * 设立: a new institution with its first record. Its 审核状态 follows the application; approval
 * puts the record in force and issues the 许可证 (许可) or 备案凭证.
 */
export const establishmentKind = recordKind({
  declaration: ESTABLISHMENT,
  syncOnSave: true,
  compareWithCurrent: false,
  issues: true,
  async create({ tx, deps, actor }, draft) {
    const unitId = actorUnitId(actor);
    const now = deps.clock();
    const uscc = draft.basic?.uscc || actor.user.unitUscc || '';
    if (await usccTakenByOtherUnit(tx, uscc, unitId)) throw usccOwnedElsewhereError();
    const [inst] = await tx
      .insert(institutions)
      .values({ unitId, name: draft.basic?.name || '（未填写机构名称）', uscc, createdAt: now, updatedAt: now })
      .returning({ id: institutions.id });
    const [record] = await tx
      .insert(institutionRecords)
      .values({ institutionId: inst!.id, version: 1, ...toColumns(deps.pii, draft), createdAt: now, updatedAt: now })
      .returning({ id: institutionRecords.id });
    await replaceLists(tx, deps.pii, record!.id, draft);
    await syncInstitution(tx, deps, inst!.id, draft);
    return { institutionId: inst!.id, recordId: record!.id };
  },
  problems: ({ deps }, record) => establishmentProblems(record, deps.config.minStaff),
  async approve(ctx, app, snapshot) {
    const input = licenceInput(ctx, app, snapshot);
    // its 审核状态 follows the application (afterTransition)
    await ctx.tx.update(institutions).set({ currentRecordId: await recordIdOf(ctx.tx, app.id), kind: input.kind, updatedAt: ctx.now }).where(eq(institutions.id, app.institutionId));
    const licence = await issueLicence(ctx.tx, ctx.deps, input);
    // 告知承诺: the licence is issued on 受理; the department verifies the commitments afterwards (decision 0043)
    if (app.procedure === '告知承诺') {
      const task = await createInspectionTask(ctx.tx, ctx.deps, { app, licenceId: licence.id, department: ctx.department, now: ctx.now, actor: ctx.actor, institutionName: licence.institutionName });
      const outcome = licenceOutcome(licence);
      return { notice: `${outcome.notice}本许可依告知承诺制作出，审批部门将于${task.dueOn}前对承诺事项进行核查。`, audit: { ...outcome.audit, procedure: '告知承诺', inspectionTaskId: task.id } };
    }
    return licenceOutcome(licence);
  },
  // the institution a 设立 creates is in review exactly as its application is (查询's 审核状态)
  afterTransition: (tx, deps, app, t) => tx.update(institutions).set({ reviewStatus: t.to, updatedAt: deps.clock() }).where(eq(institutions.id, app.institutionId)),
});
