import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ZLandline, ZMobile, isValidLandline, isValidMobile } from './phone';

function messages(schema: typeof ZMobile | typeof ZLandline, input: unknown): string[] {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

describe('mobile', () => {
  it('accepts valid numbers', () => {
    for (const v of ['13111111111', '13912345678', '19900000000', '15543210987']) {
      expect(isValidMobile(v), v).toBe(true);
    }
  });

  it('rejects invalid numbers', () => {
    for (const v of ['', '1311111111', '131111111111', '12111111111', '23111111111', '1311111111a', '+8613111111111', '131 1111 1111']) {
      expect(isValidMobile(v), v).toBe(false);
    }
  });

  it('property: 1[3-9] + 9 digits is valid, any other length is not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), digits(9), (second, rest) => {
        const v = `1${second}${rest}`;
        expect(isValidMobile(v)).toBe(true);
        expect(isValidMobile(v.slice(0, 10))).toBe(false);
        expect(isValidMobile(v + '0')).toBe(false);
      }),
    );
  });

  it('ZMobile reports exactly the Chinese messages', () => {
    expect(ZMobile.parse(' 13111111111 ')).toBe('13111111111');
    expect(messages(ZMobile, '')).toEqual(['请输入手机号码']);
    expect(messages(ZMobile, undefined)).toEqual(['请输入手机号码']);
    expect(messages(ZMobile, '1311111111')).toEqual(['手机号码格式不正确']);
    expect(messages(ZMobile, '12111111111')).toEqual(['手机号码格式不正确']);
  });
});

describe('landline', () => {
  it('accepts valid numbers', () => {
    for (const v of ['0431-80767550', '010-12345678', '0431-8076755', '010-1234567-1', '0431-80767550-123456']) {
      expect(isValidLandline(v), v).toBe(true);
    }
  });

  it('rejects invalid numbers', () => {
    for (const v of ['', '80767550', '431-80767550', '04311-80767550', '01-12345678', '0431-123456', '0431-123456789', '0431-80767550-', '0431-80767550-1234567', '0431 80767550', '13111111111']) {
      expect(isValidLandline(v), v).toBe(false);
    }
  });

  it('property: 0 + 2-3 digits, 7-8 digits, optional 1-6 digit extension is valid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }).chain(digits),
        fc.integer({ min: 7, max: 8 }).chain(digits),
        fc.option(fc.integer({ min: 1, max: 6 }).chain(digits), { nil: undefined }),
        (area, num, ext) => {
          const v = `0${area}-${num}${ext === undefined ? '' : `-${ext}`}`;
          expect(isValidLandline(v)).toBe(true);
        },
      ),
    );
  });

  it('ZLandline reports exactly the Chinese message', () => {
    expect(ZLandline.parse(' 0431-80767550 ')).toBe('0431-80767550');
    expect(messages(ZLandline, '')).toEqual(['电话号码格式不正确']);
    expect(messages(ZLandline, '0431-123')).toEqual(['电话号码格式不正确']);
    expect(messages(ZLandline, 12345678)).toEqual(['电话号码格式不正确']);
  });
});
