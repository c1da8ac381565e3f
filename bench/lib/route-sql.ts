import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { openDatabase } from '../../apps/server/src/db/client';
import { createDeps } from '../../apps/server/src/deps';
import { DEMO_PASSWORD } from './session';

/** One statement exactly as the server sent it: text and bound values. */
export interface SentStatement {
  text: string;
  params: unknown[];
}

export interface RouteSql {
  label: string;
  url: string;
  account: string | null;
  /** GET unless given (a POST that only reads, such as the 抽查 预估) */
  method?: 'GET' | 'POST';
  payload?: Record<string, unknown>;
  status: number;
  /** every statement the request sent, in order */
  statements: SentStatement[];
}

/**
 * Runs the real app in this process (the same `openDatabase` and `buildApp` the server runs) on
 * the bench database, with a query logger that records every statement, and sends each route one request. What
 * comes back is the SQL the route sends, not a copy written here: whichever query builder or
 * prepared statement a route uses, its text and parameters are what EXPLAIN then sees.
 */
export async function captureRouteSql(opts: {
  databaseUrl: string;
  /** the development data directory the server was seeded with (its secrets.json decrypts the demo data) */
  dataDir: string;
  routes: { label: string; url: string; account: string | null; method?: 'GET' | 'POST'; payload?: Record<string, unknown> }[];
}): Promise<RouteSql[]> {
  let recording: SentStatement[] | null = null;
  // the server's own database opening (pool size, JIT off …), with a logger that sees every statement as sent
  const database = await openDatabase({
    url: opts.databaseUrl,
    poolSize: 4,
    logger: { logQuery: (text, params) => void recording?.push({ text, params }) },
  });
  const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: opts.databaseUrl, DATA_DIR: opts.dataDir, LOG_LEVEL: 'error', API_DOCS: '0' });
  const app = await buildApp(createDeps(config, database));
  await app.ready();
  try {
    const cookies = new Map<string, string>();
    const out: RouteSql[] = [];
    for (const route of opts.routes) {
      const cookie = route.account ? await signIn(app, route.account, cookies) : undefined;
      recording = [];
      const csrf = cookie?.match(/jhrm_csrf=([^;]+)/)?.[1];
      const res = await app.inject({
        method: route.method ?? 'GET',
        url: route.url,
        headers: { ...(cookie ? { cookie } : {}), ...(route.method === 'POST' && csrf ? { 'x-csrf-token': csrf } : {}) },
        ...(route.payload ? { payload: route.payload } : {}),
      });
      out.push({ ...route, status: res.statusCode, statements: recording });
      recording = null;
    }
    return out;
  } finally {
    await app.close();
    await database.close();
  }
}

async function signIn(app: FastifyInstance, account: string, cache: Map<string, string>): Promise<string> {
  const known = cache.get(account);
  if (known) return known;
  const csrf = await app.inject({ method: 'GET', url: '/api/auth/csrf' });
  const token = (csrf.json() as { csrfToken: string }).csrfToken;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-csrf-token': token, cookie: `jhrm_csrf=${cookieValue(csrf, 'jhrm_csrf') ?? token}` },
    payload: { account, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login as ${account} answered ${res.statusCode}: ${res.body}`);
  const cookie = `jhrm_sid=${cookieValue(res, 'jhrm_sid')}; jhrm_csrf=${cookieValue(res, 'jhrm_csrf') ?? token}`;
  cache.set(account, cookie);
  return cookie;
}

function cookieValue(res: LightMyRequestResponse, name: string): string | undefined {
  return (res.cookies as { name: string; value: string }[]).find((c) => c.name === name)?.value;
}

/** A SELECT (or WITH … SELECT) that EXPLAIN ANALYZE can run without writing anything. */
export function isRead(s: SentStatement): boolean {
  return /^\s*(select|with)\b/i.test(s.text) && !/\b(insert|update|delete)\b/i.test(s.text);
}

/** The session lookup every signed-in request makes first (plugins/auth.ts → sessions). */
export function isSessionLookup(s: SentStatement): boolean {
  return /\bfrom\s+"?sessions"?/i.test(s.text);
}

/**
 * What the bare reference replays of a route: its reads, without the session lookup and without
 * the transactions it wrote in (the staff-read audit append: lock, chain head, insert).
 */
export function dataReads(statements: SentStatement[]): SentStatement[] {
  let depth = 0;
  return statements.filter((s) => {
    if (/^\s*begin\b/i.test(s.text)) depth++;
    else if (/^\s*(commit|rollback)\b/i.test(s.text)) depth = Math.max(0, depth - 1);
    else return depth === 0 && isRead(s) && !isSessionLookup(s);
    return false;
  });
}
