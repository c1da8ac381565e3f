import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAcceptanceRequestInput, TDecisionRequestInput, TDecisionResponse, TPage, TReviewDetail, TReviewInboxItem, TReviewTab, TReviewTodo } from '@jhrm/contracts';
import { api, type ApiError, type QueryValue } from '../../../lib/api-client';
import { useListQuery, type Paging } from '../../../components/server-list';

export const reviewKeys = {
  all: ['reviews'] as const,
  inbox: (tab: TReviewTab, filters: Record<string, QueryValue>, page: number, pageSize: number) => ['reviews', 'inbox', tab, { ...filters, page, pageSize }] as const,
  detail: (id: string) => ['reviews', 'detail', id] as const,
  todo: ['reviews', 'todo'] as const,
};

/** The 主页's 待办 counts; asked again whenever the 主页 opens (a decision elsewhere changes them). */
export function useReviewTodo() {
  return useQuery({
    queryKey: reviewKeys.todo,
    queryFn: ({ signal }) => api.get<TReviewTodo>('/api/reviews/todo', { signal }),
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

export interface InboxFilters {
  type?: string;
  name?: string;
  uscc?: string;
  submittedFrom?: string;
  submittedTo?: string;
  maxDaysLeft?: number;
  /** 待受理 / 已受理 (待审核 only) */
  accepted?: string;
}

/** The department's 待审核 or 已审核 list (the server takes the department from the session). */
export function fetchInbox(tab: TReviewTab, filters: InboxFilters, page: number, pageSize: number, signal?: AbortSignal) {
  return api.get<TPage<TReviewInboxItem>>('/api/reviews', { query: { tab, ...filters, page, pageSize }, signal });
}

export function useInbox(tab: TReviewTab, filters: InboxFilters, { page, pageSize }: Paging, searches: number) {
  return useListQuery({
    queryKey: reviewKeys.inbox(tab, { ...filters }, page, pageSize),
    queryFn: ({ signal }) => fetchInbox(tab, filters, page, pageSize, signal),
    searches,
  });
}

/** The submission as the reviewer reads it (opening only reads; 受理 is useAccept); always the server's current state. */
export function useReviewDetail(id: string) {
  return useQuery({
    queryKey: reviewKeys.detail(id),
    queryFn: ({ signal }) => api.get<TReviewDetail>(`/api/reviews/${encodeURIComponent(id)}`, { signal }),
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
  });
}

/**
 * A reviewer's step that changes the application (a decision, or 受理 / 不予受理 / 补正): the detail
 * after it replaces the cached one, and the lists and the 待办 are asked again. On a refusal (another
 * reviewer, or the unit's 撤回, came first) the page shows what is there now.
 */
function useReviewStep<Body>(id: string, step: 'decision' | 'acceptance') {
  const queryClient = useQueryClient();
  return useMutation<TDecisionResponse, ApiError, Body>({
    mutationFn: (body) => api.post<TDecisionResponse>(`/api/reviews/${encodeURIComponent(id)}/${step}`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(reviewKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: ['reviews', 'inbox'] });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.todo });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: reviewKeys.detail(id) }),
  });
}

/** 受理 / 不予受理 / 补正 (decision 0034): the detail after it, with its notice. */
export const useAccept = (id: string) => useReviewStep<TAcceptanceRequestInput>(id, 'acceptance');

/** 审核通过 / 审核不通过. */
export const useDecide = (id: string) => useReviewStep<TDecisionRequestInput>(id, 'decision');
