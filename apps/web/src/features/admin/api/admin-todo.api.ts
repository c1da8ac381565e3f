import { useQuery } from '@tanstack/react-query';
import type { TAdminTodo } from '@jhrm/contracts';
import { api } from '../../../lib/api-client';

/** The 管理员 主页's 待办; asked again whenever the 主页 opens. */
export function useAdminTodo() {
  return useQuery({
    queryKey: ['admin-todo'],
    queryFn: ({ signal }) => api.get<TAdminTodo>('/api/admin/todo', { signal }),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}
