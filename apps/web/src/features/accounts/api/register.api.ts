import { useMutation } from '@tanstack/react-query';
import type { TRegisterRequest, TSendSmsRequest } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';

export interface SmsSent {
  cooldownSeconds: number;
  expiresInSeconds: number;
}

/** 获取验证码 (the image captcha gates every SMS). */
export function useSendSmsCode() {
  return useMutation<SmsSent, ApiError, TSendSmsRequest>({
    mutationFn: (body) => api.post<SmsSent>('/api/auth/sms-code', body, { skipAuthRedirect: true }),
  });
}

/** 法人注册. */
export function useRegister() {
  return useMutation<{ account: string }, ApiError, TRegisterRequest>({
    mutationFn: (body) => api.post<{ account: string }>('/api/auth/register', body, { skipAuthRedirect: true }),
  });
}
