import type { QueueName } from '../jobs/queue';
import { jobHandlers } from '../jobs/handlers';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app';
import type { Config } from '../config';
import { openDatabase, type Database, type DatabaseOptions } from '../db/client';
import { migrate } from '../db/migrate';
import { createDeps, type AppDeps } from '../deps';
import { seedDemo } from '../seed/demo';
import { seedReference } from '../seed/reference';

/**
 * API tests run on a fresh database: in-memory PGlite by default, or, when TEST_DB_ENGINE is
 * `postgres`, a new database created on the server at TEST_DATABASE_URL and dropped afterwards.
 */
export const TEST_ENGINE: 'pglite' | 'postgres' = process.env.TEST_DB_ENGINE === 'postgres' ? 'postgres' : 'pglite';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    dataDir: '/nonexistent',
    databaseUrl: undefined,
    databaseDirectUrl: undefined,
    databasePreparedStatements: true,
    jobsEveryMinute: false,
    secrets: {
      pii: { encKey: randomBytes(16), macKey: randomBytes(32), indexKey: randomBytes(32) },
      auditKey: randomBytes(32),
    },
    webDist: undefined,
    sessionIdleMinutes: { unit: 30, staff: 15 },
    sessionAbsoluteHours: 12,
    secureCookies: false,
    logLevel: 'silent',
    sms: undefined,
    blobDir: mkdtempSync(path.join(tmpdir(), 'jhrm-blobs-')),
    s3: undefined,
    minStaff: 2,
    maxVideoBytes: 2 * 1024 ** 3,
    publicBaseUrl: 'https://hr.jl.example.cn',
    publicBaseUrlFromRequest: false,
    // the clamd started for the API run (clamd.global-setup.ts): uploads in tests are scanned for real
    clamd: inject('clamdSocket') ? { address: inject('clamdSocket'), timeoutMs: 10_000 } : undefined,
    trustProxy: false,
    apiDocs: true,
    metrics: undefined,
    ...overrides,
  };
}

/**
 * A database for one test file; `url` is set on PostgreSQL so a test can open a second connection.
 * Empty, unless `template` names a PostgreSQL database to copy (`CREATE DATABASE … TEMPLATE …`).
 */
export async function openTestDatabase(opts: Pick<DatabaseOptions, 'logger'> & { template?: string } = {}): Promise<Database & { url?: string }> {
  if (TEST_ENGINE === 'pglite') {
    // the run's dump of a cluster just after initdb (database-template.global-setup.ts): initdb in WASM costs seconds
    const empty = inject('pgliteEmpty');
    return openDatabase({ logger: opts.logger, ...(empty ? { pgliteSnapshot: new Blob([readFileSync(empty)]) } : {}) });
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL');
  const { default: pg } = await import('pg');
  const name = `jhrm_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${opts.template ? ` TEMPLATE ${opts.template}` : ''}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5, logger: opts.logger });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A clock tests can move forward. */
export function testClock(start = new Date('2026-11-26T09:00:00+08:00')) {
  let now = start.getTime();
  const clock = () => new Date(now);
  clock.advance = (ms: number) => {
    now += ms;
  };
  clock.advanceMinutes = (m: number) => clock.advance(m * 60_000);
  return clock;
}

export interface TestContext {
  app: FastifyInstance;
  deps: AppDeps;
  database: Database & { url?: string };
  clock: ReturnType<typeof testClock>;
  client(): TestClient;
  /** runs what waits in one job queue now with the server's own handlers (the SMS after a decision, …); how many completed */
  runJobs(name: QueueName): Promise<number>;
  close(): Promise<void>;
}

/**
 * The run's migrated template (database-template.global-setup.ts). PGlite: the dumped data directory,
 * read once per worker (with isolate: false the module, and so this, lives across test files).
 */
let snapshot: { file: string; blob: Blob } | undefined;
function pgliteSnapshot(): Blob {
  const file = inject('pgliteSnapshot');
  if (!file) throw new Error('no PGlite snapshot: the api project runs database-template.global-setup.ts');
  if (snapshot?.file !== file) snapshot = { file, blob: new Blob([readFileSync(file)]) };
  return snapshot.blob;
}

/** A fresh database for one test context, a copy of the run's migrated template. */
function openTemplateCopy(logger: DatabaseOptions['logger']): Promise<Database & { url?: string }> {
  if (TEST_ENGINE === 'pglite') return openDatabase({ logger, pgliteSnapshot: pgliteSnapshot() });
  const template = inject('postgresTemplate');
  if (!template) throw new Error('no PostgreSQL template: the api project runs database-template.global-setup.ts');
  return openTestDatabase({ logger, template });
}

export async function createTestContext(opts: { config?: Partial<Config>; demo?: boolean; logger?: DatabaseOptions['logger'] } = {}): Promise<TestContext> {
  const database = await openTemplateCopy(opts.logger);
  await migrate(database.db);
  await seedReference(database.db);
  const clock = testClock();
  const deps = createDeps(testConfig(opts.config), database, clock);
  if (opts.demo !== false) await seedDemo(deps);
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    database,
    clock,
    client: () => new TestClient(app),
    // a job is due when its start is strictly before the database's now(); PGlite's clock reads whole
    // milliseconds, so a job sent a moment ago could still be "not yet" without this pause
    runJobs: async (name) => {
      await new Promise((r) => setTimeout(r, 3));
      return deps.jobs.runPending(name, jobHandlers(deps, app.log)[name]);
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A browser-like client: keeps cookies and sends the CSRF header the way the web app does. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    /** each client is its own browser on its own address, as per-IP rate limits see it */
    readonly ip = `127.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 250)}`,
  ) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const cleared = c.value === '' || (c.expires && c.expires.getTime() <= Date.now()) || c.maxAge === 0;
      if (cleared) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
    if (method !== 'GET' && !this.cookies.has('jhrm_csrf')) await this.request('GET', '/api/auth/csrf');
    const csrf = this.cookies.get('jhrm_csrf');
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      cookies: Object.fromEntries(this.cookies),
      headers: { ...(method !== 'GET' && csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    return this.remember(res);
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);

  async login(account: string, password = 'Demo@123456') {
    const res = await this.post('/api/auth/login', { account, password });
    if (res.statusCode !== 200) throw new Error(`login ${account} failed: ${res.statusCode} ${res.body}`);
    return res.json() as { user: { id: string; role: string; unit: { id: string } | null } };
  }
}

/** Reads the answer of a fresh image captcha from the dev outbox, as a browser test would. */
export async function solveCaptcha(ctx: TestContext, c: TestClient): Promise<{ captchaId: string; captcha: string }> {
  const res = await c.get('/api/auth/captcha');
  const { id } = res.json() as { id: string };
  const answer = ctx.deps.outbox!.read().captchas.find((x) => x.id === id)!.answer;
  return { captchaId: id, captcha: answer };
}

/** Sends an SMS code through the real endpoint and returns the code from the dev outbox. */
export async function smsCode(ctx: TestContext, c: TestClient, phone: string, purpose: 'register' | 'appeal' = 'register'): Promise<string> {
  const res = await c.post('/api/auth/sms-code', { phone, purpose, ...(await solveCaptcha(ctx, c)) });
  if (res.statusCode !== 200) throw new Error(`sms-code failed: ${res.statusCode} ${res.body}`);
  return ctx.deps.outbox!.read().sms.find((m) => m.phone === phone)!.code!;
}
