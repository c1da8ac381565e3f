import { z } from 'zod';

/**
 * 统一社会信用代码 (Unified Social Credit Code) per GB 32100-2015.
 *
 * Layout (18 chars):
 *   1     registration authority code  (any charset char except '0')
 *   2     institution type code        (any charset char)
 *   3-8   administrative division code (digits)
 *   9-17  organisation code            (any charset char)
 *   18    check character (ISO 7064 style, mod 31)
 *
 * The plain functions work on the canonical (upper-case, untrimmed) form;
 * `ZUscc` trims and upper-cases user input before validating.
 */

/** The 31 characters allowed by the standard (no I, O, Z, S, V). Index = numeric value. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1-17 (3^i mod 31). */
const USCC_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

const USCC_CHARS_RE = /^[0-9A-HJ-NP-RTUWXY]+$/;
/** Structure of the first 17 chars: authority code != '0', then type, then 6 division digits. */
const USCC_BODY_RE = /^[1-9A-HJ-NP-RTUWXY][0-9A-HJ-NP-RTUWXY]\d{6}[0-9A-HJ-NP-RTUWXY]{9}$/;

/**
 * Check character for the first 17 characters, or null when the input is not
 * exactly 17 characters of the charset. Only the checksum is computed here;
 * positional rules are enforced by `isValidUscc` / `makeUscc`.
 */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17 || !USCC_CHARS_RE.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_CHARSET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  }
  const value = (31 - (sum % 31)) % 31; // 31 -> 0
  return USCC_CHARSET.charAt(value);
}

type UsccProblem = 'empty' | 'length' | 'chars' | 'check';

/** First problem found in a canonical (trimmed, upper-case) code, or null if valid. */
function usccProblem(code: string): UsccProblem | null {
  if (code.length === 0) return 'empty';
  if (code.length !== 18) return 'length';
  const body = code.slice(0, 17);
  if (!USCC_BODY_RE.test(body) || !USCC_CHARS_RE.test(code.charAt(17))) return 'chars';
  if (usccCheckChar(body) !== code.charAt(17)) return 'check';
  return null;
}

/** True when `code` is a valid USCC in canonical (upper-case, no whitespace) form. */
export function isValidUscc(code: string): boolean {
  return typeof code === 'string' && usccProblem(code) === null;
}

/**
 * Appends the check character to a 17-character body. Throws when the body is
 * not structurally valid (used by data generators, so bad input is a bug).
 */
export function makeUscc(first17: string): string {
  if (typeof first17 !== 'string' || !USCC_BODY_RE.test(first17)) {
    throw new Error(`makeUscc: invalid 17-character body: ${JSON.stringify(first17)}`);
  }
  const check = usccCheckChar(first17);
  if (check === null) throw new Error(`makeUscc: invalid body: ${JSON.stringify(first17)}`);
  return first17 + check;
}

const USCC_MESSAGES: Record<UsccProblem, string> = {
  empty: '请输入统一社会信用代码',
  length: '统一社会信用代码应为18位',
  chars: '统一社会信用代码含有非法字符',
  check: '统一社会信用代码校验位不正确',
};

/** Trims and upper-cases, then validates; reports exactly one Chinese message. */
export const ZUscc = z
  .string({ error: USCC_MESSAGES.empty })
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const problem = usccProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: USCC_MESSAGES[problem] });
  });
