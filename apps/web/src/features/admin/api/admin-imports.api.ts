import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TImportBatch, TImportReport, TImportResult, TPage } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';

export const IMPORT_TEMPLATE_URLS = {
  xlsx: '/api/admin/imports/template.xlsx',
  csv: '/api/admin/imports/template.csv',
} as const;

export const importKeys = {
  all: ['admin-imports'] as const,
  batches: (page: number, pageSize: number) => ['admin-imports', 'batches', { page, pageSize }] as const,
};

const form = (file: File) => {
  const data = new FormData();
  data.append('file', file, file.name);
  return data;
};

/** 校验: the row-by-row report of a file; the server writes nothing. */
export function useImportDryRun() {
  return useMutation<TImportReport, ApiError, File>({
    mutationFn: (file) => api.postForm<TImportReport>('/api/admin/imports/dry-run', form(file)),
  });
}

/**
 * 导入: all rows or none. A refusal carries the fresh report in `details.report`
 * (the database may have changed since the 校验).
 */
export function useImportRun() {
  const queryClient = useQueryClient();
  return useMutation<TImportResult, ApiError, File>({
    mutationFn: (file) => api.postForm<TImportResult>('/api/admin/imports', form(file)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: importKeys.all }),
  });
}

/** 导入记录, newest first. */
export function useImportBatches(page: number, pageSize: number) {
  return useQuery({
    queryKey: importKeys.batches(page, pageSize),
    queryFn: ({ signal }) => api.get<TPage<TImportBatch>>('/api/admin/imports', { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The report inside a refused 导入, when the server sent one. */
export function reportOf(error: ApiError | null): TImportReport | null {
  const report = error?.details.report;
  return report && typeof report === 'object' && Array.isArray((report as TImportReport).rows) ? (report as TImportReport) : null;
}
