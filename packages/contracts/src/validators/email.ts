import { z } from 'zod';

/**
 * Practical e-mail check (not full RFC 5322): local@domain.tld, ASCII only.
 * - local part: 1-64 chars of atext, dot-separated (no leading/trailing/double dots)
 * - domain: labels of letters/digits/hyphens (no leading/trailing hyphen, max 63),
 *   at least one dot, TLD of 2+ letters (or an xn-- punycode TLD)
 * - whole address at most 254 chars
 */
const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_RE = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*$`);
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOMAIN_RE = new RegExp(`^(?:${LABEL}\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$`);

export function isValidEmail(value: string): boolean {
  if (typeof value !== 'string' || value.length > 254) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return local.length <= 64 && LOCAL_RE.test(local) && domain.length <= 253 && DOMAIN_RE.test(domain);
}

/** Trimmed e-mail address; '电子邮件格式不正确' on any failure (including empty). */
export const ZEmail = z
  .string({ error: '电子邮件格式不正确' })
  .trim()
  .superRefine((value, ctx) => {
    if (!isValidEmail(value)) ctx.addIssue({ code: 'custom', message: '电子邮件格式不正确' });
  });
