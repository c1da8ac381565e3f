import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TDictionary, TSettingItem } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';

const settingKeys = { all: ['admin-settings'] as const };

export function useSettings() {
  return useQuery({
    queryKey: settingKeys.all,
    queryFn: ({ signal }) => api.get<TSettingItem[]>('/api/admin/settings', { signal }),
  });
}

export function useUpdateSetting() {
  const queryClient = useQueryClient();
  return useMutation<TSettingItem, ApiError, { key: string; value: unknown }>({
    mutationFn: ({ key, value }) => api.put<TSettingItem>(`/api/admin/settings/${encodeURIComponent(key)}`, { value }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingKeys.all }),
  });
}

/** The read-only option lists; they change only with a release. */
export function useDictionaries() {
  return useQuery({
    queryKey: ['admin-dictionaries'],
    queryFn: ({ signal }) => api.get<TDictionary[]>('/api/admin/dictionaries', { signal }),
    staleTime: Infinity,
  });
}
