import { describe, expect, it } from 'vitest';
import { retryAfterSeconds, secondsLeft, smsButtonLabel } from './countdown';

describe('secondsLeft', () => {
  it('counts whole seconds up, so a fresh 60 s cool-down shows 60', () => {
    expect(secondsLeft(60_000, 0)).toBe(60);
    expect(secondsLeft(60_000, 1)).toBe(60);
    expect(secondsLeft(60_000, 1_000)).toBe(59);
    expect(secondsLeft(60_000, 59_001)).toBe(1);
  });
  it('is 0 when over or not started', () => {
    expect(secondsLeft(60_000, 60_000)).toBe(0);
    expect(secondsLeft(60_000, 90_000)).toBe(0);
    expect(secondsLeft(null, 0)).toBe(0);
  });
});

describe('smsButtonLabel', () => {
  it('shows the guide label when idle and the cool-down while waiting', () => {
    expect(smsButtonLabel(0)).toBe('获取验证码');
    expect(smsButtonLabel(60)).toBe('60秒后重新获取');
    expect(smsButtonLabel(1)).toBe('1秒后重新获取');
  });
});

describe('retryAfterSeconds', () => {
  it('reads the wait from the server message', () => {
    expect(retryAfterSeconds('验证码发送过于频繁，请42秒后再试')).toBe(42);
    expect(retryAfterSeconds('请60秒后再获取验证码')).toBe(60);
  });
  it('is null when there is no wait to read', () => {
    expect(retryAfterSeconds('该手机号码今日获取验证码次数已达上限（10次），请明天再试')).toBeNull();
    expect(retryAfterSeconds('请0秒后再试')).toBeNull();
  });
});
