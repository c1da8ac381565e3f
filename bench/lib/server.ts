import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** the repository root (bench/lib/ → ../..) */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_ENTRY = path.join(REPO_ROOT, 'apps/server/src/server.ts');
const DEFAULT_WEB_DIST = path.join(REPO_ROOT, 'apps/web/dist');

export interface ServerOptions {
  databaseUrl: string;
  port: number;
  /** built SPA to serve; default apps/web/dist when it has an index.html */
  webDist?: string;
  /** give up waiting for /api/health after this long; default 60 s */
  startTimeoutMs?: number;
  logLevel?: string;
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
 * --import tsx …` itself, not an npx/tsx wrapper, so its pid is the server's and its RSS is real.
 * Secrets for development mode go to a temporary DATA_DIR removed on stop.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const webDist = opts.webDist ?? (existsSync(path.join(DEFAULT_WEB_DIST, 'index.html')) ? DEFAULT_WEB_DIST : undefined);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jhrm-bench-'));
  if (await answers(`${baseUrl}/api/health`)) throw new Error(`port ${opts.port} is already in use: stop whatever answers on ${baseUrl}`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: opts.databaseUrl,
    PORT: String(opts.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: opts.logLevel ?? 'warn',
    DATA_DIR: dataDir,
  };
  if (webDist) env.WEB_DIST = webDist;
  else delete env.WEB_DIST;

  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

  const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
  const output = () => lines.join('\n');
  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  while (!(await answers(`${baseUrl}/api/health`))) {
    if (exited !== null) {
      cleanup();
      throw new Error(`server exited (${exited}) before answering:\n${output()}`);
    }
    if (Date.now() > deadline) {
      await terminate(child, exitPromise);
      cleanup();
      throw new Error(`server did not answer ${baseUrl}/api/health within ${opts.startTimeoutMs ?? 60_000} ms:\n${output()}`);
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
