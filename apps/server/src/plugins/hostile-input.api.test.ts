import { readdirSync } from 'node:fs';
import Fastify from 'fastify';
import { count, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { MATERIAL_SLOTS, TEMPLATES } from '@jhrm/contracts';
import { queryRows } from '../db/client';
import { appeals, users } from '../modules/accounts/accounts.table';
import { auditLog } from '../modules/audit/audit.table';
import { inspectionTasks } from '../modules/inspections/inspections.table';
import { createTestContext, solveCaptcha, type TestClient } from '../test/harness';
import { createDemoApplication } from '../test/fixtures';
import { multipart, SAMPLE } from '../test/multipart';
import type { Access } from './auth';
import { errorHandlerPlugin } from './error-handler';

/**
 * Generated from the app itself: every route (app.routeAccess) is called by a principal allowed to
 * call it, with hostile text in every query parameter its schema declares (or a generic `q`), in
 * every path parameter, in every string of its JSON body, and with broken bodies on every route
 * that reads multipart. Nothing may answer 5xx; hostile text must get a 400 with a Chinese message.
 */

const ctx = await createTestContext();
afterAll(() => ctx.close());

type Role = 'legal' | 'agent' | 'reviewer' | 'admin';
type Principal = 'public' | Role;
const ACCOUNTS: Record<Role, string> = { legal: 'demo_legal', agent: 'demo_agent', reviewer: 'demo_reviewer', admin: 'demo_admin' };

const signedIn = new Map<Role, TestClient>();
for (const role of Object.keys(ACCOUNTS) as Role[]) {
  const c = ctx.client();
  await c.login(ACCOUNTS[role]);
  signedIn.set(role, c);
}

/** A principal the route admits; its session on a fresh address each time, so per-IP rate limits never answer first. */
const principalFor = (access: Access): Principal => (access === 'public' ? 'public' : (access[0] as Role));
function clientAs(principal: Principal): TestClient {
  const c = ctx.client();
  if (principal !== 'public') for (const [k, v] of signedIn.get(principal)!.cookies) c.cookies.set(k, v);
  return c;
}

// Real records behind the path parameters, so a handler that let hostile text through would reach the database.
const { application } = await createDemoApplication(ctx, '待提交');
const { application: pending } = await createDemoApplication(ctx, '待审核', '220000');
// an open 核查任务 of the reviewer's department (decision 0043), for the task routes and its photo upload
const [task] = await ctx.database.db
  .insert(inspectionTasks)
  .values({ applicationId: pending.id, institutionId: pending.institutionId, unitId: pending.unitId, department: '220000', dueOn: '2026-12-26', checklist: [], createdAt: ctx.clock(), updatedAt: ctx.clock() })
  .returning();
const SAMPLE_UUID = '00000000-0000-4000-8000-000000000000';
function paramSample(url: string, name: string): string {
  if (name === 'id' && url.startsWith('/api/applications/')) return application.id;
  if (name === 'id' && url.startsWith('/api/reviews/')) return pending.id;
  if (name === 'id' && url.startsWith('/api/inspections/')) return task!.id;
  if (name === 'slot') return encodeURIComponent(MATERIAL_SLOTS['设立'][0]!.name);
  if (name === 'key' && url.includes('/templates/')) return Object.keys(TEMPLATES)[0]!;
  if (name === 'key') return 'licenceNumberPattern';
  if (name === 'code') return '220000';
  if (name === '*') return 'x';
  return SAMPLE_UUID;
}

/** Hostile text as it travels in a URL (percent-encoded bytes, some of them not even UTF-8). */
const URL_HOSTILE = {
  NUL: '%00',
  'UTF-8 encoded surrogate': '%ED%A0%80',
  'overlong NUL': '%C0%80',
  'right-to-left override': 'a%E2%80%AEb',
  'escape sequence': '%1B%5B31m',
  'C1 control': 'a%C2%85b',
} as const;

/** Hostile text as it travels in JSON (JSON.stringify writes lone surrogates as \ud800 escapes). */
const JSON_HOSTILE = {
  NUL: 'a\u0000b',
  'lone high surrogate': 'a\ud800b',
  'lone low surrogate': '\udc00',
  'right-to-left override': '\u202eevil',
  'bidi isolate': 'a\u2066b\u2069',
  'escape sequence': 'evil\u001b[31m',
  DEL: 'a\u007fb',
  'C1 control': 'a\u0085b',
} as const;

// ─── what each route accepts, from the OpenAPI document the zod schemas produce ─────────────────

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  minItems?: number;
}
interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
const spec = ctx.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
const operation = (method: string, url: string): Operation | undefined =>
  spec.paths[url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[method.toLowerCase()];

/** A body of the schema's shape (values need not be valid) and the paths of its text leaves. */
function sampleBody(schema: JsonSchema, path: string[] = [], leaves: string[][] = []): unknown {
  const alt = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alt) return sampleBody(alt.find((s) => s.type !== 'null') ?? alt[0]!, path, leaves);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object' || schema.properties) {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, sampleBody(s, [...path, k], leaves)]));
  }
  if (type === 'array') return [sampleBody(schema.items ?? {}, [...path, '0'], leaves)];
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return true;
  // strings, enums and untyped values (`z.unknown()`) all carry text
  leaves.push(path);
  return schema.enum?.[0] ?? 'x';
}

function withValueAt(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  if (path.length === 0) return value;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

/** Rotates the hostile kinds over the places so every place and every kind is used at least once. */
function spread<P, K>(places: P[], kinds: K[]): [P, K][] {
  if (places.length === 0) return [];
  return Array.from({ length: Math.max(places.length, kinds.length) }, (_, i) => [places[i % places.length]!, kinds[i % kinds.length]!]);
}

// ─── the cases ────────────────────────────────────────────────────────────────────────────────

interface Case {
  label: string;
  method: string;
  url: string;
  body?: unknown;
  payload?: Buffer;
  contentType?: string;
  /** the field the 400 must name (any of them); undefined when the answer need only be a 400 */
  field?: string | string[];
  /** multipart file names are cleaned, not refused: such a case need only avoid a 5xx */
  anyNon5xx?: boolean;
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const multipartRoutes = new Set(ctx.app.multipartRoutes.map((r) => `${r.method} ${r.url}`));

function casesFor(method: string, url: string): Case[] {
  const op = operation(method, url);
  const pathParams = [...url.matchAll(/:([A-Za-z]+)|\*$/g)].map((m) => m[1] ?? '*');
  const concrete = (override?: [string, string]) =>
    url.replace(/:([A-Za-z]+)|\*$/g, (_m, name: string | undefined) => (override && override[0] === (name ?? '*') ? override[1] : paramSample(url, name ?? '*')));
  const queryNames = (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const cases: Case[] = [];
  const urlKinds = Object.entries(URL_HOSTILE);
  const jsonKinds = Object.entries(JSON_HOSTILE);

  for (const [name, [kind, text]] of spread(queryNames.length ? queryNames : ['q'], urlKinds)) {
    cases.push({ label: `query ${name}: ${kind}`, method, url: `${concrete()}?${name}=${text}`, field: name });
  }
  for (const [kind, text] of urlKinds) cases.push({ label: `query parameter name: ${kind}`, method, url: `${concrete()}?${text}=1` });
  for (const [name, [kind, text]] of spread(pathParams, urlKinds)) {
    // a path the router cannot even decode is refused before routing, so without the parameter's name
    cases.push({ label: `path ${name}: ${kind}`, method, url: concrete([name, text]), field: [name, 'url'] });
  }
  if (!WRITE.has(method)) return cases;

  const schema = op?.requestBody?.content['application/json']?.schema;
  const leaves: string[][] = [];
  const base = schema ? sampleBody(schema, [], leaves) : {};
  const places = schema ? leaves : [['note']];
  for (const [leaf, [kind, text]] of spread(places, jsonKinds)) {
    cases.push({ label: `body ${leaf.join('.')}: ${kind}`, method, url: concrete(), body: withValueAt(base, leaf, text), field: leaf.join('.') });
  }
  cases.push({ label: 'body field name: NUL', method, url: concrete(), body: { ...(base as object), 'a\u0000': 'x' } });

  if (multipartRoutes.has(`${method} ${url}`)) cases.push(...brokenMultipart(method, concrete()));
  return cases;
}

function brokenMultipart(method: string, url: string): Case[] {
  const good = multipart([
    { name: 'description', value: '账号被锁定' },
    { name: 'files', filename: '营业执照.pdf', content: SAMPLE.pdf, type: 'application/pdf' },
  ]);
  const boundary = good.contentType.split('boundary=')[1]!;
  const rebound = (b: string) => Buffer.from(good.payload.toString('latin1').replaceAll(boundary, b), 'latin1');
  const long = (n: number) => 'b'.repeat(n);
  const body = (payload: Buffer, contentType: string, label: string, extra: Partial<Case> = {}): Case => ({ label: `multipart: ${label}`, method, url, payload, contentType, ...extra });
  const manyFields = multipart(Array.from({ length: 60 }, (_, i) => ({ name: `f${i}`, value: 'x' })));
  const manyFiles = multipart(Array.from({ length: 30 }, (_, i) => ({ name: 'files', filename: `${i}.pdf`, content: SAMPLE.pdf, type: 'application/pdf' })));
  const hostileField = multipart([{ name: 'description', value: '账号\u0000被锁定' }]);
  const hostileName = multipart([{ name: 'files', filename: 'evil\u0001\u001b[31m\u202e.pdf', content: SAMPLE.pdf, type: 'application/pdf' }]);
  return [
    body(good.payload, 'multipart/form-data; boundary=wrong-boundary', 'a boundary the body does not use'),
    body(good.payload, 'multipart/form-data', 'no boundary'),
    body(good.payload, 'multipart/form-data; boundary=', 'an empty boundary'),
    body(rebound(long(200)), `multipart/form-data; boundary=${long(200)}`, 'a 200-character boundary'),
    body(rebound(long(300)), `multipart/form-data; boundary=${long(300)}`, 'a 300-character boundary'),
    body(good.payload.subarray(0, good.payload.length - 40), good.contentType, 'a truncated body'),
    body(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\nno closing boundary`), good.contentType, 'a part without a closing boundary'),
    body(Buffer.from(`--${boundary}\r\nthis is not a header\r\n\r\nx\r\n--${boundary}--\r\n`), good.contentType, 'a malformed part header'),
    body(manyFields.payload, manyFields.contentType, 'too many fields'),
    body(manyFiles.payload, manyFiles.contentType, 'too many files'),
    body(hostileField.payload, hostileField.contentType, 'NUL in a field', { field: 'description' }),
    body(hostileName.payload, hostileName.contentType, 'control and bidi characters in a file name', { anyNon5xx: true }),
  ];
}

async function send(principal: Principal, c: Case) {
  const client = clientAs(principal);
  if (c.payload) {
    if (!client.cookies.has('jhrm_csrf')) await client.get('/api/auth/csrf');
    return ctx.app.inject({
      method: c.method as 'POST',
      url: c.url,
      remoteAddress: client.ip,
      cookies: Object.fromEntries(client.cookies),
      headers: { 'content-type': c.contentType!, 'x-csrf-token': client.cookies.get('jhrm_csrf')! },
      payload: c.payload,
    });
  }
  return client.request(c.method as 'GET', c.url, c.body);
}

const CHINESE = /[\u4e00-\u9fff]/;
const routes = ctx.app.routeAccess.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api'));

describe('hostile text and broken bodies on every route', () => {
  it('covers every route the app declares, multipart ones included', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect([...multipartRoutes].sort()).toEqual(['POST /api/admin/imports', 'POST /api/admin/imports/dry-run', 'POST /api/appeals', 'POST /api/applications/:id/materials/:slot', 'POST /api/inspections/:id/photos', 'POST /api/institutions/:id/practitioners/import']);
  });

  for (const route of routes) {
    const principal = principalFor(route.access);
    it(`${route.method} ${route.url} (as ${principal}): hostile input gets a 400 in Chinese, never a 5xx`, async () => {
      const failures: string[] = [];
      for (const c of casesFor(route.method, route.url)) {
        const res = await send(principal, c);
        const body = res.headers['content-type']?.toString().includes('json') ? (res.json() as { code?: string; message?: string; fieldErrors?: { path: string; message: string }[] }) : {};
        if (res.statusCode >= 500) failures.push(`${c.label}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        else if (c.anyNon5xx) continue;
        else if (res.statusCode !== 400 || body.code !== 'VALIDATION' || !CHINESE.test(body.message ?? '')) failures.push(`${c.label}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        else if (c.field && !body.fieldErrors?.some((f) => [c.field].flat().includes(f.path) && f.message.includes('不允许的字符'))) {
          failures.push(`${c.label}: 400 without naming ${String(c.field)}: ${res.body.slice(0, 160)}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('hostile input, case by case', () => {
  const rows = async () => {
    const { db } = ctx.database;
    const [[u], [a], [p]] = await Promise.all([db.select({ n: count() }).from(users), db.select({ n: count() }).from(auditLog), db.select({ n: count() }).from(appeals)]);
    return { users: u!.n, audits: a!.n, appeals: p!.n };
  };
  const storedBlobs = () => readdirSync(ctx.deps.config.blobDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  const validAgent = { name: '张经办', idCard: '110101199003074936', phone: '13900139000', account: 'agent_hostile', initialPassword: 'Init@2026x' };

  it('refuses a new agent whose fields carry NUL and a right-to-left override, names both, and stores nothing', async () => {
    const before = await rows();
    const res = await clientAs('legal').post('/api/agents', { ...validAgent, name: '张\u0000经办', phone: '139\u202e00139000' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不允许的字符') });
    expect(res.json().fieldErrors.map((f: { path: string }) => f.path).sort()).toEqual(['name', 'phone']);
    expect(await rows()).toEqual(before);
  });

  it('refuses a JSON body whose bytes are not UTF-8 instead of storing U+FFFD in their place', async () => {
    const c = clientAs('legal');
    await c.get('/api/auth/csrf');
    const raw = Buffer.concat([Buffer.from(`{"name":"张`), Buffer.from([0xc0, 0x80]), Buffer.from(`","idCard":"110101199003074936","phone":"13900139000","account":"agent_utf8","initialPassword":"Init@2026x"}`)]);
    const before = await rows();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/agents',
      remoteAddress: c.ip,
      cookies: Object.fromEntries(c.cookies),
      headers: { 'content-type': 'application/json', 'x-csrf-token': c.cookies.get('jhrm_csrf')! },
      payload: raw,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'VALIDATION', message: '提交的内容不是有效的 UTF-8 编码文本' });
    expect(await rows()).toEqual(before);
  });

  it('refuses a 账号申诉 whose description carries NUL, naming the field, before any attachment is stored', async () => {
    const c = ctx.client();
    const fields = { account: 'lost_account', uscc: '92220102MA15438D0X', contact: '王联系', phone: '13700137000', description: '账号\u0000被锁定', ...(await solveCaptcha(ctx, c)) };
    const form = multipart([...Object.entries(fields).map(([name, value]) => ({ name, value })), { name: 'files', filename: 'a.pdf', content: SAMPLE.pdf, type: 'application/pdf' }]);
    const before = { ...(await rows()), blobs: storedBlobs() };
    const res = await c.request('POST', '/api/appeals', form.payload, { 'content-type': form.contentType });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors).toEqual([{ path: 'description', message: expect.stringContaining('不允许的字符') }]);
    expect({ ...(await rows()), blobs: storedBlobs() }).toEqual(before);
  });

  it('answers 415 to a multipart body sent to a route that does not read one, and runs nothing (the session survives a logout)', async () => {
    const c = clientAs('legal');
    await c.get('/api/auth/csrf');
    const form = multipart([{ name: 'x', value: '1' }]);
    const res = await c.request('POST', '/api/auth/logout', form.payload, { 'content-type': form.contentType });
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toContain('multipart/form-data');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('answers 400, not 500, when the database refuses text an input check let through (NUL in text, \\u0000 in jsonb)', async () => {
    const app = Fastify();
    await app.register(errorHandlerPlugin);
    app.get('/text', async () => queryRows(ctx.database.db, sql`SELECT ${'a\u0000b'}::text AS t`));
    app.get('/jsonb', async () => queryRows(ctx.database.db, sql`SELECT ${'{"a":"\\u0000"}'}::jsonb AS j`));
    app.get('/other', async () => queryRows(ctx.database.db, sql`SELECT 1/0 AS boom`));
    for (const url of ['/text', '/jsonb']) {
      const res = await app.inject({ url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('无法保存的字符') });
    }
    // any other database error stays ours
    expect((await app.inject({ url: '/other' })).statusCode).toBe(500);
    await app.close();
  });
});
