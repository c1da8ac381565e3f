import { describe, expect, it } from 'vitest';
import {
  assessedReportYears,
  creditLevelOf,
  DEFAULT_CREDIT_RATING_RULES as RULES,
  formatCreditPoints,
  NO_CREDIT_FACTS,
  rateCredit,
  ZCreditRatingRules,
  type TCreditRatingFacts,
  type TCreditRatingRules,
} from './credit-ratings.schema';

const facts = (f: Partial<TCreditRatingFacts>): TCreditRatingFacts => ({ ...NO_CREDIT_FACTS, ...f });
const withRules = (patch: (r: TCreditRatingRules) => void) => {
  const r = structuredClone(RULES);
  patch(r);
  return r;
};

describe('rateCredit', () => {
  it('an institution without events keeps the base score: A', () => {
    expect(rateCredit(NO_CREDIT_FACTS, RULES)).toEqual({ level: 'A', score: 100, reasons: [] });
  });

  it('scores each annual report: on time 0, late −5, missing −15, each a reason in Chinese', () => {
    const r = rateCredit(
      facts({
        reports: [
          { year: 2023, state: '按时报送' },
          { year: 2024, state: '逾期报送' },
          { year: 2025, state: '未报送' },
        ],
      }),
      RULES,
    );
    expect(r.reasons).toEqual([
      { label: '2023年度报告按时报送', points: 0 },
      { label: '2024年度报告逾期报送', points: -5 },
      { label: '2025年度报告未报送', points: -15 },
    ]);
    expect(r).toMatchObject({ score: 80, level: 'B' });
  });

  it('each rule moves the score by its setting', () => {
    expect(rateCredit(facts({ promiseUntrue: ['2026-01-05'] }), RULES)).toMatchObject({ score: 80, level: 'B', reasons: [{ label: '告知承诺核查不属实（2026-01-05）', points: -20 }] });
    expect(rateCredit(facts({ dishonesty: ['2026-02-01'] }), RULES)).toMatchObject({ score: 60, level: 'C', reasons: [{ label: '失信记录（2026-02-01）', points: -40 }] });
    expect(rateCredit(facts({ sampling: [{ on: '2026-03-01', result: '责令整改' }] }), RULES)).toMatchObject({ score: 90, level: 'A' });
    expect(rateCredit(facts({ sampling: [{ on: '2026-03-01', result: '立案' }] }), RULES)).toMatchObject({ score: 70, level: 'C', reasons: [{ label: '双随机抽查立案（2026-03-01）', points: -30 }] });
    expect(rateCredit(facts({ titles: [2024, 2025] }), RULES)).toMatchObject({ score: 120, reasons: [{ label: '诚信示范机构（2024年度）', points: 10 }, { points: 10 }] });
    // the same record under other points
    expect(rateCredit(facts({ dishonesty: ['2026-02-01'] }), withRules((r) => (r.dishonesty = -10)))).toMatchObject({ score: 90, level: 'A' });
    expect(rateCredit(facts({ reports: [{ year: 2025, state: '未报送' }] }), withRules((r) => (r.report.missing = -50)))).toMatchObject({ score: 50, level: 'D' });
  });

  it('合格 adds up to its cap, later ones count 0', () => {
    const four = facts({ sampling: ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01'].map((on) => ({ on, result: '合格' as const })) });
    const r = rateCredit(four, RULES);
    expect(r.score).toBe(106);
    expect(r.reasons.map((x) => x.points)).toEqual([2, 2, 2, 0]);
    expect(r.reasons[3]!.label).toBe('双随机抽查合格（2025-04-01）（已达加分上限）');
    // a cap that is not a multiple: the last bonus is what is left
    expect(rateCredit(four, withRules((x) => (x.sampling.passedMax = 5))).reasons.map((x) => x.points)).toEqual([2, 2, 1, 0]);
  });

  it('events add up: two 失信记录 and a missing report make D', () => {
    expect(rateCredit(facts({ dishonesty: ['2026-01-01', '2026-02-01'], reports: [{ year: 2025, state: '未报送' }] }), RULES)).toMatchObject({ score: 5, level: 'D' });
  });
});

describe('creditLevelOf', () => {
  it('each threshold is the lowest score of its level', () => {
    const t = RULES.thresholds;
    expect([100, 90, 89, 75, 74, 60, 59, -20].map((s) => creditLevelOf(s, t))).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);
    expect(creditLevelOf(85, { A: 80, B: 70, C: 50 })).toBe('A');
  });
});

describe('ZCreditRatingRules', () => {
  it('accepts the defaults', () => {
    expect(ZCreditRatingRules.parse(RULES)).toEqual(RULES);
  });

  it('refuses thresholds that do not descend, weights not above 0 and deductions above 0, in Chinese', () => {
    const issues = (r: unknown) => ZCreditRatingRules.safeParse(r).error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    expect(issues(withRules((r) => (r.thresholds = { A: 80, B: 80, C: 60 })))).toEqual([{ path: 'thresholds.B', message: '等级分数线应依次降低：A级 > B级 > C级' }]);
    expect(issues(withRules((r) => (r.samplingWeights.D = 0)))).toEqual([{ path: 'samplingWeights.D', message: 'D级的抽查权重应大于0' }]);
    expect(issues(withRules((r) => (r.dishonesty = 5)))).toEqual([{ path: 'dishonesty', message: '失信记录的扣分应在-100到0之间' }]);
    expect(issues(withRules((r) => (r.report.years = 1.5)))).toEqual([{ path: 'report.years', message: '考察年度数应为整数' }]);
  });
});

describe('assessedReportYears', () => {
  it('the last years whose deadline has passed: the deadline day itself is still in time', () => {
    expect(assessedReportYears('2026-03-31', '03-31', 3).map((y) => y.year)).toEqual([2022, 2023, 2024]);
    expect(assessedReportYears('2026-04-01', '03-31', 3)).toEqual([
      { year: 2023, deadlineOn: '2024-03-31' },
      { year: 2024, deadlineOn: '2025-03-31' },
      { year: 2025, deadlineOn: '2026-03-31' },
    ]);
    expect(assessedReportYears('2026-12-31', '06-30', 1).map((y) => y.year)).toEqual([2025]);
  });
});

describe('formatCreditPoints', () => {
  it('signs the points with a true minus', () => {
    expect([5, -15, 0].map(formatCreditPoints)).toEqual(['+5', '−15', '0']);
  });
});
