import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { maskIdCard, maskMobile, maskPersonalNumbers } from './masking';

const digitString = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));

describe('maskIdCard', () => {
  it('masks the examples', () => {
    expect(maskIdCard('110101197501010039')).toBe('110101********0039');
    expect(maskIdCard('11010119800101001X')).toBe('110101********001X');
  });

  it('returns empty string for null, undefined and empty', () => {
    expect(maskIdCard(null)).toBe('');
    expect(maskIdCard(undefined)).toBe('');
    expect(maskIdCard('')).toBe('');
  });

  it('masks all but the last 4 for other lengths, and everything when too short', () => {
    expect(maskIdCard('110101750101003')).toBe('***********1003');
    expect(maskIdCard('12345')).toBe('*2345');
    expect(maskIdCard('1234')).toBe('****');
    expect(maskIdCard('1')).toBe('*');
  });

  it('property: 18 chars keep exactly the first 6 and last 4; the birth date and sequence never leak', () => {
    fc.assert(
      fc.property(digitString(6), digitString(8), digitString(4), digitString(8), (head, middle, tail, other) => {
        const masked = maskIdCard(head + middle + tail);
        expect(masked).toBe(`${head}********${tail}`);
        // Output does not depend on the middle at all: another middle gives the same output.
        expect(maskIdCard(head + other + tail)).toBe(masked);
      }),
    );
  });

  it('property: length is preserved and visible chars are at most 10, all copied from the input', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (s) => {
        const masked = maskIdCard(s);
        expect(masked).toHaveLength(s.length);
        let visible = 0;
        for (let i = 0; i < s.length; i++) {
          if (masked.charAt(i) !== '*' || s.charAt(i) === '*') {
            expect(masked.charAt(i)).toBe(s.charAt(i));
            if (s.charAt(i) !== '*') visible++;
          }
        }
        expect(visible).toBeLessThanOrEqual(s.length === 18 ? 10 : Math.max(0, Math.min(4, s.length - 1)));
      }),
    );
  });
});

describe('maskMobile', () => {
  it('masks the example', () => {
    expect(maskMobile('13111111111')).toBe('131****1111');
    expect(maskMobile('13912345678')).toBe('139****5678');
  });

  it('returns empty string for null, undefined and empty', () => {
    expect(maskMobile(null)).toBe('');
    expect(maskMobile(undefined)).toBe('');
    expect(maskMobile('')).toBe('');
  });

  it('masks all but the last 4 for other lengths, and everything when too short', () => {
    expect(maskMobile('1311111111')).toBe('******1111');
    expect(maskMobile('123')).toBe('***');
  });

  it('property: 11 digits keep exactly the first 3 and last 4; the middle 4 never leak', () => {
    fc.assert(
      fc.property(digitString(3), digitString(4), digitString(4), digitString(4), (head, middle, tail, other) => {
        const masked = maskMobile(head + middle + tail);
        expect(masked).toBe(`${head}****${tail}`);
        expect(maskMobile(head + other + tail)).toBe(masked);
      }),
    );
  });

  it('property: length is preserved', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (s) => {
        expect(maskMobile(s)).toHaveLength(s.length);
      }),
    );
  });
});

describe('maskPersonalNumbers', () => {
  it('masks ID and mobile numbers wherever they stand as numbers of their own', () => {
    expect(maskPersonalNumbers('GET /api/x?idCard=110101197501010039&phone=13111111111')).toBe('GET /api/x?idCard=110101********0039&phone=131****1111');
    expect(maskPersonalNumbers('张三11010119800101001X，电话13912345678')).toBe('张三110101********001X，电话139****5678');
  });

  it('leaves longer digit runs and numbers inside hashes and identifiers alone', () => {
    expect(maskPersonalNumbers('order 1311111111122')).toBe('order 1311111111122');
    const sha = 'ab13912345678cd110101197501010039ef'.padEnd(64, '0');
    expect(maskPersonalNumbers(sha)).toBe(sha);
  });
});
