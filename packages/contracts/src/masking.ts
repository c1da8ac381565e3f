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
