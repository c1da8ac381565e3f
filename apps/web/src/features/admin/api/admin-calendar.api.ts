import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCalendarDay, TCalendarDayKind } from '@jhrm/contracts';

type TOk = { ok: true };
import { api, type ApiError } from '../../../lib/api-client';

const calendarKeys = { year: (year: number) => ['admin-calendar', year] as const, all: ['admin-calendar'] as const };

/** 节假日设置: one year's exception days. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => api.get<TCalendarDay[]>('/api/admin/calendar', { signal, query: { year } }),
  });
}

export function useSetCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation<TCalendarDay, ApiError, { date: string; kind: TCalendarDayKind; name: string }>({
    mutationFn: ({ date, ...body }) => api.put<TCalendarDay>(`/api/admin/calendar/${encodeURIComponent(date)}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

export function useRemoveCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation<TOk, ApiError, string>({
    mutationFn: (date) => api.del<TOk>(`/api/admin/calendar/${encodeURIComponent(date)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}
