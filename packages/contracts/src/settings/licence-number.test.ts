import { describe, expect, it } from 'vitest';
import { renderLicenceNumber } from './licence-number';
import { SETTINGS, ZLicencePattern } from './settings.schema';

describe('renderLicenceNumber', () => {
  it('renders the default patterns', () => {
    expect(renderLicenceNumber(SETTINGS['licence.pattern.许可'].default, { year: 2026, dept: '220100', seq: 7 })).toBe('（吉）人服证字〔2026〕第2201000007号');
    expect(renderLicenceNumber(SETTINGS['licence.pattern.备案'].default, { year: 2027, dept: '222401', seq: 123 })).toBe('吉人服备〔2027〕2224010123号');
  });

  it('pads the counter to N digits and never truncates a larger one', () => {
    expect(renderLicenceNumber('{year}-{dept}-{seq:6}', { year: 2026, dept: '220000', seq: 42 })).toBe('2026-220000-000042');
    expect(renderLicenceNumber('{year}{dept}{seq:2}', { year: 2026, dept: '220000', seq: 1234 })).toBe('20262200001234');
  });

  it('replaces every occurrence and leaves other braces alone', () => {
    expect(renderLicenceNumber('{year}/{year}-{dept}{seq:1}', { year: 2026, dept: '220200', seq: 3 })).toBe('2026/2026-2202003');
    expect(renderLicenceNumber('{seq:0}{other}{seq:3}', { year: 2026, dept: '220200', seq: 3 })).toBe('{seq:0}{other}003');
  });
});

describe('ZLicencePattern', () => {
  it('refuses a pattern without a counter, with unknown placeholders, or that would repeat numbers', () => {
    expect(ZLicencePattern.safeParse('吉{year}{dept}').success).toBe(false);
    expect(ZLicencePattern.safeParse('吉{year}{dept}{seq:4}{month}').success).toBe(false);
    const noYear = ZLicencePattern.safeParse('吉{dept}{seq:4}');
    expect(noYear.success).toBe(false);
    expect(noYear.error?.issues[0]?.message).toContain('{year}');
    expect(ZLicencePattern.safeParse('吉{year}{seq:4}').success).toBe(false);
    expect(ZLicencePattern.safeParse(' 吉{year}{dept}{seq:4} ').data).toBe('吉{year}{dept}{seq:4}');
  });
});
