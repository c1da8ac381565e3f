/**
 * URLs of 人力资源市场统计 (guide 2). The route table (app/hr/hr-routes.tsx) declares the same
 * patterns; these build concrete links. No runtime imports: the shell chunk uses this file.
 */
export const STATISTICS_ENTRY_PATH = '/hr/annual-reports/entry';
export const STATISTICS_EDIT_PATTERN = '/hr/annual-reports/entry/:applicationId';
export const STATISTICS_QUERY_PATH = '/hr/annual-reports/query';

export function statisticsPath(applicationId: string): string {
  return `${STATISTICS_ENTRY_PATH}/${encodeURIComponent(applicationId)}`;
}

/** The report page opens nothing on arrival (no materials, no video). */
export const parseStatisticsOpen = (): null => null;
