import { idValidityEnd, type TIdValidityPeriod } from '@jhrm/contracts';

/**
 * What the read-only 身份证有效结束日期 shows: 长期有效 for that period, the derived date once a
 * start date is chosen, otherwise nothing (the placeholder explains).
 */
export function idEndDisplay(start: string | null | undefined, period: TIdValidityPeriod | null | undefined): string {
  if (period === '长期有效') return '长期有效';
  if (!start || !period) return '';
  return idValidityEnd(start, period) ?? '';
}
