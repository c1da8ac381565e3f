import { useQuery } from '@tanstack/react-query';
import type { TPage, TStatisticsInstitution, TStatisticsQuery, TStatisticsRow } from '@jhrm/contracts';
import { api } from '../../../lib/api-client';
import { STATISTICS_LISTS_KEY } from '../../../lib/application-api';
import { useListQuery, type Paging } from '../../../components/server-list';

export type StatisticsFilters = Partial<Pick<TStatisticsQuery, 'serviceYear' | 'filledFrom' | 'filledTo' | 'status'>>;

/** 业务基本情况录入: the unit's institutions in force, each with what a new report starts from. */
export function useStatisticsInstitutions(enabled = true) {
  return useQuery({
    queryKey: [...STATISTICS_LISTS_KEY, 'institutions'],
    queryFn: ({ signal }) => api.get<TStatisticsInstitution[]>('/api/statistics/institutions', { signal }),
    enabled,
  });
}

/** 业务基本情况查询: the unit's reports. */
export function useStatisticsReports(filters: StatisticsFilters, paging: Paging, searches: number) {
  return useListQuery({
    queryKey: [...STATISTICS_LISTS_KEY, 'reports', filters, paging],
    queryFn: ({ signal }) => api.get<TPage<TStatisticsRow>>('/api/statistics/reports', { query: { ...filters, ...paging }, signal }),
    searches,
  });
}
