import { useQuery } from '@tanstack/react-query';
import type { TApplicationDetail, TCancelStatus, TCreditRating, TInstitutionListPage, TMissingField, TOpenLicenceRequest, TReviewStatus } from '@jhrm/contracts';
import { api } from '../../../lib/api-client';
import { INSTITUTION_LISTS_KEY } from '../../../lib/application-api';
import { useListQuery, type Paging } from '../../../components/server-list';
import type { InstitutionFilters } from '../model/query-filters';

export const institutionKeys = {
  all: INSTITUTION_LISTS_KEY,
  unitList: (page: number, pageSize: number) => ['institutions', 'unit-list', { page, pageSize }] as const,
  query: (filters: InstitutionFilters, page: number, pageSize: number) => ['institutions', 'query', { ...filters, page, pageSize }] as const,
  detail: (id: string) => ['institutions', 'detail', id] as const,
};

/** The signed-in unit's institutions (the server takes the unit from the session). */
export function useUnitInstitutions(page: number, pageSize: number) {
  return useListQuery({
    queryKey: institutionKeys.unitList(page, pageSize),
    // 主页 asks each row's 下一步 (what 提交 still lacks)
    queryFn: ({ signal }) => api.get<TInstitutionListPage>('/api/institutions', { query: { page, pageSize, nextStep: '1' }, signal }),
  });
}

/** 人力资源服务机构查询 with the 查询条件 applied; `searches` counts the 查询 clicks. */
export function useInstitutionQuery(filters: InstitutionFilters, { page, pageSize }: Paging, searches: number) {
  return useListQuery({
    queryKey: institutionKeys.query(filters, page, pageSize),
    queryFn: ({ signal }) => api.get<TInstitutionListPage>('/api/institutions', { query: { ...filters, page, pageSize }, signal }),
    searches,
  });
}

export interface InstitutionDetail {
  id: string;
  reviewStatus: TReviewStatus;
  cancelStatus: TCancelStatus;
  licensed: boolean;
  applicationId: string | null;
  record: TApplicationDetail['record'];
  /** fields a 变更 will ask for that the record in force lacks (imported records may be incomplete) */
  missingForChange: TMissingField[];
  /** its open 许可证补办 / 许可证延续, to continue or follow from 查看 */
  licenceRequests: TOpenLicenceRequest[];
  /** 信用等级 with its score and reasons (decision 0048); null until on the register */
  creditRating: TCreditRating | null;
}

/** 查看: the institution's record, read-only. */
export function useInstitution(id: string, { enabled = true } = {}) {
  return useQuery({
    queryKey: institutionKeys.detail(id),
    queryFn: ({ signal }) => api.get<InstitutionDetail>(`/api/institutions/${encodeURIComponent(id)}`, { signal }),
    enabled,
  });
}
