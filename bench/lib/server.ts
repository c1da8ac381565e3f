import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** the repository root (bench/lib/ → ../..) */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_ENTRY = path.join(REPO_ROOT, 'apps/server/src/server.ts');
const START_SCRIPT = path.join(REPO_ROOT, 'scripts/start.mjs');
const DEFAULT_WEB_DIST = path.join(REPO_ROOT, 'apps/web/dist');

export interface ServerOptions {
  /** PostgreSQL; unset (npm-start mode only) means PGlite under dataDir/pg, as `npm start` runs it */
  databaseUrl?: string;
  port: number;
  /** built SPA to serve; default apps/web/dist when it has an index.html */
  webDist?: string;
  /** give up waiting for /api/health after this long; default 60 s */
  startTimeoutMs?: number;
  logLevel?: string;
  /**
   * `seed`: from source in development mode, which migrates an empty database and seeds the demo
   * data; `production` (default): as `npm start` runs it (scripts/start.mjs: the bundled server,
   * building what changed first) with NODE_ENV=production and the keys of `seedDataDir`;
   * `npm-start`: exactly `npm start` (scripts/start.mjs, no NODE_ENV: demo data and keys in dataDir).
   */
  mode?: 'seed' | 'production' | 'npm-start';
  /** seed: the DATA_DIR to keep (its secrets.json); production: where to read those keys from */
  dataDir?: string;
  /** production: addresses whose X-Forwarded-For is trusted (the public register scenario's visitors) */
  trustProxy?: string;
}

export interface MemoryFigures {
  /** resident set size now, MiB */
  rssMiB: number;
  /** peak resident set size since start (VmHWM), MiB */
  peakRssMiB: number;
}

export interface RunningServer {
  pid: number;
  baseUrl: string;
  /** until /api/health answered 200 */
  startMs: number;
  /** whether a built SPA was handed to the server */
  webDist: string | undefined;
  memory(): MemoryFigures | null;
  /** the last lines the server printed, for error reports */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts apps/server as a child process on `databaseUrl` (it applies migrations and seeds the demo
 * data on an empty database) and resolves once GET /api/health answers 200. The child is `node
 * --import tsx …` (seed) or `node scripts/start.mjs` (production) itself, not an npx wrapper, so its
 * pid is the server's and its RSS is real.
 * Secrets for development mode go to a temporary DATA_DIR removed on stop.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const webDist = opts.webDist ?? (existsSync(path.join(DEFAULT_WEB_DIST, 'index.html')) ? DEFAULT_WEB_DIST : undefined);
  const mode = opts.mode ?? 'production';
  const ownDataDir = !opts.dataDir || mode === 'production';
  const dataDir = mode !== 'production' && opts.dataDir ? opts.dataDir : mkdtempSync(path.join(tmpdir(), 'jhrm-bench-'));
  if (await answers(`${baseUrl}/api/health`)) throw new Error(`port ${opts.port} is already in use: stop whatever answers on ${baseUrl}`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: mode === 'seed' ? 'development' : 'production',
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: opts.logLevel ?? 'warn',
    DATA_DIR: dataDir,
  };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  if (mode === 'npm-start') delete env.NODE_ENV;
  if (mode === 'production') Object.assign(env, productionEnv(opts));
  if (webDist) env.WEB_DIST = webDist;
  else delete env.WEB_DIST;

  const started = performance.now();
  // production: scripts/start.mjs imports the bundle into its own process, so the pid is the server's
  const argv = mode === 'seed' ? ['--import', 'tsx', SERVER_ENTRY] : [START_SCRIPT];
  const child = spawn(process.execPath, argv, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(line);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | string | null = null;
  const exitPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code ?? signal ?? 'unknown';
      resolve();
    }),
  );

  const cleanup = () => {
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const output = () => lines.join('\n');
  // a production start may first build the web app (about a minute on two cores)
  const startTimeoutMs = opts.startTimeoutMs ?? (mode === 'seed' ? 60_000 : 300_000);
  const deadline = Date.now() + startTimeoutMs;
  while (!(await answers(`${baseUrl}/api/health`))) {
    if (exited !== null) {
      cleanup();
      throw new Error(`server exited (${exited}) before answering:\n${output()}`);
    }
    if (Date.now() > deadline) {
      await terminate(child, exitPromise);
      cleanup();
      throw new Error(`server did not answer ${baseUrl}/api/health within ${startTimeoutMs} ms:\n${output()}`);
    }
    await sleep(100);
  }
  const startMs = Math.round(performance.now() - started);

  return {
    pid: child.pid!,
    baseUrl,
    startMs,
    webDist,
    memory: () => readMemory(child.pid!),
    output,
    stop: async () => {
      await terminate(child, exitPromise);
      cleanup();
    },
  };
}

/**
 * What production refuses to start without: the keys the seeding start generated (so the demo data
 * stays readable), an SMS gateway (never called by a scenario; nothing listens there) and an
 * explicit choice of no malware scanner.
 */
function productionEnv(opts: ServerOptions): NodeJS.ProcessEnv {
  if (!opts.dataDir) throw new Error('a production start needs the seeded dataDir for its keys');
  const secrets = JSON.parse(readFileSync(path.join(opts.dataDir, 'secrets.json'), 'utf8')) as Record<string, string>;
  return {
    ...secrets,
    SMS_GATEWAY_URL: 'http://127.0.0.1:9/bench-sms',
    SMS_GATEWAY_TOKEN: 'bench',
    MALWARE_SCAN: 'off',
    API_DOCS: '0',
    ...(opts.trustProxy ? { TRUST_PROXY: opts.trustProxy } : {}),
  };
}

/** SIGTERM (the server drains in-flight requests), then SIGKILL after 15 s. */
async function terminate(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
  if (!killed) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** VmRSS / VmHWM of a Linux process, or null where /proc is not available. */
export function readMemory(pid: number): MemoryFigures | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const rss = kib('VmRSS');
    const hwm = kib('VmHWM');
    if (!Number.isFinite(rss)) return null;
    return { rssMiB: round1(rss / 1024), peakRssMiB: round1(hwm / 1024) };
  } catch {
    return null;
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts lib/bare-server.ts (the bare Fastify + pg reference) on `port`, answering the paths of
 * `spec` with their statements. Resolves once /api/health answers.
 */
export async function startBareServer(opts: { databaseUrl: string; port: number; specFile: string }): Promise<{ pid: number; baseUrl: string; stop(): Promise<void> }> {
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  if (await answers(`${baseUrl}/api/health`)) throw new Error(`port ${opts.port} is already in use: stop whatever answers on ${baseUrl}`);
  const env = { ...process.env, DATABASE_URL: opts.databaseUrl, PORT: String(opts.port), BARE_SPEC: opts.specFile };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench/lib/bare-server.ts')], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  child.stderr?.on('data', (c: Buffer) => lines.push(c.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  while (!(await answers(`${baseUrl}/api/health`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await terminate(child, exited);
      throw new Error(`the bare server did not start:\n${lines.join('')}`);
    }
    await sleep(100);
  }
  return { pid: child.pid!, baseUrl, stop: () => terminate(child, exited) };
}
