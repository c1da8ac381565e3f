import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../db/client';
import type { BlobStore } from './blob-store';

/**
 * One process's Prometheus metrics (decision 0036). A registry of its own per app, never prom-client's
 * global one: tests build many apps in one process.
 */
export class Metrics {
  readonly registry = new Registry();
  private defaultsCollected = false;

  /** request duration by route pattern (`/api/applications/:id`, never the raw URL: ids would explode the series) */
  readonly requests = new Histogram({
    name: 'jhrm_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  /** bytes of uploaded files taken into the file store (materials, 场所视频, imports) */
  readonly uploadBytes = new Counter({
    name: 'jhrm_upload_bytes_total',
    help: 'Bytes of uploaded files taken into the file store',
    registers: [this.registry],
  });

  /** each run of a scheduled job (session purge, cleanup, audit checkpoint) and how it ended */
  readonly jobRuns = new Counter({
    name: 'jhrm_job_runs_total',
    help: 'Runs of scheduled jobs by job and outcome (ok, failed)',
    labelNames: ['job', 'outcome'] as const,
    registers: [this.registry],
  });

  constructor(database: Database) {
    // read at scrape time: the pool's own counters, nothing kept here
    new Gauge({
      name: 'jhrm_db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting requests, max); absent on PGlite',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = database.poolUse();
        if (!pool) return;
        this.set({ state: 'total' }, pool.size);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
        this.set({ state: 'max' }, pool.max);
      },
    });
  }

  /**
   * The job queue's jobs by queue and state (waiting: created or due for retry; failed: out of
   * retries), read from its tables at scrape time (decision 0041).
   */
  watchQueue(depth: () => Promise<{ queue: string; waiting: number; failed: number }[]>): void {
    new Gauge({
      name: 'jhrm_job_queue_jobs',
      help: 'Jobs in the PostgreSQL job queue by queue and state (waiting, failed)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        // a scrape never waits on a busy database (PGlite's one connection held by a transaction):
        // after a second the series are left out of this scrape
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<null>((r) => (timer = setTimeout(() => r(null), 1000)));
        const queues = await Promise.race([depth().catch(() => null), late]).finally(() => clearTimeout(timer));
        for (const q of queues ?? []) {
          this.set({ queue: q.queue, state: 'waiting' }, q.waiting);
          this.set({ queue: q.queue, state: 'failed' }, q.failed);
        }
      },
    });
  }

  /** Runs `job` once, counting how it ended; a failure is counted and rethrown. */
  async countRun<T>(job: string, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      this.jobRuns.inc({ job, outcome: 'ok' });
      return result;
    } catch (err) {
      this.jobRuns.inc({ job, outcome: 'failed' });
      throw err;
    }
  }

  /**
   * Serves GET /metrics (Prometheus text format) on a port of its own, with the process's CPU,
   * memory, event-loop and GC figures; resolves with the port once listening.
   */
  async serve(opts: { port: number; host: string }): Promise<{ port: number; close(): Promise<void> }> {
    if (!this.defaultsCollected) collectDefaultMetrics({ register: this.registry, prefix: 'jhrm_' });
    this.defaultsCollected = true;
    const server = http.createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found');
        return;
      }
      this.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.registry.contentType, 'cache-control': 'no-store' }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => resolve());
    });
    return {
      port: (server.address() as AddressInfo).port,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }
}

/** The blob store with the bytes of every upload it receives counted; the rest passes through. */
export function countingUploads(store: BlobStore, metrics: Metrics): BlobStore {
  return {
    // what the server writes itself (demo data, the readiness probe) is not an upload
    put: (input: Readable, maxBytes: number) => store.put(input, maxBytes),
    // every upload is staged (quarantined) first: multipart files here, finished resumable uploads below
    stage: async (input: Readable, maxBytes: number) => {
      const staged = await store.stage(input, maxBytes);
      metrics.uploadBytes.inc(staged.size);
      return staged;
    },
    stageFile: async (file: string, sha256: string, size: number) => {
      const staged = await store.stageFile(file, sha256, size);
      metrics.uploadBytes.inc(size);
      return staged;
    },
    get: (sha256, range) => store.get(sha256, range),
    size: (sha256) => store.size(sha256),
    delete: (sha256) => store.delete(sha256),
    list: (opts) => store.list(opts),
  };
}
