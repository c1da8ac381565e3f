import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAdminDepartment, TCreateDepartmentRequest, TUpdateDepartmentRequest } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';

export const departmentKeys = { all: ['admin-departments'] as const };

/** Every 审批部门, inactive ones included, with reviewer and pending counts. */
export function useAdminDepartments() {
  return useQuery({
    queryKey: departmentKeys.all,
    queryFn: ({ signal }) => api.get<TAdminDepartment[]>('/api/admin/departments', { signal }),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: departmentKeys.all }),
      // the units' department picker (institutions feature) caches the active list under this key
      queryClient.invalidateQueries({ queryKey: ['departments'] }),
    ]);
}

export function useCreateDepartment() {
  const invalidate = useInvalidate();
  return useMutation<unknown, ApiError, TCreateDepartmentRequest>({
    mutationFn: (body) => api.post('/api/admin/departments', body),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateDepartment() {
  const invalidate = useInvalidate();
  return useMutation<unknown, ApiError, { code: string } & TUpdateDepartmentRequest>({
    mutationFn: ({ code, ...body }) => api.put(`/api/admin/departments/${encodeURIComponent(code)}`, body),
    // also after a refusal: someone else may have changed it meanwhile
    onSettled: () => invalidate(),
  });
}
