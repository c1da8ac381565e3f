import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import path from 'node:path';
import type { PiiKeys } from './lib/crypto';

export interface Secrets {
  pii: PiiKeys;
  /** HMAC-SM3 key chaining the audit log */
  auditKey: Buffer;
}

export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL server; unset means embedded PGlite under dataDir/pg */
  databaseUrl: string | undefined;
  /** a direct connection to the same database for LISTEN when DATABASE_URL goes through a pooler (decision 0042) */
  databaseDirectUrl: string | undefined;
  /** named prepared statements for list queries; DATABASE_PREPARED_STATEMENTS=0 behind pgbouncer < 1.21 in transaction mode */
  databasePreparedStatements: boolean;
  /** every scheduled job each minute instead of its own schedule (JOBS_EVERY_MINUTE=1: the cluster test) */
  jobsEveryMinute: boolean;
  secrets: Secrets;
  /** Built SPA to serve; absent in API tests */
  webDist: string | undefined;
  sessionIdleMinutes: { unit: number; staff: number };
  sessionAbsoluteHours: number;
  /** `secure` cookie flag: on in production (behind TLS), off on http://localhost */
  secureCookies: boolean;
  logLevel: string;
  /** production SMS gateway; outside production the dev outbox is used */
  sms: { url: string; token: string } | undefined;
  /** where uploaded files live (BlobStore root); with `s3`, where uploads are received before they go to the bucket */
  blobDir: string;
  /** S3-compatible object storage for uploaded files, shared by every app process (decision 0038); unset: the local disk under blobDir */
  s3: S3Config | undefined;
  /** 专职工作人员 required for a 设立 submission (SPEC §4.1: 2; 人社部令第50号 requires 3) */
  minStaff: number;
  /** largest video (场所视频) a unit may upload, bytes */
  maxVideoBytes: number;
  /** the site's address as the public reaches it (no trailing slash): licence QR codes link here */
  publicBaseUrl: string;
  /**
   * Outside production with no PUBLIC_BASE_URL set: documents link to the address the request came
   * to (a licence printed from a colleague's machine must not point at http://localhost).
   */
  publicBaseUrlFromRequest: boolean;
  /** clamd scanning every upload; unset: uploads are stored unscanned (development, or production with MALWARE_SCAN=off) */
  clamd: { address: string; timeoutMs: number } | undefined;
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, or proxy-addr's
   * `loopback` / `linklocal` / `uniquelocal`); false: the connection's address is the client's.
   */
  trustProxy: string[] | false;
  /** serve the OpenAPI UI and document at /api/docs (decision 0016: off in production unless API_DOCS=1) */
  apiDocs: boolean;
  /** Prometheus metrics at GET /metrics on a port of their own, never the public one; unset: not served (decision 0036) */
  metrics: { port: number; host: string } | undefined;
}

/** An S3-compatible bucket (S3_* variables). */
export interface S3Config {
  bucket: string;
  /** key prefix inside the bucket (e.g. `jhrm/`); blobs are `${prefix}${sha256}` */
  prefix: string;
  /** S3-compatible service address (MinIO, Ceph, a cloud's object storage); absent: AWS */
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `http://host/bucket/key` addressing, which most S3-compatible servers need */
  forcePathStyle: boolean;
}

export class ConfigError extends Error {}

const SECRET_ENV = {
  JHRM_PII_ENC_KEY: 16,
  JHRM_PII_MAC_KEY: 32,
  JHRM_PII_INDEX_KEY: 32,
  JHRM_AUDIT_KEY: 32,
} as const;
type SecretName = keyof typeof SECRET_ENV;

function decodeKey(name: SecretName, value: string): Buffer {
  const buf = Buffer.from(value, 'hex');
  if (buf.length !== SECRET_ENV[name] || buf.toString('hex') !== value.toLowerCase()) {
    throw new ConfigError(`${name} must be ${SECRET_ENV[name] * 2} hex characters (${SECRET_ENV[name]} bytes)`);
  }
  return buf;
}

function toSecrets(get: (name: SecretName) => Buffer): Secrets {
  return {
    pii: { encKey: get('JHRM_PII_ENC_KEY'), macKey: get('JHRM_PII_MAC_KEY'), indexKey: get('JHRM_PII_INDEX_KEY') },
    auditKey: get('JHRM_AUDIT_KEY'),
  };
}

/** Production: every key from the environment, or a clear refusal listing what is missing. */
function secretsFromEnv(env: NodeJS.ProcessEnv): Secrets {
  const missing = (Object.keys(SECRET_ENV) as SecretName[]).filter((n) => !env[n]);
  if (missing.length) {
    throw new ConfigError(
      `Missing secrets for production: ${missing.join(', ')}. Generate each with \`openssl rand -hex N\` (N bytes as documented in README.md) and set them in the environment.`,
    );
  }
  return toSecrets((n) => decodeKey(n, env[n]!));
}

/** Development: generated once into DATA_DIR/secrets.json so encrypted data stays readable across restarts. */
function secretsFromDataDir(dataDir: string): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<Record<SecretName, string>> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8'));
  let changed = false;
  for (const [name, bytes] of Object.entries(SECRET_ENV) as [SecretName, number][]) {
    if (!stored[name]) {
      stored[name] = randomBytes(bytes).toString('hex');
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return toSecrets((n) => decodeKey(n, stored[n]!));
}

function smsFromEnv(env: NodeJS.ProcessEnv, required: boolean): Config['sms'] {
  if (env.SMS_GATEWAY_URL && env.SMS_GATEWAY_TOKEN) return { url: env.SMS_GATEWAY_URL, token: env.SMS_GATEWAY_TOKEN };
  if (required) throw new ConfigError('Missing SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN: production sends verification codes through the SMS gateway.');
  return undefined;
}

/** S3_BUCKET turns object storage on; then the keys are required and the endpoint, if any, must be a URL. */
function s3FromEnv(env: NodeJS.ProcessEnv): Config['s3'] {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) {
    const stray = ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((k) => env[k]);
    if (stray.length) throw new ConfigError(`${stray.join(', ')} set without S3_BUCKET: set S3_BUCKET to store files in object storage`);
    return undefined;
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey) throw new ConfigError('S3_BUCKET needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint)) throw new ConfigError(`S3_ENDPOINT must be an http(s) address, got "${endpoint}"`);
  return {
    bucket,
    prefix: env.S3_PREFIX ?? '',
    endpoint,
    region: env.S3_REGION?.trim() || 'us-east-1',
    accessKeyId,
    secretAccessKey,
    // S3-compatible servers (MinIO, Ceph …) mostly need path-style addressing; AWS itself does not
    forcePathStyle: flag(env.S3_FORCE_PATH_STYLE, endpoint !== undefined, 'S3_FORCE_PATH_STYLE'),
  };
}

/**
 * CLAMD_SOCKET: a Unix socket path or tcp://host:port. Production refuses to start without one
 * unless MALWARE_SCAN=off says so explicitly: an unscanned upload should be a decision, not an oversight.
 */
function clamdFromEnv(env: NodeJS.ProcessEnv, production: boolean): Config['clamd'] {
  const address = env.CLAMD_SOCKET?.trim() || undefined;
  const scan = env.MALWARE_SCAN?.trim() || undefined;
  if (scan !== undefined && scan !== 'off') throw new ConfigError(`MALWARE_SCAN may only be "off", got "${env.MALWARE_SCAN}"`);
  if (address && scan === 'off') throw new ConfigError('CLAMD_SOCKET and MALWARE_SCAN=off contradict each other: set one of them');
  if (!address) {
    if (production && scan !== 'off') {
      throw new ConfigError(
        'Missing CLAMD_SOCKET: production scans every upload with ClamAV. Set CLAMD_SOCKET=/run/clamav/clamd.ctl (or tcp://host:3310), or MALWARE_SCAN=off to store uploads unscanned.',
      );
    }
    return undefined;
  }
  if (!path.isAbsolute(address) && !/^tcp:\/\/[^\s/]+:\d{1,5}$/.test(address)) {
    throw new ConfigError(`CLAMD_SOCKET must be an absolute socket path or tcp://host:port, got "${address}"`);
  }
  return { address, timeoutMs: positiveInt(env.CLAMD_TIMEOUT_MS, 60_000, 'CLAMD_TIMEOUT_MS') };
}

/** An http(s) origin (optionally with a path prefix), without a trailing slash. */
function baseUrl(value: string | undefined, fallback: string, name: string): string {
  if (value === undefined || value === '') return fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be an absolute http(s) URL, got "${value}"`);
  if (url.search || url.hash) throw new ConfigError(`${name} must not carry a query or fragment, got "${value}"`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** DATABASE_DIRECT_URL only means something beside DATABASE_URL (PGlite has no pooler in front). */
function databaseDirectUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const direct = env.DATABASE_DIRECT_URL?.trim() || undefined;
  if (direct && !env.DATABASE_URL) throw new ConfigError('DATABASE_DIRECT_URL is set without DATABASE_URL');
  if (direct && !/^postgres(ql)?:\/\//.test(direct)) throw new ConfigError(`DATABASE_DIRECT_URL must be a postgres:// URL, got "${direct}"`);
  return direct;
}

/** `1` / `0` switches; unset or empty keeps the default. */
function flag(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === '1') return true;
  if (value === '0') return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${value}"`);
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} must be a positive integer, got "${value}"`);
  return n;
}

const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustedProxy(entry: string): boolean {
  if (PROXY_RANGES.has(entry) || isIP(entry)) return true;
  const m = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  if (!m) return false;
  const family = isIP(m[1]!);
  const bits = Number(m[2]);
  // a /0 range is everyone: the same as believing any client's X-Forwarded-For
  return family !== 0 && bits >= 1 && bits <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY lists the proxies in front of the app. The old `1` (believe X-Forwarded-For from
 * anyone) is refused rather than reinterpreted: every client could pick its own address.
 */
function trustProxyFromEnv(value: string | undefined): string[] | false {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0' || v.toLowerCase() === 'false') return false;
  if (v === '1' || v.toLowerCase() === 'true') {
    throw new ConfigError(
      'TRUST_PROXY=1 is no longer accepted: it believed X-Forwarded-For from any client. List the addresses or CIDR ranges of your reverse proxies instead, e.g. TRUST_PROXY=127.0.0.1 or TRUST_PROXY=10.0.0.0/8,192.168.1.10',
    );
  }
  const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !trustedProxy(e));
  if (bad.length) throw new ConfigError(`TRUST_PROXY must list IP addresses or CIDR ranges (not /0), got ${bad.map((b) => `"${b}"`).join(', ')}`);
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  const port = portFromEnv(env.PORT, 3000, 'PORT');
  return {
    env: mode,
    port,
    // outside production the demo passwords and /dev/outbox (SMS codes, captcha answers) stay on this machine
    host: env.HOST ?? (mode === 'production' ? '0.0.0.0' : '127.0.0.1'),
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseDirectUrl: databaseDirectUrlFromEnv(env),
    databasePreparedStatements: flag(env.DATABASE_PREPARED_STATEMENTS, true, 'DATABASE_PREPARED_STATEMENTS'),
    jobsEveryMinute: flag(env.JOBS_EVERY_MINUTE, false, 'JOBS_EVERY_MINUTE'),
    secrets: mode === 'production' ? secretsFromEnv(env) : secretsFromDataDir(dataDir),
    webDist: env.WEB_DIST ? path.resolve(env.WEB_DIST) : undefined,
    sessionIdleMinutes: { unit: 30, staff: 15 },
    sessionAbsoluteHours: 12,
    secureCookies: mode === 'production' && env.INSECURE_COOKIES !== '1',
    logLevel: env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info'),
    sms: smsFromEnv(env, mode === 'production'),
    blobDir: path.join(dataDir, 'blobs'),
    s3: s3FromEnv(env),
    minStaff: positiveInt(env.MIN_FULLTIME_STAFF, 2, 'MIN_FULLTIME_STAFF'),
    maxVideoBytes: positiveInt(env.MAX_VIDEO_BYTES, 2 * 1024 ** 3, 'MAX_VIDEO_BYTES'),
    publicBaseUrl: baseUrl(env.PUBLIC_BASE_URL, `http://localhost:${port}`, 'PUBLIC_BASE_URL'),
    publicBaseUrlFromRequest: mode !== 'production' && !env.PUBLIC_BASE_URL,
    clamd: clamdFromEnv(env, mode === 'production'),
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY),
    apiDocs: flag(env.API_DOCS, mode !== 'production', 'API_DOCS'),
    metrics: metricsFromEnv(env, port),
  };
}

function portFromEnv(value: string | undefined, fallback: number, name: string): number {
  const port = Number(value ?? fallback);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`${name} must be a port number, got "${value}"`);
  return port;
}

function metricsFromEnv(env: NodeJS.ProcessEnv, appPort: number): Config['metrics'] {
  if (env.METRICS_PORT === undefined || env.METRICS_PORT === '') {
    if (env.METRICS_HOST) throw new ConfigError('METRICS_HOST is set without METRICS_PORT');
    return undefined;
  }
  const port = portFromEnv(env.METRICS_PORT, 0, 'METRICS_PORT');
  if (port !== 0 && port === appPort) throw new ConfigError('METRICS_PORT must differ from PORT: metrics are never served on the public port');
  // loopback by default: a scraper on another machine is let in by setting METRICS_HOST explicitly
  return { port, host: env.METRICS_HOST || '127.0.0.1' };
}
