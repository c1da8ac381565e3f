/** The values a licence number pattern is filled with (contracts' ZLicencePattern placeholders). */
export interface LicenceNumberParts {
  /** issue year, e.g. 2026 */
  year: number;
  /** the issuing 审批部门's GB/T 2260 code, e.g. 220100 */
  dept: string;
  /** the counter for this kind, year and department, from 1 */
  seq: number;
}

/**
 * Fills `{year}`, `{dept}` and `{seq:N}` (zero-padded to N digits; a counter that outgrows N keeps
 * all its digits rather than wrap into a number already issued). Other text is kept as written.
 */
export function renderLicenceNumber(pattern: string, parts: LicenceNumberParts): string {
  return pattern.replace(/\{(year|dept|seq:([1-9]))\}/g, (_m, name: string, width: string | undefined) => {
    if (name === 'year') return String(parts.year);
    if (name === 'dept') return parts.dept;
    return String(parts.seq).padStart(Number(width), '0');
  });
}

/** Sample values for previews on the settings page. */
export const LICENCE_NUMBER_SAMPLE: LicenceNumberParts = { year: 2026, dept: '220100', seq: 1 };
