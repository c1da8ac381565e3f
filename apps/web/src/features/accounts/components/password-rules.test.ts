import { describe, expect, it } from 'vitest';
import { firstPasswordProblem, passwordRuleStates } from './password-rules';

const okMap = (pw: string, ctx = {}) => Object.fromEntries(passwordRuleStates(pw, ctx).map((r) => [r.key, r.ok]));

describe('passwordRuleStates', () => {
  it('marks every rule met for a good password', () => {
    expect(okMap('Demo@123456')).toEqual({ length: true, classes: true, personal: true });
  });

  it('marks too short and too few kinds', () => {
    expect(okMap('')).toEqual({ length: false, classes: false, personal: true });
    expect(okMap('abc')).toEqual({ length: false, classes: false, personal: true });
    expect(okMap('abcdefgh12')).toEqual({ length: true, classes: false, personal: true });
  });

  it('marks a password that contains the account, phone or ID number', () => {
    expect(okMap('Xy!legal_e2e1', { account: 'legal_e2e1' })).toEqual({ length: true, classes: true, personal: false });
    expect(okMap('Ab!13800138000', { phone: '13800138000' }).personal).toBe(false);
    expect(okMap('Ab!110101197501010039', { idCard: '110101197501010039' }).personal).toBe(false);
  });

  it('labels the rules in Chinese', () => {
    expect(passwordRuleStates('x').map((r) => r.label)).toEqual([
      '长度为8–64位',
      '包含大写字母、小写字母、数字、符号中的至少三种',
      '不包含账号、手机号码或身份证号',
    ]);
  });
});

describe('firstPasswordProblem', () => {
  it('says nothing for an empty field (the required rule speaks) or a good password', () => {
    expect(firstPasswordProblem('')).toBeNull();
    expect(firstPasswordProblem('Demo@123456')).toBeNull();
  });
  it('gives the server’s own message', () => {
    expect(firstPasswordProblem('Ab1!')).toBe('密码长度应为8–64位');
    expect(firstPasswordProblem('Xy!demo_legal', { account: 'demo_legal' })).toBe('密码不能包含账号');
  });
});
