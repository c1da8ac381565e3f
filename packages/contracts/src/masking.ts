/**
 * Display masking for personal data. Output always has the same length as the input.
 * Inputs of 4 characters or fewer are masked completely (keeping "the last 4" would
 * reveal everything).
 */

function maskAllButLast4(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  return '*'.repeat(value.length - 4) + value.slice(-4);
}

/** '110101197501010039' -> '110101********0039'; other lengths: all but the last 4 masked. */
export function maskIdCard(value: string | null | undefined): string {
  if (!value) return '';
  if (value.length !== 18) return maskAllButLast4(value);
  return value.slice(0, 6) + '*'.repeat(8) + value.slice(-4);
}

/** '13111111111' -> '131****1111'; other lengths: all but the last 4 masked. */
export function maskMobile(value: string | null | undefined): string {
  if (!value) return '';
  if (value.length !== 11) return maskAllButLast4(value);
  return value.slice(0, 3) + '****' + value.slice(-4);
}

// A number counts only as a whole token: a neighbouring ASCII letter or digit means it is part of
// something else (a SHA-256, a UUID, an order number), which masking would corrupt.
const ID_CARD_IN_TEXT = /(?<![0-9A-Za-z])[1-8]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;

/**
 * Masks every 身份证号 and 手机号码 inside free text (log lines, URLs, SQL, audit details):
 * 'phone 13111111111' -> 'phone 131****1111'.
 */
export function maskPersonalNumbers(text: string): string {
  return text.replace(ID_CARD_IN_TEXT, (m) => maskIdCard(m)).replace(MOBILE_IN_TEXT, (m) => maskMobile(m));
}
