import { z } from 'zod';

/**
 * 机构信用等级 (decision 0048): every institution on the public register gets a level A–D from its
 * record — its annual reports, 告知承诺核查, 双随机抽查, 失信记录 and 诚信示范 titles — scored by rules an
 * administrator sets (系统设置 `creditRating.rules`). Not to be confused with 诚信示范 (credit/), the
 * application for a title, which is one of the events scored here.
 */
export const CREDIT_LEVELS = ['A', 'B', 'C', 'D'] as const;
export type TCreditLevel = (typeof CREDIT_LEVELS)[number];

/** The setting's key (系统设置). */
export const CREDIT_RATING_SETTING = 'creditRating.rules';

const points = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为整数` })
    .int(`${label}应为整数`)
    .min(min, `${label}应在${min}到${max}之间`)
    .max(max, `${label}应在${min}到${max}之间`);
/** a deduction: 0 or less */
const minus = (label: string) => points(label, -100, 0);
/** a bonus: 0 or more */
const plus = (label: string) => points(label, 0, 100);
const weight = (level: TCreditLevel) =>
  z
    .number({ error: `${level}级的抽查权重应为数字` })
    .gt(0, `${level}级的抽查权重应大于0`)
    .max(100, `${level}级的抽查权重不能超过100`);

export const ZCreditRatingRules = z
  .object({
    /** the score before any event */
    base: points('基础分', 0, 1000),
    /** 年度报告: each 服务年度 since the first licence, the last `years` whose 报送截止日期 has passed */
    report: z
      .object({
        years: points('考察年度数', 1, 10),
        onTime: points('按时报送的分值', -100, 100),
        late: minus('逾期报送的扣分'),
        missing: minus('未报送的扣分'),
      })
      .strict(),
    /** each 告知承诺核查 found 不属实 (整改中, or closed 整改完成 / 撤销许可) */
    promiseUntrue: minus('告知承诺核查不属实的扣分'),
    /** each closed 双随机抽查 by its result; 合格's bonuses add up to `passedMax` at most */
    sampling: z
      .object({
        passed: plus('抽查合格的加分'),
        passedMax: plus('抽查合格的加分上限'),
        rectify: minus('抽查责令整改的扣分'),
        caseFiled: minus('抽查立案的扣分'),
      })
      .strict(),
    /** each 失信记录 */
    dishonesty: minus('失信记录的扣分'),
    /** each 诚信示范机构 title (a year's approval) */
    integrityTitle: plus('诚信示范机构称号的加分'),
    /** lowest score of each level (D below C) */
    thresholds: z
      .object({ A: points('A级最低分', 0, 1000), B: points('B级最低分', 0, 1000), C: points('C级最低分', 0, 1000) })
      .strict()
      .refine((t) => t.A > t.B && t.B > t.C, { message: '等级分数线应依次降低：A级 > B级 > C级', path: ['B'] }),
    /** how often 双随机抽查 draws an institution of each level, relative to one another */
    samplingWeights: z.object({ A: weight('A'), B: weight('B'), C: weight('C'), D: weight('D') }).strict(),
  })
  .strict();
export type TCreditRatingRules = z.infer<typeof ZCreditRatingRules>;

export const DEFAULT_CREDIT_RATING_RULES: TCreditRatingRules = {
  base: 100,
  report: { years: 3, onTime: 0, late: -5, missing: -15 },
  promiseUntrue: -20,
  sampling: { passed: 2, passedMax: 6, rectify: -10, caseFiled: -30 },
  dishonesty: -40,
  integrityTitle: 10,
  thresholds: { A: 90, B: 75, C: 60 },
  samplingWeights: { A: 0.5, B: 1, C: 2, D: 4 },
};

/** 系统设置's entry (merged into SETTINGS). */
export const CREDIT_RATING_SETTINGS = {
  [CREDIT_RATING_SETTING]: { label: '机构信用等级评价规则', schema: ZCreditRatingRules, default: DEFAULT_CREDIT_RATING_RULES },
} as const;

/** One scored event: what it was and the points it gave (0 for an event that counts nothing). */
export const ZCreditReason = z.object({ label: z.string(), points: z.number() });
export type TCreditReason = z.infer<typeof ZCreditReason>;

export const ZCreditRating = z.object({
  level: z.enum(CREDIT_LEVELS),
  score: z.number(),
  /** every event scored, in the rules' order, each with its points */
  reasons: z.array(ZCreditReason),
});
export type TCreditRating = z.infer<typeof ZCreditRating>;

export const REPORT_STATES = ['按时报送', '逾期报送', '未报送'] as const;
export type TReportState = (typeof REPORT_STATES)[number];
export const SAMPLING_RESULTS = ['合格', '责令整改', '立案'] as const;
export type TSamplingResult = (typeof SAMPLING_RESULTS)[number];

/** What the record holds for one institution: the events the rules score (dates are Beijing days). */
export interface TCreditRatingFacts {
  /** each 服务年度 assessed, oldest first */
  reports: { year: number; state: TReportState }[];
  /** the day each 不属实 核查 was concluded */
  promiseUntrue: string[];
  /** each closed 双随机抽查, oldest first */
  sampling: { on: string; result: TSamplingResult }[];
  /** the day of each 失信记录 */
  dishonesty: string[];
  /** the years of its 诚信示范机构 titles */
  titles: number[];
}

export const NO_CREDIT_FACTS: TCreditRatingFacts = { reports: [], promiseUntrue: [], sampling: [], dishonesty: [], titles: [] };

/** The level a score reaches under the thresholds. */
export function creditLevelOf(score: number, thresholds: TCreditRatingRules['thresholds']): TCreditLevel {
  if (score >= thresholds.A) return 'A';
  if (score >= thresholds.B) return 'B';
  if (score >= thresholds.C) return 'C';
  return 'D';
}

/** A reason's points as people read them: +2, −5, 0 (a true minus sign). */
export const formatCreditPoints = (p: number) => (p > 0 ? `+${p}` : p < 0 ? `−${-p}` : '0');

/** The rating of one institution: the base plus every event's points, and the level that score reaches. */
export function rateCredit(facts: TCreditRatingFacts, rules: TCreditRatingRules): TCreditRating {
  const reasons: TCreditReason[] = [];
  const reportPoints: Record<TReportState, number> = { 按时报送: rules.report.onTime, 逾期报送: rules.report.late, 未报送: rules.report.missing };
  for (const r of facts.reports) reasons.push({ label: `${r.year}年度报告${r.state}`, points: reportPoints[r.state] });
  for (const on of facts.promiseUntrue) reasons.push({ label: `告知承诺核查不属实（${on}）`, points: rules.promiseUntrue });
  let bonus = 0;
  for (const s of facts.sampling) {
    if (s.result === '合格') {
      const p = Math.max(0, Math.min(rules.sampling.passed, rules.sampling.passedMax - bonus));
      bonus += p;
      reasons.push({ label: `双随机抽查合格（${s.on}）${p < rules.sampling.passed ? '（已达加分上限）' : ''}`, points: p });
    } else {
      reasons.push({ label: `双随机抽查${s.result}（${s.on}）`, points: s.result === '立案' ? rules.sampling.caseFiled : rules.sampling.rectify });
    }
  }
  for (const on of facts.dishonesty) reasons.push({ label: `失信记录（${on}）`, points: rules.dishonesty });
  for (const year of facts.titles) reasons.push({ label: `诚信示范机构（${year}年度）`, points: rules.integrityTitle });
  const score = reasons.reduce((sum, r) => sum + r.points, rules.base);
  return { level: creditLevelOf(score, rules.thresholds), score, reasons };
}

/**
 * The 服务年度 whose annual reports are assessed on `today` (Beijing day): the last `years` whose
 * 报送截止日期 (`deadline`, 月-日 of the year after) has passed, oldest first, each with that day.
 */
export function assessedReportYears(today: string, deadline: string, years: number): { year: number; deadlineOn: string }[] {
  const thisYear = Number(today.slice(0, 4));
  const last = `${thisYear}-${deadline}` < today ? thisYear - 1 : thisYear - 2;
  return Array.from({ length: years }, (_, i) => last - years + 1 + i).map((year) => ({ year, deadlineOn: `${year + 1}-${deadline}` }));
}

/** Why 提交 under 告知承诺 is refused to a unit with a D institution (decision 0048). */
export const CREDIT_D_PROMISE_REFUSED = '本单位有机构信用等级为D，不能选择告知承诺方式，请按一般程序申请';
