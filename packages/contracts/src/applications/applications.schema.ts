import { z } from 'zod';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES } from './applications.status';
import { isDeclaredKind } from './kinds';
import {
  ZApplicationReportDraft,
  ZFacility,
  ZInstitutionBasicDraft,
  ZIntegrityFile,
  ZServiceFee,
  ZStaffMember,
} from '../institutions/record.schema';
import { ZReviewDecisionView } from '../reviews/decision.schema';
import { ZAcceptanceView } from '../reviews/acceptance.schema';
import { PROCEDURES, ZProcedure } from '../inspections/inspections.schema';
import { CHANGE_REASONS, type TChangeReason } from '../institutions/record.catalogue';
import { ZReissueView, ZRenewalView } from '../licences/lifecycle';

/** The editable content of an application's record: every section optional so 保存 works on any form. */
export const ZRecordDraft = z.object({
  basic: ZInstitutionBasicDraft.optional(),
  report: ZApplicationReportDraft.optional(),
  staff: z.array(ZStaffMember).max(500, '专职工作人员最多500人').optional(),
  facilities: z.array(ZFacility).max(500, '现有设施最多500项').optional(),
  integrity: ZIntegrityFile.optional(),
  fees: z.array(ZServiceFee).max(200, '服务及收费标准最多200项').optional(),
});
export type TRecordDraft = z.infer<typeof ZRecordDraft>;

/** 保存: the sections sent replace the stored ones; `version` is the one the form was loaded with. */
export const ZSaveRecordRequest = ZRecordDraft.extend({ version: z.number().int().min(1) });
export type TSaveRecordRequest = z.infer<typeof ZSaveRecordRequest>;

/** Education counts of 诚信档案, derived from the staff list. */
export const ZEducationCounts = z.object({ postgraduate: z.number().int(), bachelor: z.number().int(), collegeOrBelow: z.number().int() });

/**
 * An application's kind in a request: any declared kind (applications/kinds.ts), checked when the
 * request is parsed, so a kind declared at start is admitted without editing this schema.
 */
export const ZKindName = z.string({ error: '请选择申请类型' }).refine(isDeclaredKind, '申请类型不存在');

/** 注销类别 (guide 1.4). */
export const CANCEL_CATEGORIES = ['主动注销', '营业执照注销', '许可证被吊销', '其他'] as const;
export type TCancelCategory = (typeof CANCEL_CATEGORIES)[number];

/**
 * A 注销's own content (保存 / 新建): the institution it cancels and 注销原因 / 注销类别. The record is
 * the institution's, copied read-only; nothing else may be sent. A draft may leave both empty; 提交 asks for them.
 */
export const ZCancellationContent = z.strictObject(
  {
    institutionId: z.uuid({ error: '请选择要注销的机构' }),
    reason: z.string({ error: '注销原因应为文字' }).trim().max(500, '注销原因不能超过500个字').default(''),
    category: z.enum(CANCEL_CATEGORIES, { error: '请选择有效的注销类别' }).nullable().default(null),
  },
  { error: (i) => (i.code === 'unrecognized_keys' ? '注销申请只能修改注销原因和注销类别，机构信息不能在此修改' : '注销申请内容有误') },
);
export type TCancellationContent = z.infer<typeof ZCancellationContent>;

/**
 * A 延续's content (保存 / 新建): the institution whose licence in force is renewed and, once the unit
 * has looked at it, the record (pre-filled from the record in force; the unit confirms or corrects it).
 */
export const ZRenewalContent = z.strictObject(
  {
    institutionId: z.uuid({ error: '请选择要延续许可证的机构' }),
    record: ZRecordDraft.optional(),
  },
  { error: (i) => (i.code === 'unrecognized_keys' ? '延续申请内容有误：只能提交机构和机构信息' : '延续申请内容有误') },
);
export type TRenewalContent = z.infer<typeof ZRenewalContent>;

/**
 * A 变更's content (保存 / 新建): the institution it changes, 变更事由, 工商变更登记日期 and the record
 * as changed. Only the fields the reason may change (the catalogue's `changeReasons`,
 * `fieldsChangedBy`) may differ from the record in force; the server refuses any other.
 */
export const ZChangeContent = z.strictObject(
  {
    institutionId: z.uuid({ error: '请选择要变更的机构' }),
    reason: z.enum(CHANGE_REASONS, { error: '请选择有效的变更事由' }).nullable().default(null),
    registeredOn: z
      .string({ error: '工商变更登记日期格式应为YYYY-MM-DD' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, '工商变更登记日期格式应为YYYY-MM-DD')
      .nullable()
      .default(null),
    record: ZRecordDraft.optional(),
  },
  { error: (i) => (i.code === 'unrecognized_keys' ? '变更申请只能填写变更事由、工商变更登记日期和机构信息' : '变更申请内容有误') },
);
export type TChangeContent = z.infer<typeof ZChangeContent>;

/** 条例 第二十一条: a change of name, 住所 or 法定代表人 is reported within 15 days of its business registration. */
export const CHANGE_REPORT_DAYS = 15;

/** The 变更事由 that follow a business registration change, so ask for its date and count the 15 days. */
export const REGISTERED_CHANGE_REASONS: readonly TChangeReason[] = ['变更机构名称', '变更住所(地址)', '变更法定代表人(负责人)'];

/** Days a 变更 reported on `on` (YYYY-MM-DD) is past the 15 of 条例 第二十一条; null when in time or not counted. */
export function changeLateDays(reason: TChangeReason | null, registeredOn: string | null, on: string): number | null {
  if (!reason || !registeredOn || !REGISTERED_CHANGE_REASONS.includes(reason)) return null;
  const days = Math.round((Date.parse(`${on}T00:00:00Z`) - Date.parse(`${registeredOn}T00:00:00Z`)) / 86_400_000);
  return days > CHANGE_REPORT_DAYS ? days - CHANGE_REPORT_DAYS : null;
}

/** The 变更 as the unit reads it: its fields, what the reason lets it change, and how late it is reported. */
export const ZChangeView = z.object({
  institutionId: z.string(),
  reason: z.enum(CHANGE_REASONS).nullable(),
  registeredOn: z.string().nullable(),
  /** the record paths the reason may change (basic.name …; staff/facilities/fees as whole lists) */
  editable: z.array(z.string()),
  /** days past the 15 of 条例 第二十一条 (at submission, or today for a draft); null when not late or not asked */
  lateDays: z.number().int().nullable(),
});
export type TChangeView = z.infer<typeof ZChangeView>;

/** What every application shows whatever its kind: the engine's header. */
export const ZApplicationHeader = z.object({
  id: z.string(),
  /** the kind's name (设立, 变更, 注销 or another declared kind) */
  type: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  version: z.number().int(),
  institutionId: z.string(),
  department: z.string().nullable(),
  /** 受理 of the current submission, when the reviewer decided it (the unit sees 已受理 and the date) */
  acceptedAt: z.string().nullable(),
  /** the kind has the acceptance step (受理 / 不予受理 / 补正 before the decision; decision 0034) */
  acceptance: z.boolean(),
  /** 一般程序 or 告知承诺, as chosen at the last 提交 */
  procedure: z.enum(PROCEDURES),
  /** the kind lets its unit choose 告知承诺 (a 许可 only) */
  promise: z.boolean(),
  /** every acceptance decision with its notice, newest first */
  acceptances: z.array(ZAcceptanceView),
  submittedAt: z.string().nullable(),
  /** last day of the current limit: to decide on 受理 before it, the decision limit after it (null: none) */
  dueOn: z.string().nullable(),
  updatedAt: z.string(),
  /** every round's decision (审核意见 and the notes on fields and materials), newest first */
  reviews: z.array(ZReviewDecisionView),
  /** what the signed-in role may do now, from the state machine */
  actions: z.array(z.enum(APPLICATION_ACTIONS)),
  editable: z.boolean(),
});

/** A record kind's application (设立, 变更, 注销): the header, the 申请类型 and the record it proposes. */
export const ZApplicationDetail = ZApplicationHeader.extend({
  /** 申请类型 derived from 申请业务, with the scopes that make it a 许可 */
  kind: z.object({ kind: z.enum(['许可', '备案']), because: z.array(z.string()) }),
  record: ZRecordDraft.extend({ educationCounts: ZEducationCounts }),
  /** a 变更's or 注销's own fields beside the record it copies (变更事由 …, 注销原因 …) */
  content: z.union([ZChangeView, ZCancellationContent, ZReissueView, ZRenewalView]).optional(),
});
export type TApplicationDetail = z.infer<typeof ZApplicationDetail>;

/** Any other kind's application: the header and the kind's own content. */
export const ZApplicationView = ZApplicationHeader.extend({ content: z.unknown() });
export type TApplicationView = z.infer<typeof ZApplicationView>;

/** What the application routes answer: a record kind's detail, or another kind's view. */
export const ZAnyApplicationDetail = z.union([ZApplicationDetail, ZApplicationView]);
export type TAnyApplicationDetail = z.infer<typeof ZAnyApplicationDetail>;

/** POST /api/applications: a new draft of any declared kind (its adapter checks the content). */
export const ZCreateApplicationRequest = z.object({ type: ZKindName, content: z.unknown() });

/** PUT /api/applications/:id/content: 保存 of any kind, with the version it was loaded with. */
export const ZSaveContentRequest = z.object({ version: z.number().int().min(1), content: z.unknown() });

export const ZSubmitRequest = z.object({
  version: z.number().int().min(1),
  department: z.string({ error: '请选择审批部门' }).min(1, '请选择审批部门'),
  /** the same key for a retried or double-clicked 提交 makes it land once */
  requestKey: z.string().min(8).max(100),
  /** 一般程序 (default) or 告知承诺, for a kind that offers it and a 许可 (decision 0043) */
  procedure: ZProcedure.default('一般程序'),
});
export type TSubmitRequest = z.infer<typeof ZSubmitRequest>;

export const ZVersionRequest = z.object({ version: z.number().int().min(1) });

/**
 * A reason 提交 was refused. `tab` names the tab of the 设立审批 page that holds the problem
 * (basic, report, staff, facilities, integrity, fees, materials, video) so the page can link to it.
 */
export const ZSubmissionProblem = z.object({ tab: z.string(), path: z.string(), message: z.string() });
export type TSubmissionProblem = z.infer<typeof ZSubmissionProblem>;
