import { useQuery } from '@tanstack/react-query';
import type { TRegisterDepartment, TRegisterDetail, TRegisterPage, TRegisterQuery } from '@jhrm/contracts';
import { api } from '../../../lib/api-client';
import { useListQuery } from '../../../components/server-list';

const registerKeys = {
  search: (q: TRegisterQuery) => ['register', 'search', q] as const,
  entry: (id: string) => ['register', 'entry', id] as const,
  departments: ['register', 'departments'] as const,
};

/** One page of 公示查询; `searches` counts 查询 clicks, each of which asks the server again. */
export function useRegisterSearch(q: TRegisterQuery, searches: number) {
  return useListQuery({
    queryKey: registerKeys.search(q),
    queryFn: ({ signal }) => api.get<TRegisterPage>('/api/public/register', { query: { ...q }, signal, skipAuthRedirect: true }),
    searches,
  });
}

export function useRegisterEntry(id: string) {
  return useQuery({
    queryKey: registerKeys.entry(id),
    queryFn: ({ signal }) => api.get<TRegisterDetail>(`/api/public/register/${encodeURIComponent(id)}`, { signal, skipAuthRedirect: true }),
    enabled: !!id,
  });
}

/** 审批部门 for the filter; they change rarely. */
export function useRegisterDepartments() {
  return useQuery({
    queryKey: registerKeys.departments,
    queryFn: ({ signal }) => api.get<TRegisterDepartment[]>('/api/public/register/departments', { signal, skipAuthRedirect: true }),
    staleTime: 10 * 60_000,
  });
}
