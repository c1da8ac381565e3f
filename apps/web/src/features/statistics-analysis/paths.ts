/** 统计分析: under 人力资源市场统计, for reviewers and admins. */
export const STATISTICS_ANALYSIS_PATH = '/hr/annual-reports/analysis';
