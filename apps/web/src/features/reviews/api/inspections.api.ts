import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TInspectionBacklog,
  TInspectionCloseRequest,
  TInspectionListItem,
  TInspectionResultRequest,
  TInspectionRevokeRequest,
  TInspectionStatus,
  TInspectionTask,
  TInspectionKind,
  TInspectionTodo,
  TPage,
  TSpotCheckFilter,
  TSpotCheckPlan,
  TSpotCheckPlanListItem,
  TSpotCheckPlanRequest,
  TSpotCheckPreview,
  TSpotCheckReplay,
  TSpotCheckScope,
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
  kind?: TInspectionKind;
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

const planKeys = {
  all: ['spot-checks'] as const,
  list: (filters: SpotCheckFilters, page: number, pageSize: number) => ['spot-checks', 'list', { ...filters, page, pageSize }] as const,
  detail: (id: string) => ['spot-checks', 'detail', id] as const,
};

export interface SpotCheckFilters {
  name?: string;
}

/** 双随机抽查计划 (administrators, decision 0049). */
export function useSpotCheckPlans(filters: SpotCheckFilters, { page, pageSize }: Paging, searches: number) {
  return useListQuery({
    queryKey: planKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) => api.get<TPage<TSpotCheckPlanListItem>>('/api/spot-checks', { query: { ...filters, page, pageSize }, signal }),
    searches,
  });
}

export function useSpotCheckPlan(id: string) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => api.get<TSpotCheckPlan>(`/api/spot-checks/${encodeURIComponent(id)}`, { signal }),
    refetchOnMount: 'always',
  });
}

/** Whether the caller may plan, and over which 审批部门 (administrator: all; a city's reviewer: its city and counties). */
export function useSpotCheckScope() {
  return useQuery({
    queryKey: ['spot-checks', 'scope'] as const,
    queryFn: ({ signal }) => api.get<TSpotCheckScope>('/api/spot-checks/scope', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** How many institutions the range selects and the ratio draws, before drawing. */
export function useSpotCheckPreview() {
  return useMutation<TSpotCheckPreview, ApiError, TSpotCheckFilter & { ratio: number }>({
    mutationFn: (body) => api.post<TSpotCheckPreview>('/api/spot-checks/preview', body),
  });
}

/** 抽取: creates the plan and draws it at once. */
export function useCreateSpotCheckPlan() {
  const qc = useQueryClient();
  return useMutation<TSpotCheckPlan, ApiError, TSpotCheckPlanRequest>({
    mutationFn: (body) => api.post<TSpotCheckPlan>('/api/spot-checks', body),
    onSuccess: (plan) => qc.setQueryData(planKeys.detail(plan.id), plan),
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: planKeys.all }), qc.invalidateQueries({ queryKey: keys.all })]),
  });
}

/** 复核抽取: the draw replayed from the plan's seed and pool. */
export function useSpotCheckReplay(id: string) {
  return useMutation<TSpotCheckReplay, ApiError, void>({
    mutationFn: () => api.get<TSpotCheckReplay>(`/api/spot-checks/${encodeURIComponent(id)}/replay`),
  });
}
