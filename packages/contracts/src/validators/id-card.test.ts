import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ZIdCard,
  idCardBirthDate,
  idCardDerived,
  idCardCheckChar,
  idCardGender,
  isValidIdCard,
  makeIdCard,
} from './id-card';

const SAMPLES = ['110101197501010039', '110101199003074936'] as const;
const DIGITS = [...'0123456789'];
const CHECK_CHARS = [...'0123456789X'];
/** Fixed "today" for property tests so they are deterministic. */
const TODAY = new Date(2025, 5, 15); // 2025-06-15 local time

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const ymd = (d: Date) => `${pad(d.getFullYear(), 4)}${pad(d.getMonth() + 1, 2)}${pad(d.getDate(), 2)}`;
const dashed = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;

function replaceAt(s: string, i: number, c: string): string {
  return s.slice(0, i) + c + s.slice(i + 1);
}
function swapAt(s: string, i: number): string {
  return s.slice(0, i) + s.charAt(i + 1) + s.charAt(i) + s.slice(i + 2);
}
/** Body with a correct check char appended, bypassing makeIdCard's own validation. */
function withCheck(first17: string): string {
  return first17 + (idCardCheckChar(first17) ?? '?');
}

const arbDigits = (n: number) =>
  fc.array(fc.constantFrom(...DIGITS), { minLength: n, maxLength: n }).map((a) => a.join(''));
const arbArea = fc.tuple(fc.constantFrom(...'12345678'), arbDigits(5)).map(([a, b]) => a + b);
/** Birth dates from 1900-01-01 to TODAY, as YYYYMMDD (built from local calendar dates). */
const START = new Date(1900, 0, 1);
const DAYS = Math.round((TODAY.getTime() - START.getTime()) / 86_400_000);
const arbBirth = fc.integer({ min: 0, max: DAYS }).map((n) => ymd(new Date(1900, 0, 1 + n)));
const arbBody = fc
  .tuple(arbArea, arbBirth, arbDigits(3))
  .map(([area, birth, seq]) => ({ first17: area + birth + seq, birth, seq }));

describe('ID card samples', () => {
  it.each(SAMPLES)('%s is valid', (id) => {
    expect(isValidIdCard(id)).toBe(true);
    expect(idCardCheckChar(id.slice(0, 17))).toBe(id.charAt(17));
    expect(makeIdCard(id.slice(0, 17))).toBe(id);
  });

  it('extracts birth date and gender', () => {
    expect(idCardBirthDate(SAMPLES[0])).toBe('1975-01-01');
    expect(idCardBirthDate(SAMPLES[1])).toBe('1990-03-07');
    expect(idCardGender(SAMPLES[0])).toBe('男');
    expect(idCardGender(SAMPLES[1])).toBe('男');
    const female = withCheck('11010119900307492');
    expect(isValidIdCard(female)).toBe(true);
    expect(idCardGender(female)).toBe('女');
    expect(idCardBirthDate('110101197501010038')).toBeNull();
    expect(idCardGender('110101197501010038')).toBeNull();
  });

  it.each(SAMPLES)('every single-character substitution of %s is rejected', (id) => {
    let tried = 0;
    for (let i = 0; i < id.length; i++) {
      const alphabet = i === 17 ? CHECK_CHARS : DIGITS;
      for (const c of alphabet) {
        if (c === id.charAt(i)) continue;
        tried++;
        expect(isValidIdCard(replaceAt(id, i, c)), `pos ${i} -> ${c}`).toBe(false);
        expect(isValidIdCard(replaceAt(id, i, c.toLowerCase())), `pos ${i} -> ${c}`).toBe(false);
      }
    }
    expect(tried).toBe(17 * 9 + 10);
  });

  // MOD 11-2: adjacent weights (and weight 1 of the check char) all differ mod 11,
  // so every transposition of two different adjacent characters is detected.
  it.each(SAMPLES)('every adjacent transposition of %s is rejected', (id) => {
    for (let i = 0; i < id.length - 1; i++) {
      if (id.charAt(i) === id.charAt(i + 1)) continue;
      expect(isValidIdCard(swapAt(id, i)), `swap ${i},${i + 1}`).toBe(false);
    }
  });

  it("accepts a lower-case 'x' check char", () => {
    let idX: string | undefined;
    for (let seq = 0; seq < 1000 && idX === undefined; seq++) {
      const id = withCheck(`11010119800101${pad(seq, 3)}`);
      if (id.endsWith('X')) idX = id;
    }
    expect(idX).toBeDefined();
    const upper = idX ?? '';
    const lower = upper.slice(0, 17) + 'x';
    expect(isValidIdCard(upper)).toBe(true);
    expect(isValidIdCard(lower)).toBe(true);
    expect(idCardBirthDate(lower)).toBe('1980-01-01');
    expect(ZIdCard.parse(` ${lower} `)).toBe(upper);
  });
});

describe('ID card structure', () => {
  it('rejects impossible calendar dates even with a correct check char', () => {
    for (const date of ['19990230', '19000229', '20230229', '19991301', '19990001', '19990100', '19990431', '19991232']) {
      expect(isValidIdCard(withCheck(`110101${date}003`)), date).toBe(false);
    }
    expect(isValidIdCard(withCheck('11010120000229003'))).toBe(true); // 2000 is a leap year
    expect(isValidIdCard(withCheck('11010119960229003'))).toBe(true);
  });

  it('rejects dates before 1900-01-01', () => {
    expect(isValidIdCard(withCheck('11010118991231003'))).toBe(false);
    expect(isValidIdCard(withCheck('11010119000101003'))).toBe(true);
  });

  it('rejects future birth dates relative to today', () => {
    expect(isValidIdCard(withCheck('11010120250615003'), TODAY)).toBe(true);
    expect(isValidIdCard(withCheck('11010120250616003'), TODAY)).toBe(false);
    expect(isValidIdCard(withCheck('11010120260101003'), TODAY)).toBe(false);
    const nextYear = new Date().getFullYear() + 1;
    expect(isValidIdCard(withCheck(`110101${nextYear}0101003`))).toBe(false);
  });

  it('rejects area codes starting with 0 or 9, and wrong lengths', () => {
    expect(isValidIdCard(withCheck('01010119750101003'))).toBe(false);
    expect(isValidIdCard(withCheck('91010119750101003'))).toBe(false);
    expect(isValidIdCard('11010119750101003')).toBe(false);
    expect(isValidIdCard('1101011975010100391')).toBe(false);
    expect(isValidIdCard('110101750101003')).toBe(false); // 15-digit form not supported
    expect(isValidIdCard('')).toBe(false);
  });

  it('idCardCheckChar returns null and makeIdCard throws for bad input', () => {
    expect(idCardCheckChar('1101011975010100')).toBeNull();
    expect(idCardCheckChar('11010119750101003X')).toBeNull();
    expect(idCardCheckChar('1101011975010100X')).toBeNull();
    expect(() => makeIdCard('1101011975010100')).toThrow();
    expect(() => makeIdCard('11010119990230003')).toThrow();
    expect(() => makeIdCard('01010119750101003')).toThrow();
    expect(() => makeIdCard('11010120260101003', TODAY)).toThrow();
  });
});

describe('ID card properties', () => {
  it('makeIdCard(body) is valid; birth date and gender are extracted', () => {
    fc.assert(
      fc.property(arbBody, ({ first17, birth, seq }) => {
        const id = makeIdCard(first17, TODAY);
        expect(id.slice(0, 17)).toBe(first17);
        expect(isValidIdCard(id, TODAY)).toBe(true);
        expect(idCardBirthDate(id)).toBe(dashed(birth));
        expect(idCardGender(id)).toBe(Number(seq.charAt(2)) % 2 === 1 ? '男' : '女');
      }),
    );
  });

  it('any other check character is rejected', () => {
    fc.assert(
      fc.property(arbBody, fc.constantFrom(...CHECK_CHARS), ({ first17 }, c) => {
        const id = makeIdCard(first17, TODAY);
        fc.pre(c !== id.charAt(17));
        expect(isValidIdCard(first17 + c, TODAY)).toBe(false);
      }),
    );
  });

  it('any single digit substitution is rejected', () => {
    fc.assert(
      fc.property(arbBody, fc.nat(16), fc.constantFrom(...DIGITS), ({ first17 }, i, c) => {
        const id = makeIdCard(first17, TODAY);
        fc.pre(c !== id.charAt(i));
        expect(isValidIdCard(replaceAt(id, i, c), TODAY)).toBe(false);
      }),
    );
  });

  it('any adjacent transposition of different chars is rejected', () => {
    fc.assert(
      fc.property(arbBody, fc.nat(16), ({ first17 }, i) => {
        const id = makeIdCard(first17, TODAY);
        fc.pre(id.charAt(i) !== id.charAt(i + 1));
        expect(isValidIdCard(swapAt(id, i), TODAY)).toBe(false);
      }),
    );
  });

  it('birth dates after today are rejected', () => {
    fc.assert(
      fc.property(arbArea, fc.integer({ min: 1, max: 365 * 100 }), arbDigits(3), (area, n, seq) => {
        const birth = ymd(new Date(TODAY.getFullYear(), TODAY.getMonth(), TODAY.getDate() + n));
        expect(isValidIdCard(withCheck(area + birth + seq), TODAY)).toBe(false);
      }),
    );
  });

  it('days past the end of the month are rejected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2024 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const lastDay = new Date(y, m, 0).getDate(); // day 0 of next month
        const ok = `110101${y}${pad(m, 2)}${pad(lastDay, 2)}003`;
        const bad = `110101${y}${pad(m, 2)}${pad(lastDay + 1, 2)}003`;
        expect(isValidIdCard(withCheck(ok), TODAY)).toBe(true);
        expect(isValidIdCard(withCheck(bad), TODAY)).toBe(false);
      }),
    );
  });
});

describe('ZIdCard', () => {
  function messages(input: unknown): string[] {
    const r = ZIdCard.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  }

  it('accepts and trims valid input', () => {
    expect(ZIdCard.parse(' 110101197501010039 ')).toBe('110101197501010039');
  });

  it('reports exactly the Chinese messages', () => {
    const nextYear = new Date().getFullYear() + 1;
    expect(messages('')).toEqual(['请输入身份证号']);
    expect(messages('  ')).toEqual(['请输入身份证号']);
    expect(messages(undefined)).toEqual(['请输入身份证号']);
    expect(messages('11010119750101003')).toEqual(['身份证号应为18位']);
    expect(messages('110101750101003')).toEqual(['身份证号应为18位']);
    expect(messages('11010119750101003A')).toEqual(['身份证号格式不正确']);
    expect(messages('1101011975010X0039')).toEqual(['身份证号格式不正确']);
    expect(messages('010101197501010039')).toEqual(['身份证号格式不正确']);
    expect(messages(withCheck('11010119990230003'))).toEqual(['身份证号出生日期不正确']);
    expect(messages(withCheck(`110101${nextYear}0101003`))).toEqual(['身份证号出生日期不正确']);
    expect(messages('110101197501010038')).toEqual(['身份证号校验位不正确']);
    expect(messages('11010119750101003X')).toEqual(['身份证号校验位不正确']);
  });
});

describe('idCardDerived', () => {
  it('derives 性别 and 出生日期 from a valid 身份证号 (lower-case x and spaces allowed)', () => {
    expect(idCardDerived('110101197501010039')).toEqual({ gender: '男', birthDate: '1975-01-01' });
    expect(idCardDerived(makeIdCard('22010219900215002'))).toEqual({ gender: '女', birthDate: '1990-02-15' });
    expect(idCardDerived(' 11010519491231109x ')).toEqual({ gender: '男', birthDate: '1949-12-31' });
  });

  it('derives nothing from an incomplete or invalid number', () => {
    expect(idCardDerived('1101011975')).toEqual({ gender: null, birthDate: null });
    expect(idCardDerived('110101197501010038')).toEqual({ gender: null, birthDate: null });
    expect(idCardDerived(undefined)).toEqual({ gender: null, birthDate: null });
  });
});
