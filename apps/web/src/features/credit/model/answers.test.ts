import { describe, expect, it } from 'vitest';
import { answersToDraft } from './answers';

describe('answersToDraft', () => {
  it('leaves blanks out, trims text and keeps numbers and choices as typed', () => {
    expect(
      answersToDraft({ badCreditRecord: '否', socialInsuranceRate: 0, profile: '  简介  ', achievements: '   ', serviceItems: [], businessLicenceNo: null, annualProfit: -3.5 }),
    ).toEqual({ badCreditRecord: '否', socialInsuranceRate: 0, profile: '简介', annualProfit: -3.5 });
    expect(answersToDraft(undefined)).toEqual({});
  });

  it('ignores keys outside the catalogue', () => {
    expect(answersToDraft({ notAField: '是' } as never)).toEqual({});
  });
});
