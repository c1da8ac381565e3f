/**
 * A production-shaped cluster on one machine, for `npm run test:cluster` and the bench's
 * `cluster` scenario: app processes (the bundle `npm start` builds, NODE_ENV=production) on ports of
 * their own, nginx in front configured as docs/deploy.md says, s3rver as the bucket, optionally
 * pgbouncer (transaction mode) between the apps and PostgreSQL, and a sink for the SMS gateway.
 * Everything runs as child processes of the caller, under one temp folder, and `Cluster.stop()`
 * ends every one of them (also when the caller fails half-way).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, createWriteStream, statSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianProgram } from '../../scripts/debian-package.mjs';

/** the repository root (cluster/lib/ → ../..) */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'apps/server/dist/server.mjs');
const START_SCRIPT = path.join(REPO_ROOT, 'scripts/start.mjs');

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A TCP port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** The four keys production requires (README's configuration table), fresh. */
export function generateSecrets(): Record<string, string> {
  return {
    JHRM_PII_ENC_KEY: randomBytes(16).toString('hex'),
    JHRM_PII_MAC_KEY: randomBytes(32).toString('hex'),
    JHRM_PII_INDEX_KEY: randomBytes(32).toString('hex'),
    JHRM_AUDIT_KEY: randomBytes(32).toString('hex'),
  };
}

/** GET `url` and its status, or 0 when nothing answered within `timeoutMs`. */
export async function statusOf(url: string, timeoutMs = 2000): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Polls `url` until it answers 200; throws after `timeoutMs` or when `gone()` says the process ended. */
export async function waitFor200(url: string, timeoutMs: number, gone: () => string | null = () => null): Promise<number> {
  const started = performance.now();
  for (;;) {
    if ((await statusOf(url)) === 200) return Math.round(performance.now() - started);
    const why = gone();
    if (why) throw new Error(`${url}: ${why}`);
    if (performance.now() - started > timeoutMs) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** A child process, its exit as a promise. */
interface Child {
  proc: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function track(proc: ChildProcess): Child {
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  return { proc, exited };
}

const running = (c: Child) => c.proc.exitCode === null && c.proc.signalCode === null;

/** `signal`, then SIGKILL when it has not exited within `graceMs`. */
async function stopChild(c: Child, signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
  if (!running(c)) return;
  c.proc.kill(signal);
  const done = await Promise.race([c.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done && running(c)) {
    c.proc.kill('SIGKILL');
    await c.exited;
  }
}

// -------------------------------------------------------------------------------------------------
// Debian programs

export const ensureNginx = () => ensureDebianProgram({ binary: '/usr/sbin/nginx', override: 'NGINX_PATH', pkg: 'nginx', purpose: 'the cluster test (nginx in front of the app processes)' });
export const ensurePgbouncer = () =>
  ensureDebianProgram({ binary: '/usr/sbin/pgbouncer', override: 'PGBOUNCER_PATH', pkg: 'pgbouncer', purpose: 'the cluster test (pgbouncer between the app processes and PostgreSQL)' });

/**
 * Whether this build of the server can run behind pgbouncer in transaction mode: it must be able to
 * turn named prepared statements off (pgbouncer < 1.21 cannot keep them) and to take a direct
 * connection for LISTEN/NOTIFY, migrations and the job queue. Read from the configuration source,
 * where the variables are parsed.
 */
export function serverSupportsPgbouncer(): boolean {
  const source = readFileSync(path.join(REPO_ROOT, 'apps/server/src/config.ts'), 'utf8');
  return source.includes('DATABASE_PREPARED_STATEMENTS') && source.includes('DATABASE_DIRECT_URL');
}

// -------------------------------------------------------------------------------------------------
// nginx

export interface NginxOptions {
  port: number;
  appPorts: number[];
  /** test only: answer each response with the upstream that served it (X-Upstream-Addr) */
  upstreamHeader?: boolean;
}

/**
 * nginx's configuration for `dir`: the upstreams, proxy settings and upload location of
 * docs/deploy.md (without TLS), with its pid, logs and temp paths inside `dir`. The access log
 * names the upstream(s) each request went to, and the status each answered.
 */
export function nginxConfig(dir: string, opts: NginxOptions): string {
  const servers = (extra: string) => opts.appPorts.map((p) => `        server 127.0.0.1:${p}${extra};`).join('\n');
  const include = path.join(dir, 'jhrm-proxy.conf');
  writeFileSync(
    include,
    [
      'proxy_http_version 1.1;',
      'proxy_set_header Connection "";',
      'proxy_set_header Host $host;',
      'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
      'proxy_set_header X-Forwarded-Proto $scheme;',
      'proxy_set_header X-Forwarded-Host $host;',
      ...(opts.upstreamHeader ? ['add_header X-Upstream-Addr $upstream_addr always;'] : []),
      '',
    ].join('\n'),
  );
  return `# generated by cluster/lib/cluster.ts: docs/deploy.md's nginx configuration, without TLS
daemon off;
worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 1024; }
http {
    log_format upstreams '$msec c$connection#$connection_requests $request_method $uri $status upstream=$upstream_addr upstream_status=$upstream_status request_time=$request_time';
    access_log ${dir}/access.log upstreams;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;

    upstream jhrm {
${servers(' max_fails=0')}
        keepalive 32;
    }

    server {
        listen 127.0.0.1:${opts.port};
        server_name localhost;
        # materials and imports: the app refuses more than its own limits (24 MiB a file); leave room
        client_max_body_size 64m;
        # not in docs/deploy.md: autocannon ignores the Connection: close nginx sends after 1000
        # requests on a connection (the default), and counts the race as a connection error
        keepalive_requests 1000000;

        location /api/uploads/video {
            # tus PATCH chunks: stream to the app, no buffering, generous time for slow links; any
            # process takes any chunk (progress in PostgreSQL, chunks in the bucket): no affinity
            proxy_pass http://jhrm;
            proxy_request_buffering off;
            proxy_buffering off;
            client_max_body_size 0;
            proxy_read_timeout 600s;
            proxy_send_timeout 600s;
            include ${include};
        }

        location / {
            proxy_pass http://jhrm;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 2;
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
            proxy_buffering off;
            include ${include};
        }
    }
}
`;
}

export interface RunningNginx {
  baseUrl: string;
  accessLog: string;
  /** sends requests to these app ports only from now on (configuration rewritten, SIGHUP) */
  upstreams(appPorts: number[]): Promise<void>;
  stop(): Promise<void>;
}

/** nginx in the foreground (daemon off) as a child process, checked with `nginx -t` first. */
async function startNginx(binary: string, dir: string, opts: NginxOptions, children: Set<Child>): Promise<RunningNginx> {
  mkdirSync(dir, { recursive: true });
  // as root, nginx's workers run as nobody: they must reach their temp paths under dir
  chmodSync(dir, 0o755);
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(conf, nginxConfig(dir, opts));
  const check = spawnSync(binary, ['-t', '-q', '-p', dir, '-c', conf], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t refused ${conf}:\n${check.stderr}`);
  const child = track(spawn(binary, ['-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] }));
  children.add(child);
  let stderr = '';
  child.proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const started = performance.now();
  // any answer (nginx's own 502 included) means it listens
  while ((await statusOf(`${baseUrl}/api/health`, 1000)) === 0) {
    if (!running(child)) throw new Error(`nginx exited: ${stderr}${safeRead(path.join(dir, 'error.log'))}`);
    if (performance.now() - started > 15_000) throw new Error('nginx did not listen within 15 s');
    await sleep(50);
  }
  return {
    baseUrl,
    accessLog: path.join(dir, 'access.log'),
    upstreams: async (appPorts) => {
      writeFileSync(conf, nginxConfig(dir, { ...opts, appPorts }));
      const recheck = spawnSync(binary, ['-t', '-q', '-p', dir, '-c', conf], { encoding: 'utf8' });
      if (recheck.status !== 0) throw new Error(`nginx -t refused ${conf}:\n${recheck.stderr}`);
      child.proc.kill('SIGHUP');
      // new workers take the configuration; the old ones finish what they hold
      await sleep(1000);
    },
    stop: async () => {
      await stopChild(child, 'SIGTERM', 5000);
      children.delete(child);
    },
  };
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

// -------------------------------------------------------------------------------------------------
// s3rver, pgbouncer, SMS sink

const S3RVER_CHILD = `
const S3rver = require('s3rver');
const [directory, bucket] = process.argv.slice(1);
new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] })
  .run()
  .then(({ port }) => console.log(String(port)), (err) => { console.error(err); process.exit(1); });
`;

/** s3rver (from npm, as the API tests use it) in a child process, on a free port, with one bucket. */
async function startS3rver(dir: string, bucket: string, children: Set<Child>): Promise<{ env: Record<string, string>; stop(): Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  // s3rver is the server workspace's dev dependency
  const child = track(spawn(process.execPath, ['-e', S3RVER_CHILD, dir, bucket], { cwd: path.join(REPO_ROOT, 'apps/server'), stdio: ['ignore', 'pipe', 'pipe'] }));
  children.add(child);
  let stderr = '';
  child.proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.proc.stdout?.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    void child.exited.then(() => reject(new Error(`s3rver exited: ${stderr}`)));
  });
  return {
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'us-east-1',
      // s3rver's fixed credentials
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PREFIX: 'jhrm/',
    },
    stop: async () => {
      await stopChild(child, 'SIGTERM', 5000);
      children.delete(child);
    },
  };
}

/**
 * pgbouncer in transaction mode in front of `postgresUrl`'s server (trust auth, as the local
 * PostgreSQL has), on a free port. pgbouncer refuses to run as root: as root it runs as `postgres`.
 */
async function startPgbouncer(binary: string, dir: string, postgresUrl: string, children: Set<Child>): Promise<{ url(database: string): string; version: string; stop(): Promise<void> }> {
  mkdirSync(dir, { recursive: true });
  const target = new URL(postgresUrl);
  const port = await freePort();
  const user = decodeURIComponent(target.username || 'postgres');
  writeFileSync(path.join(dir, 'userlist.txt'), `"${user}" ""\n`);
  const ini = path.join(dir, 'pgbouncer.ini');
  writeFileSync(
    ini,
    `[databases]
* = host=${target.hostname} port=${target.port || 5432}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${path.join(dir, 'userlist.txt')}
pool_mode = transaction
max_client_conn = 400
default_pool_size = 40
ignore_startup_parameters = extra_float_digits,options
logfile = ${path.join(dir, 'pgbouncer.log')}
pidfile = ${path.join(dir, 'pgbouncer.pid')}
`,
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (pw.status !== 0) throw new Error('pgbouncer does not run as root and there is no postgres user to run it as');
    chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()));
    chmodSync(dir, 0o755);
  }
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]?.trim() ?? 'pgbouncer';
  const child = track(spawn(binary, [...(asRoot ? ['-u', 'postgres'] : []), ini], { stdio: ['ignore', 'pipe', 'pipe'] }));
  children.add(child);
  let output = '';
  child.proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = (database: string) => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${database}`;
  const started = performance.now();
  const pg = (await import('pg')).default;
  for (;;) {
    const client = new pg.Client({ connectionString: url('postgres') });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      break;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (!running(child)) throw new Error(`pgbouncer exited: ${output}${safeRead(path.join(dir, 'pgbouncer.log'))}`);
      if (performance.now() - started > 15_000) throw new Error(`pgbouncer did not answer within 15 s: ${(err as Error).message}`);
      await sleep(100);
    }
  }
  return {
    url,
    version,
    stop: async () => {
      await stopChild(child, 'SIGTERM', 5000);
      children.delete(child);
    },
  };
}

/** The production SMS gateway's stand-in: accepts every POST (the app's HttpSmsGateway) and counts them. */
async function startSmsSink(): Promise<{ url: string; received(): number; stop(): Promise<void> }> {
  let received = 0;
  const server: Server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST') received++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = addr && typeof addr === 'object' ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received: () => received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// -------------------------------------------------------------------------------------------------
// app processes

export interface AppProcess {
  /** 1-based */
  slot: number;
  port: number;
  metricsPort: number;
  baseUrl: string;
  /** the current incarnation's pid (null when stopped) */
  pid(): number | null;
  /** every incarnation's log file (stdout and stderr), oldest first */
  logs: string[];
  /** its DATA_DIR: a PATCH body of a resumable upload is received under `blobs/tmp` there */
  dataDir: string;
  /** starts an incarnation and resolves once /api/health/ready answers 200; its start time in ms */
  start(): Promise<number>;
  /** SIGTERM and wait for the exit (SIGKILL after 15 s); the exit code */
  stop(): Promise<number | null>;
  /** SIGKILL, no grace */
  kill9(): Promise<void>;
}

function appProcess(opts: { slot: number; port: number; metricsPort: number; env: NodeJS.ProcessEnv; dir: string; entry: 'bundle' | 'start'; children: Set<Child> }): AppProcess {
  let child: Child | null = null;
  let log: WriteStream | null = null;
  const logs: string[] = [];
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const dataDir = path.join(opts.dir, `app${opts.slot}-data`);
  mkdirSync(dataDir, { recursive: true });
  const closeLog = () => new Promise<void>((resolve) => (log ? log.end(() => resolve()) : resolve()));
  const self: AppProcess = {
    slot: opts.slot,
    port: opts.port,
    metricsPort: opts.metricsPort,
    baseUrl,
    logs,
    dataDir,
    pid: () => (child && running(child) ? (child.proc.pid ?? null) : null),
    async start() {
      if (child && running(child)) throw new Error(`app ${opts.slot} is already running`);
      const file = path.join(opts.dir, `app${opts.slot}.${logs.length}.log`);
      logs.push(file);
      log = createWriteStream(file);
      const env = { ...opts.env, PORT: String(opts.port), HOST: '127.0.0.1', METRICS_PORT: String(opts.metricsPort), DATA_DIR: dataDir };
      // `bundle`: the file `npm start` builds, run directly; `start`: scripts/start.mjs itself (builds what changed, then imports the bundle)
      const argv = opts.entry === 'bundle' ? ['--enable-source-maps', SERVER_BUNDLE] : [START_SCRIPT];
      const c = track(spawn(process.execPath, argv, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }));
      child = c;
      opts.children.add(c);
      c.proc.stdout?.pipe(log, { end: false });
      c.proc.stderr?.pipe(log, { end: false });
      const gone = () => (running(c) ? null : `app ${opts.slot} exited (${c.proc.exitCode ?? c.proc.signalCode}) before it was ready: see ${file}:\n${safeRead(file).slice(-3000)}`);
      // scripts/start.mjs may first build the web app (about a minute on two cores)
      return waitFor200(`${baseUrl}/api/health/ready`, opts.entry === 'start' ? 300_000 : 120_000, gone);
    },
    async stop() {
      const c = child;
      if (!c) return null;
      await stopChild(c);
      opts.children.delete(c);
      await closeLog();
      return c.proc.exitCode;
    },
    async kill9() {
      const c = child;
      if (!c) return;
      c.proc.kill('SIGKILL');
      await c.exited;
      opts.children.delete(c);
      await closeLog();
    },
  };
  return self;
}

// -------------------------------------------------------------------------------------------------
// the cluster

export interface ClusterOptions {
  /** the app's database (direct PostgreSQL) */
  databaseUrl: string;
  processes: number;
  /** pgbouncer (transaction mode) for the apps' pool; needs serverSupportsPgbouncer() */
  pgbouncer: boolean;
  /** `bundle`: node apps/server/dist/server.mjs (build it first); `start`: node scripts/start.mjs */
  entry: 'bundle' | 'start';
  /** more environment for every app process (JOBS_EVERY_MINUTE …) */
  env?: Record<string, string>;
  /** keys; default: fresh ones */
  secrets?: Record<string, string>;
  upstreamHeader?: boolean;
  logLevel?: string;
}

export interface Cluster {
  dir: string;
  nginx: RunningNginx;
  apps: AppProcess[];
  /** the environment every app process gets (PORT, METRICS_PORT, DATA_DIR aside) */
  env: Record<string, string>;
  secrets: Record<string, string>;
  /** pgbouncer's version when it is in use */
  pgbouncer: string | null;
  smsReceived(): number;
  /**
   * every process, nginx, pgbouncer, s3rver and the temp folder; safe to call twice. `keepLogsIn`:
   * first copy every log (apps, nginx, pgbouncer) there
   */
  stop(keepLogsIn?: string): Promise<void>;
}

/**
 * Starts s3rver, the SMS sink, pgbouncer (when asked), then prepares the app processes and nginx.
 * The apps are not started: call `startApps()` after seeding the database with `env`.
 */
export async function createCluster(opts: ClusterOptions): Promise<Cluster & { startApps(): Promise<number[]> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jhrm-cluster-'));
  // nginx's workers and pgbouncer (as root, both run as another user) reach their own folders in it
  chmodSync(dir, 0o711);
  const children = new Set<Child>();
  const stops: (() => Promise<void>)[] = [];
  let stopped = false;
  // a failure or Ctrl-C half-way must not leave processes behind
  const killAll = () => {
    for (const c of children) if (running(c)) c.proc.kill('SIGKILL');
  };
  process.once('exit', killAll);
  const stop = async (keepLogsIn?: string) => {
    if (stopped) return;
    stopped = true;
    for (const s of stops.reverse()) await s().catch((err: unknown) => console.error(`cleanup: ${(err as Error).message}`));
    killAll();
    process.removeListener('exit', killAll);
    if (keepLogsIn) {
      rmSync(keepLogsIn, { recursive: true, force: true });
      cpSync(dir, keepLogsIn, { recursive: true, filter: (src) => statSync(src).isDirectory() ? !/(-data|\/s3)$/.test(src) : src.endsWith('.log') || src.endsWith('.conf') || src.endsWith('.ini') });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const nginxBinary = ensureNginx();
    const s3 = await startS3rver(path.join(dir, 's3'), 'jhrm-cluster', children);
    stops.push(s3.stop);
    const sms = await startSmsSink();
    stops.push(sms.stop);
    let appUrl = opts.databaseUrl;
    let pgbouncer: string | null = null;
    const pgEnv: Record<string, string> = { DATABASE_DIRECT_URL: opts.databaseUrl };
    if (opts.pgbouncer) {
      // pgbouncer drops the app's `-c jit=off` startup option (ignore_startup_parameters): the
      // database says it instead, as docs/deploy.md asks
      const pg = (await import('pg')).default;
      const admin = new pg.Client({ connectionString: opts.databaseUrl });
      await admin.connect();
      await admin.query(`ALTER DATABASE "${new URL(opts.databaseUrl).pathname.slice(1)}" SET jit = off`).finally(() => admin.end());
      const bouncer = await startPgbouncer(ensurePgbouncer(), path.join(dir, 'pgbouncer'), opts.databaseUrl, children);
      stops.push(bouncer.stop);
      appUrl = bouncer.url(new URL(opts.databaseUrl).pathname.slice(1));
      pgbouncer = bouncer.version;
      pgEnv.DATABASE_PREPARED_STATEMENTS = '0';
    }
    const secrets = opts.secrets ?? generateSecrets();
    const nginxPort = await freePort();
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      DATABASE_URL: appUrl,
      ...pgEnv,
      ...secrets,
      ...s3.env,
      SMS_GATEWAY_URL: sms.url,
      SMS_GATEWAY_TOKEN: 'cluster',
      MALWARE_SCAN: 'off',
      API_DOCS: '0',
      TRUST_PROXY: '127.0.0.1',
      PUBLIC_BASE_URL: `http://127.0.0.1:${nginxPort}`,
      LOG_LEVEL: opts.logLevel ?? 'info',
      ...opts.env,
    };
    const baseEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: process.env.LANG, TZ: process.env.TZ, ...env };
    const apps: AppProcess[] = [];
    for (let slot = 1; slot <= opts.processes; slot++) {
      const app = appProcess({ slot, port: await freePort(), metricsPort: await freePort(), env: baseEnv, dir, entry: opts.entry, children });
      apps.push(app);
      stops.push(async () => void (await app.stop()));
    }
    const nginx = await startNginx(nginxBinary, path.join(dir, 'nginx'), { port: nginxPort, appPorts: apps.map((a) => a.port), upstreamHeader: opts.upstreamHeader }, children);
    stops.push(nginx.stop);
    return {
      dir,
      nginx,
      apps,
      env,
      secrets,
      pgbouncer,
      smsReceived: sms.received,
      stop,
      // one after the other: the first applies any migration under its lock, the others find none
      startApps: async () => {
        const times: number[] = [];
        for (const app of apps) times.push(await app.start());
        return times;
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
