import { useMutation } from '@tanstack/react-query';
import type { TAppealRequest } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';

export interface AppealSubmission extends TAppealRequest {
  captchaId: string;
  captcha: string;
  files: File[];
}

/** The multipart body of POST /api/appeals: text fields first, then the attachments. */
export function appealFormData(a: AppealSubmission): FormData {
  const fd = new FormData();
  const text: Record<string, string> = {
    account: a.account,
    uscc: a.uscc,
    contact: a.contact,
    phone: a.phone,
    description: a.description,
    captchaId: a.captchaId,
    captcha: a.captcha,
  };
  for (const [k, v] of Object.entries(text)) fd.append(k, v);
  for (const f of a.files) fd.append('files', f, f.name);
  return fd;
}

/** 账号申诉 (public). */
export function useSubmitAppeal() {
  return useMutation<{ id: string }, ApiError, AppealSubmission>({
    mutationFn: (a) => api.postForm<{ id: string }>('/api/appeals', appealFormData(a), { skipAuthRedirect: true }),
  });
}
