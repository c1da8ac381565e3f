import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TAppeal, TAppealAction, TPage } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';
import { useListQuery, type Paging } from '../../../components/server-list';

export type AppealStatus = TAppeal['status'];

export const appealKeys = {
  all: ['admin-appeals'] as const,
  list: (status: AppealStatus | undefined, page: number, pageSize: number) =>
    ['admin-appeals', 'list', { status: status ?? null, page, pageSize }] as const,
};

/** 账号申诉 for administrators, newest first, optionally one status only. */
export function useAppeals(status: AppealStatus | undefined, { page, pageSize }: Paging, searches: number) {
  return useListQuery({
    queryKey: appealKeys.list(status, page, pageSize),
    queryFn: ({ signal }) => api.get<TPage<TAppeal>>('/api/admin/appeals', { query: { status, page, pageSize }, signal }),
    searches,
  });
}

/** Where an attachment downloads from (same origin: the session cookie goes along). */
export function appealFileUrl(appealId: string, fileId: string): string {
  return `/api/admin/appeals/${encodeURIComponent(appealId)}/files/${encodeURIComponent(fileId)}`;
}

/** 处理: the reply (and what the handling did to the unit's legal person) is stored and sent to the applicant by SMS. */
export function useHandleAppeal() {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { id: string; reply: string; action: TAppealAction }>({
    mutationFn: ({ id, reply, action }) => api.post(`/api/admin/appeals/${encodeURIComponent(id)}/handle`, { reply, action }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: appealKeys.all }),
  });
}
