import { describe, expect, it } from 'vitest';
import { isLicencePatternKey, previewLicencePattern } from './licence-preview';

describe('licence number preview', () => {
  it('renders the sample number for a valid pattern', () => {
    expect(previewLicencePattern(' 吉人服证〔{year}〕{dept}{seq:4}号')).toEqual({ ok: true, pattern: '吉人服证〔{year}〕{dept}{seq:4}号', sample: '吉人服证〔2026〕2201000001号' });
  });

  it('says why a pattern is refused', () => {
    expect(previewLicencePattern('吉{year}{dept}')).toMatchObject({ ok: false, message: expect.stringContaining('{seq:N}') });
    expect(previewLicencePattern(undefined)).toMatchObject({ ok: false, message: '请填写编号规则' });
  });

  it('recognises the pattern settings', () => {
    expect(isLicencePatternKey('licence.pattern.许可')).toBe(true);
    expect(isLicencePatternKey('other')).toBe(false);
  });
});
