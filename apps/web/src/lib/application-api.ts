import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApplicationDetail, TRecordDraft, TSubmitRequest } from '@jhrm/contracts';
import { api, type ApiError } from './api-client';

/**
 * The kind-agnostic calls on one application (/api/applications/:id and its /record, /content,
 * /submit, /withdraw, /clear) and the 审批部门 list. Every submission kind's draft lifecycle
 * (features/applications) uses them, and so do the lists and views that show an application
 * (features/institutions); a kind's own create call and documents stay with its feature.
 */
export const applicationKeys = {
  all: ['applications'] as const,
  detail: (id: string) => ['applications', 'detail', id] as const,
};

/** The unit's lists that show an application's state (人力资源服务机构查询, 主页): refreshed after every write. */
export const INSTITUTION_LISTS_KEY = ['institutions'] as const;
/** The unit's 人力资源市场统计 lists (业务基本情况查询, the institutions' reported years): refreshed likewise. */
export const STATISTICS_LISTS_KEY = ['statistics'] as const;

export interface Department {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
}

/**
 * 审批部门 (省人社厅审批办, then the cities and counties): the ones in use, to submit to; with
 * `includeInactive`, also those since deactivated, to name the department of an older record.
 */
export function useDepartments({ includeInactive = false } = {}) {
  return useQuery({
    queryKey: ['departments', includeInactive],
    queryFn: ({ signal }) => api.get<Department[]>(`/api/departments${includeInactive ? '?includeInactive=true' : ''}`, { signal }),
    staleTime: 60 * 60_000,
  });
}

/** 审批部门 as the options of a Select (value: the department's code). */
export function departmentOptions(departments: readonly Department[] | undefined) {
  return (departments ?? []).map((d) => ({ label: d.name, value: d.code }));
}

const path = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

/** The path of an application's own sub-resource, e.g. a kind's document template. */
export function applicationPath(id: string, rest = ''): string {
  return `${path(id)}${rest}`;
}

/**
 * One application: fetched afresh whenever a page opens it, then left alone (the form is loaded
 * once and saved explicitly; a refetch must never overwrite what is being typed).
 */
export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: applicationKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<TApplicationDetail>(path(id!), { signal }),
    enabled: !!id,
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    staleTime: Infinity,
  });
}

/** GET without the cache (e.g. 撤回 from the list needs the current version). */
export function fetchApplication(id: string) {
  return api.get<TApplicationDetail>(path(id));
}

/** After any write: the answer is the new detail; the lists (查询, 主页) may have changed. */
export function useOnApplicationWritten() {
  const queryClient = useQueryClient();
  return (detail: TApplicationDetail) => {
    queryClient.setQueryData(applicationKeys.detail(detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: INSTITUTION_LISTS_KEY });
    void queryClient.invalidateQueries({ queryKey: STATISTICS_LISTS_KEY });
  };
}

/** 保存 of a record kind's draft (设立): its sections replace the stored ones. */
export function saveRecord(id: string, version: number, draft: TRecordDraft): Promise<TApplicationDetail> {
  return api.put<TApplicationDetail>(`${path(id)}/record`, { version, ...draft });
}

/** 保存 of any kind's own content (the generic route; its adapter checks it). */
export function saveContent(id: string, version: number, content: unknown): Promise<TApplicationDetail> {
  return api.put<TApplicationDetail>(`${path(id)}/content`, { version, content });
}

/** The first 保存 of a new application of any kind (the generic route). */
export function createApplication(type: string, content: unknown): Promise<TApplicationDetail> {
  return api.post<TApplicationDetail>('/api/applications', { type, content });
}

export function useSubmitApplication() {
  const onWritten = useOnApplicationWritten();
  return useMutation<TApplicationDetail, ApiError, { id: string } & TSubmitRequest>({
    mutationFn: ({ id, ...body }) => api.post<TApplicationDetail>(`${path(id)}/submit`, body),
    onSuccess: onWritten,
  });
}

export function useClearApplication() {
  const onWritten = useOnApplicationWritten();
  return useMutation<TApplicationDetail, ApiError, { id: string; version: number }>({
    mutationFn: ({ id, version }) => api.post<TApplicationDetail>(`${path(id)}/clear`, { version }),
    onSuccess: onWritten,
  });
}

/**
 * 撤回. Without a known version (the 查询 list has none) the application is read first, so the
 * request carries the version the server has now.
 */
export function useWithdrawApplication() {
  const onWritten = useOnApplicationWritten();
  const queryClient = useQueryClient();
  return useMutation<TApplicationDetail, ApiError, { id: string; version?: number }>({
    mutationFn: async ({ id, version }) => {
      const v = version ?? (await fetchApplication(id)).version;
      return api.post<TApplicationDetail>(`${path(id)}/withdraw`, { version: v });
    },
    onSuccess: onWritten,
    onError: () => void queryClient.invalidateQueries({ queryKey: INSTITUTION_LISTS_KEY }),
  });
}

/** A fresh key per 提交 dialog, so a retried or double-clicked 提交 lands once. */
export function newRequestKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  // randomUUID needs a secure context; plain http on a LAN address has only getRandomValues.
  const bytes = c.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
