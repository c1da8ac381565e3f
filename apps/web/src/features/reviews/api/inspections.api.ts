import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TInspectionBacklog,
  TInspectionCloseRequest,
  TInspectionListItem,
  TInspectionResultRequest,
  TInspectionRevokeRequest,
  TInspectionStatus,
  TInspectionTask,
  TInspectionTodo,
  TPage,
} from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';
import { useListQuery, type Paging } from '../../../components/server-list';

const keys = {
  all: ['inspections'] as const,
  list: (filters: InspectionFilters, page: number, pageSize: number) => ['inspections', 'list', { ...filters, page, pageSize }] as const,
  detail: (id: string) => ['inspections', 'detail', id] as const,
  todo: ['inspections', 'todo'] as const,
  backlog: ['inspections', 'backlog'] as const,
};

export interface InspectionFilters {
  status?: TInspectionStatus;
  name?: string;
  overdue?: '1';
}

/** 核查任务: the reviewer's department's (the admin: every department's). */
export function useInspections(filters: InspectionFilters, { page, pageSize }: Paging, searches: number) {
  return useListQuery({
    queryKey: keys.list(filters, page, pageSize),
    queryFn: ({ signal }) => api.get<TPage<TInspectionListItem>>('/api/inspections', { query: { ...filters, page, pageSize }, signal }),
    searches,
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => api.get<TInspectionTask>(`/api/inspections/${encodeURIComponent(id)}`, { signal }),
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
  });
}

/** The 主页's 核查 counts (reviewers). */
export function useInspectionTodo(enabled = true) {
  return useQuery({
    queryKey: keys.todo,
    queryFn: ({ signal }) => api.get<TInspectionTodo>('/api/inspections/todo', { signal }),
    staleTime: 0,
    refetchOnMount: 'always',
    enabled,
  });
}

/** Every department's open tasks (admins). */
export function useInspectionBacklog(enabled: boolean) {
  return useQuery({
    queryKey: keys.backlog,
    queryFn: ({ signal }) => api.get<TInspectionBacklog>('/api/inspections/backlog', { signal }),
    staleTime: 0,
    enabled,
  });
}

type Step =
  | { step: 'result'; body: TInspectionResultRequest }
  | { step: 'rectified'; body: TInspectionCloseRequest }
  | { step: 'revoke'; body: TInspectionRevokeRequest };

/** 核查结论 / 整改完成 / 撤销许可: the task after it replaces the cached one; lists and 待办 are asked again. */
export function useInspectionStep(id: string) {
  const qc = useQueryClient();
  return useMutation<TInspectionTask, ApiError, Step>({
    mutationFn: ({ step, body }) => api.post<TInspectionTask>(`/api/inspections/${encodeURIComponent(id)}/${step}`, body),
    onSuccess: (task) => qc.setQueryData(keys.detail(id), task),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

/** 上传照片 */
export function useUploadInspectionPhotos(id: string) {
  const qc = useQueryClient();
  return useMutation<TInspectionTask, ApiError, File[]>({
    mutationFn: (files) => {
      const form = new FormData();
      for (const f of files) form.append('files', f, f.name);
      return api.postForm<TInspectionTask>(`/api/inspections/${encodeURIComponent(id)}/photos`, form);
    },
    onSuccess: (task) => qc.setQueryData(keys.detail(id), task),
  });
}
