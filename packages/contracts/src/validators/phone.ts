import { z } from 'zod';

/** Mainland mobile number: 11 digits starting with 13-19. */
const MOBILE_RE = /^1[3-9]\d{9}$/;

/**
 * Landline: area code (3-4 digits starting with 0), '-', local number (7-8 digits),
 * optional '-' extension (1-6 digits). Example: 0431-80767550, 010-12345678-123.
 */
const LANDLINE_RE = /^0\d{2,3}-\d{7,8}(?:-\d{1,6})?$/;

export function isValidMobile(value: string): boolean {
  return typeof value === 'string' && MOBILE_RE.test(value);
}

export function isValidLandline(value: string): boolean {
  return typeof value === 'string' && LANDLINE_RE.test(value);
}

/** Trimmed mobile number; exactly one Chinese message on failure. */
export const ZMobile = z
  .string({ error: '请输入手机号码' })
  .trim()
  .superRefine((value, ctx) => {
    if (value.length === 0) ctx.addIssue({ code: 'custom', message: '请输入手机号码' });
    else if (!MOBILE_RE.test(value)) ctx.addIssue({ code: 'custom', message: '手机号码格式不正确' });
  });

/** Trimmed landline number; '电话号码格式不正确' on any failure (including empty). */
export const ZLandline = z
  .string({ error: '电话号码格式不正确' })
  .trim()
  .superRefine((value, ctx) => {
    if (!LANDLINE_RE.test(value)) ctx.addIssue({ code: 'custom', message: '电话号码格式不正确' });
  });
