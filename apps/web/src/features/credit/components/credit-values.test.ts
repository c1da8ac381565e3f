import { describe, expect, it } from 'vitest';
import { CREDIT_FIELDS } from '@jhrm/contracts';
import { answerText } from './credit-values';

describe('answerText', () => {
  it('shows each input kind readably', () => {
    expect(answerText(CREDIT_FIELDS.socialInsuranceRate, 98.5)).toBe('98.5%');
    expect(answerText(CREDIT_FIELDS.badCreditRecord, '否')).toBe('否');
    expect(answerText(CREDIT_FIELDS.serviceItems, ['现场招聘会', '高级人才寻访'])).toBe('现场招聘会、高级人才寻访');
    expect(answerText(CREDIT_FIELDS.annualProfit, -2)).toBe('-2');
    expect(answerText(CREDIT_FIELDS.annualProfit, 0)).toBe('0');
    expect(answerText(CREDIT_FIELDS.profile, null)).toBe('');
  });
});
