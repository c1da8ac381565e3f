import { z } from 'zod';
import type { MaterialSlotDef } from '../materials/materials.schema';
import { APPLICATION_STATUSES } from '../applications/applications.status';
import { declareKind, type KindDeclaration } from '../applications/kinds';
import { DECISION_WORKING_DAYS } from '../reviews/deadline';
import { DEFAULT_PAGE_SIZE } from '../common';
import {
  CREDIT_FIELDS,
  CREDIT_FIELD_KEYS,
  CREDIT_QUESTION_KEYS,
  CREDIT_RATE_KEYS,
  CREDIT_SECTIONS,
  YES_NO,
  ZCreditAnswers,
  creditRequiredMessage,
  isBlankCreditValue,
  type TCreditAnswers,
  type TCreditFacts,
  type TCreditFieldKey,
  type TCreditRateKey,
  type TCreditSection,
} from './credit.catalogue';

/** 诚信示范's material slots (上传材料). */
export const CREDIT_MATERIAL_SLOTS: readonly MaterialSlotDef[] = [
  { name: '诚信示范机构申报材料', required: true },
  { name: '荣誉证明材料', required: false },
  { name: '其他材料', required: false },
];

/** 人力资源诚信示范机构 as a kind of the engine (decision 0022; 0025). */
export const CREDIT: KindDeclaration & { name: '诚信示范' } = {
  name: '诚信示范',
  contentType: 'credit',
  sections: [],
  materialSlots: CREDIT_MATERIAL_SLOTS,
  video: 'none',
  decisionLimitDays: DECISION_WORKING_DAYS,
  notice: { subject: '人力资源', what: '诚信示范机构申请' },
  reviewTargets: {
    recordFields: false,
    materials: true,
    // a note may name any answer of the form (its catalogue)
    fields: CREDIT_FIELD_KEYS.map((k) => ({
      key: `answers.${k}`,
      label: CREDIT_FIELDS[k].label,
      section: CREDIT_SECTIONS.find((s) => s.key === CREDIT_FIELDS[k].section)!.label,
      tab: CREDIT_FIELDS[k].section,
    })),
  },
};
// declared with the contracts, so the web's lists (the inbox's 业务类型) know it; the server's registerKind adds the adapter
declareKind(CREDIT);

/** The title the public register shows for a year's approval. */
export const creditTitle = (year: number) => `诚信示范机构（${year}年度）`;

/** 保存 / new: the institution (fixed once created) and the answers. */
export const ZCreditContent = z
  .object({
    institutionId: z.uuid('请选择机构'),
    answers: ZCreditAnswers.default({}),
  })
  .strict();
export type TCreditContent = z.infer<typeof ZCreditContent>;

/** What the unit's detail adds to the header: the year, the record's facts and the answers. */
export const ZCreditView = z.object({
  institutionId: z.string(),
  year: z.number().int(),
  facts: z.record(z.string(), z.string().nullable()),
  /** 审批部门 the record names (the 提交 dialog proposes it) */
  recordDepartment: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()),
  awardedOn: z.string().nullable(),
});
export type TCreditView = Omit<z.infer<typeof ZCreditView>, 'facts' | 'answers'> & { facts: TCreditFacts; answers: TCreditAnswers };

/** 提交's problems of the answers: every required field left empty, in the form's order. */
export function creditProblems(answers: TCreditAnswers): { tab: TCreditSection; path: string; message: string }[] {
  return CREDIT_FIELD_KEYS.filter((k) => CREDIT_FIELDS[k].required && isBlankCreditValue(answers[k])).map((k) => ({
    tab: CREDIT_FIELDS[k].section,
    path: `answers.${k}`,
    message: creditRequiredMessage(CREDIT_FIELDS[k]),
  }));
}

// ---- the criteria (系统设置) and the reviewer's checklist ----------------------------------

/** The criteria a reviewer's checklist applies: the lowest acceptable rates, and which questions count. */
export const ZCreditCriteria = z
  .object({
    minRates: z.object(
      Object.fromEntries(
        CREDIT_RATE_KEYS.map((k) => [
          k,
          z
            .number({ error: `${CREDIT_FIELDS[k].label}的最低值应为数字` })
            .min(0, `${CREDIT_FIELDS[k].label}的最低值应在0到100之间`)
            .max(100, `${CREDIT_FIELDS[k].label}的最低值应在0到100之间`),
        ]),
      ) as Record<TCreditRateKey, z.ZodNumber>,
      { error: '请设置各项比率的最低值' },
    ),
    questions: z
      .array(z.enum(CREDIT_QUESTION_KEYS as [TCreditFieldKey, ...TCreditFieldKey[]], { error: '审核项不存在' }), { error: '请选择审核项' })
      .max(CREDIT_QUESTION_KEYS.length)
      .refine((a) => new Set(a).size === a.length, '审核项不能重复'),
  })
  .strict();
export type TCreditCriteria = z.infer<typeof ZCreditCriteria>;

export const DEFAULT_CREDIT_CRITERIA: TCreditCriteria = {
  minRates: { socialInsuranceRate: 90, labourContractRate: 95, successRate: 60 },
  questions: CREDIT_QUESTION_KEYS.filter((k) => CREDIT_FIELDS[k].criterion),
};

/** 系统设置's entry for the criteria (merged into SETTINGS). */
export const CREDIT_SETTINGS = {
  'credit.criteria': { label: '诚信示范机构审核标准', schema: ZCreditCriteria, default: DEFAULT_CREDIT_CRITERIA },
} as const;

/** One line of the reviewer's checklist. */
export const ZCreditCheck = z.object({
  key: z.string(),
  label: z.string(),
  section: z.string(),
  answer: z.union([z.enum(YES_NO), z.number(), z.null()]),
  /** what meets it: 是 / 否, or `≥ 90%` */
  expected: z.string(),
  failed: z.boolean(),
});
export type TCreditCheck = z.infer<typeof ZCreditCheck>;

/** The checklist: every criterion in the form's order; an unanswered one fails. */
export function creditChecks(answers: TCreditAnswers, criteria: TCreditCriteria): TCreditCheck[] {
  const checked = new Set<string>([...criteria.questions, ...CREDIT_RATE_KEYS]);
  return CREDIT_FIELD_KEYS.filter((k) => checked.has(k)).map((k) => {
    const f = CREDIT_FIELDS[k];
    const raw = answers[k];
    if (f.input === 'percent') {
      const min = criteria.minRates[k as TCreditRateKey];
      const answer = typeof raw === 'number' ? raw : null;
      return { key: k, label: f.label, section: f.section, answer, expected: `≥ ${min}%`, failed: answer === null || answer < min };
    }
    const answer = raw === '是' || raw === '否' ? raw : null;
    return { key: k, label: f.label, section: f.section, answer, expected: f.expected!, failed: answer !== f.expected };
  });
}

/** What the reviewer's content of a 诚信示范 carries (`{contentType: 'credit', data}`). */
export const ZCreditReviewData = z.object({
  year: z.number().int(),
  facts: z.record(z.string(), z.string().nullable()),
  answers: z.record(z.string(), z.unknown()),
  checks: z.array(ZCreditCheck),
});
export type TCreditReviewData = Omit<z.infer<typeof ZCreditReviewData>, 'facts' | 'answers'> & { facts: TCreditFacts; answers: TCreditAnswers };

// ---- 人力资源诚信示范机构查询 (guide 3.1) ------------------------------------------------------

export const ZCreditQuery = z.object({
  page: z.coerce.number().int().min(1, '页码必须大于 0').max(10_000, '页码过大').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, '每页最多 100 条').default(DEFAULT_PAGE_SIZE),
  name: z.string().trim().max(100, '机构名称不能超过 100 个字').optional(),
  year: z.coerce.number({ error: '申报年度应为年份' }).int('申报年度应为年份').min(2000, '申报年度不正确').max(2100, '申报年度不正确').optional(),
  status: z.enum(APPLICATION_STATUSES, { error: '审批状态不正确' }).optional(),
});
export type TCreditQuery = z.infer<typeof ZCreditQuery>;

export const ZCreditListItem = z.object({
  id: z.string(),
  institutionId: z.string(),
  year: z.number().int(),
  name: z.string(),
  uscc: z.string().nullable(),
  status: z.enum(APPLICATION_STATUSES),
  /** 审批结果: the latest decision's 审核通过 / 审核不通过 with its 审核意见 */
  result: z.string().nullable(),
  opinion: z.string().nullable(),
  departmentName: z.string().nullable(),
  submittedAt: z.string().nullable(),
  awardedOn: z.string().nullable(),
  editable: z.boolean(),
});
export type TCreditListItem = z.infer<typeof ZCreditListItem>;

/** The unit's institutions a 诚信示范 may be applied for, with this year's application if any. */
export const ZCreditInstitution = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  /** this year's application of the institution (one per year) */
  applicationId: z.string().nullable(),
  /** 机构基本信息 the form shows before the first 保存, and the record's 审批部门 */
  facts: z.record(z.string(), z.string().nullable()),
  department: z.string().nullable(),
});
export type TCreditInstitution = Omit<z.infer<typeof ZCreditInstitution>, 'facts'> & { facts: TCreditFacts };
