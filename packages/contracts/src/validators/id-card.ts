import { z } from 'zod';

/**
 * 居民身份证号 (citizen identity number) per GB 11643-1999, 18-character form only.
 *
 * Layout:
 *   1-6   address (area) code, first digit 1-8
 *   7-14  birth date YYYYMMDD (real calendar date, 1900-01-01 .. today)
 *   15-17 sequence code (17th digit odd = male, even = female)
 *   18    check character, ISO 7064 MOD 11-2: '10X98765432'[sum mod 11]
 *
 * A lower-case 'x' check character is accepted; `ZIdCard` normalises it to 'X'.
 * "Today" is taken from the local calendar date of the `today` argument.
 */

const ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_MAP = '10X98765432';

const DIGITS17_RE = /^\d{17}$/;
/** Structural form: area code (first digit 1-8), 16 more digits, check char. */
const ID_FORMAT_RE = /^[1-8]\d{16}[\dXx]$/;
const MIN_BIRTH = 19000101;

/** Check character for 17 digits, or null when the input is not exactly 17 digits. */
export function idCardCheckChar(first17: string): string | null {
  if (typeof first17 !== 'string' || !DIGITS17_RE.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  }
  return ID_CHECK_MAP.charAt(sum % 11);
}

/** Local calendar date of `d` as the number YYYYMMDD. */
function ymdNumber(d: Date): number {
  return d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
}

/** True when the 8 digits form a real Gregorian date within [1900-01-01, today]. */
function isValidBirth(yyyymmdd: string, today: Date): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
  if (d > monthDays) return false;
  const n = Number(yyyymmdd);
  return n >= MIN_BIRTH && n <= ymdNumber(today);
}

type IdCardProblem = 'empty' | 'length' | 'format' | 'birth' | 'check';

/** First problem found in a trimmed id number, or null if valid. */
function idCardProblem(id: string, today: Date): IdCardProblem | null {
  if (id.length === 0) return 'empty';
  if (id.length !== 18) return 'length';
  if (!ID_FORMAT_RE.test(id)) return 'format';
  if (!isValidBirth(id.slice(6, 14), today)) return 'birth';
  if (idCardCheckChar(id.slice(0, 17)) !== id.charAt(17).toUpperCase()) return 'check';
  return null;
}

/** True when `id` is a valid 18-character id number (lower-case 'x' accepted). */
export function isValidIdCard(id: string, today: Date = new Date()): boolean {
  return typeof id === 'string' && idCardProblem(id, today) === null;
}

/** Birth date as YYYY-MM-DD, or null when `id` is not a valid id number. */
export function idCardBirthDate(id: string): string | null {
  if (!isValidIdCard(id)) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Gender from the 17th digit (odd = 男, even = 女), or null when `id` is not valid. */
export function idCardGender(id: string): '男' | '女' | null {
  if (!isValidIdCard(id)) return null;
  return Number(id.charAt(16)) % 2 === 1 ? '男' : '女';
}

/**
 * Appends the check character to 17 digits. Throws when the result would not be
 * a valid id number (bad area code, impossible or future birth date, non-digits);
 * used by data generators, so bad input is a bug.
 */
export function makeIdCard(first17: string, today: Date = new Date()): string {
  const check = idCardCheckChar(first17);
  if (check === null) throw new Error(`makeIdCard: expected 17 digits: ${JSON.stringify(first17)}`);
  const id = first17 + check;
  const problem = idCardProblem(id, today);
  if (problem !== null) {
    throw new Error(`makeIdCard: invalid id body (${problem}): ${JSON.stringify(first17)}`);
  }
  return id;
}

const ID_MESSAGES: Record<IdCardProblem, string> = {
  empty: '请输入身份证号',
  length: '身份证号应为18位',
  format: '身份证号格式不正确',
  birth: '身份证号出生日期不正确',
  check: '身份证号校验位不正确',
};

/** Trims, normalises 'x' to 'X', then validates; reports exactly one Chinese message. */
export const ZIdCard = z
  .string({ error: ID_MESSAGES.empty })
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = idCardProblem(value, new Date());
    if (problem !== null) ctx.addIssue({ code: 'custom', message: ID_MESSAGES[problem] });
  });

/** 性别 and 出生日期 from a valid 身份证号; null while it is not (yet) valid. */
export function idCardDerived(idCard: string | null | undefined): { gender: '男' | '女' | null; birthDate: string | null } {
  const id = (idCard ?? '').trim().toUpperCase();
  return { gender: idCardGender(id), birthDate: idCardBirthDate(id) };
}
