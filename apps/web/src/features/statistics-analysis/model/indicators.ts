import { STATISTICS_INDICATOR_KEYS, isAmountIndicator, statisticsIndicatorLabel, type TStatisticsIndicator } from '@jhrm/contracts';

/** The dashboard's indicators in order, with their labels from the report's catalogue. */
export const INDICATORS = STATISTICS_INDICATOR_KEYS.map((key) => ({ key, label: statisticsIndicatorLabel(key) }));

/** 12345.5 → '12,345.50' for 万元, 12345 → '12,345' for counts. */
export function formatIndicator(key: TStatisticsIndicator, value: number): string {
  const digits = isAmountIndicator(key) ? 2 : 0;
  return value.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The change on the year before: '+25.00%', '-3.10%', '0.00%', or '—' without a base. */
export function formatChange(ratio: number | null): string {
  if (ratio === null) return '—';
  const pct = (ratio * 100).toFixed(2);
  return `${ratio > 0 ? '+' : ''}${pct}%`;
}

/** The years the selector offers: the default (last) year back to 2000, newest first. */
export function selectableYears(lastYear: number, first = 2000): number[] {
  const years: number[] = [];
  for (let y = lastYear; y >= first; y--) years.push(y);
  return years;
}
