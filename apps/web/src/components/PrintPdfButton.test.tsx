import { describe, expect, it } from 'vitest';
import { inlinePdfUrl } from './PrintPdfButton';

describe('inlinePdfUrl', () => {
  it('asks for the PDF shown in the browser, once, keeping the other parameters', () => {
    expect(inlinePdfUrl('/api/licences/abc/pdf')).toBe('/api/licences/abc/pdf?inline=1');
    expect(inlinePdfUrl('/api/applications/x/templates/registrationForm?inline=1')).toBe('/api/applications/x/templates/registrationForm?inline=1');
    expect(inlinePdfUrl('/api/applications/x/templates/registrationForm?inline=0&v=3')).toBe('/api/applications/x/templates/registrationForm?inline=1&v=3');
  });
});
