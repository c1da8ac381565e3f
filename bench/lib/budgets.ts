import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/budgets.json: every budget in one file (apps/web/scripts/bundle-report.mjs reads its "web") */
export interface Budgets {
  applies: { connections: number; institutions: number; applications: number };
  /** `connections`: the load the budget applies at when not `applies.connections` */
  api: Record<string, { p95Ms?: number; minRatioToBare?: number; connections?: number }>;
  video: { maxRssGrowthMiB: number; minStreamingRatio: number };
  statisticsExport: { maxRssGrowthMiB: number };
}

export const BUDGETS = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'budgets.json'), 'utf8')) as Budgets;
