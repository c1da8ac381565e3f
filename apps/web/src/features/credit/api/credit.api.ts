import { useQuery } from '@tanstack/react-query';
import type { TCreditInstitution, TCreditListItem, TPage } from '@jhrm/contracts';
import { api } from '../../../lib/api-client';
import { INSTITUTION_LISTS_KEY } from '../../../lib/application-api';
import { useListQuery, type Paging } from '../../../components/server-list';

/** 查询条件 of 人力资源诚信示范机构查询, as the API takes them. */
export interface CreditFilters {
  name?: string;
  year?: number;
  status?: string;
}

// under the unit's lists' key: every application write refreshes them (lib/application-api.ts)
const creditKeys = {
  list: (filters: CreditFilters, page: number, pageSize: number) => [...INSTITUTION_LISTS_KEY, 'credit', { ...filters, page, pageSize }] as const,
  institutions: [...INSTITUTION_LISTS_KEY, 'credit-institutions'] as const,
};

/** 人力资源诚信示范机构查询: the unit's applications for the filters; `searches` counts 查询. */
export function useCreditList(filters: CreditFilters, { page, pageSize }: Paging, searches: number) {
  return useListQuery({
    queryKey: creditKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) => api.get<TPage<TCreditListItem>>('/api/credit', { query: { ...filters, page, pageSize }, signal }),
    searches,
  });
}

/** 新增's choice of institution: the unit's institutions in force, with this year's application. */
export function useCreditInstitutions() {
  return useQuery({
    queryKey: creditKeys.institutions,
    queryFn: ({ signal }) => api.get<{ year: number; items: TCreditInstitution[] }>('/api/credit/institutions', { signal }),
    staleTime: 0,
  });
}
