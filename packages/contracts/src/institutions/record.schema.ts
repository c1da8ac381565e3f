import { z } from 'zod';
import { LICENSED_SCOPES, type TBusinessScope } from '../dictionaries/institutions';
import { BASIC_FIELDS, FACILITY_COLUMNS, FEE_COLUMNS, INTEGRITY_FIELDS, REPORT_FIELDS, STAFF_COLUMNS, shapeOf } from './record.catalogue';

/**
 * The institution record of SPEC §3, section by section. Drafts may be incomplete (保存 works on
 * any form), so every field is optional in the draft shape; `submissionProblems` says what a
 * submission still lacks. The fields, their labels and validators come from the catalogue
 * (record.catalogue.ts).
 */

/** 1. 机构基本信息 + 机构联系信息 + 现有资产状况 */
export const ZInstitutionBasic = z.object(shapeOf(BASIC_FIELDS));
export type TInstitutionBasic = z.infer<typeof ZInstitutionBasic>;
export const ZInstitutionBasicDraft = ZInstitutionBasic.partial();
export type TInstitutionBasicDraft = z.infer<typeof ZInstitutionBasicDraft>;

/** 2. 申请报告 */
export const ZApplicationReport = z.object(shapeOf(REPORT_FIELDS));
export const ZApplicationReportDraft = ZApplicationReport.partial();
export type TApplicationReportDraft = z.infer<typeof ZApplicationReportDraft>;

/** 3. 专职工作人员 (one row) */
export const ZStaffMember = z.object(shapeOf(STAFF_COLUMNS));
export type TStaffMember = z.infer<typeof ZStaffMember>;

/** 4. 现有设施情况 (one row) */
export const ZFacility = z.object(shapeOf(FACILITY_COLUMNS));
export type TFacility = z.infer<typeof ZFacility>;

/** 5. 诚信档案 (education counts are derived from the staff list) */
export const ZIntegrityFile = z.object(shapeOf(INTEGRITY_FIELDS));
export type TIntegrityFile = z.infer<typeof ZIntegrityFile>;

/** 6. 服务及收费标准 (one row) */
export const ZServiceFee = z.object(shapeOf(FEE_COLUMNS));
export type TServiceFee = z.infer<typeof ZServiceFee>;

/** 申请类型 derived from 申请业务 (条例 第十八条): any 职业中介活动 makes it a 许可. */
export function applicationKind(scopes: readonly TBusinessScope[]): { kind: '许可' | '备案'; because: TBusinessScope[] } {
  const because = scopes.filter((s) => LICENSED_SCOPES.includes(s));
  return { kind: because.length ? '许可' : '备案', because };
}
