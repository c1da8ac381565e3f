import { describe, expect, it } from 'vitest';
import { CREDIT_FIELDS, CREDIT_FIELD_KEYS, CREDIT_QUESTION_KEYS, CREDIT_SECTIONS, ZCreditAnswers, creditFieldsOf } from './credit.catalogue';
import { CREDIT, DEFAULT_CREDIT_CRITERIA, ZCreditContent, ZCreditCriteria, creditChecks, creditProblems } from './credit.schema';
import { isDeclaredKind, kindDeclaration } from '../applications/kinds';
import { SETTINGS } from '../settings/settings.schema';

describe('the 诚信示范 catalogue', () => {
  it('puts every field in one of the guide’s six sections, each section with fields, labels unique', () => {
    expect(CREDIT_SECTIONS.map((s) => s.label)).toEqual(['机构基本信息', '服务规范', '信用状况', '服务业绩', '责任标准', '往年经营状况及现有资产状况']);
    for (const s of CREDIT_SECTIONS) expect(creditFieldsOf(s.key).length).toBeGreaterThan(0);
    const labels = CREDIT_FIELD_KEYS.map((k) => CREDIT_FIELDS[k].label);
    expect(new Set(labels).size).toBe(labels.length);
    // the guide's counts: 15 in 服务规范, 17 in 信用状况
    expect(creditFieldsOf('service')).toHaveLength(15);
    expect(creditFieldsOf('credit')).toHaveLength(17);
  });

  it('asks a yes/no question as 是/否 and a rate as a percentage 0–100', () => {
    expect(ZCreditAnswers.safeParse({ badCreditRecord: '是', socialInsuranceRate: 100, labourContractRate: 0 }).success).toBe(true);
    expect(ZCreditAnswers.safeParse({ badCreditRecord: 'yes' }).success).toBe(false);
    expect(ZCreditAnswers.safeParse({ socialInsuranceRate: 100.5 }).success).toBe(false);
    expect(ZCreditAnswers.safeParse({ successRate: -1 }).success).toBe(false);
    expect(ZCreditAnswers.safeParse({ successRate: 66.666 }).success).toBe(false);
    expect(ZCreditContent.safeParse({ institutionId: '00000000-0000-4000-8000-000000000000', answers: {}, extra: 1 }).success).toBe(false);
  });

  it('is declared as a kind without a video, and its criteria are a 系统设置 with valid defaults', () => {
    expect(isDeclaredKind('诚信示范')).toBe(true);
    expect(kindDeclaration('诚信示范')).toBe(CREDIT);
    expect(CREDIT.video).toBe('none');
    expect(SETTINGS['credit.criteria'].default).toBe(DEFAULT_CREDIT_CRITERIA);
    expect(ZCreditCriteria.safeParse(DEFAULT_CREDIT_CRITERIA).success).toBe(true);
    expect(DEFAULT_CREDIT_CRITERIA.questions.every((k) => CREDIT_QUESTION_KEYS.includes(k))).toBe(true);
  });
});

describe('提交 and the reviewer’s checklist', () => {
  it('lists every required field left empty, by section, with 请选择 / 请填写', () => {
    const problems = creditProblems({ badCreditRecord: '否', profile: '  ' });
    expect(problems.map((p) => p.path)).not.toContain('answers.badCreditRecord');
    expect(problems).toContainEqual({ tab: 'operations', path: 'answers.profile', message: '请填写单位简介' });
    expect(problems).toContainEqual({ tab: 'service', path: 'answers.equipmentInvestment', message: '请填写服务设备投入额' });
    expect(problems.map((p) => p.path)).not.toContain('answers.businessLicenceNo');
  });

  it('flags a wrong answer, a rate under its minimum and an unanswered criterion; a rate at the minimum passes', () => {
    const criteria = { minRates: { socialInsuranceRate: 90, labourContractRate: 95, successRate: 60 }, questions: ['badCreditRecord', 'hasLedgers'] } as typeof DEFAULT_CREDIT_CRITERIA;
    const checks = creditChecks({ badCreditRecord: '是', socialInsuranceRate: 89.99, labourContractRate: 95 }, criteria);
    expect(checks.map((c) => [c.key, c.failed])).toEqual([
      ['hasLedgers', true],
      ['badCreditRecord', true],
      ['socialInsuranceRate', true],
      ['labourContractRate', false],
      ['successRate', true],
    ]);
    expect(checks.find((c) => c.key === 'hasLedgers')).toMatchObject({ answer: null, expected: '是' });
  });
});
