import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { mp4HeaderFor } from '../../apps/server/src/modules/materials/mp4-builder';
import { readMemory, sleep } from '../lib/server';
import type { Session } from '../lib/session';
import { BUDGETS } from '../lib/budgets';

/**
 * The video budget (bench/budgets.json "video"): "Uploads stream: a 1 GiB video never makes the server hold
 * more than ~100 MiB". One MP4-shaped file (ftyp + moov/mvhd + a 64-bit mdat filling the rest,
 * generated on the fly, never stored on the client side) goes to the running server by tus in
 * 8 MiB PATCHes, while the server's RSS is sampled every 100 ms. The same bytes go, in the same
 * chunks, to a bare Node server piping each request into a file, before and after, for a throughput
 * reference. Every run starts after `sync`, so none pays for the previous one's dirty pages.
 */

const VIDEO_RSS_BUDGET_MIB = BUDGETS.video.maxRssGrowthMiB;
const VIDEO_THROUGHPUT_BUDGET_RATIO = BUDGETS.video.minStreamingRatio;
const CHUNK = 8 * 1024 * 1024;
const SAMPLE_MS = 100;
const MiB = 1024 * 1024;

export interface VideoUploadOptions {
  baseUrl: string;
  /** the server's pid, for /proc/<pid>/status */
  pid: number;
  /** a signed-in agent of the demo unit */
  session: Session;
  /** the bench database, where an editable application of the demo unit is created */
  databaseUrl: string;
  /** default 1 GiB */
  bytes?: number;
  /** reference server port; default baseUrl's port + 1 */
  referencePort?: number;
}

export interface UploadRun {
  seconds: number;
  /** bytes / seconds */
  mibPerSec: number;
  /** every PATCH but the last: the streaming itself */
  transferSeconds: number;
  transferMibPerSec: number;
  /** the last PATCH, which also waits for what the server does on completion */
  lastChunkMs: number;
  /** the server's RSS before, at its highest while uploading, and growth, MiB */
  rssBeforeMiB: number;
  rssPeakMiB: number;
  rssGrowthMiB: number;
  samples: number;
  /** CPU time of the receiving process during the run (user + system), seconds */
  cpuSeconds: number;
}

export interface VideoUploadResult {
  name: 'video-upload';
  bytes: number;
  chunkBytes: number;
  app: UploadRun;
  /** bare Node: request piped into a file, no hashing; the last chunk fsyncs like the BlobStore does. Run before and after the app */
  reference: UploadRun[];
  /** app / mean of the reference runs, over the streaming PATCHes (transfer) and from first byte to the final answer (total) */
  throughputRatio: { transfer: number; total: number };
  stored: { durationSeconds: number; sha256Matches: boolean };
  budgets: { name: string; limit: number; actual: number; ok: boolean }[];
  notes: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The file as two buffers: chunk 0 (MP4 header, then filler) and the filler every later chunk is.
 * Byte p of the file (past the header) is filler[p mod CHUNK], so no chunk needs copying.
 */
function syntheticMp4(bytes: number) {
  if (bytes % CHUNK !== 0) throw new Error(`the video size must be a multiple of ${CHUNK / MiB} MiB`);
  const filler = randomBytes(CHUNK);
  const header = mp4HeaderFor(bytes, { timescale: 1000, duration: 600_000 });
  const first = Buffer.from(filler);
  header.copy(first, 0);
  const chunks = bytes / CHUNK;
  const chunk = (i: number) => (i === 0 ? first : filler);
  const hash = createHash('sha256');
  for (let i = 0; i < chunks; i++) hash.update(chunk(i));
  return { chunks, chunk, sha256: hash.digest('hex') };
}

/** user + system CPU seconds of a Linux process so far (/proc/<pid>/stat, in clock ticks of 1/100 s) */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Samples a process's VmRSS every 100 ms until stopped; also its CPU time over the same span. */
function rssSampler(pid: number) {
  const before = readMemory(pid)?.rssMiB ?? NaN;
  const cpuBefore = cpuSeconds(pid);
  let peak = before;
  let samples = 0;
  const timer = setInterval(() => {
    const m = readMemory(pid);
    if (!m) return;
    samples++;
    if (m.rssMiB > peak) peak = m.rssMiB;
  }, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      const last = readMemory(pid)?.rssMiB ?? peak;
      peak = Math.max(peak, last);
      return { rssBeforeMiB: before, rssPeakMiB: peak, rssGrowthMiB: round1(peak - before), samples, cpuSeconds: round2(cpuSeconds(pid) - cpuBefore) };
    },
  };
}

async function expectStatus(res: Response, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what} answered ${res.status} (expected ${status}): ${await res.text()}`);
  await res.arrayBuffer();
}

/** The PATCH loop both servers get; `headers` carries the session and tus headers. */
async function patchAll(url: string, file: ReturnType<typeof syntheticMp4>, headers: Record<string, string>) {
  const started = performance.now();
  let lastStarted = started;
  for (let i = 0; i < file.chunks; i++) {
    lastStarted = performance.now();
    const res = await fetch(url, {
      method: 'PATCH',
      headers: { ...headers, 'upload-offset': String(i * CHUNK), 'content-type': 'application/offset+octet-stream' },
      body: file.chunk(i),
      signal: AbortSignal.timeout(120_000),
    });
    await expectStatus(res, 204, `PATCH chunk ${i + 1}/${file.chunks}`);
  }
  const ended = performance.now();
  return { totalMs: ended - started, transferMs: lastStarted - started, lastChunkMs: ended - lastStarted };
}

function toRun(bytes: number, chunks: number, t: { totalMs: number; transferMs: number; lastChunkMs: number }, rss: ReturnType<ReturnType<typeof rssSampler>['stop']>): UploadRun {
  const seconds = t.totalMs / 1000;
  const transferSeconds = t.transferMs / 1000;
  const transferBytes = bytes - bytes / chunks;
  return {
    seconds: round2(seconds),
    mibPerSec: round1(bytes / MiB / seconds),
    transferSeconds: round2(transferSeconds),
    transferMibPerSec: round1(transferBytes / MiB / transferSeconds),
    lastChunkMs: Math.round(t.lastChunkMs),
    ...rss,
  };
}

/** An editable (待提交) 设立 application of the demo unit, written straight into the bench database. */
async function createApplication(databaseUrl: string, unitId: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const inst = await client.query<{ id: string; name: string; uscc: string }>(
      `INSERT INTO institutions (unit_id, name, uscc) SELECT id, name, uscc FROM units WHERE id = $1 RETURNING id, name, uscc`,
      [unitId],
    );
    const institution = inst.rows[0];
    if (!institution) throw new Error(`unit ${unitId} not found`);
    const rec = await client.query<{ id: string }>(
      `INSERT INTO institution_records (institution_id, version, name, uscc, created_at, updated_at) VALUES ($1, 1, $2, $3, now(), now()) RETURNING id`,
      [institution.id, institution.name, institution.uscc],
    );
    const app = await client.query<{ id: string }>(
      `INSERT INTO applications (unit_id, type, institution_id, status, created_at, updated_at) VALUES ($1, '设立', $2, '待提交', now(), now()) RETURNING id`,
      [unitId, institution.id],
    );
    await client.query(`INSERT INTO application_records (application_id, record_id) VALUES ($1, $2)`, [app.rows[0]!.id, rec.rows[0]!.id]);
    await client.query('COMMIT');
    return app.rows[0]!.id;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    await client.end();
  }
}

/** Bare Node: each PATCH piped into the file at its offset; the last one fsyncs. */
const REFERENCE_SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const { pipeline } = require('node:stream/promises');
const [file, port] = process.argv.slice(1);
http.createServer(async (req, res) => {
  const offset = Number(req.headers['upload-offset']);
  const total = Number(req.headers['upload-length']);
  const length = Number(req.headers['content-length']);
  await pipeline(req, fs.createWriteStream(file, { flags: offset === 0 ? 'w' : 'r+', start: offset }));
  if (offset + length === total) { const fd = fs.openSync(file, 'r+'); fs.fsyncSync(fd); fs.closeSync(fd); }
  res.writeHead(204, { 'upload-offset': String(offset + length) });
  res.end();
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
`;

/** Flushes dirty pages so a run does not pay for the previous one's writes. */
function settle() {
  try {
    execFileSync('sync');
  } catch {
    // no sync(1): figures may carry the previous run's writeback
  }
}

async function referenceRun(port: number, file: ReturnType<typeof syntheticMp4>): Promise<UploadRun> {
  settle();
  const ref = await startReference(port);
  try {
    await sleep(500);
    const rss = rssSampler(ref.pid);
    const times = await patchAll(`http://127.0.0.1:${port}/upload`, file, { 'upload-length': String(file.chunks * CHUNK) });
    return toRun(file.chunks * CHUNK, file.chunks, times, rss.stop());
  } finally {
    await ref.stop();
  }
}

async function startReference(port: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-bench-ref-'));
  const child = spawn(process.execPath, ['-e', REFERENCE_SERVER, path.join(dir, 'upload.bin'), String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`reference server exited (${code})`)));
    child.stdout!.once('data', () => resolve());
  });
  return {
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function runVideoUpload(opts: VideoUploadOptions): Promise<VideoUploadResult> {
  const bytes = opts.bytes ?? 1024 * MiB;
  const unitId = opts.session.user.unit?.id;
  if (!unitId) throw new Error(`${opts.session.account} has no unit`);
  const notes: string[] = [];
  const file = syntheticMp4(bytes);
  const applicationId = await createApplication(opts.databaseUrl, unitId);
  const tusHeaders = { cookie: opts.session.cookie, 'x-csrf-token': opts.session.csrfToken, 'tus-resumable': '1.0.0' };
  const metadata = [
    ['applicationId', applicationId],
    ['filename', '办公场所视频（基准测试）.mp4'],
    ['sha256', file.sha256],
  ]
    .map(([k, v]) => `${k} ${Buffer.from(v!, 'utf8').toString('base64')}`)
    .join(',');

  const referencePort = opts.referencePort ?? Number(new URL(opts.baseUrl).port) + 1;
  const reference: UploadRun[] = [await referenceRun(referencePort, file)];

  // the app: create, then the chunks
  settle();
  await sleep(500);
  const appRss = rssSampler(opts.pid);
  const createStarted = performance.now();
  const created = await fetch(`${opts.baseUrl}/api/uploads/video`, {
    method: 'POST',
    headers: { ...tusHeaders, 'upload-length': String(bytes), 'upload-metadata': metadata },
    signal: AbortSignal.timeout(10_000),
  });
  const location = created.headers.get('location');
  await expectStatus(created, 201, 'POST /api/uploads/video');
  if (!location) throw new Error('tus create answered without Location');
  const createMs = performance.now() - createStarted;
  const appTimes = await patchAll(new URL(location, opts.baseUrl).toString(), file, tusHeaders);
  const app = toRun(bytes, file.chunks, { ...appTimes, totalMs: appTimes.totalMs + createMs }, appRss.stop());

  const listed = await fetch(`${opts.baseUrl}/api/applications/${applicationId}/video`, { headers: { cookie: opts.session.cookie } });
  const videos = (await listed.json()) as { sha256: string; durationSeconds: number; size: number }[];
  const stored = { durationSeconds: videos[0]?.durationSeconds ?? NaN, sha256Matches: videos[0]?.sha256 === file.sha256 && videos[0]?.size === bytes };
  if (!stored.sha256Matches) notes.push('the stored video does not match what was sent');

  reference.push(await referenceRun(referencePort, file));
  const mean = (f: (u: UploadRun) => number) => reference.reduce((sum, u) => sum + f(u), 0) / reference.length;
  const throughputRatio = { transfer: round2(app.transferMibPerSec / mean((u) => u.transferMibPerSec)), total: round2(app.mibPerSec / mean((u) => u.mibPerSec)) };
  const budgets = [
    { name: `server RSS growth during a ${bytes / MiB} MiB upload, MiB`, limit: VIDEO_RSS_BUDGET_MIB, actual: app.rssGrowthMiB, ok: app.rssGrowthMiB < VIDEO_RSS_BUDGET_MIB },
    { name: 'upload throughput / bare Node reference (streaming PATCHes)', limit: VIDEO_THROUGHPUT_BUDGET_RATIO, actual: throughputRatio.transfer, ok: throughputRatio.transfer >= VIDEO_THROUGHPUT_BUDGET_RATIO },
  ];
  notes.push(
    `the app's last PATCH (${app.lastChunkMs} ms) includes reading the file again for SHA-256, the MP4 check, fsync and the move into the BlobStore; the reference's includes its fsync (${reference.map((u) => u.lastChunkMs).join(' / ')} ms)`,
  );
  return { name: 'video-upload', bytes, chunkBytes: CHUNK, app, reference, throughputRatio, stored, budgets, notes };
}

export function printVideoResult(r: VideoUploadResult) {
  const line = (label: string, u: UploadRun) =>
    `  ${label.padEnd(11)} ${String(u.seconds).padStart(6)} s ${String(u.mibPerSec).padStart(6)} MiB/s total ${String(u.transferMibPerSec).padStart(6)} MiB/s streaming  last chunk ${u.lastChunkMs} ms  CPU ${u.cpuSeconds} s  RSS ${u.rssBeforeMiB} → ${u.rssPeakMiB} MiB (+${u.rssGrowthMiB}, ${u.samples} samples)`;
  console.log(`\nvideo-upload: ${r.bytes / MiB} MiB in ${r.chunkBytes / MiB} MiB tus PATCHes`);
  console.log(line('server', r.app));
  r.reference.forEach((u, i) => console.log(line(`reference ${i + 1}`, u)));
  console.log(`  throughput ratio: ${r.throughputRatio.transfer} streaming, ${r.throughputRatio.total} including completion; stored: ${r.stored.durationSeconds} s, hash ${r.stored.sha256Matches ? 'matches' : 'DOES NOT MATCH'}`);
  for (const n of r.notes) console.log(`  note: ${n}`);
}
