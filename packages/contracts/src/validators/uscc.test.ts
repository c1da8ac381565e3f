import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { USCC_CHARSET, ZUscc, isValidUscc, makeUscc, usccCheckChar } from './uscc';

const SAMPLES = ['92220102MA15438D0X', '932202215597513157'] as const;
const CHARS = [...USCC_CHARSET];
const DIGITS = [...'0123456789'];

/** Random structurally valid 17-char body: authority (not '0'), type, 6 division digits, 9 chars. */
const arbBody = fc
  .tuple(
    fc.constantFrom(...CHARS.filter((c) => c !== '0')),
    fc.constantFrom(...CHARS),
    fc.array(fc.constantFrom(...DIGITS), { minLength: 6, maxLength: 6 }),
    fc.array(fc.constantFrom(...CHARS), { minLength: 9, maxLength: 9 }),
  )
  .map(([a, t, div, org]) => a + t + div.join('') + org.join(''));

function replaceAt(s: string, i: number, c: string): string {
  return s.slice(0, i) + c + s.slice(i + 1);
}

function swapAt(s: string, i: number): string {
  return s.slice(0, i) + s.charAt(i + 1) + s.charAt(i) + s.slice(i + 2);
}

describe('USCC samples', () => {
  it.each(SAMPLES)('%s is valid', (code) => {
    expect(isValidUscc(code)).toBe(true);
    expect(usccCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
    expect(makeUscc(code.slice(0, 17))).toBe(code);
  });

  it.each(SAMPLES)('every single-character substitution of %s is rejected', (code) => {
    let tried = 0;
    for (let i = 0; i < code.length; i++) {
      for (const c of CHARS) {
        if (c === code.charAt(i)) continue;
        tried++;
        expect(isValidUscc(replaceAt(code, i, c)), `pos ${i} -> ${c}`).toBe(false);
      }
    }
    expect(tried).toBe(18 * 30);
  });

  // Adjacent weights (3^i mod 31, and weight 1 for the check char) all differ mod 31,
  // so every transposition of two different adjacent characters is detected.
  it.each(SAMPLES)('every adjacent transposition of %s is rejected', (code) => {
    for (let i = 0; i < code.length - 1; i++) {
      if (code.charAt(i) === code.charAt(i + 1)) continue;
      expect(isValidUscc(swapAt(code, i)), `swap ${i},${i + 1}`).toBe(false);
    }
  });

  it('is case-sensitive in the plain function (canonical form only)', () => {
    expect(isValidUscc('92220102ma15438d0x')).toBe(false);
    expect(isValidUscc(' 92220102MA15438D0X')).toBe(false);
  });
});

describe('USCC structure', () => {
  it('rejects the excluded letters I, O, Z, S, V', () => {
    for (const bad of ['I', 'O', 'Z', 'S', 'V']) {
      expect(isValidUscc(replaceAt(SAMPLES[0], 9, bad))).toBe(false);
      expect(usccCheckChar(replaceAt(SAMPLES[0].slice(0, 17), 9, bad))).toBeNull();
    }
  });

  it('rejects a first char of 0 and letters in the division code even with a correct check char', () => {
    const zeroFirst = replaceAt(SAMPLES[1].slice(0, 17), 0, '0');
    expect(isValidUscc(zeroFirst + usccCheckChar(zeroFirst))).toBe(false);
    const letterDivision = replaceAt(SAMPLES[1].slice(0, 17), 4, 'A');
    expect(isValidUscc(letterDivision + usccCheckChar(letterDivision))).toBe(false);
  });

  it('usccCheckChar returns null for bad input', () => {
    expect(usccCheckChar('')).toBeNull();
    expect(usccCheckChar('92220102MA15438D')).toBeNull(); // 16 chars
    expect(usccCheckChar('92220102MA15438D0X')).toBeNull(); // 18 chars
    expect(usccCheckChar('92220102ma15438d0')).toBeNull(); // lower case
  });

  it('makeUscc throws on bad bodies', () => {
    expect(() => makeUscc('')).toThrow();
    expect(() => makeUscc('92220102MA15438D')).toThrow();
    expect(() => makeUscc('92220102MA15438DI')).toThrow();
    expect(() => makeUscc('02220102MA15438D0')).toThrow();
    expect(() => makeUscc('922A0102MA15438D0')).toThrow();
  });
});

describe('USCC properties', () => {
  it('makeUscc(body) is always valid and keeps the body', () => {
    fc.assert(
      fc.property(arbBody, (body) => {
        const code = makeUscc(body);
        expect(code).toHaveLength(18);
        expect(code.slice(0, 17)).toBe(body);
        expect(isValidUscc(code)).toBe(true);
      }),
    );
  });

  it('any other check character is rejected', () => {
    fc.assert(
      fc.property(arbBody, fc.constantFrom(...CHARS), (body, c) => {
        const code = makeUscc(body);
        fc.pre(c !== code.charAt(17));
        expect(isValidUscc(body + c)).toBe(false);
      }),
    );
  });

  it('any single substitution anywhere is rejected', () => {
    fc.assert(
      fc.property(arbBody, fc.nat(17), fc.constantFrom(...CHARS), (body, i, c) => {
        const code = makeUscc(body);
        fc.pre(c !== code.charAt(i));
        expect(isValidUscc(replaceAt(code, i, c))).toBe(false);
      }),
    );
  });

  it('any adjacent transposition of different chars is rejected', () => {
    fc.assert(
      fc.property(arbBody, fc.nat(16), (body, i) => {
        const code = makeUscc(body);
        fc.pre(code.charAt(i) !== code.charAt(i + 1));
        expect(isValidUscc(swapAt(code, i))).toBe(false);
      }),
    );
  });
});

describe('ZUscc', () => {
  function messages(input: unknown): string[] {
    const r = ZUscc.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  }

  it('trims and upper-cases valid input', () => {
    expect(ZUscc.parse('  92220102ma15438d0x ')).toBe('92220102MA15438D0X');
    expect(ZUscc.parse('932202215597513157')).toBe('932202215597513157');
  });

  it('reports exactly the Chinese messages', () => {
    expect(messages('')).toEqual(['请输入统一社会信用代码']);
    expect(messages('   ')).toEqual(['请输入统一社会信用代码']);
    expect(messages(undefined)).toEqual(['请输入统一社会信用代码']);
    expect(messages(null)).toEqual(['请输入统一社会信用代码']);
    expect(messages('92220102MA15438D0')).toEqual(['统一社会信用代码应为18位']);
    expect(messages('92220102MA15438D0X1')).toEqual(['统一社会信用代码应为18位']);
    expect(messages('92220102MA15438DIX')).toEqual(['统一社会信用代码含有非法字符']);
    expect(messages('92220102MA15438D0-')).toEqual(['统一社会信用代码含有非法字符']);
    expect(messages('02220102MA15438D0X')).toEqual(['统一社会信用代码含有非法字符']);
    expect(messages('92220102MA15438D0Y')).toEqual(['统一社会信用代码校验位不正确']);
    expect(messages('932202215597513158')).toEqual(['统一社会信用代码校验位不正确']);
  });
});
