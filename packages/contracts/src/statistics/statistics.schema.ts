import { z } from 'zod';
import type { KindDeclaration } from '../applications/kinds';
import { APPLICATION_STATUSES } from '../applications/applications.status';
import type { TSubmissionProblem } from '../applications/applications.schema';
import { ZPageQuery } from '../common';
import { STATISTICS_FIELDS, STATISTICS_FIELD_ENTRIES, statisticsFieldName, type StatisticsField, type TStatisticsFieldKey } from './statistics.catalogue';

/** The tab a submission problem of the report names (one form, its fields by key). */
export const STATISTICS_TAB = 'statistics';

/**
 * 人力资源市场统计 as a kind of the engine (decision 0024): the annual business report of one
 * institution. No materials, no video, no working-day limit: its due date is an admin setting
 * (statistics.deadline, default 3月31日 of the year after 服务年度). A reviewer's note may name any
 * field of the report's catalogue.
 */
export const STATISTICS: KindDeclaration & { name: '统计' } = {
  name: '统计',
  contentType: 'statistics',
  sections: [],
  materialSlots: [],
  video: 'none',
  decisionLimitDays: null,
  notice: { subject: '人力资源服务机构', what: '业务基本情况报告' },
  reviewTargets: {
    recordFields: false,
    materials: false,
    fields: STATISTICS_FIELD_ENTRIES.map((e) => ({ key: e.key, label: e.field.label, section: e.field.section, tab: STATISTICS_TAB })),
  },
};

type Shape = { [K in TStatisticsFieldKey]: z.ZodOptional<z.ZodNullable<(typeof STATISTICS_FIELDS)[K]['validator']>> };

/** Every field of the report as a draft holds it: any may be empty (null or absent) until 提交. */
export const ZStatisticsValues = z.strictObject(
  Object.fromEntries(STATISTICS_FIELD_ENTRIES.map((e) => [e.key, e.field.validator.nullable().optional()])) as Shape,
  { error: (i) => (i.code === 'unrecognized_keys' ? `业务基本情况中没有字段：${i.keys.join('、')}` : undefined) },
);
export type TStatisticsValues = z.infer<typeof ZStatisticsValues>;

/** The content of 保存 and 新增: the institution, its 服务年度 (每年只能新增一次) and the fields. */
export const ZStatisticsContent = ZStatisticsValues.extend({
  institutionId: z.uuid({ error: '请选择服务机构' }),
  serviceYear: STATISTICS_FIELDS.serviceYear.validator,
});
export type TStatisticsContent = z.infer<typeof ZStatisticsContent>;

/** 服务年度 of a new report: last year. */
export const defaultServiceYear = (today: string): number => Number(today.slice(0, 4)) - 1;

/** The setting's default: 3月31日 of the year after 服务年度. */
export const STATISTICS_DEADLINE_DEFAULT = '03-31';

/** A 月-日 (MM-DD) of the year after 服务年度, as 系统设置 keeps the report's deadline. */
export const ZMonthDay = z
  .string()
  .trim()
  .regex(/^\d{2}-\d{2}$/, '请按“月-日”填写，如 03-31')
  .refine((v) => {
    const [m, d] = v.split('-').map(Number) as [number, number];
    // 02-29 is refused: not every year has it
    const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
    return days !== undefined && d >= 1 && d <= days;
  }, '不是有效的日期（2月29日也不可用）');

/** The reviewer's due date of a report: the setting's 月-日 in the year after its 服务年度. */
export const statisticsDueOn = (serviceYear: number, monthDay: string): string => `${serviceYear + 1}-${monthDay}`;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * The cross-field checks of SPEC §5, each as the field it is reported on, the fields summed on
 * the smaller side and the bound. Empty counts count as 0.
 */
export const STATISTICS_CROSS_CHECKS: readonly { on: TStatisticsFieldKey; parts: readonly TStatisticsFieldKey[]; bound: TStatisticsFieldKey }[] = [
  { on: 'staffCollege', parts: ['staffCollege'], bound: 'staffTotal' },
  { on: 'staffBachelor', parts: ['staffBachelor', 'staffPostgrad'], bound: 'staffCollege' },
  { on: 'staffQualified', parts: ['staffQualified'], bound: 'staffTotal' },
  { on: 'passThroughRevenue', parts: ['passThroughRevenue'], bound: 'annualRevenue' },
  { on: 'personsCollege', parts: ['personsCollege'], bound: 'personsServed' },
  { on: 'personsBachelor', parts: ['personsBachelor', 'personsPostgrad'], bound: 'personsCollege' },
  { on: 'employersState', parts: ['employersState', 'employersPrivate', 'employersForeign', 'employersOther'], bound: 'employersServed' },
  { on: 'fairsMigrant', parts: ['fairsMigrant', 'fairsGraduate'], bound: 'fairsHeld' },
];

const crossMessage = (parts: readonly TStatisticsFieldKey[], bound: TStatisticsFieldKey) =>
  parts.length === 1
    ? `${statisticsFieldName(parts[0]!)}不能超过${statisticsFieldName(bound)}`
    : `${parts.map(statisticsFieldName).join('、')}之和不能超过${statisticsFieldName(bound)}`;

/**
 * Everything 提交 asks of a report, every problem at once and each on its field: the required
 * fields, the formats of the filled ones, 服务年度 and 填表日期 against today, and the cross-field
 * checks. The server (提交) and the form (before sending) both run it.
 */
export function statisticsProblems(values: Partial<Record<TStatisticsFieldKey, unknown>>, today: string): TSubmissionProblem[] {
  const problems: TSubmissionProblem[] = [];
  const taken = new Set<string>();
  const add = (path: TStatisticsFieldKey, message: string) => {
    if (taken.has(path)) return;
    taken.add(path);
    problems.push({ tab: STATISTICS_TAB, path, message });
  };
  for (const { key, field } of STATISTICS_FIELD_ENTRIES) {
    const f: StatisticsField = field;
    const v = values[key];
    if (isEmpty(v)) {
      if (f.required) add(key, f.input === 'multi' ? `请至少选择一项${f.label}` : f.input === 'select' || f.input === 'department' ? `请选择${statisticsFieldName(key)}` : `请填写${statisticsFieldName(key)}`);
      continue;
    }
    const shape = f.validator.safeParse(v);
    if (!shape.success) {
      add(key, shape.error.issues[0]!.message);
      continue;
    }
    if (f.format) {
      const formatted = f.format.safeParse(v);
      if (!formatted.success) add(key, formatted.error.issues[0]!.message);
    }
  }
  const year = values.serviceYear;
  const thisYear = Number(today.slice(0, 4));
  if (typeof year === 'number' && year > thisYear) add('serviceYear', `服务年度不能晚于${thisYear}年`);
  const filledOn = values.filledOn;
  if (typeof filledOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(filledOn)) {
    if (filledOn > today) add('filledOn', '填表日期不能晚于今天');
    else if (typeof year === 'number' && filledOn < `${year}-01-01`) add('filledOn', `填表日期不能早于服务年度（${year}年）`);
  }
  for (const p of crossFieldProblems(values)) add(p.path as TStatisticsFieldKey, p.message);
  return problems;
}

/** The cross-field checks alone (the form runs them as soon as one of their fields changes). */
export function crossFieldProblems(values: Partial<Record<TStatisticsFieldKey, unknown>>): TSubmissionProblem[] {
  const problems: TSubmissionProblem[] = [];
  for (const c of STATISTICS_CROSS_CHECKS) {
    const sum = c.parts.reduce((s, k) => s + num(values[k]), 0);
    // amounts in 万元 with 2 decimals: compared in 分 so 0.1 + 0.2 is not more than 0.3
    if (Math.round(sum * 100) > Math.round(num(values[c.bound]) * 100)) problems.push({ tab: STATISTICS_TAB, path: c.on, message: crossMessage(c.parts, c.bound) });
  }
  return problems;
}

/** 业务基本情况查询's 查询条件 (guide 2.2): 服务年度, 填表日期 (a range), 审批状态. */
export const ZStatisticsQuery = ZPageQuery.extend({
  serviceYear: z.coerce.number({ error: '服务年度应为年份' }).int('服务年度应为年份').min(2000, '服务年度不能早于2000年').max(2100, '服务年度不正确').optional(),
  filledFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '填表日期格式应为YYYY-MM-DD').optional(),
  filledTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '填表日期格式应为YYYY-MM-DD').optional(),
  status: z.enum(APPLICATION_STATUSES, { error: '请选择有效的审批状态' }).optional(),
});
export type TStatisticsQuery = z.infer<typeof ZStatisticsQuery>;

/** One row of 人力资源服务机构业务基本情况 (guide 2.2); 填表人联系电话 masked. */
export const ZStatisticsRow = z.object({
  id: z.string(),
  serviceYear: z.number().int(),
  status: z.enum(APPLICATION_STATUSES),
  name: z.string(),
  personsServed: z.number().int().nullable(),
  statisticsOfficer: z.string(),
  filler: z.string(),
  fillerPhone: z.string(),
  filledOn: z.string().nullable(),
  editable: z.boolean(),
});
export type TStatisticsRow = z.infer<typeof ZStatisticsRow>;

/** An institution the unit may report on (审核通过, not 注销), with the values a new report starts from. */
export const ZStatisticsInstitution = z.object({
  id: z.string(),
  name: z.string(),
  /** the record's values of the report's institution fields, 服务年度 (last year) and 填表日期 (today) */
  prefill: z.record(z.string(), z.unknown()),
  /** the 服务年度 it already has a report for */
  reportedYears: z.array(z.number().int()),
});
export type TStatisticsInstitution = z.infer<typeof ZStatisticsInstitution>;
