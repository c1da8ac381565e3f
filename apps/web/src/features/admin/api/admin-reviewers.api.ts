import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCreateReviewerRequest, TInitialPassword, TPage, TReviewer } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';
import { useListQuery, type Paging } from '../../../components/server-list';
import { departmentKeys } from './admin-departments.api';

export interface ReviewerFilters {
  department?: string;
  status?: TReviewer['status'];
  keyword?: string;
}

export const reviewerKeys = {
  all: ['admin-reviewers'] as const,
  list: (f: ReviewerFilters, page: number, pageSize: number) => ['admin-reviewers', 'list', { ...f, page, pageSize }] as const,
};

export function useReviewers(filters: ReviewerFilters, { page, pageSize }: Paging, searches: number) {
  return useListQuery({
    queryKey: reviewerKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) => api.get<TPage<TReviewer>>('/api/admin/reviewers', { query: { ...filters, page, pageSize }, signal }),
    searches,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: reviewerKeys.all }),
      // 审核人员数 on the departments page
      queryClient.invalidateQueries({ queryKey: departmentKeys.all }),
    ]);
}

export function useCreateReviewer() {
  const invalidate = useInvalidate();
  return useMutation<TInitialPassword, ApiError, TCreateReviewerRequest>({
    mutationFn: (body) => api.post<TInitialPassword>('/api/admin/reviewers', body),
    onSuccess: () => invalidate(),
  });
}

export type ReviewerStatusAction = 'disable' | 'enable';

export function useSetReviewerStatus() {
  const invalidate = useInvalidate();
  return useMutation<unknown, ApiError, { id: string; action: ReviewerStatusAction }>({
    mutationFn: ({ id, action }) => api.post(`/api/admin/reviewers/${encodeURIComponent(id)}/${action}`),
    onSettled: () => invalidate(),
  });
}

export function useResetReviewerPassword() {
  const invalidate = useInvalidate();
  return useMutation<TInitialPassword, ApiError, { id: string }>({
    mutationFn: ({ id }) => api.post<TInitialPassword>(`/api/admin/reviewers/${encodeURIComponent(id)}/reset-password`),
    onSuccess: () => invalidate(),
  });
}

export function useChangeReviewerDepartment() {
  const invalidate = useInvalidate();
  return useMutation<unknown, ApiError, { id: string; departmentCode: string }>({
    mutationFn: ({ id, departmentCode }) => api.put(`/api/admin/reviewers/${encodeURIComponent(id)}/department`, { departmentCode }),
    onSettled: () => invalidate(),
  });
}
