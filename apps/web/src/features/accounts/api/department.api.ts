import { useQuery } from '@tanstack/react-query';
import type { TMyDepartment } from '@jhrm/contracts';
import { api } from '../../../lib/api-client';

/** The signed-in staff member's 审批部门 (name, code, level, parent), for the 主页's 部门信息. */
export function useMyDepartment(enabled: boolean) {
  return useQuery({
    queryKey: ['auth', 'department'],
    queryFn: ({ signal }) => api.get<TMyDepartment>('/api/auth/department', { signal }),
    enabled,
  });
}
