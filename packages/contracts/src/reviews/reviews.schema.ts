import { z } from 'zod';
import { DEFAULT_PAGE_SIZE } from '../common';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES } from '../applications/applications.status';
import { isDeclaredKind } from '../applications/kinds';
import { ZEducationCounts, ZRecordDraft } from '../applications/applications.schema';
import { ZMaterials } from '../materials/materials.schema';
import { REVIEW_DECISIONS, ZReviewDecisionView, ZReviewNote } from './decision.schema';
import { ZAcceptanceView } from './acceptance.schema';
import { LICENCE_STATUSES } from '../licences/verify.schema';
import { PROCEDURES } from '../inspections/inspections.schema';
import { ZLicenceRequestView } from '../licences/lifecycle';
import { ZCreditRating } from '../credit-ratings/credit-ratings.schema';

export const REVIEW_TABS = ['待审核', '已审核'] as const;
export type TReviewTab = (typeof REVIEW_TABS)[number];

/** 待审核's 受理 filter: not yet accepted (kinds with the acceptance step only) or accepted. */
export const ACCEPTANCE_FILTERS = ['待受理', '已受理'] as const;
export type TAcceptanceFilter = (typeof ACCEPTANCE_FILTERS)[number];

const day = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为YYYY-MM-DD`);

/** GET /api/reviews */
const ZReviewInboxFilters = z.object({
  tab: z.enum(REVIEW_TABS, { error: '请选择待审核或已审核' }).default('待审核'),
  /** the inbox's 业务类型 filter: any declared kind (declaredKinds()) */
  type: z.string().refine(isDeclaredKind, '请选择有效的业务类型').optional(),
  name: z.string().trim().max(100).optional(),
  uscc: z.string().trim().toUpperCase().max(18).optional(),
  submittedFrom: day('提交开始日期').optional(),
  submittedTo: day('提交结束日期').optional(),
  /** 待受理: submissions of kinds with the acceptance step not yet accepted; 已受理: the others */
  accepted: z.enum(ACCEPTANCE_FILTERS, { error: '请选择待受理或已受理' }).optional(),
  /** at most this many working days left; -1 = overdue only */
  maxDaysLeft: z.coerce.number().int('剩余工作日应为整数').min(-1).max(60).optional(),
  page: z.coerce.number().int().min(1, '页码必须大于 0').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, '每页最多 100 条').default(DEFAULT_PAGE_SIZE),
});
const submittedInOrder = (q: { submittedFrom?: string; submittedTo?: string }) => !q.submittedFrom || !q.submittedTo || q.submittedFrom <= q.submittedTo;
const SUBMITTED_ORDER = { path: ['submittedTo'], message: '提交结束日期不能早于开始日期' };
export const ZReviewInboxQuery = ZReviewInboxFilters.refine(submittedInOrder, SUBMITTED_ORDER);
/** 导出 of the inbox: the list's filters, every page. */
export const ZReviewExportQuery = ZReviewInboxFilters.omit({ page: true, pageSize: true }).refine(submittedInOrder, SUBMITTED_ORDER);

export type TReviewInboxQuery = z.infer<typeof ZReviewInboxQuery>;

/**
 * The reviewer's 主页 待办 (GET /api/reviews/todo): the department's 待审核 counted as the inbox's
 * filters count them, so each number is what its link to 待审核 lists: all, `maxDaysLeft =
 * REVIEW_TODO_DUE_SOON_DAYS` (which includes the overdue, as that filter does) and `maxDaysLeft = -1`.
 */
export const REVIEW_TODO_DUE_SOON_DAYS = 3;
export const ZReviewTodo = z.object({
  pending: z.number().int(),
  /** of those, not yet accepted (受理 to decide within its 受理期限) */
  toAccept: z.number().int(),
  /** at most REVIEW_TODO_DUE_SOON_DAYS working days left, overdue included */
  dueSoon: z.number().int(),
  overdue: z.number().int(),
});
export type TReviewTodo = z.infer<typeof ZReviewTodo>;

/** the latest decision: on the merits, or 不予受理 (its reason as the opinion) */
const ZLastDecision = z.object({ decision: z.enum([...REVIEW_DECISIONS, '不予受理']), decidedAt: z.string(), opinion: z.string().nullable() });

export const ZReviewInboxItem = z.object({
  id: z.string(),
  type: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  uscc: z.string(),
  /** 申请类型 of the submission (许可 / 备案) */
  kind: z.enum(['许可', '备案']).nullable(),
  status: z.enum(APPLICATION_STATUSES),
  round: z.number().int(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  /** the kind has the acceptance step: before acceptedAt, dueOn is the 受理期限 */
  acceptance: z.boolean(),
  dueOn: z.string().nullable(),
  /** working days left until dueOn (negative: overdue); null once decided */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  lastDecision: ZLastDecision.nullable(),
  /** days the submission came after its legal limit (变更: 条例 第二十一条), from its snapshot; null when in time */
  lateDays: z.number().int().nullable(),
  /** 一般程序 or 告知承诺 (decision 0043) */
  procedure: z.enum(PROCEDURES),
});
export type TReviewInboxItem = z.infer<typeof ZReviewInboxItem>;

/** One submission round with its decision (none yet for the round under review). */
export const ZReviewRound = z.object({
  round: z.number().int(),
  submittedAt: z.string(),
  submittedByName: z.string().nullable(),
  department: z.string(),
  departmentName: z.string(),
  decision: ZReviewDecisionView.nullable(),
});
export type TReviewRound = z.infer<typeof ZReviewRound>;

export const ZLicenceSummary = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(['许可', '备案']),
  status: z.enum(LICENCE_STATUSES),
  issuedOn: z.string(),
  departmentName: z.string(),
  /** 有效期至, null without expiry (decision 0047) */
  validUntil: z.string().nullable(),
  /** 补发日期 of its latest 补办 */
  reissuedOn: z.string().nullable(),
});
export type TLicenceSummary = z.infer<typeof ZLicenceSummary>;

const ZFullRecord = ZRecordDraft.extend({ educationCounts: ZEducationCounts });

/** A record kind's content (设立, 变更, 注销): what the reviewer decides on. */
export const ZRecordReviewContent = z.object({
  contentType: z.literal('record'),
  /** 申请类型 of the submitted record, with the scopes that make it a 许可 */
  kind: z.object({ kind: z.enum(['许可', '备案']), because: z.array(z.string()) }),
  /** what approving issues: a 人力资源服务许可证 (许可), a 备案凭证 (备案), or nothing */
  issuesOnApproval: z.enum(['许可', '备案']).nullable(),
  /** the latest submission, frozen: exactly what is being decided on */
  record: ZFullRecord,
  /** for 变更: the institution's record in force, for the side-by-side comparison */
  current: ZFullRecord.nullable(),
  /** for 注销: 注销原因 and 注销类别 as submitted */
  cancellation: z.object({ reason: z.string(), category: z.string().nullable() }).optional(),
  /** for 补办 / 延续: the licence it concerns (and a 补办's reason and statement) */
  licenceRequest: ZLicenceRequestView.optional(),
  /** for 变更: 变更事由, 工商变更登记日期 and the days past 条例 第二十一条's 15, as submitted */
  change: z.object({ reason: z.string().nullable(), registeredOn: z.string().nullable(), lateDays: z.number().int().nullable() }).optional(),
});
export type TRecordReviewContent = z.infer<typeof ZRecordReviewContent>;

/** Another kind's content: its declaration's content type and what its adapter shows. */
const ZOtherReviewContent = z.object({ contentType: z.string(), data: z.unknown() });

export const ZReviewContent = z.union([ZRecordReviewContent, ZOtherReviewContent]);
export type TReviewContent = z.infer<typeof ZReviewContent>;

export const isRecordReviewContent = (c: TReviewContent): c is TRecordReviewContent => c.contentType === 'record';

/** GET /api/reviews/:id — what the reviewer decides on: the engine's header and the kind's content. */
export const ZReviewDetail = z.object({
  id: z.string(),
  type: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  version: z.number().int(),
  institutionId: z.string(),
  institutionName: z.string(),
  uscc: z.string(),
  unitName: z.string(),
  department: z.string(),
  departmentName: z.string(),
  round: z.number().int(),
  submittedAt: z.string(),
  acceptedAt: z.string().nullable(),
  acceptedByName: z.string().nullable(),
  /** the kind has the acceptance step: 受理 / 不予受理 / 补正 come first, and dueOn before 受理 is the 受理期限 */
  acceptance: z.boolean(),
  /** 一般程序 or 告知承诺: 受理 of a 告知承诺 also approves it (decision 0043) */
  procedure: z.enum(PROCEDURES),
  /** every acceptance decision with its notice, newest first */
  acceptances: z.array(ZAcceptanceView),
  dueOn: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  /** what the reviewer may do now (state machine, role reviewer) */
  actions: z.array(z.enum(APPLICATION_ACTIONS)),
  /** the material slots of the kind with their files, and the video */
  materials: ZMaterials,
  rounds: z.array(ZReviewRound),
  licence: ZLicenceSummary.nullable(),
  content: ZReviewContent,
  /** the institution's 信用等级 with its reasons (decision 0048); null while it is not on the register (a 设立 under review) */
  creditRating: ZCreditRating.nullable(),
});
export type TReviewDetail = z.infer<typeof ZReviewDetail>;

/** POST /api/reviews/:id/decision */
export const ZDecisionRequest = z
  .object({
    version: z.number().int().min(1),
    decision: z.enum(REVIEW_DECISIONS, { error: '请选择审核通过或审核不通过' }),
    opinion: z.string().trim().max(2000, '审核意见不能超过2000个字').optional(),
    notes: z.array(ZReviewNote).max(100, '单项意见最多100条').default([]),
    licence: z.object({ issuedOn: day('发证日期').optional() }).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.decision === '审核不通过' && !r.opinion) ctx.addIssue({ code: 'custom', path: ['opinion'], message: '审核不通过时须填写审核意见' });
  });
export type TDecisionRequest = z.infer<typeof ZDecisionRequest>;
/** what a client sends (label and notes may be left out) */
export type TDecisionRequestInput = z.input<typeof ZDecisionRequest>;

/** A decision answers the detail as it now stands; its SMS is queued and retried (decision 0041). */
export const ZDecisionResponse = ZReviewDetail;
export type TDecisionResponse = z.infer<typeof ZDecisionResponse>;
