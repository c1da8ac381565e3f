import { describe, expect, it } from 'vitest';
import { STATISTICS_FIELDS } from '@jhrm/contracts';
import { INDICATORS, formatChange, formatIndicator, selectableYears } from './indicators';

describe('统计分析 indicators', () => {
  it('labels come from the report catalogue', () => {
    expect(INDICATORS.find((i) => i.key === 'annualRevenue')!.label).toBe(STATISTICS_FIELDS.annualRevenue.label);
    expect(INDICATORS.map((i) => i.label)).toContain('从业人员总数');
  });
  it('formats amounts with two decimals and counts without', () => {
    expect(formatIndicator('annualRevenue', 12345.5)).toBe('12,345.50');
    expect(formatIndicator('staffTotal', 12345)).toBe('12,345');
  });
  it('formats the year-on-year change, and none without a base', () => {
    expect(formatChange(0.25)).toBe('+25.00%');
    expect(formatChange(-0.031)).toBe('-3.10%');
    expect(formatChange(0)).toBe('0.00%');
    expect(formatChange(null)).toBe('—');
  });
  it('offers the years from the last one back, newest first', () => {
    expect(selectableYears(2025, 2022)).toEqual([2025, 2024, 2023, 2022]);
  });
});
