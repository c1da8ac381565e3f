import { z } from 'zod';
import { STATISTICS_FIELDS, type TStatisticsFieldKey } from './statistics.catalogue';

/**
 * 统计分析 (decision 0027): the main indicators of the APPROVED annual reports of a reviewer's area
 * (the province, a city with its counties, a county), by 服务年度 with the change on the year
 * before, by area and by 机构类型; the licensed institutions that have not reported; the XLSX
 * export. Indicator labels come from the report's catalogue, never written twice.
 */
export const STATISTICS_INDICATOR_KEYS = [
  'staffTotal',
  'annualRevenue',
  'personsServed',
  'employersServed',
  'personsPlaced',
  'fairsHeld',
  'dispatchedWorkers',
  'trainees',
] as const satisfies readonly TStatisticsFieldKey[];
export type TStatisticsIndicator = (typeof STATISTICS_INDICATOR_KEYS)[number];

/** An indicator's label as the report's form shows it (全年营业收入(万元) …). */
export const statisticsIndicatorLabel = (key: TStatisticsIndicator): string => STATISTICS_FIELDS[key].label;

/** 万元 amounts are kept to 2 decimals, counts are integers. */
export const isAmountIndicator = (key: TStatisticsIndicator): boolean => STATISTICS_FIELDS[key].input === 'amount';

export const STATISTICS_MIN_YEAR = 2000;
export const STATISTICS_MAX_YEAR = 2100;

export const ZStatisticsYearQuery = z.object({
  year: z.coerce
    .number({ error: '服务年度应为年份' })
    .int('服务年度应为年份')
    .min(STATISTICS_MIN_YEAR, `服务年度不能早于${STATISTICS_MIN_YEAR}年`)
    .max(STATISTICS_MAX_YEAR, '服务年度不正确')
    .optional(),
});
export type TStatisticsYearQuery = z.infer<typeof ZStatisticsYearQuery>;

const ZIndicatorValues = z.object(Object.fromEntries(STATISTICS_INDICATOR_KEYS.map((k) => [k, z.number()])) as Record<TStatisticsIndicator, z.ZodNumber>);
export type TIndicatorValues = Record<TStatisticsIndicator, number>;

/** One group of approved reports: how many and the sums of the indicators. */
export const ZStatisticsGroup = z.object({
  /** 报送机构数: approved reports in the group */
  reports: z.number().int(),
  values: ZIndicatorValues,
});

export const ZStatisticsDashboard = z.object({
  year: z.number().int(),
  /** the area the numbers cover: the reader's department (the province for admins) */
  area: z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'city', 'county']) }),
  /** the year and the one before it; `change` is the ratio to the year before (null without a base) */
  byYear: z.array(ZStatisticsGroup.extend({ year: z.number().int() })),
  change: z.object({
    reports: z.number().nullable(),
    values: z.object(Object.fromEntries(STATISTICS_INDICATOR_KEYS.map((k) => [k, z.number().nullable()])) as Record<TStatisticsIndicator, z.ZodNullable<z.ZodNumber>>),
  }),
  /** the province: by city (省本级 for its own); a city: itself and each county; a county: itself */
  byArea: z.array(ZStatisticsGroup.extend({ code: z.string(), name: z.string() })),
  byCategory: z.array(ZStatisticsGroup.extend({ category: z.string() })),
  /** licensed institutions (审核通过, not 注销) of the area */
  licensed: z.number().int(),
  /** of them, those without a submitted report for the year (see the missing list) */
  missing: z.number().int(),
  /** the year's filing deadline (YYYY-MM-DD, 系统设置); 催报 is open after it */
  reportDeadline: z.string(),
});
export type TStatisticsDashboard = z.infer<typeof ZStatisticsDashboard>;

/** Why an institution is on the missing list: no report, a draft never sent, or one sent back. */
export const STATISTICS_MISSING_REASONS = ['未填报', '未提交', '审核不通过'] as const;

export const ZStatisticsMissingQuery = ZStatisticsYearQuery.extend({
  page: z.coerce.number().int().min(1, '页码必须大于 0').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, '每页最多 100 条').default(15),
});

export const ZStatisticsMissingItem = z.object({
  institutionId: z.string(),
  name: z.string(),
  uscc: z.string(),
  category: z.string().nullable(),
  departmentName: z.string(),
  reason: z.enum(STATISTICS_MISSING_REASONS),
});
export type TStatisticsMissingItem = z.infer<typeof ZStatisticsMissingItem>;

/** 催报 (POST /api/statistics-analysis/urge): the year's missing institutions told now, and those already told today. */
export const ZStatisticsUrgeResult = z.object({
  year: z.number().int(),
  urged: z.number().int(),
  alreadyToday: z.number().int(),
});
export type TStatisticsUrgeResult = z.infer<typeof ZStatisticsUrgeResult>;

/** The export's file name for a year. */
export const statisticsExportName = (year: number) => `业务基本情况_${year}年度.xlsx`;
