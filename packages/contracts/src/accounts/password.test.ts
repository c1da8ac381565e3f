import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passwordProblems } from './password';

describe('passwordProblems', () => {
  it('accepts the demo password and other three-class passwords', () => {
    expect(passwordProblems('Demo@123456')).toEqual([]);
    expect(passwordProblems('abcDEF123')).toEqual([]);
    expect(passwordProblems('abc#def%12')).toEqual([]);
  });

  it('refuses short, long and two-class passwords with Chinese reasons', () => {
    expect(passwordProblems('Ab1!')).toEqual(['密码长度应为8–64位']);
    expect(passwordProblems('A'.repeat(30) + 'b1!'.repeat(12))).toEqual(['密码长度应为8–64位']);
    expect(passwordProblems('abcdefgh12')).toEqual(['密码须包含大写字母、小写字母、数字、符号中的至少三种']);
  });

  it('refuses a password containing the account, phone or ID number', () => {
    expect(passwordProblems('Xy!demo_legal', { account: 'demo_legal' })).toContain('密码不能包含账号');
    expect(passwordProblems('Ab!13111111111', { phone: '13111111111' })).toContain('密码不能包含手机号码');
    expect(passwordProblems('Ab!110101197501010039', { idCard: '110101197501010039' })).toContain('密码不能包含身份证号');
    expect(passwordProblems('Xy!DEMO_LEGAL1', { account: 'demo_legal' })).toContain('密码不能包含账号');
  });

  it('never accepts a password of fewer than three character classes (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{8,40}$/), (p) => {
        expect(passwordProblems(p).length).toBeGreaterThan(0);
      }),
    );
  });
});
