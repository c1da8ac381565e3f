import { describe, it, expect } from 'vitest';
import { ZEmail, isValidEmail } from './email';

function messages(input: unknown): string[] {
  const r = ZEmail.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('email', () => {
  it('accepts practical addresses', () => {
    for (const v of ['a@b.cn', 'zhang.san@example.com', 'hr+jilin@rsj.jl.gov.cn', '12345@qq.com', 'A_B-c@sub-domain.example.org', 'x@example.xn--fiqs8s']) {
      expect(isValidEmail(v), v).toBe(true);
    }
  });

  it('rejects malformed addresses', () => {
    const tooLong = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}.com`;
    expect(tooLong.length).toBeGreaterThan(254);
    for (const v of [
      '',
      'plain',
      '@example.com',
      'a@',
      'a@b',
      'a@b.c',
      'a@.com',
      'a@-b.com',
      'a@b-.com',
      'a..b@example.com',
      '.a@example.com',
      'a.@example.com',
      'a b@example.com',
      'a@b@example.com',
      'a@example.com.',
      'a@exa_mple.com',
      '张三@example.com',
      `${'a'.repeat(65)}@example.com`,
      tooLong,
    ]) {
      expect(isValidEmail(v), v).toBe(false);
    }
  });

  it('ZEmail reports exactly the Chinese message', () => {
    expect(ZEmail.parse(' a@b.cn ')).toBe('a@b.cn');
    expect(messages('')).toEqual(['电子邮件格式不正确']);
    expect(messages(undefined)).toEqual(['电子邮件格式不正确']);
    expect(messages('a@b')).toEqual(['电子邮件格式不正确']);
  });
});
