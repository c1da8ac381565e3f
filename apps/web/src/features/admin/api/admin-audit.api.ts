import { useMutation, useQuery } from '@tanstack/react-query';
import type { TAuditEntry, TAuditVerifyResult, TPage } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';
import { useListQuery, type Paging } from '../../../components/server-list';
import type { AuditFilters } from '../components/audit-filters';

export function useAuditLog(filters: AuditFilters, { page, pageSize }: Paging, searches: number) {
  return useListQuery({
    queryKey: ['admin-audit', 'list', { ...filters, page, pageSize }],
    queryFn: ({ signal }) => api.get<TPage<TAuditEntry>>('/api/admin/audit', { query: { ...filters, page, pageSize }, signal }),
    searches,
  });
}

export function useAuditActions() {
  return useQuery({
    queryKey: ['admin-audit', 'actions'],
    queryFn: ({ signal }) => api.get<string[]>('/api/admin/audit/actions', { signal }),
  });
}

/** 校验日志链: walks the whole chain on the server, on demand. */
export function useVerifyAuditChain() {
  return useMutation<TAuditVerifyResult, ApiError, void>({
    mutationFn: () => api.get<TAuditVerifyResult>('/api/admin/audit/verify'),
  });
}
