import { readMemory } from '../lib/server';
import { runLoad } from '../lib/load';
import { BUDGETS } from '../lib/budgets';
import type { Session } from '../lib/session';
import type { Scenario } from './types';

/** The 服务年度 the dashboard and export scenarios read: the last full year, as the generator's reports end. */
export const STATISTICS_YEAR = new Date().getUTCFullYear() - 1;
export const STATISTICS_DASHBOARD_PATH = `/api/statistics-analysis?year=${STATISTICS_YEAR}`;
export const STATISTICS_EXPORT_PATH = `/api/statistics-analysis/export?year=${STATISTICS_YEAR}`;
export const STATISTICS_EXPORT = 'statistics-export';

/**
 * 统计分析 for the whole province (demo_reviewer, 省人社厅审批办): one year's approved reports summed
 * with the year before, by city and by 机构类型, and the licensed institutions' missing count. A
 * page a few staff open, so measured at its own connection count (budgets.json), not the run's.
 */
export const statisticsDashboard: Scenario = {
  name: 'statistics-dashboard',
  run: (ctx) => {
    if (!ctx.reviewer) throw new Error('statistics-dashboard needs the reviewer session');
    const connections = BUDGETS.api['statistics-dashboard']?.connections ?? ctx.load.connections;
    return runLoad({
      name: 'statistics-dashboard',
      description: `GET ${STATISTICS_DASHBOARD_PATH} signed in as ${ctx.reviewer.account} (the province), ${connections} connections`,
      baseUrl: ctx.baseUrl,
      requests: [{ path: STATISTICS_DASHBOARD_PATH }],
      headers: { cookie: ctx.reviewer.cookie },
      load: { ...ctx.load, connections },
      measure: ctx.measure,
    });
  },
};

export interface ExportResult {
  path: string;
  status: number;
  bytes: number;
  seconds: number;
  /** until the first byte arrived */
  firstByteMs: number;
  rssBeforeMiB: number;
  rssPeakMiB: number;
  rssGrowthMiB: number;
  samples: number;
  budget: { name: string; limit: number; actual: number; ok: boolean };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * One XLSX export of a year for the province, read as a browser saves it (chunk by chunk) while
 * the server's VmRSS is sampled every 100 ms: the growth says whether the workbook streams.
 */
export async function runStatisticsExport(opts: { baseUrl: string; pid: number; session: Session }): Promise<ExportResult> {
  const before = readMemory(opts.pid)?.rssMiB ?? NaN;
  let peak = before;
  let samples = 0;
  const timer = setInterval(() => {
    const m = readMemory(opts.pid);
    if (!m) return;
    samples++;
    if (m.rssMiB > peak) peak = m.rssMiB;
  }, 100);
  const t0 = performance.now();
  let firstByteMs = 0;
  let bytes = 0;
  let status = 0;
  try {
    const res = await fetch(`${opts.baseUrl}${STATISTICS_EXPORT_PATH}`, { headers: { cookie: opts.session.cookie } });
    status = res.status;
    if (!res.body) throw new Error(`export answered ${res.status} without a body`);
    for await (const chunk of res.body) {
      if (!bytes) firstByteMs = Math.round(performance.now() - t0);
      bytes += (chunk as Uint8Array).byteLength;
    }
  } finally {
    clearInterval(timer);
  }
  peak = Math.max(peak, readMemory(opts.pid)?.rssMiB ?? peak);
  const growth = round1(peak - before);
  const limit = BUDGETS.statisticsExport.maxRssGrowthMiB;
  return {
    path: STATISTICS_EXPORT_PATH,
    status,
    bytes,
    seconds: Math.round((performance.now() - t0) / 10) / 100,
    firstByteMs,
    rssBeforeMiB: before,
    rssPeakMiB: peak,
    rssGrowthMiB: growth,
    samples,
    budget: { name: `server RSS growth during the ${STATISTICS_YEAR} export, MiB`, limit, actual: growth, ok: status === 200 && growth < limit },
  };
}

export function printExportResult(r: ExportResult) {
  console.log(
    `\n${STATISTICS_EXPORT}: GET ${r.path} → ${r.status}, ${round1(r.bytes / 1024 / 1024)} MiB in ${r.seconds} s (first byte ${r.firstByteMs} ms); server RSS ${r.rssBeforeMiB} → ${r.rssPeakMiB} MiB (+${r.rssGrowthMiB}, ${r.samples} samples)`,
  );
}
