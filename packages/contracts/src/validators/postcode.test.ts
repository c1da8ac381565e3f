import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ZPostcode, isValidPostcode } from './postcode';

function messages(input: unknown): string[] {
  const r = ZPostcode.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('postcode', () => {
  it('accepts valid postcodes', () => {
    for (const v of ['130000', '100000', '000000', '830000']) expect(isValidPostcode(v), v).toBe(true);
  });

  it('rejects invalid postcodes', () => {
    for (const v of ['', '13000', '1300000', '930000', '13000a', ' 130000']) expect(isValidPostcode(v), v).toBe(false);
  });

  it('property: exactly the 6-digit strings starting with 0-8 are valid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        const v = String(n).padStart(6, '0');
        expect(isValidPostcode(v)).toBe(v.charAt(0) !== '9');
      }),
    );
  });

  it('ZPostcode reports exactly the Chinese messages', () => {
    expect(ZPostcode.parse(' 130000 ')).toBe('130000');
    expect(messages('')).toEqual(['请输入邮政编码']);
    expect(messages(undefined)).toEqual(['请输入邮政编码']);
    expect(messages('13000')).toEqual(['邮政编码应为6位数字']);
    expect(messages('930000')).toEqual(['邮政编码应为6位数字']);
    expect(messages('abcdef')).toEqual(['邮政编码应为6位数字']);
  });
});
