import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TPage, TPractitioner, TPractitionerImportReport, TPractitionerInput, TPractitionerInstitution } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';
import { useListQuery, type Paging } from '../../../components/server-list';

export const practitionerKeys = {
  all: ['practitioners'] as const,
  institutions: (name: string, paging: Paging) => ['practitioners', 'institutions', name, paging] as const,
  list: (institutionId: string, paging: Paging) => ['practitioners', 'list', institutionId, paging] as const,
};

const base = (institutionId: string) => `/api/institutions/${encodeURIComponent(institutionId)}/practitioners`;
export const templateUrl = (institutionId: string) => `${base(institutionId)}/template`;

/** 查询: the unit's institutions in force whose name matches. */
export function usePractitionerInstitutions(name: string, paging: Paging, searches: number) {
  return useListQuery({
    queryKey: practitionerKeys.institutions(name, paging),
    queryFn: ({ signal }) => api.get<TPage<TPractitionerInstitution>>('/api/practitioners/institutions', { query: { name, ...paging }, signal }),
    searches,
  });
}

/** One institution's practitioners, masked. */
export function usePractitioners(institutionId: string, paging: Paging) {
  return useListQuery({
    queryKey: practitionerKeys.list(institutionId, paging),
    queryFn: ({ signal }) => api.get<TPage<TPractitioner>>(base(institutionId), { query: { ...paging }, signal }),
  });
}

/** One practitioner in clear, for the 变更 form. */
export const fetchPractitioner = (institutionId: string, id: string) => api.get<TPractitioner>(`${base(institutionId)}/${encodeURIComponent(id)}`);

function useChange<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation<R, ApiError, V>({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: practitionerKeys.all }) });
}

export const useSavePractitioner = (institutionId: string) =>
  useChange((v: { id?: string; version?: number; values: TPractitionerInput }) =>
    v.id
      ? api.put<TPractitioner>(`${base(institutionId)}/${encodeURIComponent(v.id)}`, { version: v.version, values: v.values })
      : api.post<TPractitioner>(base(institutionId), v.values),
  );

export const useDeletePractitioner = (institutionId: string) => useChange((id: string) => api.del<{ ok: true }>(`${base(institutionId)}/${encodeURIComponent(id)}`));

const form = (file: File) => {
  const data = new FormData();
  data.append('file', file, file.name);
  return data;
};

/** 校验 (dryRun, nothing written) or 确认导入 (all rows or none; a refusal carries the report in `details.report`). */
export const useImportPractitioners = (institutionId: string) =>
  useChange((v: { file: File; dryRun: boolean }) => api.postForm<TPractitionerImportReport>(`${base(institutionId)}/import`, form(v.file), { query: { dryRun: v.dryRun ? 1 : undefined } }));
