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

/** 许可证补办 (decision 0047): a new 许可证补办申请 (?institution=, from the institution's 查看) and a saved one. */
export const REISSUE_NEW_PATH = '/hr/institutions/reissue/apply';
export const REISSUE_EDIT_PATTERN = '/hr/institutions/reissue/apply/:applicationId';

export function newReissuePath(institutionId: string): string {
  return `${REISSUE_NEW_PATH}?institution=${encodeURIComponent(institutionId)}`;
}

export function reissuePath(applicationId: string, open?: CancellationOpen): string {
  return `${REISSUE_NEW_PATH}/${encodeURIComponent(applicationId)}${open ? `?open=${open}` : ''}`;
}

/** 许可证延续 (decision 0047): a new 许可证延续申请 (?institution=, from the institution's 查看) and a saved one. */
export const RENEWAL_NEW_PATH = '/hr/institutions/renewal/apply';
export const RENEWAL_EDIT_PATTERN = '/hr/institutions/renewal/apply/:applicationId';

export function newRenewalPath(institutionId: string): string {
  return `${RENEWAL_NEW_PATH}?institution=${encodeURIComponent(institutionId)}`;
}

export function renewalPath(applicationId: string, open?: CancellationOpen): string {
  return `${RENEWAL_NEW_PATH}/${encodeURIComponent(applicationId)}${open ? `?open=${open}` : ''}`;
}

/** 人力资源服务机构变更 (guide 1.3): the list, a new 机构变更申请 (?institution=) and a saved one. */
export const CHANGE_LIST_PATH = '/hr/institutions/change';
export const CHANGE_NEW_PATH = '/hr/institutions/change/apply';
export const CHANGE_EDIT_PATTERN = '/hr/institutions/change/apply/:applicationId';

/** What the 变更 page opens on arrival: the list's 材料上传 / 视频上传. */
export type ChangeOpen = 'materials' | 'video';

export function newChangePath(institutionId: string): string {
  return `${CHANGE_NEW_PATH}?institution=${encodeURIComponent(institutionId)}`;
}

export function changePath(applicationId: string, open?: ChangeOpen): string {
  return `${CHANGE_NEW_PATH}/${encodeURIComponent(applicationId)}${open ? `?open=${open}` : ''}`;
}

export function parseChangeOpen(value: string | null): ChangeOpen | null {
  return value === 'materials' || value === 'video' ? value : null;
}
