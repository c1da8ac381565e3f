import {
  BUSINESS_SCOPES,
  CANCEL_STATUSES,
  DEFAULT_PAGE_SIZE,
  LICENCE_KINDS,
  type TBusinessScope,
  type TCancelStatus,
  type TLicenceKind,
  type TRegisterQuery,
} from '@jhrm/contracts';

/** The filters of 公示查询 as the form holds them. */
export interface RegisterFilters {
  keyword?: string;
  scope?: TBusinessScope;
  department?: string;
  kind?: TLicenceKind;
  status?: TCancelStatus;
}

const PAGE_SIZES = [10, 15, 20, 50];
const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => (v && (values as readonly string[]).includes(v) ? (v as T) : undefined);

/**
 * The search lives in the address (?keyword=…&page=2), so a result can be bookmarked, shared and
 * reached again with the back button. Anything malformed in it is dropped, not sent.
 */
export function parseRegisterParams(params: URLSearchParams): TRegisterQuery {
  const keyword = params.get('keyword')?.trim().slice(0, 100) || undefined;
  const department = /^\d{6}$/.test(params.get('department') ?? '') ? params.get('department')! : undefined;
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    ...(keyword ? { keyword } : {}),
    ...(oneOf(BUSINESS_SCOPES, params.get('scope')) ? { scope: oneOf(BUSINESS_SCOPES, params.get('scope')) } : {}),
    ...(department ? { department } : {}),
    ...(oneOf(LICENCE_KINDS, params.get('kind')) ? { kind: oneOf(LICENCE_KINDS, params.get('kind')) } : {}),
    ...(oneOf(CANCEL_STATUSES, params.get('status')) ? { status: oneOf(CANCEL_STATUSES, params.get('status')) } : {}),
  };
}

/** The address for a search: empty filters and the defaults are left out. */
export function toRegisterParams(q: Partial<TRegisterQuery>): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of ['keyword', 'scope', 'department', 'kind', 'status'] as const) {
    const v = q[key]?.toString().trim();
    if (v) out.set(key, v);
  }
  if (q.page && q.page > 1) out.set('page', String(q.page));
  if (q.pageSize && q.pageSize !== DEFAULT_PAGE_SIZE) out.set('pageSize', String(q.pageSize));
  return out;
}

export const REGISTER_PAGE_SIZES = PAGE_SIZES;
