import type { TApplicationDetail, TRecordDraft } from '@jhrm/contracts';
import { api } from '../../../lib/api-client';
import { applicationPath } from '../../../lib/application-api';

/** 设立: the first 保存 of a new form creates the draft (the calls on it are in lib/application-api). */
export function createEstablishment(draft: TRecordDraft): Promise<TApplicationDetail> {
  return api.post<TApplicationDetail>('/api/applications/establishments', draft);
}

/** 登记预览: the filled 《吉林省人力资源服务机构登记申请表》 as a PDF shown in the browser. */
export function registrationFormUrl(id: string): string {
  return applicationPath(id, '/templates/registrationForm?inline=1');
}
