import { describe, expect, it } from 'vitest';
import { beijingDayRange, chineseDate } from './dates';

describe('dates', () => {
  it('prints dates the Chinese way, nothing for none or a non-date', () => {
    expect(chineseDate('2020-01-05')).toBe('2020年1月5日');
    expect(chineseDate('2026-11-26T01:00:00.000Z')).toBe('2026年11月26日');
    expect(chineseDate(null)).toBe('');
    expect(chineseDate('unbekannt')).toBe('');
  });

  it('covers whole Beijing days, the last one included', () => {
    expect(beijingDayRange('2026-11-02', '2026-11-26')).toEqual({ start: new Date('2026-11-01T16:00:00Z'), end: new Date('2026-11-26T16:00:00Z') });
    expect(beijingDayRange(undefined, '2026-11-26')).toEqual({ end: new Date('2026-11-26T16:00:00Z') });
    expect(beijingDayRange()).toEqual({});
  });
});
