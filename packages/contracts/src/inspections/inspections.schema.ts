import { z } from 'zod';
import { ZStoredFile } from '../materials/materials.schema';
import { LICENCE_STATUSES } from '../licences/verify.schema';
import { ZCreditRating } from '../credit-ratings/credit-ratings.schema';

/**
 * 告知承诺制 (人社部令第50号 第七条; decision 0043): a unit applying for a 许可 may choose the ordinary
 * procedure (一般程序: every material, decided on the merits within 20 working days of 受理) or
 * 告知承诺: it signs the 告知承诺书, which replaces the materials an administrator names, and gets its
 * licence on 受理; the department then verifies the commitments on site (核查) within a set period.
 */
export const PROCEDURES = ['一般程序', '告知承诺'] as const;
export type TProcedure = (typeof PROCEDURES)[number];
export const ZProcedure = z.enum(PROCEDURES, { error: '请选择办理方式（一般程序或告知承诺）' });

/** The material slot that holds the signed 告知承诺书. */
export const PROMISE_SLOT = '告知承诺书';

/**
 * The conditions of 人社部令第50号 the unit commits to meet, printed on the 告知承诺书 and checked one
 * by one at 核查 (属实 / 不属实).
 */
export const PROMISE_ITEMS = [
  { key: 'charter', label: '有明确的机构章程和管理制度' },
  { key: 'premises', label: '有开展业务必备的固定场所和办公设施' },
  { key: 'staff', label: '有与开展业务相适应、取得相应职业资格或具有相关专业知识的专职工作人员' },
  { key: 'truth', label: '所填报的机构信息和提交的材料真实、准确、完整' },
] as const;
export type TPromiseItemKey = (typeof PROMISE_ITEMS)[number]['key'];

/**
 * Which 设立 slots the 告知承诺书 replaces by default: the proofs of the facts a 核查 sees on site —
 * the premises (房产证或购房合同, 办公场所证明) and the full-time staff (专职人员学历证书, 专职人员劳动合同).
 * The licensing documents themselves (登记申请表, 营业执照, 章程 …) and the generated 专职人员登记表,
 * which names the people the 核查 meets, stay required.
 */
export const PROMISE_REPLACED_SLOTS_DEFAULT = ['房产证或购房合同', '办公场所证明', '专职人员学历证书', '专职人员劳动合同'];

/** Months the department has to verify a 告知承诺 licence (Fujian's 2025 rules: one month). */
export const INSPECTION_MONTHS_DEFAULT = 1;

/**
 * Two kinds of check task share one workflow (decision 0049): the 核查 of a 告知承诺 licence and a
 * 双随机抽查 drawn by a plan.
 */
export const INSPECTION_KINDS = ['告知承诺核查', '双随机抽查'] as const;
export type TInspectionKind = (typeof INSPECTION_KINDS)[number];

/**
 * 核查任务: 待核查 → (属实) 已完成 | (不属实) 整改中 → (整改完成 | 撤销许可) 已完成.
 * 抽查任务: 待核查 → (合格 | 立案) 已完成 | (责令整改) 整改中 → (整改完成) 已完成.
 */
export const INSPECTION_STATUSES = ['待核查', '整改中', '已完成'] as const;
export type TInspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_OUTCOMES = ['属实', '整改完成', '撤销许可', '合格', '责令整改', '立案'] as const;
export type TInspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];
/** Each checklist item: what was found is true (属实) or not (不属实). */
export const CHECK_RESULTS = ['属实', '不属实'] as const;
export type TCheckResult = (typeof CHECK_RESULTS)[number];
/** 抽查's conclusions (双随机、一公开: published on the register once the task is closed). */
export const SPOT_CHECK_RESULTS = ['合格', '责令整改', '立案'] as const;
export type TSpotCheckResult = (typeof SPOT_CHECK_RESULTS)[number];
/** The conclusions a task of each kind takes; the second of 核查 and 抽查's 责令整改 open a 整改. */
export const RESULTS_OF_KIND: Record<TInspectionKind, readonly (TCheckResult | TSpotCheckResult)[]> = { 告知承诺核查: CHECK_RESULTS, 双随机抽查: SPOT_CHECK_RESULTS };
export const RECTIFYING_RESULTS: readonly string[] = ['不属实', '责令整改'];

/**
 * What a 双随机抽查 checks on site (人力资源市场暂行条例 and 人社部令第50号: licence shown and valid,
 * services within the licence, premises as registered, fees and the complaint number shown, the annual
 * report and ledgers kept).
 */
export const SPOT_CHECK_ITEMS = [
  { key: 'licence', label: '在服务场所明示许可证（备案凭证），且证件在有效期内' },
  { key: 'scope', label: '实际开展的服务项目未超出许可（备案）范围' },
  { key: 'premises', label: '服务场所、负责人等与登记信息一致' },
  { key: 'fees', label: '明示服务项目、收费标准、监督机关和监督电话' },
  { key: 'ledger', label: '按规定报送年度报告，服务台账和档案资料齐全' },
] as const;

/** What a reviewer may do on a task now. */
export const INSPECTION_ACTIONS = ['核查结论', '整改完成', '撤销许可', '上传照片'] as const;
export type TInspectionAction = (typeof INSPECTION_ACTIONS)[number];

const day = (label: string) => z.string({ error: `请选择${label}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为YYYY-MM-DD`);

export const ZCheckItem = z.object({
  key: z.string(),
  label: z.string(),
  result: z.enum(CHECK_RESULTS).nullable(),
  note: z.string(),
});
export type TCheckItem = z.infer<typeof ZCheckItem>;

/** One 核查任务 as the reviewer (and the admin) sees it. */
export const ZInspectionTask = z.object({
  id: z.string(),
  version: z.number().int(),
  kind: z.enum(INSPECTION_KINDS),
  /** the 告知承诺 application (核查), null for a 抽查 */
  applicationId: z.string().nullable(),
  /** the 抽查 plan that drew it, null for a 核查 */
  planId: z.string().nullable(),
  planName: z.string().nullable(),
  /** the inspectors a 抽查 drew (names); empty for a 核查 (any reviewer of the department) */
  inspectors: z.array(z.string()),
  institutionId: z.string(),
  institutionName: z.string(),
  uscc: z.string(),
  unitName: z.string(),
  department: z.string(),
  departmentName: z.string(),
  licenceNumber: z.string().nullable(),
  licenceStatus: z.enum(LICENCE_STATUSES).nullable(),
  status: z.enum(INSPECTION_STATUSES),
  outcome: z.enum(INSPECTION_OUTCOMES).nullable(),
  createdAt: z.string(),
  /** last day to verify */
  dueOn: z.string(),
  /** 待核查 past dueOn, or 整改中 past the 整改 deadline */
  overdue: z.boolean(),
  checklist: z.array(ZCheckItem),
  findings: z.string(),
  rectifyDemand: z.string().nullable(),
  rectifyDeadline: z.string().nullable(),
  closedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  photos: z.array(ZStoredFile),
  actions: z.array(z.enum(INSPECTION_ACTIONS)),
  /** the institution's 信用等级 with its reasons (decision 0048); null once it is off the register */
  creditRating: ZCreditRating.nullable(),
});
export type TInspectionTask = z.infer<typeof ZInspectionTask>;

export const ZInspectionListItem = ZInspectionTask.omit({ checklist: true, photos: true, findings: true, actions: true, creditRating: true });
export type TInspectionListItem = z.infer<typeof ZInspectionListItem>;

export const ZInspectionListQuery = z.object({
  kind: z.enum(INSPECTION_KINDS, { error: '请选择有效的任务类型' }).optional(),
  status: z.enum(INSPECTION_STATUSES, { error: '请选择有效的任务状态' }).optional(),
  name: z.string().trim().max(100, '机构名称不能超过100个字').optional(),
  overdue: z.enum(['1']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(15),
});
export type TInspectionListQuery = z.infer<typeof ZInspectionListQuery>;

/** 核查结论: each commitment checked, the findings, and for 不属实 the 限期整改 demand and deadline. */
export const ZInspectionResultRequest = z
  .object({
    version: z.number().int().min(1),
    outcome: z.enum([...CHECK_RESULTS, ...SPOT_CHECK_RESULTS], { error: '请选择核查结论' }),
    checklist: z
      .array(z.object({ key: z.string().max(40), result: z.enum(CHECK_RESULTS, { error: '请选择属实或不属实' }), note: z.string().trim().max(500, '说明不能超过500个字').default('') }))
      .max(20),
    findings: z.string().trim().min(1, '请填写核查情况').max(2000, '核查情况不能超过2000个字'),
    rectifyDemand: z.string().trim().max(1000, '整改要求不能超过1000个字').optional(),
    rectifyDeadline: day('整改期限').optional(),
  })
  .superRefine((v, c) => {
    if (RECTIFYING_RESULTS.includes(v.outcome)) {
      if (!v.rectifyDemand) c.addIssue({ code: 'custom', path: ['rectifyDemand'], message: '请填写整改要求' });
      if (!v.rectifyDeadline) c.addIssue({ code: 'custom', path: ['rectifyDeadline'], message: '请选择整改期限' });
    }
  });
export type TInspectionResultRequest = z.input<typeof ZInspectionResultRequest>;

export const ZInspectionCloseRequest = z.object({ version: z.number().int().min(1), note: z.string().trim().max(1000, '说明不能超过1000个字').default('') });
export type TInspectionCloseRequest = z.input<typeof ZInspectionCloseRequest>;

export const ZInspectionRevokeRequest = z.object({
  version: z.number().int().min(1),
  reason: z.string({ error: '请填写撤销理由' }).trim().min(1, '请填写撤销理由').max(1000, '撤销理由不能超过1000个字'),
});
export type TInspectionRevokeRequest = z.input<typeof ZInspectionRevokeRequest>;

/** The reviewer's 主页 待办: the department's open tasks. */
export const ZInspectionTodo = z.object({ pending: z.number().int(), rectifying: z.number().int(), overdue: z.number().int() });
export type TInspectionTodo = z.infer<typeof ZInspectionTodo>;

/** The admin's view: every department's open tasks. */
export const ZInspectionBacklog = z.array(
  z.object({ department: z.string(), departmentName: z.string(), pending: z.number().int(), rectifying: z.number().int(), overdue: z.number().int() }),
);
export type TInspectionBacklog = z.infer<typeof ZInspectionBacklog>;

/** What the unit sees of its institution's 核查: the state and what it must fix by when. */
export const ZUnitInspection = z.object({
  id: z.string(),
  kind: z.enum(INSPECTION_KINDS),
  status: z.enum(INSPECTION_STATUSES),
  outcome: z.enum(INSPECTION_OUTCOMES).nullable(),
  createdAt: z.string(),
  dueOn: z.string(),
  rectifyDemand: z.string().nullable(),
  rectifyDeadline: z.string().nullable(),
  closedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type TUnitInspection = z.infer<typeof ZUnitInspection>;

/** A 失信记录 of an institution (written when its licence is revoked after a failed 核查). */
export const ZDishonestyRecord = z.object({ id: z.string(), recordedOn: z.string(), reason: z.string(), source: z.string() });
export type TDishonestyRecord = z.infer<typeof ZDishonestyRecord>;

/** The unit's view of one institution's 核查 and 失信记录. */
export const ZUnitInspections = z.object({ tasks: z.array(ZUnitInspection), dishonesty: z.array(ZDishonestyRecord) });
export type TUnitInspections = z.infer<typeof ZUnitInspections>;
