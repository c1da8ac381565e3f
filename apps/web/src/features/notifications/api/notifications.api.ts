import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TNotification, TPage, TUnreadCount } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';
import { useListQuery } from '../../../components/server-list';
import { lastActivity, pollInterval } from '../model/poll';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: (unreadOnly: boolean, page: number, pageSize: number) => ['notifications', 'list', { unreadOnly, page, pageSize }] as const,
};

/** The bell: polled every minute while the user is active, and again whenever the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<TUnreadCount>('/api/notifications/unread-count', { signal }),
    refetchInterval: () => pollInterval(Date.now(), lastActivity()),
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

export function useNotifications(unreadOnly: boolean, page: number, pageSize: number) {
  return useListQuery({
    queryKey: notificationKeys.list(unreadOnly, page, pageSize),
    queryFn: ({ signal }) => api.get<TPage<TNotification>>('/api/notifications', { query: { page, pageSize, unread: unreadOnly ? '1' : undefined }, signal }),
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation<TNotification, ApiError, string>({
    mutationFn: (id) => api.post<TNotification>(`/api/notifications/${encodeURIComponent(id)}/read`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation<{ updated: number }, ApiError, void>({
    mutationFn: () => api.post<{ updated: number }>('/api/notifications/read-all'),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
