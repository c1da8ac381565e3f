/**
 * `npm run test:cluster`: two production app processes (the bundle `npm start` builds) behind nginx,
 * on a fresh PostgreSQL database and an s3rver bucket, and what must hold across processes:
 *
 *   1. a tus upload of a 50 MiB MP4 through nginx (chunks spread over both processes: no affinity)
 *      survives `kill -9` of the process receiving a chunk: the client resumes (HEAD + PATCH, as
 *      tus-js-client does) on the other process, and the stored video's SHA-256 is the source's;
 *   2. the session keeps working after the kill; the application is submitted, accepted (受理) and
 *      approved (审核通过) through nginx;
 *   3. a rolling restart (SIGTERM, wait, start, ready; one process, then the other) under 60 s of
 *      load on the 查询 list sees no error, no timeout and no non-2xx answer;
 *   4. the scheduled jobs ran once across the processes (each job id in one process's log, every
 *      job at least once, at most one job per name and minute in pg-boss).
 *
 * Needs PostgreSQL at 127.0.0.1:5432 with trust auth for `postgres` (CLUSTER_ADMIN_URL overrides) and
 * nginx (and pgbouncer when used), installed with apt-get as root when missing. Prints a report of
 * every step with its figures and exits 1 when any check failed. Everything it starts is stopped and
 * its database dropped at the end, also on failure.
 *
 *   npm run test:cluster [-- --pgbouncer auto|on|off] [--load-seconds 60] [--connections 8]
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildServer } from '../scripts/build.mjs';
import { dropDatabase, recreateDatabase, withDatabase } from '../bench/lib/database';
import { runLoad } from '../bench/lib/load';
import { login, type Session } from '../bench/lib/session';
import { UNIT_LIST_PATH } from '../bench/scenarios/unit-list';
import { mp4HeaderFor } from '../apps/server/src/modules/materials/mp4-builder';
import { REPO_ROOT, createCluster, serverSupportsPgbouncer, sleep, type Cluster } from './lib/cluster';
import { seedClusterDatabase } from './lib/seed';

const MiB = 1024 * 1024;
const VIDEO_BYTES = 50 * MiB;
const CHUNK = 8 * MiB;
/** tus-js-client's default retryDelays, plus one longer wait */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000];
const JOB_NAMES = ['session-purge', 'cleanup', 'deadline-reminders'];
/** where a failed run leaves the logs of its processes (git ignores test-results/) */
const KEEP_LOGS = path.join(REPO_ROOT, 'test-results/cluster');

const { values: argv } = parseArgs({
  options: {
    pgbouncer: { type: 'string', default: 'auto' },
    'load-seconds': { type: 'string', default: '60' },
    connections: { type: 'string', default: '8' },
    'admin-url': { type: 'string', default: process.env.CLUSTER_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const loadSeconds = Number(argv['load-seconds']);
const connections = Number(argv.connections);

interface StepReport {
  name: string;
  ok: boolean;
  figures: string[];
  error?: string;
}
const report: StepReport[] = [];

/** Runs one step: its figures and checks; a thrown error fails it and the run goes on. */
async function step(name: string, body: (figures: string[]) => Promise<void>): Promise<boolean> {
  const figures: string[] = [];
  console.log(`\n━━ ${name} ━━`);
  try {
    await body(figures);
    report.push({ name, ok: true, figures });
    console.log(`✓ ${name}`);
    return true;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    report.push({ name, ok: false, figures, error });
    console.log(`✗ ${name}: ${error}`);
    return false;
  }
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// -------------------------------------------------------------------------------------------------
// HTTP through nginx, as the browser sends it

async function call(baseUrl: string, s: Session, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; upstream: string }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, json, upstream: res.headers.get('x-upstream-addr') ?? '?' };
}

async function expectOk<T>(baseUrl: string, s: Session, method: string, path: string, body?: unknown): Promise<T> {
  const r = await call(baseUrl, s, method, path, body);
  check(r.status === 200, `${method} ${path} answered ${r.status}: ${JSON.stringify(r.json)}`);
  return r.json as T;
}

/** The upstream nginx used last (X-Upstream-Addr lists every one it tried: "a, b"). */
const lastUpstream = (header: string) => header.split(',').pop()!.trim();
const appOf = (cluster: Cluster, upstream: string) => cluster.apps.find((a) => upstream.endsWith(`:${a.port}`));
const appName = (cluster: Cluster, upstream: string) => {
  const a = appOf(cluster, lastUpstream(upstream));
  return a ? `app ${a.slot}` : upstream;
};

// -------------------------------------------------------------------------------------------------
// tus, as tus-js-client does it

interface TusClient {
  baseUrl: string;
  session: Session;
  file: Buffer;
  url: string;
}

function tusHeaders(s: Session): Record<string, string> {
  return { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'tus-resumable': '1.0.0' };
}

async function tusCreate(baseUrl: string, s: Session, applicationId: string, file: Buffer): Promise<TusClient> {
  const metadata = Object.entries({ applicationId, filename: '办公场所视频（集群测试）.mp4', sha256: sha256(file) })
    .map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`)
    .join(',');
  const res = await fetch(`${baseUrl}/api/uploads/video`, {
    method: 'POST',
    headers: { ...tusHeaders(s), 'upload-length': String(file.length), 'upload-metadata': metadata },
    signal: AbortSignal.timeout(30_000),
  });
  const location = res.headers.get('location');
  check(res.status === 201 && !!location, `tus create answered ${res.status}: ${await res.text()}`);
  return { baseUrl, session: s, file, url: new URL(location!, baseUrl).toString() };
}

/** One PATCH of `body` at `offset`; the new offset and who took it, or the status it got. */
async function tusPatch(t: TusClient, offset: number, body: Buffer | ReadableStream<Uint8Array>, length: number) {
  const res = await fetch(t.url, {
    method: 'PATCH',
    headers: { ...tusHeaders(t.session), 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(length) },
    body,
    duplex: 'half',
    signal: AbortSignal.timeout(120_000),
  } as RequestInit);
  const text = await res.text();
  return { status: res.status, offset: Number(res.headers.get('upload-offset') ?? NaN), upstream: res.headers.get('x-upstream-addr') ?? '?', text };
}

/** HEAD: the offset the server has, or the status it answered instead. */
async function tusHead(t: TusClient) {
  const res = await fetch(t.url, { method: 'HEAD', headers: tusHeaders(t.session), signal: AbortSignal.timeout(30_000) });
  return { status: res.status, offset: Number(res.headers.get('upload-offset') ?? NaN), upstream: res.headers.get('x-upstream-addr') ?? '?' };
}

/**
 * Sends the rest of the file from `offset` in chunks; on a failed request it waits the next retry
 * delay, asks HEAD for the offset the server has and goes on from there (tus-js-client's loop).
 */
async function tusResume(t: TusClient, offset: number, log: (line: string) => void, opts: { interrupted?: boolean } = {}): Promise<{ finishedBy: string; retries: number }> {
  let attempt = 0;
  let retries = 0;
  let finishedBy = '?';
  // after a failed request tus-js-client first asks the server for its offset
  let needHead = opts.interrupted ?? false;
  while (offset < t.file.length || needHead) {
    if (needHead) {
      const head = await tusHead(t).catch((err: Error) => ({ status: 0, offset: NaN, upstream: err.message }));
      log(`HEAD → ${head.status}${Number.isFinite(head.offset) ? ` offset ${head.offset}` : ''} (${head.upstream})`);
      if (head.status === 404 || head.status === 410) throw new Error(`HEAD after the kill answered ${head.status} (${head.upstream}): the upload in progress is not known to the other process`);
      if (head.status !== 200 && head.status !== 204) {
        if (attempt >= RETRY_DELAYS.length) throw new Error(`HEAD kept failing (last ${head.status})`);
        await sleep(RETRY_DELAYS[attempt++]!);
        retries++;
        continue;
      }
      offset = head.offset;
      needHead = false;
      if (offset >= t.file.length) break;
    }
    const end = Math.min(offset + CHUNK, t.file.length);
    const r = await tusPatch(t, offset, t.file.subarray(offset, end), end - offset).catch((err: Error) => ({ status: 0, offset: NaN, upstream: '?', text: err.message }));
    if (r.status === 204) {
      log(`PATCH ${offset}–${end} → 204 (${r.upstream})`);
      check(r.offset === end, `PATCH answered offset ${r.offset}, expected ${end}`);
      offset = end;
      finishedBy = r.upstream;
      attempt = 0;
      continue;
    }
    log(`PATCH ${offset}–${end} → ${r.status || 'no answer'} (${r.upstream}) ${r.text.slice(0, 200)}`);
    // tus-js-client retries on no answer, 409 (offset mismatch), 423 (locked) and 5xx; else it gives up
    const retryable = r.status === 0 || r.status === 409 || r.status === 423 || r.status >= 500;
    if (!retryable || attempt >= RETRY_DELAYS.length) throw new Error(`PATCH at ${offset} answered ${r.status}: ${r.text.slice(0, 300)}`);
    await sleep(RETRY_DELAYS[attempt++]!);
    retries++;
    needHead = true;
  }
  return { finishedBy, retries };
}

/** A 50 MiB file the server's MP4 check accepts: ftyp + moov/mvhd + a 64-bit mdat of random bytes. */
function videoFile(): Buffer {
  const file = randomBytes(VIDEO_BYTES);
  mp4HeaderFor(VIDEO_BYTES, { timescale: 1000, duration: 60_000 }).copy(file, 0);
  return file;
}

/** The stored video, downloaded (played) through nginx: its SHA-256 and size. */
async function storedVideo(baseUrl: string, s: Session, applicationId: string): Promise<{ sha256: string; size: number; listed: { sha256: string; size: number } | undefined }> {
  const videos = await expectOk<{ id: string; sha256: string; size: number }[]>(baseUrl, s, 'GET', `/api/applications/${applicationId}/video`);
  check(videos.length === 1, `the application lists ${videos.length} videos, expected 1`);
  const res = await fetch(`${baseUrl}/api/applications/${applicationId}/video/${videos[0]!.id}`, { headers: { cookie: s.cookie }, signal: AbortSignal.timeout(60_000) });
  check(res.status === 200, `playing the video answered ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { sha256: sha256(bytes), size: bytes.length, listed: videos[0] };
}

// -------------------------------------------------------------------------------------------------
// the steps

async function uploadSurvivesKill(cluster: Cluster, agent: Session, applicationId: string, figures: string[]): Promise<void> {
  const base = cluster.nginx.baseUrl;
  const file = videoFile();
  const log = (line: string) => console.log(`  ${line}`);
  const started = performance.now();
  const t = await tusCreate(base, agent, applicationId, file);
  log(`created ${t.url.replace(base, '')}`);
  // no affinity: nginx spreads the chunks over both processes (any process takes any chunk)
  const takers: string[] = [];
  let offset = 0;
  for (let i = 0; i < 2; i++) {
    const r = await tusPatch(t, offset, file.subarray(offset, offset + CHUNK), CHUNK);
    check(r.status === 204, `PATCH chunk ${i + 1} answered ${r.status}: ${r.text}`);
    takers.push(r.upstream);
    offset = r.offset;
    log(`PATCH chunk ${i + 1} → 204 offset ${offset} (${appName(cluster, r.upstream)})`);
  }
  // chunk 3 half sent, then kill -9 of the process receiving it: the one whose DATA_DIR holds the
  // chunk's temp file (tus-<upload id>-<offset>-…) while the body is arriving
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const half = CHUNK / 2;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      controller.enqueue(file.subarray(offset, offset + half));
      await released;
      try {
        controller.enqueue(file.subarray(offset + half, offset + CHUNK));
        controller.close();
      } catch {
        // the request already failed
      }
    },
  });
  const third = tusPatch(t, offset, body, CHUNK).catch((err: Error) => ({ status: 0, offset: NaN, upstream: '?', text: err.message }));
  const uploadId = t.url.split('/').pop()!;
  const receiving = () =>
    cluster.apps.find((a) => {
      const tmp = path.join(a.dataDir, 'blobs', 'tmp');
      return existsSync(tmp) && readdirSync(tmp).some((f) => f.startsWith(`tus-${uploadId}-${offset}-`));
    });
  const waitUntil = performance.now() + 15_000;
  let victim = receiving();
  while (!victim && performance.now() < waitUntil) {
    await sleep(50);
    victim = receiving();
  }
  check(!!victim, `no process shows chunk 3 arriving (no tus-${uploadId}-${offset}-… under any app's blobs/tmp)`);
  const victimPid = victim!.pid();
  await victim!.kill9();
  log(`kill -9 app ${victim!.slot} (pid ${victimPid}) with chunk 3 half received (chunks 1–2 went to ${takers.map((u) => appName(cluster, u)).join(' and ')})`);
  release();
  const interrupted = await third;
  log(`PATCH chunk 3 → ${interrupted.status || 'no answer'} ${interrupted.text.slice(0, 120)}`);
  if (interrupted.status === 204) offset = interrupted.offset;
  const resumed = await tusResume(t, offset, log, { interrupted: interrupted.status !== 204 });
  const uploadMs = performance.now() - started;
  const finisher = appOf(cluster, lastUpstream(resumed.finishedBy));
  figures.push(`50 MiB in ${Math.ceil(VIDEO_BYTES / CHUNK)} PATCHes of ≤ 8 MiB: ${seconds(uploadMs)} including the kill and ${resumed.retries} retried request(s)`);
  figures.push(`chunks 1–2 on ${takers.map((u) => appName(cluster, u)).join(' and ')}; app ${victim!.slot} killed while receiving chunk 3; completed by ${finisher ? `app ${finisher.slot}` : resumed.finishedBy}`);
  check(!!finisher && finisher !== victim, `the upload was completed by ${resumed.finishedBy}, not by the other process`);
  const stored = await storedVideo(base, agent, applicationId);
  figures.push(`stored video ${stored.size} bytes, SHA-256 ${stored.sha256.slice(0, 16)}… ${stored.sha256 === sha256(file) ? 'equals' : 'DIFFERS FROM'} the source`);
  check(stored.size === file.length && stored.sha256 === sha256(file), 'the stored video is not the source file');
}

/** After step 1 failed: the video again, without a kill, so the application can still be submitted. */
async function uploadPlainly(cluster: Cluster, agent: Session, applicationId: string, figures: string[]) {
  const videos = await expectOk<unknown[]>(cluster.nginx.baseUrl, agent, 'GET', `/api/applications/${applicationId}/video`);
  if (videos.length) return;
  const file = videoFile();
  const t = await tusCreate(cluster.nginx.baseUrl, agent, applicationId, file);
  await tusResume(t, 0, () => undefined);
  figures.push('(step 1 failed: the video was uploaded again without a kill, so that the application can be submitted)');
}

async function submitAndReview(cluster: Cluster, agent: Session, applicationId: string, figures: string[]) {
  const base = cluster.nginx.baseUrl;
  const app = await expectOk<{ version: number; status: string }>(base, agent, 'GET', `/api/applications/${applicationId}`);
  const submitted = await expectOk<{ status: string }>(base, agent, 'POST', `/api/applications/${applicationId}/submit`, {
    version: app.version,
    department: '220000',
    requestKey: `cluster-${process.pid}-${Date.now()}`,
  });
  figures.push(`submitted: ${submitted.status}`);
  const reviewer = await login(base, 'demo_reviewer');
  const accepted = await expectOk<{ version: number }>(base, reviewer, 'POST', `/api/reviews/${applicationId}/acceptance`, { decision: '受理' });
  await expectOk(base, reviewer, 'POST', `/api/reviews/${applicationId}/decision`, { version: accepted.version, decision: '审核通过' });
  const decided = await expectOk<{ status: string }>(base, agent, 'GET', `/api/applications/${applicationId}`);
  figures.push(`受理 then 审核通过 by demo_reviewer: the unit sees ${decided.status}`);
  check(decided.status === '审核通过', `the application is ${decided.status} after 审核通过`);
}

async function rollingRestart(cluster: Cluster, figures: string[]) {
  const base = cluster.nginx.baseUrl;
  const legal = await login(base, 'demo_legal');
  const before = readFileSync(cluster.nginx.accessLog, 'utf8').length;
  const restarts: string[] = [];
  const loadStarted = performance.now();
  const load = runLoad({
    name: 'rolling-restart',
    description: `GET ${UNIT_LIST_PATH} through nginx while each process restarts`,
    baseUrl: base,
    requests: [{ path: UNIT_LIST_PATH }],
    headers: { cookie: legal.cookie },
    load: { connections, durationS: loadSeconds, warmupS: 0 },
  });
  const restarting = (async () => {
    const gap = Math.max(2000, (loadSeconds * 1000) / 6);
    await sleep(gap);
    for (const app of cluster.apps) {
      const at = performance.now() - loadStarted;
      const t = performance.now();
      const code = await app.stop();
      const stopMs = performance.now() - t;
      const readyMs = await app.start();
      restarts.push(`app ${app.slot}: SIGTERM at ${seconds(at)}, exited ${code} after ${Math.round(stopMs)} ms, ready again after ${readyMs} ms`);
      check(code === 0, `app ${app.slot} exited ${code} on SIGTERM (expected a clean 0)`);
      await sleep(gap);
    }
  })();
  // the load runs its full time even when a restart fails: nothing may go on beside it
  const [loaded, restarted] = await Promise.allSettled([load, restarting]);
  figures.push(...restarts);
  if (loaded.status === 'rejected') throw loaded.reason;
  const result = loaded.value;
  const log = readFileSync(cluster.nginx.accessLog, 'utf8').slice(before).split('\n');
  const retried = log.filter((l) => l.includes(' GET /api/institutions') && /upstream=\S+, /.test(l)).length;
  figures.push(
    `load: ${result.requests} requests in ${loadSeconds} s (${result.requestsPerSec} req/s, ${connections} connections), p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`,
  );
  figures.push(`errors ${result.errors}${result.errors ? ` ${JSON.stringify(result.errorMessages)}` : ''}, timeouts ${result.timeouts}, non-2xx ${result.non2xx} ${JSON.stringify(result.statusCodes)}; nginx passed ${retried} request(s) on to the other process`);
  check(result.requests > 0, 'the load got no answer at all');
  check(result.errors === 0 && result.timeouts === 0 && result.non2xx === 0, 'the load saw errors, timeouts or non-2xx answers during the rolling restart');
  if (restarted.status === 'rejected') throw restarted.reason;
}

interface JobLine {
  job: string;
  jobId: string;
  file: string;
}

function jobLines(cluster: Cluster): JobLine[] {
  const out: JobLine[] = [];
  for (const app of cluster.apps) {
    for (const file of app.logs) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.includes('"job finished"')) continue;
        try {
          const entry = JSON.parse(line) as { msg?: string; job?: string; jobId?: string };
          if (entry.msg === 'job finished' && entry.job && entry.jobId) out.push({ job: entry.job, jobId: entry.jobId, file: `app ${app.slot} #${app.logs.indexOf(file)}` });
        } catch {
          // not a JSON line
        }
      }
    }
  }
  return out;
}

async function jobsRanOnce(cluster: Cluster, databaseUrl: string, appsStarted: number, figures: string[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const schema = await client.query<{ job: string | null }>(`SELECT to_regclass('pgboss.job')::text AS job`);
    check(schema.rows[0]?.job !== null, 'no pgboss.job table: this build has no PostgreSQL job queue (pg-boss) yet');
    // every job at least once: they run each minute with JOBS_EVERY_MINUTE=1
    const deadline = appsStarted + 150_000;
    let lines = jobLines(cluster);
    while (JOB_NAMES.some((n) => !lines.some((l) => l.job === n)) && performance.now() < deadline) {
      await sleep(5000);
      lines = jobLines(cluster);
    }
    const byName = JOB_NAMES.map((n) => `${n} ×${lines.filter((l) => l.job === n).length}`);
    figures.push(`"job finished" lines: ${byName.join(', ')} (${seconds(performance.now() - appsStarted)} after the first start)`);
    const missing = JOB_NAMES.filter((n) => !lines.some((l) => l.job === n));
    check(missing.length === 0, `never ran: ${missing.join(', ')}`);
    const seen = new Map<string, string[]>();
    for (const l of lines) seen.set(l.jobId, [...(seen.get(l.jobId) ?? []), l.file]);
    const twice = [...seen.entries()].filter(([, where]) => where.length > 1);
    figures.push(`${seen.size} job ids, ${twice.length} logged more than once`);
    check(twice.length === 0, `job ids finished more than once: ${twice.map(([id, where]) => `${id} in ${where.join(' and ')}`).join('; ')}`);
    const perProcess = cluster.apps.map((a) => `app ${a.slot}: ${lines.filter((l) => l.file.startsWith(`app ${a.slot} `)).length}`);
    figures.push(`runs per process: ${perProcess.join(', ')}`);
    // pg-boss: completed jobs are rows; at most one job per name and minute (archive included when it exists)
    const archive = (await client.query<{ t: string | null }>(`SELECT to_regclass('pgboss.archive')::text AS t`)).rows[0]?.t;
    const rows = `SELECT name, created_on, state::text AS state FROM pgboss.job${archive ? ' UNION ALL SELECT name, created_on, state::text FROM pgboss.archive' : ''}`;
    const dupes = await client.query<{ name: string; minute: string; n: string }>(
      `SELECT name, date_trunc('minute', created_on)::text AS minute, count(*) AS n FROM (${rows}) j WHERE name = ANY($1) GROUP BY 1, 2 HAVING count(*) > 1`,
      [JOB_NAMES],
    );
    const completed = await client.query<{ name: string; n: string }>(`SELECT name, count(*) AS n FROM (${rows}) j WHERE name = ANY($1) AND state = 'completed' GROUP BY 1 ORDER BY 1`, [JOB_NAMES]);
    figures.push(`pg-boss completed: ${completed.rows.map((r) => `${r.name} ${r.n}`).join(', ') || 'none'}`);
    check(dupes.rows.length === 0, `pg-boss created more than one job in a minute: ${dupes.rows.map((r) => `${r.name} ${r.minute} ×${r.n}`).join(', ')}`);
    for (const n of JOB_NAMES) check(completed.rows.some((r) => r.name === n), `pg-boss has no completed ${n} job`);
  } finally {
    await client.end();
  }
}

// -------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const t0 = performance.now();
  const adminUrl = argv['admin-url'];
  const database = `jhrm_cluster_${process.pid}`;
  const databaseUrl = withDatabase(adminUrl, database);
  const supports = serverSupportsPgbouncer();
  const wanted = argv.pgbouncer;
  if (!['auto', 'on', 'off'].includes(wanted)) throw new Error('--pgbouncer must be auto, on or off');
  if (wanted === 'on' && !supports) throw new Error('--pgbouncer on: this server has no DATABASE_PREPARED_STATEMENTS / DATABASE_DIRECT_URL yet (pgbouncer < 1.21 in transaction mode cannot keep named prepared statements)');
  const usePgbouncer = wanted === 'on' || (wanted === 'auto' && supports);

  console.log('Building the server bundle as npm start does (scripts/build.mjs)…');
  await buildServer();
  await recreateDatabase(adminUrl, database);
  let cluster: (Cluster & { startApps(): Promise<number[]> }) | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: cleaning up`);
    void (cluster?.stop() ?? Promise.resolve())
      .then(() => dropDatabase(adminUrl, database))
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    cluster = await createCluster({ databaseUrl, processes: 2, pgbouncer: usePgbouncer, entry: 'bundle', env: { JOBS_EVERY_MINUTE: '1' }, upstreamHeader: true });
    const c = cluster;
    const setup: string[] = [
      `database ${database}; ${usePgbouncer ? `app pool through ${c.pgbouncer} (transaction mode), direct connection for LISTEN/NOTIFY, migrations and jobs` : `app pool on PostgreSQL directly (pgbouncer ${supports ? 'turned off' : 'not used: the server has no DATABASE_PREPARED_STATEMENTS / DATABASE_DIRECT_URL yet'})`}`,
    ];
    const seeded = await seedClusterDatabase(c.env, { draft: true });
    setup.push(`seeded (migrations, demo accounts and business, a 设立 draft) in ${seconds(seeded.ms)}`);
    const appsStarted = performance.now();
    const startTimes = await c.startApps();
    setup.push(`nginx ${c.nginx.baseUrl} → ${c.apps.map((a, i) => `app ${a.slot} :${a.port} (ready in ${startTimes[i]} ms, metrics :${a.metricsPort})`).join(', ')}`);
    report.push({ name: 'setup', ok: true, figures: setup });
    for (const line of setup) console.log(`  ${line}`);
    const applicationId = seeded.draftApplicationId!;
    const agent = await login(c.nginx.baseUrl, 'demo_agent');

    const uploaded = await step('1. tus upload survives kill -9 of its process', (figures) => uploadSurvivesKill(c, agent, applicationId, figures));

    await step('2. session after the kill; submit, 受理, 审核通过 through nginx', async (figures) => {
      const me = await call(c.nginx.baseUrl, agent, 'GET', '/api/auth/me');
      check(me.status === 200, `GET /api/auth/me after the kill answered ${me.status}`);
      figures.push(`GET /api/auth/me with the session from before the kill: 200 (${appName(c, me.upstream)})`);
      // the killed process comes back for the next steps
      for (const app of c.apps) {
        if (app.pid() === null) figures.push(`app ${app.slot} restarted, ready in ${await app.start()} ms`);
      }
      if (!uploaded) await uploadPlainly(c, agent, applicationId, figures);
      await submitAndReview(c, agent, applicationId, figures);
    });

    await step(`3. rolling restart under ${loadSeconds} s of load on the 查询 list`, (figures) => rollingRestart(c, figures));
    await step('4. scheduled jobs ran once across the processes', (figures) => jobsRanOnce(c, databaseUrl, appsStarted, figures));
    report.find((r) => r.name === 'setup')!.figures.push(`SMS sent to the gateway stand-in: ${c.smsReceived()}`);
  } catch (err) {
    report.push({ name: 'setup', ok: false, figures: [], error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  } finally {
    await cluster?.stop(report.some((r) => !r.ok) ? KEEP_LOGS : undefined);
    if (report.some((r) => !r.ok) && cluster) console.log(`\nlogs of the failed run: ${KEEP_LOGS}`);
    await dropDatabase(adminUrl, database).catch((err: Error) => console.error(`dropping ${database}: ${err.message}`));
  }

  console.log(`\n━━ test:cluster report (${seconds(performance.now() - t0)}) ━━`);
  for (const r of report) {
    console.log(`${r.ok ? '✓' : '✗'} ${r.name}${r.error ? `: ${r.error}` : ''}`);
    for (const f of r.figures) console.log(`    ${f}`);
  }
  const failed = report.filter((r) => !r.ok);
  console.log(failed.length ? `\n${failed.length} step(s) failed.` : '\nevery step passed.');
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
