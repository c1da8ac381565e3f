import { useMutation } from '@tanstack/react-query';
import type { TChangePasswordRequest } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';

/**
 * The forced password change (首次登录或密码被重置后). The server then ends every session of the
 * user, this one included, so the caller signs out locally and sends the user to /login.
 */
export function useForcedPasswordChange() {
  return useMutation<{ ok: true }, ApiError, TChangePasswordRequest>({
    mutationFn: (body) => api.post<{ ok: true }>('/api/auth/password', body),
  });
}
