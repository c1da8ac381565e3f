import { z } from 'zod';

/** Mainland postcode: 6 digits, first digit 0-8. */
const POSTCODE_RE = /^[0-8]\d{5}$/;

export function isValidPostcode(value: string): boolean {
  return typeof value === 'string' && POSTCODE_RE.test(value);
}

/** Trimmed postcode; exactly one Chinese message on failure. */
export const ZPostcode = z
  .string({ error: '请输入邮政编码' })
  .trim()
  .superRefine((value, ctx) => {
    if (value.length === 0) ctx.addIssue({ code: 'custom', message: '请输入邮政编码' });
    else if (!POSTCODE_RE.test(value)) ctx.addIssue({ code: 'custom', message: '邮政编码应为6位数字' });
  });
