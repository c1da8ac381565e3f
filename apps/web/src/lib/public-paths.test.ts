import { describe, expect, it } from 'vitest';
import { LICENCE_VERIFY_PATH, licenceVerifyUrl } from '@jhrm/contracts';
import { LICENCE_VERIFY_PAGE_PATH, licencePdfUrl, licenceVerifyPagePath, registerEntryPath } from './public-paths';

describe('public paths', () => {
  it('opens the page the licence QR code links to', () => {
    expect(LICENCE_VERIFY_PAGE_PATH).toBe(LICENCE_VERIFY_PATH);
    const number = '（吉）人服证字〔2026〕第2200000001号';
    expect(licenceVerifyUrl('https://hr.jl.gov.cn/', number)).toBe(`https://hr.jl.gov.cn${licenceVerifyPagePath(number)}`);
    const url = new URL(licenceVerifyPagePath(number), 'https://hr.jl.gov.cn');
    expect(url.pathname).toBe('/public/licences/verify');
    expect(url.searchParams.get('number')).toBe(number);
    expect(licenceVerifyPagePath()).toBe('/public/licences/verify');
  });

  it('encodes ids into the paths', () => {
    expect(registerEntryPath('a/b')).toBe('/public/register/a%2Fb');
    expect(licencePdfUrl('3f0c')).toBe('/api/licences/3f0c/pdf');
  });
});
