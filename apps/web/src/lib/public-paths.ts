/**
 * Public pages other parts of the app link to (the login page, the licence card, QR codes).
 * Plain strings, no imports: the login page's first-paint chunk uses this file.
 */
export const PUBLIC_REGISTER_PATH = '/public/register';
/** The same path as contracts' LICENCE_VERIFY_PATH, which the server prints as the licence's QR code. */
export const LICENCE_VERIFY_PAGE_PATH = '/public/licences/verify';

export function registerEntryPath(institutionId: string): string {
  return `${PUBLIC_REGISTER_PATH}/${encodeURIComponent(institutionId)}`;
}

export function licenceVerifyPagePath(number?: string): string {
  return number ? `${LICENCE_VERIFY_PAGE_PATH}?number=${encodeURIComponent(number)}` : LICENCE_VERIFY_PAGE_PATH;
}

/** The licence PDF (许可证下载); same origin, so the session cookie goes along with a plain link. */
export function licencePdfUrl(licenceId: string): string {
  return `/api/licences/${encodeURIComponent(licenceId)}/pdf`;
}
