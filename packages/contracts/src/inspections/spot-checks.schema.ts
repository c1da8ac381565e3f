import { z } from 'zod';
import { BUSINESS_SCOPES } from '../dictionaries/institutions';
import { INSPECTION_OUTCOMES, INSPECTION_STATUSES } from './inspections.schema';
import { CREDIT_LEVELS } from '../credit-ratings/credit-ratings.schema';

/**
 * 双随机、一公开 (decision 0049): an administrator's 抽查计划 draws a share of the licensed institutions a
 * filter selects (weighted by credit level) and, for each, inspectors from its 审批部门's reviewers —
 * never one who accepted or approved it. The draw is a function of the recorded seed and candidate pool:
 * anyone can replay it. Each drawn institution becomes a 抽查任务 in the 核查 workflow; closed results are
 * published on the register.
 */

export const SPOT_CHECK_LICENCE_KINDS = ['许可', '备案'] as const;

const day = (label: string) => z.string({ error: `请选择${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为YYYY-MM-DD`);

/** Which institutions a plan draws from; every field narrows, none set = every licensed institution. */
export const ZSpotCheckFilter = z.object({
  /** the 审批部门 that issued the licence (its code) */
  department: z
    .string()
    .regex(/^\d{6}$/, '请选择有效的审批部门')
    .optional(),
  kind: z.enum(SPOT_CHECK_LICENCE_KINDS, { error: '请选择许可或备案' }).optional(),
  /** a 服务范围 the licence certifies */
  scope: z.enum(BUSINESS_SCOPES, { error: '请选择有效的服务范围' }).optional(),
  creditLevels: z
    .array(z.enum(CREDIT_LEVELS, { error: '信用等级只能是A、B、C、D' }))
    .max(CREDIT_LEVELS.length)
    .refine((a) => new Set(a).size === a.length, '信用等级不能重复')
    .optional(),
});
export type TSpotCheckFilter = z.infer<typeof ZSpotCheckFilter>;

export const ZSpotCheckPlanRequest = ZSpotCheckFilter.extend({
  name: z.string({ error: '请填写计划名称' }).trim().min(1, '请填写计划名称').max(60, '计划名称不能超过60个字'),
  /** 抽查比例, percent of the candidates (rounded up) */
  ratio: z.number({ error: '请填写1–100之间的抽查比例' }).int('请填写1–100之间的抽查比例').min(1, '请填写1–100之间的抽查比例').max(100, '请填写1–100之间的抽查比例'),
  inspectorsPerTask: z.number({ error: '请填写每个机构的检查人员数（1–3）' }).int('请填写每个机构的检查人员数（1–3）').min(1, '请填写每个机构的检查人员数（1–3）').max(3, '请填写每个机构的检查人员数（1–3）').default(2),
  dueOn: day('完成期限'),
  /** the draw's seed; generated when left empty */
  seed: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{4,64}$/, '随机种子只能包含字母、数字和短横线，4–64位')
    .optional(),
});
export type TSpotCheckPlanRequest = z.input<typeof ZSpotCheckPlanRequest>;

/** Before drawing: how many institutions the filter selects and how many the ratio draws. */
export const ZSpotCheckPreview = z.object({ candidates: z.number().int(), toDraw: z.number().int() });
export type TSpotCheckPreview = z.infer<typeof ZSpotCheckPreview>;

export const ZSpotCheckTaskRow = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  uscc: z.string(),
  department: z.string(),
  departmentName: z.string(),
  creditLevel: z.enum(CREDIT_LEVELS).nullable(),
  inspectors: z.array(z.string()),
  status: z.enum(INSPECTION_STATUSES),
  outcome: z.enum(INSPECTION_OUTCOMES).nullable(),
  /** 待核查 past the plan's deadline, or 整改中 past the 整改 deadline */
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
});
export type TSpotCheckTaskRow = z.infer<typeof ZSpotCheckTaskRow>;

export const ZSpotCheckPlanListItem = z.object({
  id: z.string(),
  name: z.string(),
  filter: ZSpotCheckFilter.extend({ departmentName: z.string().nullable() }),
  ratio: z.number().int(),
  inspectorsPerTask: z.number().int(),
  dueOn: z.string(),
  seed: z.string(),
  candidateCount: z.number().int(),
  drawnCount: z.number().int(),
  closedCount: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string(),
});
export type TSpotCheckPlanListItem = z.infer<typeof ZSpotCheckPlanListItem>;

export const ZSpotCheckPlan = ZSpotCheckPlanListItem.extend({ tasks: z.array(ZSpotCheckTaskRow) });
export type TSpotCheckPlan = z.infer<typeof ZSpotCheckPlan>;

/** 复核抽取: the draw replayed from the recorded seed and pool, compared with the tasks the plan made. */
export const ZSpotCheckReplay = z.object({ matches: z.boolean(), drawn: z.number().int(), message: z.string() });
export type TSpotCheckReplay = z.infer<typeof ZSpotCheckReplay>;

export const ZSpotCheckListQuery = z.object({
  name: z.string().trim().max(60, '计划名称不能超过60个字').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(15),
});
export type TSpotCheckListQuery = z.infer<typeof ZSpotCheckListQuery>;

/** A closed 抽查's result as the register publishes it (公开). */
export const ZPublishedSpotCheck = z.object({
  planName: z.string(),
  departmentName: z.string(),
  closedOn: z.string(),
  outcome: z.enum(INSPECTION_OUTCOMES),
});
export type TPublishedSpotCheck = z.infer<typeof ZPublishedSpotCheck>;

/**
 * Who may plan and over what: an administrator every department; a reviewer of a city 审批部门 that city
 * and its counties (the licences they issued); other reviewers none (they inspect what a plan draws).
 */
export const ZSpotCheckScope = z.object({
  canPlan: z.boolean(),
  /** the 审批部门 a plan may range over (the filter's choices) */
  departments: z.array(z.object({ code: z.string(), name: z.string() })),
  /** in words, e.g. 全省 or 吉林市人力资源和社会保障局及所辖县（市、区） */
  label: z.string(),
});
export type TSpotCheckScope = z.infer<typeof ZSpotCheckScope>;
