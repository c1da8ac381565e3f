import { describe, expect, it } from 'vitest';
import { afterLoginPath, readLoginPageState } from './paths';

describe('afterLoginPath', () => {
  it('sends a user who must change the password to the forced change page', () => {
    expect(afterLoginPath({ mustChangePassword: true })).toBe('/account/change-password');
  });
  it('sends everyone else to 应用入口', () => {
    expect(afterLoginPath({ mustChangePassword: false })).toBe('/portal');
  });
});

describe('readLoginPageState', () => {
  it('keeps the known fields of the right type', () => {
    expect(readLoginPageState({ expired: true, account: 'legal_e2e1', notice: '注册成功，请登录' })).toEqual({
      expired: true,
      account: 'legal_e2e1',
      notice: '注册成功，请登录',
    });
  });
  it('ignores anything else', () => {
    expect(readLoginPageState(null)).toEqual({});
    expect(readLoginPageState('x')).toEqual({});
    expect(readLoginPageState({ expired: 'yes', account: 42, notice: '' })).toEqual({});
  });
});
