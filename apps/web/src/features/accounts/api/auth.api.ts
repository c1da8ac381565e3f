import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TLoginRequest, TMeResponse } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';
import { setSession } from '../../../lib/session';

/** Account + password, plus the image captcha once the server has asked for it. */
export type LoginBody = TLoginRequest & { captchaId?: string; captcha?: string };

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation<TMeResponse, ApiError, LoginBody>({
    // 401 here means wrong credentials, not an expired session.
    mutationFn: (body) => api.post<TMeResponse>('/api/auth/login', body, { skipAuthRedirect: true }),
    onSuccess: (me) => setSession(queryClient, me),
  });
}

/** The server wants the image captcha on the next attempt (from the 3rd failure on). */
export function captchaRequired(error: ApiError): boolean {
  return error.details.captchaRequired === true || error.code === 'CAPTCHA_REQUIRED';
}
