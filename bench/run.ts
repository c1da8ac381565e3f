/**
 * `npm run bench`: recreate the bench database, let the server migrate and seed it (development
 * mode, once), generate a realistic data set, EXPLAIN the SQL each measured route sends, start the
 * server as `npm start` runs it (bundled, NODE_ENV=production), measure every scenario with
 * autocannon, then the same paths on a bare Fastify + pg server running the same SQL, print each
 * figure next to its budget (bench/budgets.json) and write bench/results/<timestamp>.json.
 *
 *   npm run bench -w @jhrm/bench -- [--quick] [--units N] [--institutions M] [--connections 32]
 *                                   [--duration 10] [--warmup 2] [--port 3900] [--database jhrm_bench]
 *                                   [--admin-url postgres://postgres@127.0.0.1:5432/postgres]
 *                                   [--only health,unit-list] [--strict] [--video] [--video-mib 1024]
 *
 * The full run ends with the video upload scenario (1 GiB by tus, server RSS and throughput against a
 * bare Node server); `--video` runs only that one (no data generation), `--quick` leaves it out.
 *
 * Exits 1 when a scenario saw connection errors, timeouts or non-2xx answers (and, with --strict,
 * when a budget is exceeded). Every loop is bounded and all traffic goes to 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generate, type GenerateResult } from './generate';
import { DEFAULT_LOAD, type LoadOptions, type ScenarioResult } from './lib/load';
import { startCpuMeasure } from './lib/cpu';
import { recreateDatabase, withDatabase } from './lib/database';
import { JIT_OFF } from '../apps/server/src/db/client';
import { captureRouteSql, dataReads, isRead, isSessionLookup, type RouteSql } from './lib/route-sql';
import { startBareServer, startServer, type MemoryFigures, type RunningServer } from './lib/server';
import { login, type Session } from './lib/session';
import { health } from './scenarios/health';
import { PUBLIC_REGISTER_PATH, publicRegister } from './scenarios/public-register';
import { REVIEW_INBOX_PATH, reviewInbox } from './scenarios/review-inbox';
import { signedInPage } from './scenarios/signed-in-page';
import type { Scenario } from './scenarios/types';
import { UNIT_LIST_PATH, unitList, unitListByName } from './scenarios/unit-list';
import { printVideoResult, runVideoUpload, type VideoUploadResult } from './scenarios/video-upload';
import {
  STATISTICS_DASHBOARD_PATH,
  STATISTICS_EXPORT,
  STATISTICS_EXPORT_PATH,
  printExportResult,
  runStatisticsExport,
  statisticsDashboard,
  type ExportResult,
} from './scenarios/statistics';
import { BUDGETS } from './lib/budgets';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const SCENARIOS: readonly Scenario[] = [health, unitList, unitListByName, publicRegister, reviewInbox, signedInPage, statisticsDashboard];
const VIDEO_SCENARIO = 'video-upload';
/** scenarios that are not an autocannon load: run on their own after the loads */
const SOLO_SCENARIOS = [VIDEO_SCENARIO, STATISTICS_EXPORT];

/** The routes whose SQL is captured, EXPLAINed and replayed by the bare server, by scenario. */
const ROUTES = [
  { scenario: 'health', label: 'health', url: '/api/health', account: null },
  { scenario: 'unit-list', label: 'unit 查询 list (demo_legal)', url: UNIT_LIST_PATH, account: 'demo_legal' },
  { scenario: 'public-register', label: '公示查询 keyword search', url: PUBLIC_REGISTER_PATH, account: null },
  { scenario: 'review-inbox', label: 'reviewer 待审核 inbox (demo_reviewer)', url: REVIEW_INBOX_PATH, account: 'demo_reviewer' },
  { scenario: 'statistics-dashboard', label: '统计分析 province (demo_reviewer)', url: STATISTICS_DASHBOARD_PATH, account: 'demo_reviewer' },
  { scenario: STATISTICS_EXPORT, label: '统计分析 export (demo_reviewer)', url: STATISTICS_EXPORT_PATH, account: 'demo_reviewer' },
] as const;



// ---------------------------------------------------------------------------------------------
// arguments

interface RunArgs {
  quick: boolean;
  strict: boolean;
  units: number;
  institutions: number;
  seed: number | undefined;
  load: LoadOptions;
  port: number;
  database: string;
  adminUrl: string;
  only: string[] | null;
  /** only the video upload scenario */
  videoOnly: boolean;
  /** whether the video upload scenario runs */
  video: boolean;
  videoBytes: number;
  /** whether the statistics export scenario runs */
  statisticsExport: boolean;
  /** 服务年度 of annual reports the generator adds */
  annualReportYears: number;
}

function parseRunArgs(): RunArgs {
  const { values } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: 'boolean' },
      strict: { type: 'boolean' },
      units: { type: 'string' },
      institutions: { type: 'string' },
      seed: { type: 'string' },
      connections: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      port: { type: 'string' },
      database: { type: 'string' },
      'admin-url': { type: 'string' },
      only: { type: 'string' },
      video: { type: 'boolean' },
      'video-mib': { type: 'string' },
      'annual-report-years': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(readUsage());
    process.exit(0);
  }
  // `npm run bench -- --quick` from the root reaches us as npm config (npm_config_quick), not argv
  const fromNpm = (name: string) => process.env[`npm_config_${name.replace(/-/g, '_')}`];
  const flag = (name: 'quick' | 'strict' | 'video') => values[name] ?? fromNpm(name) === 'true';
  const num = (name: string, v: string | undefined, fallback: number, min = 0): number => {
    const raw = v ?? (fromNpm(name) && fromNpm(name) !== 'true' ? fromNpm(name) : undefined);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${raw}"`);
    return n;
  };
  const quick = flag('quick');
  const database = values.database ?? 'jhrm_bench';
  // the run drops this database: only ever one whose name says it is a bench database
  if (!/^[a-z_][a-z0-9_]*$/.test(database) || !database.includes('bench')) {
    throw new Error(`--database must be a plain lower-case name containing "bench" (it is dropped and recreated), got "${database}"`);
  }
  const seedRaw = values.seed;
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : null;
  const videoOnly = flag('video');
  const videoMib = num('video-mib', values['video-mib'], 1024, 8);
  if (videoMib % 8 !== 0) throw new Error(`--video-mib must be a multiple of 8 (the chunk size), got ${videoMib}`);
  return {
    quick,
    strict: flag('strict'),
    units: num('units', values.units, quick ? 500 : 20_000),
    institutions: num('institutions', values.institutions, quick ? 2_500 : 100_000),
    seed: seedRaw === undefined ? undefined : num('seed', seedRaw, 0),
    load: {
      connections: num('connections', values.connections, DEFAULT_LOAD.connections, 1),
      durationS: num('duration', values.duration, quick ? 5 : DEFAULT_LOAD.durationS, 1),
      warmupS: num('warmup', values.warmup, quick ? 1 : DEFAULT_LOAD.warmupS),
    },
    port: num('port', values.port, 3900, 1),
    database,
    adminUrl: values['admin-url'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    only: only?.filter((n) => !SOLO_SCENARIOS.includes(n)) ?? null,
    videoOnly,
    video: videoOnly || (only ? only.includes(VIDEO_SCENARIO) : !quick),
    videoBytes: videoMib * 1024 * 1024,
    statisticsExport: !videoOnly && (only ? only.includes(STATISTICS_EXPORT) : true),
    annualReportYears: num('annual-report-years', values['annual-report-years'], 3),
  };
}

function readUsage(): string {
  return [
    'npm run bench -w @jhrm/bench -- [options]',
    '  --quick                 500 units / 2 500 institutions, 5 s runs',
    '  --units N               units to generate (default 20000)',
    '  --institutions M        institutions to generate (default 100000)',
    '  --connections C         autocannon connections (default 32)',
    '  --duration S            measured seconds per scenario (default 10)',
    '  --warmup S              unrecorded warm-up seconds per scenario (default 2)',
    '  --port P                server port (default 3900)',
    '  --database NAME         bench database, dropped and recreated (default jhrm_bench)',
    '  --admin-url URL         maintenance connection (default postgres://postgres@127.0.0.1:5432/postgres)',
    `  --only a,b              scenarios to run (${[...SCENARIOS.map((s) => s.name), ...SOLO_SCENARIOS].join(', ')})`,
    '  --annual-report-years N 服务年度 of annual reports per institution (default 3: 300 000 at 100 000 institutions)',
    '  --video                 only the video upload scenario (no data generation); the full run includes it, --quick does not',
    '  --video-mib N           size of the uploaded video, MiB, a multiple of 8 (default 1024)',
    '  --seed N                generator seed',
    '  --strict                also exit 1 when a budget is exceeded',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// database

interface PlanSummary {
  label: string;
  rows: number;
  usesIndex: boolean;
  /** sequential scans in the plan, by table */
  seqScans: string[];
  topNode: string;
  planningMs: number | null;
  executionMs: number | null;
  plan: string[];
  /** the statement as the route sent it */
  sql?: string;
  params?: unknown[];
}

/** the 查询 list as the server ran it before routes' SQL was captured; kept for the name-filter variants below */
const LIST_SQL =
  "SELECT i.id, i.name, i.short_name, i.uscc, i.licensed, i.review_status, i.cancel_status, i.kind, a.id, a.status, a.accepted_at, l.id, count(*) OVER (), " +
  "(SELECT array_agg(DISTINCT m.name ORDER BY m.name) FROM institutions m WHERE m.unit_id = $1 AND m.uscc = '91220101MA17BRUN15' AND m.name <> '吉林省博润人力资源有限公司' AND m.review_status = '审核通过' AND m.cancel_status = '正常') " +
  "FROM institutions i LEFT JOIN applications a ON a.institution_id = i.id AND a.type = '设立' LEFT JOIN licences l ON l.institution_id = i.id AND l.status = '有效' " +
  "WHERE i.unit_id = $1 ORDER BY i.created_at DESC, i.id DESC LIMIT 15";
/** the same with a 机构名称 substring filter */
const NAME_SQL = LIST_SQL.replace("WHERE i.unit_id = $1 ", "WHERE i.unit_id = $1 AND i.name ILIKE '%人力资源%' ");
/** and across all units (a reviewer's or the public register's search), where the trigram index matters */
const NAME_ALL_SQL = "SELECT id, name FROM institutions WHERE name ILIKE '%博润人力%' AND $1::uuid IS NOT NULL LIMIT 15";

async function explain(client: pg.Client, label: string, sql: string, params: unknown[], rows: number): Promise<PlanSummary> {
  const res = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const plan = res.rows.map((r) => r['QUERY PLAN']);
  const ms = (name: string) => {
    const m = new RegExp(`${name} Time: ([\\d.]+) ms`).exec(plan.join('\n'));
    return m ? Number(m[1]) : null;
  };
  return {
    label,
    rows,
    usesIndex: plan.some((l) => /Index (Only )?Scan|Bitmap Index Scan/.test(l)),
    seqScans: [...new Set(plan.flatMap((l) => /Seq Scan on (\w+)/.exec(l)?.[1] ?? []))],
    topNode: (plan[0] ?? '').replace(/\s+\(cost=.*$/, '').trim(),
    planningMs: ms('Planning'),
    executionMs: ms('Execution'),
    plan,
  };
}

// ---------------------------------------------------------------------------------------------
// output

function machineInfo(pgVersion: string) {
  const cpus = os.cpus();
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: BENCH_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    commit = null;
  }
  return {
    hostname: os.hostname(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    engine: 'postgres',
    postgres: pgVersion,
    commit,
  };
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

function printTable(results: ScenarioResult[]) {
  const head = `${'scenario'.padEnd(16)}${pad('conn', 5)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('errors', 8)}${pad('non2xx', 8)}`;
  console.log(`\n${head}\n${'-'.repeat(head.length)}`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(16)}${pad(r.connections, 5)}${pad(r.requestsPerSec, 9)}${pad(r.latencyMs.p50, 9)}${pad(r.latencyMs.p95, 9)}${pad(r.latencyMs.p99, 9)}${pad(r.latencyMs.max, 9)}${pad(r.errors, 8)}${pad(r.non2xx, 8)}`,
    );
    for (const p of r.perRequest) {
      console.log(`  ${p.request.slice(0, 44).padEnd(44)}${pad(p.requests, 8)} req  p50 ${p.p50}  p95 ${p.p95}  p99 ${p.p99}`);
    }
    const x = r.extra;
    const cpu = [
      ['server', x.serverCpuPercent],
      ['postgres', x.postgresCpuPercent],
      ['load generator', x.loadGeneratorCpuPercent],
    ].filter(([, v]) => v !== undefined);
    if (cpu.length) console.log(`  CPU (% of one core): ${cpu.map(([k, v]) => `${k} ${v}`).join(', ')}; machine busy ${x.machineCpuBusyPercent ?? '?'} % of ${os.cpus().length} cores`);
    if (x.pageLoadsPerSec !== undefined) console.log(`  page loads/s: ${x.pageLoadsPerSec}`);
    for (const n of r.notes) console.log(`  note: ${n}`);
  }
}

function fmtMem(m: MemoryFigures | null) {
  return m ? `${m.rssMiB} MiB (peak ${m.peakRssMiB} MiB)` : 'n/a';
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const args = parseRunArgs();
  const startedAt = new Date();
  const databaseUrl = withDatabase(args.adminUrl, args.database);
  const scenarios = args.videoOnly ? [] : args.only ? SCENARIOS.filter((s) => args.only!.includes(s.name)) : SCENARIOS;
  if (!args.videoOnly && args.only && scenarios.length !== args.only.length) {
    throw new Error(`unknown scenario in --only; known: ${[...SCENARIOS.map((s) => s.name), ...SOLO_SCENARIOS].join(', ')}`);
  }

  console.log(`jhrm bench${args.quick ? ' (quick)' : ''}: ${args.units} units / ${args.institutions} institutions, ${args.load.connections} connections × ${args.load.durationS} s (+${args.load.warmupS} s warm-up)`);

  let server: RunningServer | null = null;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping the server`);
    void (server ? server.stop() : Promise.resolve()).finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  // 1. fresh database; a development start from source applies the migrations and seeds the demo
  //    data (production never seeds it); its DATA_DIR keeps the keys the production start reuses
  await recreateDatabase(args.adminUrl, args.database);
  console.log(`\n[1/5] database ${args.database} recreated; seeding it (development start: migrations, demo data)`);
  const seedDir = mkdtempSync(path.join(os.tmpdir(), 'jhrm-bench-seed-'));
  server = await startServer({ databaseUrl, port: args.port, mode: 'seed', dataDir: seedDir });
  const firstStartMs = server.startMs;
  await server.stop();
  server = null;

  // 2. data
  let gen: GenerateResult | null = null;
  if (args.videoOnly) {
    console.log('\n[2/5] no data generation (--video)');
  } else {
    console.log(`\n[2/5] generating (seed ${args.seed ?? 'default'})`);
    gen = await generate({ databaseUrl, units: args.units, institutions: args.institutions, seed: args.seed, annualReportYears: args.annualReportYears });
    if (gen.largestUnit) console.log(`  largest unit: ${gen.largestUnit.name} with ${gen.largestUnit.institutions} institutions`);
  }

  // 3. the SQL each measured route sends (captured from the app itself), EXPLAINed
  console.log(args.videoOnly ? '\n[3/5] no EXPLAIN (--video)' : '\n[3/5] EXPLAIN (ANALYZE, BUFFERS) of the SQL each measured route sends');
  // the server's connection options (JIT off), so the plans are the ones its connections get
  const client = new pg.Client({ connectionString: databaseUrl, options: JIT_OFF });
  await client.connect();
  const plans: PlanSummary[] = [];
  let routeSql: RouteSql[] = [];
  let pgVersion = 'unknown';
  let counts = { units: 0, institutions: 0, applications: 0 };
  try {
    pgVersion = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? pgVersion;
    const c = await client.query<{ units: string; institutions: string; applications: string }>(
      'SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM institutions) AS institutions, (SELECT count(*) FROM applications) AS applications',
    );
    counts = { units: Number(c.rows[0]?.units ?? 0), institutions: Number(c.rows[0]?.institutions ?? 0), applications: Number(c.rows[0]?.applications ?? 0) };
    if (!args.videoOnly) {
      routeSql = await captureRouteSql({ databaseUrl, dataDir: seedDir, routes: ROUTES.map((r) => ({ label: r.label, url: r.url, account: r.account })) });
      for (const route of routeSql) {
        if (route.status !== 200) throw new Error(`capturing ${route.url} answered ${route.status}`);
        // a statement sent again with other values (the export's batches) is explained once
        const explained = new Set<string>();
        for (const [i, st] of route.statements.entries()) {
          if (!isRead(st) || explained.has(st.text)) continue;
          explained.add(st.text);
          const label = `${route.label} #${i + 1}${isSessionLookup(st) ? ' (session)' : ''}`;
          plans.push({ ...(await explain(client, label, st.text, st.params, counts.institutions)), sql: st.text, params: st.params });
        }
      }
      // the unit list's name filter, across one unit and across all units (not a measured route)
      const demo = gen?.demoUnit;
      if (demo) {
        plans.push(await explain(client, 'name substring, demo unit', NAME_SQL, [demo.id], demo.institutions));
        plans.push(await explain(client, 'name substring, all units', NAME_ALL_SQL, [demo.id], counts.institutions));
      }
    }
  } finally {
    await client.end();
  }
  for (const p of plans) {
    const seq = p.seqScans.length ? `Seq Scan on ${p.seqScans.join(', ')}` : 'no Seq Scan';
    console.log(`  ${p.label.padEnd(48)} ${p.usesIndex ? 'uses an index' : 'USES NO INDEX'}; ${seq}; ${p.topNode}; execution ${p.executionMs ?? '?'} ms`);
  }
  for (const p of plans.filter((x) => !x.label.includes('(session)') && !x.label.startsWith('health'))) {
    console.log(`\n  EXPLAIN, ${p.label}:`);
    for (const line of p.plan) console.log(`    ${line}`);
  }

  // 4. the server as `npm start` runs it, on the populated database, then the load
  console.log(`\n[4/5] starting the server as npm start runs it (bundled, NODE_ENV=production) on ${counts.units} units / ${counts.institutions} institutions / ${counts.applications} applications (port ${args.port})`);
  const results: ScenarioResult[] = [];
  const bare: ScenarioResult[] = [];
  const memory: Record<string, MemoryFigures | null> = {};
  let video: VideoUploadResult | null = null;
  let videoError: string | null = null;
  let statisticsExport: ExportResult | null = null;
  let statisticsExportError: string | null = null;
  let loadBefore: number[] = [];
  let serverInfo: { firstStartMs: number; startMs: number; pid: number; webDist: string | null } | null = null;
  try {
    // 127.0.0.1 is trusted for X-Forwarded-For: the public register scenario's many visitors
    server = await startServer({ databaseUrl, port: args.port, mode: 'production', dataDir: seedDir, trustProxy: '127.0.0.1' });
    serverInfo = { firstStartMs, startMs: server.startMs, pid: server.pid, webDist: server.webDist ?? null };
    memory.idle = server.memory();
    console.log(`  ready in ${server.startMs} ms (first start with migrations: ${firstStartMs} ms), RSS ${fmtMem(memory.idle)}`);
    const session = await login(server.baseUrl, 'demo_legal');
    const reviewer: Session = await login(server.baseUrl, 'demo_reviewer');
    console.log(`  signed in as ${session.account} (${session.user.unit?.name ?? 'no unit'}) and ${reviewer.account}`);

    loadBefore = os.loadavg().map((n) => Math.round(n * 100) / 100);
    const busy = (loadBefore[0] ?? 0) > os.cpus().length * 0.5;
    console.log(`\n[5/5] scenarios (load average ${loadBefore.join(' ')}${busy ? ': other processes are using the CPUs, figures will be noisy' : ''})`);
    // the bare reference runs beside the app, idle while the app is measured and the other way round:
    // each scenario measures the app and then, right after, the bare server (interleaved, so that the
    // machine's other load moves both alike)
    const spec: Record<string, { text: string; params: unknown[] }[]> = {};
    for (const r of ROUTES) {
      const captured = routeSql.find((x) => x.url === r.url);
      if (captured) spec[r.url.split('?')[0]!] = dataReads(captured.statements);
    }
    const specFile = path.join(seedDir, 'bare-spec.json');
    writeFileSync(specFile, JSON.stringify(spec));
    const ref = Object.keys(spec).length ? await startBareServer({ databaseUrl, port: args.port + 2, specFile }) : null;
    try {
      for (const scenario of scenarios) {
        if (stopping) break;
        process.stdout.write(`  ${scenario.name} … `);
        const pid = server.pid;
        const r = await scenario.run({ baseUrl: server.baseUrl, session, reviewer, load: args.load, measure: () => startCpuMeasure(pid) });
        memory[scenario.name] = server.memory();
        results.push(r);
        let line = `${r.requestsPerSec} req/s, p95 ${r.latencyMs.p95} ms, RSS ${fmtMem(memory[scenario.name] ?? null)}`;
        if (ref && ROUTES.some((x) => x.scenario === scenario.name) && !stopping) {
          // same paths, same statements the route sent (session lookup aside)
          const b = await scenario.run({ baseUrl: ref.baseUrl, session, reviewer, load: args.load, measure: () => startCpuMeasure(ref.pid) });
          bare.push(b);
          line += `; bare ${b.requestsPerSec} req/s, p95 ${b.latencyMs.p95} ms`;
        }
        console.log(line);
      }
    } finally {
      await ref?.stop();
    }
    if (args.statisticsExport && !stopping) {
      process.stdout.write(`  ${STATISTICS_EXPORT} … `);
      try {
        statisticsExport = await runStatisticsExport({ baseUrl: server.baseUrl, pid: server.pid, session: reviewer });
        memory[STATISTICS_EXPORT] = server.memory();
        console.log(`${statisticsExport.status}, ${Math.round(statisticsExport.bytes / 1024)} KiB in ${statisticsExport.seconds} s, RSS +${statisticsExport.rssGrowthMiB} MiB`);
      } catch (err) {
        statisticsExportError = err instanceof Error ? err.message : String(err);
        console.log(`FAILED: ${statisticsExportError}`);
      }
    }
    if (args.video && !stopping) {
      process.stdout.write(`  ${VIDEO_SCENARIO} (${args.videoBytes / 1024 ** 2} MiB) … `);
      try {
        // uploads are the agents' (经办人)
        const agent = await login(server.baseUrl, 'demo_agent');
        video = await runVideoUpload({ baseUrl: server.baseUrl, pid: server.pid, session: agent, databaseUrl, bytes: args.videoBytes, referencePort: args.port + 1 });
        memory[VIDEO_SCENARIO] = server.memory();
        console.log(`${video.app.mibPerSec} MiB/s, RSS +${video.app.rssGrowthMiB} MiB`);
      } catch (err) {
        videoError = err instanceof Error ? err.message : String(err);
        console.log(`FAILED: ${videoError}`);
      }
    }
    await server.stop();
    server = null;
  } finally {
    if (server) await server.stop();
    server = null;
    rmSync(seedDir, { recursive: true, force: true });
  }

  if (results.length) printTable(results);
  if (video) printVideoResult(video);
  if (statisticsExport) printExportResult(statisticsExport);

  // budgets (bench/budgets.json), each next to its figure
  const budgets = [];
  const largeEnough = counts.institutions >= BUDGETS.applies.institutions;
  console.log(`\nbudgets (bench/budgets.json; they apply at ${BUDGETS.applies.connections} connections and ≥ ${BUDGETS.applies.institutions} institutions / ${BUDGETS.applies.applications} applications):`);
  for (const r of results) {
    const b = BUDGETS.api[r.name];
    const ref = bare.find((x) => x.name === r.name);
    const ratio = ref && ref.requestsPerSec > 0 ? Math.round((r.requestsPerSec / ref.requestsPerSec) * 100) / 100 : null;
    // a budget that names its own connection count applies at that load (统计分析: 8)
    const applicable =
      largeEnough && r.connections === (b?.connections ?? BUDGETS.applies.connections) && (r.name !== 'review-inbox' || counts.applications >= BUDGETS.applies.applications);
    const parts = [`${r.requestsPerSec} req/s`, `p95 ${r.latencyMs.p95} ms`];
    if (b?.p95Ms !== undefined) {
      // no answer at all is no latency figure: never within budget
      const ok = r.requests > 0 && r.latencyMs.p95 <= b.p95Ms;
      budgets.push({ name: `${r.name} p95`, limitMs: b.p95Ms, actualMs: r.latencyMs.p95, applicable, ok });
      parts[1] += ` (budget ≤ ${b.p95Ms} ms: ${!applicable ? 'n/a at this size' : ok ? 'ok' : 'OVER BUDGET'})`;
    }
    if (ref) parts.push(`bare ${ref.requestsPerSec} req/s → ${ratio}× bare`);
    if (b?.minRatioToBare !== undefined && ratio !== null) {
      const ok = ratio >= b.minRatioToBare;
      budgets.push({ name: `${r.name} req/s over bare`, limit: b.minRatioToBare, actual: ratio, applicable, ok });
      parts[parts.length - 1] += ` (budget ≥ ${b.minRatioToBare}×: ${!applicable ? 'n/a at this size' : ok ? 'ok' : 'OVER BUDGET'})`;
    }
    console.log(`  ${r.name.padEnd(16)} ${parts.join('; ')}`);
  }
  const failures = [...results, ...bare].filter((r) => r.errors > 0 || r.non2xx > 0);
  const overBudget = [
    ...budgets.filter((b) => b.applicable && !b.ok),
    ...(video?.budgets.filter((b) => !b.ok) ?? []),
    ...(statisticsExport && !statisticsExport.budget.ok ? [statisticsExport.budget] : []),
  ];
  if (statisticsExport) {
    const b = statisticsExport.budget;
    console.log(`budget: ${b.name}: ${b.actual} < ${b.limit} — ${b.ok ? 'within budget' : 'OVER BUDGET'}`);
  }
  if (statisticsExportError) console.log(`FAILED: ${STATISTICS_EXPORT}: ${statisticsExportError}`);
  for (const b of video?.budgets ?? []) {
    console.log(`budget: ${b.name}: ${b.actual} ${b.name.includes('RSS') ? '<' : '≥'} ${b.limit} — ${b.ok ? 'within budget' : 'OVER BUDGET'}`);
  }
  if (videoError) console.log(`FAILED: ${VIDEO_SCENARIO}: ${videoError}`);
  for (const f of failures) console.log(`FAILED: ${f.name}: ${f.errors} errors (${f.timeouts} timeouts), ${f.non2xx} non-2xx ${JSON.stringify(f.statusCodes)}`);

  // results file
  const finishedAt = new Date();
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    args: { ...args, adminUrl: args.adminUrl.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:…@') },
    machine: { ...machineInfo(pgVersion), loadAverageBeforeScenarios: loadBefore },
    database: { name: args.database, ...counts },
    generator: gen,
    explain: plans,
    server: serverInfo,
    memory,
    scenarios: results,
    bare,
    routeSql,
    video: video ?? (videoError ? { error: videoError } : null),
    statisticsExport: statisticsExport ?? (statisticsExportError ? { error: statisticsExportError } : null),
    budgets,
    ok: failures.length === 0 && !videoError && !statisticsExportError && (statisticsExport === null || statisticsExport.status === 200) && (!args.strict || overBudget.length === 0),
  };
  const dir = path.join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nresults: ${path.relative(process.cwd(), file) || file}`);
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
