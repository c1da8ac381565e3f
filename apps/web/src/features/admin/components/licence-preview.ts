import { LICENCE_NUMBER_SAMPLE, renderLicenceNumber, ZLicencePattern } from '@jhrm/contracts';

export type PatternPreview = { ok: true; pattern: string; sample: string } | { ok: false; message: string };

/** The number a pattern would give the first licence of 长春市 in 2026, or why the pattern is refused. */
export function previewLicencePattern(input: string | undefined): PatternPreview {
  const parsed = ZLicencePattern.safeParse(input ?? '');
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '编号规则不正确' };
  return { ok: true, pattern: parsed.data, sample: renderLicenceNumber(parsed.data, LICENCE_NUMBER_SAMPLE) };
}

/** Settings whose value is a licence number pattern get the preview. */
export const isLicencePatternKey = (key: string) => key.startsWith('licence.pattern.');
