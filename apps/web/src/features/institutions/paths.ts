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

/** 人力资源服务机构注销 (guide 1.4): the list, a new 机构注销申请 (?institution=) and a saved one. */
export const CANCELLATION_LIST_PATH = '/hr/institutions/cancellation';
export const CANCELLATION_NEW_PATH = '/hr/institutions/cancellation/apply';
export const CANCELLATION_EDIT_PATTERN = '/hr/institutions/cancellation/apply/:applicationId';

/** What the 注销 page opens on arrival: the list's 材料上传. */
export type CancellationOpen = 'materials';

export function newCancellationPath(institutionId: string): string {
  return `${CANCELLATION_NEW_PATH}?institution=${encodeURIComponent(institutionId)}`;
}

export function cancellationPath(applicationId: string, open?: CancellationOpen): string {
  return `${CANCELLATION_NEW_PATH}/${encodeURIComponent(applicationId)}${open ? `?open=${open}` : ''}`;
}

export function parseCancellationOpen(value: string | null): CancellationOpen | null {
  return value === 'materials' ? value : null;
}
