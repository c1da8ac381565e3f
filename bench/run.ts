/**
 * `npm run bench`: recreate the bench database, let the server migrate and seed it, generate a
 * realistic data set, restart the server on it, measure every scenario with autocannon, EXPLAIN the
 * unit list query, print a table and write bench/results/<timestamp>.json.
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
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generate, type GenerateResult } from './generate';
import { DEFAULT_LOAD, type LoadOptions, type ScenarioResult } from './lib/load';
import { startCpuMeasure } from './lib/cpu';
import { startServer, type MemoryFigures, type RunningServer } from './lib/server';
import { login } from './lib/session';
import { health } from './scenarios/health';
import { signedInPage } from './scenarios/signed-in-page';
import type { Scenario } from './scenarios/types';
import { unitList, unitListByName } from './scenarios/unit-list';
import { printVideoResult, runVideoUpload, type VideoUploadResult } from './scenarios/video-upload';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const SCENARIOS: readonly Scenario[] = [health, unitList, unitListByName, signedInPage];
const VIDEO_SCENARIO = 'video-upload';

/** ARCHITECTURE.md "Budgets" checked here */
const UNIT_LIST_P95_BUDGET_MS = 25;
const BUDGET_CONNECTIONS = 32;

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
    only: only?.filter((n) => n !== VIDEO_SCENARIO) ?? null,
    videoOnly,
    video: videoOnly || (only ? only.includes(VIDEO_SCENARIO) : !quick),
    videoBytes: videoMib * 1024 * 1024,
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
    `  --only a,b              scenarios to run (${[...SCENARIOS.map((s) => s.name), VIDEO_SCENARIO].join(', ')})`,
    '  --video                 only the video upload scenario (no data generation); the full run includes it, --quick does not',
    '  --video-mib N           size of the uploaded video, MiB, a multiple of 8 (default 1024)',
    '  --seed N                generator seed',
    '  --strict                also exit 1 when a budget is exceeded',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// database

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function recreateDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

interface PlanSummary {
  label: string;
  unitId: string;
  rows: number;
  usesIndex: boolean;
  topNode: string;
  planningMs: number | null;
  executionMs: number | null;
  plan: string[];
}

/** the 查询 list as the server runs it (apps/server/src/modules/unit-institutions/unit-institutions.repository.ts) */
const LIST_SQL =
  "SELECT i.id, i.name, i.short_name, i.uscc, i.licensed, i.review_status, i.cancel_status, i.kind, a.id, a.status, a.accepted_at, l.id, count(*) OVER (), " +
  "(SELECT array_agg(DISTINCT m.name ORDER BY m.name) FROM institutions m WHERE m.unit_id = $1 AND m.uscc = '91220101MA17BRUN15' AND m.name <> '吉林省博润人力资源有限公司' AND m.review_status = '审核通过' AND m.cancel_status = '正常') " +
  "FROM institutions i LEFT JOIN applications a ON a.institution_id = i.id AND a.type = '设立' LEFT JOIN licences l ON l.institution_id = i.id AND l.status = '有效' " +
  "WHERE i.unit_id = $1 ORDER BY i.created_at DESC, i.id DESC LIMIT 15";
/** the same with a 机构名称 substring filter */
const NAME_SQL = LIST_SQL.replace("WHERE i.unit_id = $1 ", "WHERE i.unit_id = $1 AND i.name ILIKE '%人力资源%' ");
/** and across all units (a reviewer's or the public register's search), where the trigram index matters */
const NAME_ALL_SQL = "SELECT id, name FROM institutions WHERE name ILIKE '%博润人力%' AND $1::uuid IS NOT NULL LIMIT 15";

async function explain(client: pg.Client, label: string, sql: string, unitId: string, rows: number): Promise<PlanSummary> {
  const res = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [unitId]);
  const plan = res.rows.map((r) => r['QUERY PLAN']);
  const ms = (name: string) => {
    const m = new RegExp(`${name} Time: ([\\d.]+) ms`).exec(plan.join('\n'));
    return m ? Number(m[1]) : null;
  };
  return {
    label,
    unitId,
    rows,
    usesIndex: plan.some((l) => l.includes('institutions_unit_created_idx') || l.includes('institutions_name_trgm_idx')),
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
    throw new Error(`unknown scenario in --only; known: ${[...SCENARIOS.map((s) => s.name), VIDEO_SCENARIO].join(', ')}`);
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

  // 1. fresh database; the server's first start applies the migrations and seeds the demo unit
  await recreateDatabase(args.adminUrl, args.database);
  console.log(`\n[1/5] database ${args.database} recreated; starting the server to migrate and seed it`);
  server = await startServer({ databaseUrl, port: args.port });
  const firstStartMs = server.startMs;
  await server.stop();
  server = null;

  // 2. data
  let gen: GenerateResult | null = null;
  if (args.videoOnly) {
    console.log('\n[2/5] no data generation (--video)');
  } else {
    console.log(`\n[2/5] generating (seed ${args.seed ?? 'default'})`);
    gen = await generate({ databaseUrl, units: args.units, institutions: args.institutions, seed: args.seed });
    if (gen.largestUnit) console.log(`  largest unit: ${gen.largestUnit.name} with ${gen.largestUnit.institutions} institutions`);
  }

  // 3. EXPLAIN the unit list
  console.log(args.videoOnly ? '\n[3/5] no EXPLAIN (--video)' : '\n[3/5] EXPLAIN (ANALYZE, BUFFERS) of the unit list query');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const plans: PlanSummary[] = [];
  let pgVersion = 'unknown';
  let counts = { units: 0, institutions: 0 };
  try {
    pgVersion = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? pgVersion;
    const c = await client.query<{ units: string; institutions: string }>('SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM institutions) AS institutions');
    counts = { units: Number(c.rows[0]?.units ?? 0), institutions: Number(c.rows[0]?.institutions ?? 0) };
    const targets = [
      ...(gen?.demoUnit ? [{ label: 'demo unit', id: gen.demoUnit.id, rows: gen.demoUnit.institutions }] : []),
      ...(gen?.largestUnit ? [{ label: 'largest unit', id: gen.largestUnit.id, rows: gen.largestUnit.institutions }] : []),
    ];
    for (const t of targets) {
      plans.push(await explain(client, `list, ${t.label}`, LIST_SQL, t.id, t.rows));
      plans.push(await explain(client, `name substring, ${t.label}`, NAME_SQL, t.id, t.rows));
    }
    if (targets[0]) plans.push(await explain(client, 'name substring, all units', NAME_ALL_SQL, targets[0].id, counts.institutions));
  } finally {
    await client.end();
  }
  if (!args.videoOnly) console.log(`  ${LIST_SQL}`);
  const demoPlan = plans[0];
  if (demoPlan) for (const line of demoPlan.plan) console.log(`    ${line}`);
  for (const p of plans) {
    console.log(
      `  ${p.label.padEnd(28)} (${pad(p.rows, 6)} rows) ${p.usesIndex ? 'uses an index' : 'USES NO INDEX'}; ${p.topNode}; execution ${p.executionMs ?? '?'} ms`,
    );
  }
  for (const p of plans.filter((x) => x.label.startsWith('name substring'))) {
    console.log(`\n  EXPLAIN, ${p.label}:`);
    for (const line of p.plan) console.log(`    ${line}`);
  }

  // 4. the server on the populated database, then the load
  console.log(`\n[4/5] starting the server on ${counts.units} units / ${counts.institutions} institutions (port ${args.port})`);
  const results: ScenarioResult[] = [];
  const memory: Record<string, MemoryFigures | null> = {};
  let video: VideoUploadResult | null = null;
  let videoError: string | null = null;
  let loadBefore: number[] = [];
  let serverInfo: { firstStartMs: number; startMs: number; pid: number; webDist: string | null } | null = null;
  try {
    server = await startServer({ databaseUrl, port: args.port });
    serverInfo = { firstStartMs, startMs: server.startMs, pid: server.pid, webDist: server.webDist ?? null };
    memory.idle = server.memory();
    console.log(`  ready in ${server.startMs} ms (first start with migrations: ${firstStartMs} ms), RSS ${fmtMem(memory.idle)}`);
    const session = await login(server.baseUrl, 'demo_legal');
    console.log(`  signed in as ${session.account} (${session.user.unit?.name ?? 'no unit'})`);

    loadBefore = os.loadavg().map((n) => Math.round(n * 100) / 100);
    const busy = (loadBefore[0] ?? 0) > os.cpus().length * 0.5;
    console.log(`\n[5/5] scenarios (load average ${loadBefore.join(' ')}${busy ? ': other processes are using the CPUs, figures will be noisy' : ''})`);
    for (const scenario of scenarios) {
      if (stopping) break;
      process.stdout.write(`  ${scenario.name} … `);
      const pid = server.pid;
      const r = await scenario.run({ baseUrl: server.baseUrl, session, load: args.load, measure: () => startCpuMeasure(pid) });
      memory[scenario.name] = server.memory();
      results.push(r);
      console.log(`${r.requestsPerSec} req/s, p95 ${r.latencyMs.p95} ms, RSS ${fmtMem(memory[scenario.name] ?? null)}`);
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
  } finally {
    if (server) await server.stop();
    server = null;
  }

  if (results.length) printTable(results);
  if (video) printVideoResult(video);

  // budgets and verdict
  const budgets = [];
  const list = results.find((r) => r.name === 'unit-list');
  if (list) {
    const at32 = list.connections === BUDGET_CONNECTIONS && counts.institutions >= 100_000;
    budgets.push({
      name: 'unit 查询 list p95 at 32 connections, 100 000 institutions',
      limitMs: UNIT_LIST_P95_BUDGET_MS,
      actualMs: list.latencyMs.p95,
      applicable: at32,
      ok: list.latencyMs.p95 <= UNIT_LIST_P95_BUDGET_MS,
    });
  }
  const failures = results.filter((r) => r.errors > 0 || r.non2xx > 0);
  const overBudget = [...budgets.filter((b) => b.applicable && !b.ok), ...(video?.budgets.filter((b) => !b.ok) ?? [])];
  console.log('');
  for (const b of budgets) {
    const verdict = !b.applicable ? 'not applicable (needs 32 connections and ≥ 100 000 institutions)' : b.ok ? 'within budget' : 'OVER BUDGET';
    console.log(`budget: ${b.name}: ${b.actualMs} ms ≤ ${b.limitMs} ms — ${verdict}`);
  }
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
    video: video ?? (videoError ? { error: videoError } : null),
    budgets,
    ok: failures.length === 0 && !videoError && (!args.strict || overBudget.length === 0),
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
