import { z } from 'zod';
import { DEFAULT_PAGE_SIZE } from '../common';
import { INSTITUTION_CATEGORIES } from '../dictionaries/institutions';
import { REVIEW_STATUSES, CANCEL_STATUSES } from './institutions.status';
import { APPLICATION_STATUSES } from '../applications/applications.status';
import { CHANGE_REASONS } from './record.catalogue';

export const INSTITUTION_ROW_ACTIONS = ['查看', '修改', '提交', '撤回', '材料上传', '视频上传', '许可证下载'] as const;
export type TInstitutionRowAction = (typeof INSTITUTION_ROW_ACTIONS)[number];

/** One row of the unit's institution list (主页 and 人力资源服务机构查询). */
export const ZInstitutionListItem = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  uscc: z.string(),
  licensed: z.boolean(),
  reviewStatus: z.enum(REVIEW_STATUSES),
  cancelStatus: z.enum(CANCEL_STATUSES),
  /** 申请类型 */
  kind: z.enum(['许可', '备案']).nullable(),
  /** the 设立 application behind the row, for 修改 / 提交 / 材料上传 / 视频上传 */
  applicationId: z.string().nullable(),
  /** 受理: when the 审批部门 opened the pending submission (shown as 已受理 with the date) */
  acceptedAt: z.string().nullable(),
  /** the 许可证/备案凭证 in force (许可证下载), if any */
  licenceId: z.string().nullable(),
  /** the 操作 links the row offers now (from the state machine) */
  actions: z.array(z.enum(INSTITUTION_ROW_ACTIONS)),
  /** its open 注销 application, not yet 审核通过 (人力资源服务机构注销: 注销 / 材料上传 / 查看), if any */
  cancellation: z.object({ applicationId: z.string(), status: z.enum(APPLICATION_STATUSES), /** 受理 recorded (decision 0034) */ accepted: z.boolean().optional() }).nullable(),
  /** its open 变更 application, not yet 审核通过, with its 变更事由 (人力资源服务机构变更: 变更 / 材料上传 / 视频上传 / 查看, 机构变更事由), if any */
  change: z.object({ applicationId: z.string(), status: z.enum(APPLICATION_STATUSES), reason: z.enum(CHANGE_REASONS).nullable(), accepted: z.boolean().optional() }).nullable(),
  /**
   * 主页's 下一步: how many things 提交 would still report for the open application the unit may
   * edit (the one `nextStepApplication` names); null when there is none, or when the list was not
   * asked for it (`nextStep=1`).
   */
  openProblems: z.number().int().min(0).nullable(),
});

/** 人力资源服务机构查询 filters (guide 1.1). */
export const ZInstitutionQuery = z.object({
  page: z.coerce.number().int().min(1, '页码必须大于 0').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, '每页最多 100 条').default(DEFAULT_PAGE_SIZE),
  name: z.string().trim().max(100).optional(),
  uscc: z.string().trim().toUpperCase().max(18).optional(),
  legalRep: z.string().trim().max(50).optional(),
  legalRepIdCard: z.string().trim().toUpperCase().max(18).optional(),
  category: z.enum(INSTITUTION_CATEGORIES).optional(),
  licensed: z.enum(['是', '否']).optional(),
  reviewStatus: z.enum(REVIEW_STATUSES).optional(),
  cancelStatus: z.enum(CANCEL_STATUSES).optional(),
  kind: z.enum(['许可', '备案']).optional(),
});
export type TInstitutionQuery = z.infer<typeof ZInstitutionQuery>;

/** GET /api/institutions: the filters, and `nextStep=1` from 主页 for each row's openProblems. */
export const ZInstitutionListQuery = ZInstitutionQuery.extend({
  nextStep: z.enum(['1'], { error: '参数 nextStep 只能为 1' }).optional(),
});
export type TInstitutionListQuery = z.infer<typeof ZInstitutionListQuery>;
export type TInstitutionListItem = z.infer<typeof ZInstitutionListItem>;
