/**
 * URLs of the institution pages. The route table (app/hr/hr-routes.tsx) declares the same
 * patterns; these build concrete links. No runtime imports: the shell chunk uses this file.
 */
export const INSTITUTION_QUERY_PATH = '/hr/institutions/query';
export const ESTABLISHMENT_PATH = '/hr/institutions/establishment';
export const ESTABLISHMENT_EDIT_PATTERN = '/hr/institutions/establishment/:applicationId';
export const INSTITUTION_VIEW_PATTERN = '/hr/institutions/:id/view';

/** What the establishment page opens on arrival (?open=…): a row action of the 查询 list. */
export type EstablishmentOpen = 'submit' | 'materials' | 'video';

export function establishmentPath(applicationId: string, open?: EstablishmentOpen): string {
  return `${ESTABLISHMENT_PATH}/${encodeURIComponent(applicationId)}${open ? `?open=${open}` : ''}`;
}

export function institutionViewPath(id: string): string {
  return `/hr/institutions/${encodeURIComponent(id)}/view`;
}

export function parseOpen(value: string | null): EstablishmentOpen | null {
  return value === 'submit' || value === 'materials' || value === 'video' ? value : null;
}
