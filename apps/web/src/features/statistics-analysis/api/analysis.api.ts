import { useMutation, useQuery } from '@tanstack/react-query';
import type { TPage, TStatisticsDashboard, TStatisticsMissingItem, TStatisticsUrgeResult } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';
import { useListQuery, type Paging } from '../../../components/server-list';

export const analysisKeys = {
  dashboard: (year: number) => ['statistics-analysis', 'dashboard', year] as const,
  missing: (year: number, paging: Paging) => ['statistics-analysis', 'missing', year, paging] as const,
};

/** The year's indicators of the reader's area (asked again whenever the page is shown). */
export function useDashboard(year: number) {
  return useQuery({
    queryKey: analysisKeys.dashboard(year),
    queryFn: ({ signal }) => api.get<TStatisticsDashboard>('/api/statistics-analysis', { query: { year }, signal }),
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}

/** The licensed institutions of the area that have not reported for the year. */
export function useMissing(year: number, paging: Paging) {
  return useListQuery({
    queryKey: analysisKeys.missing(year, paging),
    queryFn: ({ signal }) => api.get<TPage<TStatisticsMissingItem>>('/api/statistics-analysis/missing', { query: { year, ...paging }, signal }),
  });
}

/** 导出: a plain download (the server streams the workbook). */
export const exportUrl = (year: number) => `/api/statistics-analysis/export?year=${year}`;

/** 一键催报: the year's missing institutions of the area are told (消息中心 and SMS), at most once a day each. */
export function useUrge() {
  return useMutation<TStatisticsUrgeResult, ApiError, number>({
    mutationFn: (year) => api.post<TStatisticsUrgeResult>(`/api/statistics-analysis/urge?year=${year}`, {}),
  });
}
