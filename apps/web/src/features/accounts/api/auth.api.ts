import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TLoginRequest, TMeResponse } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';
import { setSession } from '../../../lib/session';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<TMeResponse, ApiError, TLoginRequest>({
    // 401 here means wrong credentials, not an expired session.
    mutationFn: (body) => api.post<TMeResponse>('/api/auth/login', body, { skipAuthRedirect: true }),
    onSuccess: (me) => setSession(queryClient, me),
  });
}
