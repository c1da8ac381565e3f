import autocannon from 'autocannon';

export interface LoadOptions {
  /** concurrent keep-alive connections */
  connections: number;
  /** measured run, seconds */
  durationS: number;
  /** unrecorded run before it (JIT, pools, caches), seconds; 0 to skip */
  warmupS: number;
}

export const DEFAULT_LOAD: LoadOptions = { connections: 32, durationS: 10, warmupS: 2 };

export interface LoadRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /**
   * send each request from another client address (X-Forwarded-For, trusted by the server for
   * 127.0.0.1): the public register's per-address rate limit then sees many visitors, as in life
   */
  manyVisitors?: boolean;
}

export interface LatencyFigures {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export interface ScenarioResult {
  name: string;
  description: string;
  connections: number;
  durationS: number;
  /** completed responses, whatever their status */
  requests: number;
  requestsPerSec: number;
  /** over every response, ms */
  latencyMs: Omit<LatencyFigures, 'requests'>;
  /** one line per distinct request of a multi-request scenario */
  perRequest: ({ request: string } & LatencyFigures)[];
  /** connection errors and timeouts */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** the distinct messages of the connection errors and timeouts, with their counts */
  errorMessages: Record<string, number>;
  notes: string[];
  /** figures a scenario adds (page loads per second …) */
  extra: Record<string, number>;
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

let visitor = 0;
/** 10.0.0.0/8 addresses in turn: 16 million before one repeats */
function nextVisitor(): string {
  visitor = (visitor + 1) % 0xffffff;
  return `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`;
}

/** Growable list of latencies (ms). */
class Samples {
  private data = new Float64Array(4096);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  figures(): LatencyFigures {
    const sorted = this.data.slice(0, this.length).sort();
    let sum = 0;
    for (const v of sorted) sum += v;
    return {
      requests: sorted.length,
      p50: round2(percentile(sorted, 50)),
      p95: round2(percentile(sorted, 95)),
      p99: round2(percentile(sorted, 99)),
      mean: round2(sorted.length ? sum / sorted.length : 0),
      max: round2(sorted.length ? sorted[sorted.length - 1]! : 0),
    };
  }
}

function cannon(opts: autocannon.Options, onResponse?: (client: autocannon.Client, status: number, ms: number) => void, onError?: (err: unknown) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
    if (onResponse) instance.on('response', (client, status, _bytes, ms) => onResponse(client, status, ms));
    if (onError) instance.on('reqError', onError);
  });
}

/**
 * Runs `requests` in a loop on every connection (each connection sends them in order, one at a
 * time) for `durationS` after an unrecorded warm-up, and measures every response's latency itself:
 * autocannon's own histogram has no p95 and keeps 2xx only.
 */
export async function runLoad(args: {
  name: string;
  description: string;
  baseUrl: string;
  requests: LoadRequest[];
  headers?: Record<string, string>;
  load: LoadOptions;
  notes?: string[];
  /** called right before the measured run; what the returned function reports lands in `extra` */
  measure?: () => () => Record<string, number>;
}): Promise<ScenarioResult> {
  const { load } = args;
  const url = new URL(args.baseUrl);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error(`bench traffic goes to 127.0.0.1 only, not ${url.hostname}`);
  const base: autocannon.Options = {
    url: args.baseUrl,
    connections: load.connections,
    timeout: 10,
    headers: args.headers ?? {},
    requests: args.requests.map((r) => ({
      method: r.method ?? 'GET',
      path: r.path,
      headers: r.headers,
      body: r.body,
      ...(r.manyVisitors ? { setupRequest: (req: autocannon.Request) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': nextVisitor() } }) } : {}),
    })),
  };
  if (load.warmupS > 0) await cannon({ ...base, duration: load.warmupS });

  const all = new Samples();
  const byRequest = new Map<string, Samples>();
  const endMeasure = args.measure?.();
  const errorMessages: Record<string, number> = {};
  const onError = (err: unknown) => {
    const message = err instanceof Error ? `${(err as NodeJS.ErrnoException).code ?? err.name}: ${err.message}` : String(err);
    errorMessages[message] = (errorMessages[message] ?? 0) + 1;
  };
  const result = await cannon({ ...base, duration: load.durationS, title: args.name }, (client, _status, ms) => {
    all.push(ms);
    if (args.requests.length > 1) {
      // with pipelining 1 the connection's iterator still points at the request just answered
      const current = client.requestIterator?.currentRequest;
      const key = current?.path ? `${current.method ?? 'GET'} ${current.path}` : 'unknown';
      let samples = byRequest.get(key);
      if (!samples) byRequest.set(key, (samples = new Samples()));
      samples.push(ms);
    }
  }, onError);

  const extra = endMeasure?.() ?? {};
  const figures = all.figures();
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statusCodes[code] = count;
  const actualS = result.duration > 0 ? result.duration : load.durationS;
  return {
    name: args.name,
    description: args.description,
    connections: load.connections,
    durationS: load.durationS,
    requests: figures.requests,
    requestsPerSec: Math.round(figures.requests / actualS),
    latencyMs: { p50: figures.p50, p95: figures.p95, p99: figures.p99, mean: figures.mean, max: figures.max },
    perRequest: [...byRequest.entries()].map(([request, s]) => ({ request, ...s.figures() })),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    errorMessages,
    notes: args.notes ?? [],
    extra,
  };
}
