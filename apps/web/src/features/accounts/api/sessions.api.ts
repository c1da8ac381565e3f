import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TChangePasswordRequest, TSessionInfo } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';

// Not under 'auth': queries under that prefix survive a sign-in (lib/session.ts setSession).
export const sessionKeys = {
  all: ['my-sessions'] as const,
};

/** The signed-in user's sessions (登录会话), newest activity first. */
export function useMySessions() {
  return useQuery({
    queryKey: sessionKeys.all,
    queryFn: ({ signal }) => api.get<TSessionInfo[]>('/api/auth/sessions', { signal }),
  });
}

/** Ends another session of the signed-in user. */
export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, string>({
    mutationFn: (id) => api.del(`/api/auth/sessions/${encodeURIComponent(id)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

/**
 * 修改密码. On success the server has ended every session of the user, this one included; the
 * caller signs out locally.
 */
export function useChangeMyPassword() {
  return useMutation<unknown, ApiError, TChangePasswordRequest>({
    mutationFn: (body) => api.post('/api/auth/password', body),
  });
}
