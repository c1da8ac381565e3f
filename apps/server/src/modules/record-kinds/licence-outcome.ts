import type { ApplicationRow } from '../applications/applications.access';
import type { DecisionContext, ApprovalOutcome } from '../applications/kinds';
import type { IssueLicenceInput, LicenceRow } from '../licences/licences.service';
import type { RecordSnapshot } from './record-kind';

const LICENCE_NAMES = { 许可: '人力资源服务许可证', 备案: '人力资源服务备案凭证' } as const;

/** What issuing a licence on approval needs: the submitted record under its 申请类型, by this reviewer's department. */
export function licenceInput(ctx: DecisionContext, app: ApplicationRow, snapshot: RecordSnapshot): IssueLicenceInput {
  return {
    kind: snapshot.kind?.kind ?? '备案',
    institutionId: app.institutionId,
    unitId: app.unitId,
    applicationId: app.id,
    record: snapshot.record,
    department: ctx.department,
    issuedOn: ctx.issuedOn,
    issuedBy: ctx.actor.user.id,
  };
}

/** The unit's sentence about the licence issued, and the audit's reference to it. */
export function licenceOutcome(licence: LicenceRow): ApprovalOutcome {
  return { notice: `${LICENCE_NAMES[licence.kind]}已核发，编号${licence.number}。`, audit: { licenceId: licence.id, licenceNumber: licence.number } };
}
