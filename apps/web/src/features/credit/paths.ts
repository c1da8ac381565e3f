/**
 * URLs of 人力资源诚信体系管理 (guide 3). The route table (app/hr/hr-routes.tsx) declares the same
 * patterns; these build concrete links. No runtime imports: the shell chunk uses this file.
 */
export const CREDIT_GROUP_PATH = '/hr/integrity';
export const CREDIT_QUERY_PATH = '/hr/integrity/query';
export const CREDIT_NEW_PATH = '/hr/integrity/new';
export const CREDIT_EDIT_PATTERN = '/hr/integrity/new/:applicationId';

/** What the 诚信示范 page opens on arrival (?open=…): 查询's 上传材料. */
export type CreditOpen = 'materials';

export function creditPath(applicationId: string, open?: CreditOpen): string {
  return `${CREDIT_NEW_PATH}/${encodeURIComponent(applicationId)}${open ? `?open=${open}` : ''}`;
}

export function newCreditPath(institutionId?: string): string {
  return institutionId ? `${CREDIT_NEW_PATH}?institution=${encodeURIComponent(institutionId)}` : CREDIT_NEW_PATH;
}

export function parseCreditOpen(value: string | null): CreditOpen | null {
  return value === 'materials' ? value : null;
}
