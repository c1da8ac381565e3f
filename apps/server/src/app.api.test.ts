import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from './app';
import { queryRows } from './db/client';
import { createTestContext, type TestContext } from './test/harness';

let ctx: TestContext;
let dist: string;
const BIG_ASSET = Buffer.from(Array.from({ length: 400 }, (_, i) => `export const 字段${i} = '公示查询 ${i}';`).join('\n'));
beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'jhrm-web-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="zh-CN"><title>吉林人力资源市场管理</title></html>');
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  // as the web build writes them (apps/web/precompress.ts): the file and its .br and .gz copies
  writeFileSync(path.join(dist, 'assets', 'big-def456.js'), BIG_ASSET);
  writeFileSync(path.join(dist, 'assets', 'big-def456.js.br'), brotliCompressSync(BIG_ASSET));
  writeFileSync(path.join(dist, 'assets', 'big-def456.js.gz'), gzipSync(BIG_ASSET));
  ctx = await createTestContext({ config: { webDist: dist } });
});
afterAll(() => ctx?.close());

describe('HTTP surface', () => {
  it('reports health including the database', async () => {
    const res = await ctx.client().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: process.env.TEST_DB_ENGINE === 'postgres' ? 'postgres' : 'pglite' });
  });

  it('is ready when the database answers, every committed migration is applied and the blob store reads and writes', async () => {
    const c = ctx.client();
    const ready = await c.get('/api/health/ready');
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', blobs: 'ok' } });

    // a migration this build expects but the database lacks: not ready, and says which check failed
    const { db } = ctx.database;
    const [last] = await queryRows<{ tag: string; hash: string }>(db, sql`SELECT tag, hash FROM schema_migrations ORDER BY tag DESC LIMIT 1`);
    await db.execute(sql`DELETE FROM schema_migrations WHERE tag = ${last!.tag}`);
    try {
      const behind = await c.get('/api/health/ready');
      expect(behind.statusCode).toBe(503);
      expect(behind.json()).toMatchObject({ code: 'UNAVAILABLE', message: '服务未就绪：数据库迁移不可用', details: { failed: ['migrations'] } });
    } finally {
      await db.execute(sql`INSERT INTO schema_migrations (tag, hash) VALUES (${last!.tag}, ${last!.hash})`);
    }

    // the probe blob removed (as the hourly cleanup would): written again, still ready
    const probe = createHash('sha256').update('jhrm readiness probe\n').digest('hex');
    await ctx.deps.blobs.delete(probe);
    expect((await c.get('/api/health/ready')).statusCode).toBe(200);
    expect(await ctx.deps.blobs.size(probe)).toBe(21);

    // a blob store that can neither be read nor written
    const { size, put } = ctx.deps.blobs;
    ctx.deps.blobs.size = () => Promise.reject(new Error('EIO'));
    ctx.deps.blobs.put = () => Promise.reject(new Error('EIO'));
    try {
      const broken = await c.get('/api/health/ready');
      expect(broken.statusCode).toBe(503);
      expect(broken.json()).toMatchObject({ message: '服务未就绪：文件存储不可用', details: { failed: ['blobs'] } });
      // liveness is another question: the process and its database still answer
      expect((await c.get('/api/health')).statusCode).toBe(200);
    } finally {
      Object.assign(ctx.deps.blobs, { size, put });
    }
    expect((await c.get('/api/health/ready')).statusCode).toBe(200);
  });

  it('answers unknown API paths with a JSON 404 in Chinese', async () => {
    const res = await ctx.client().get('/api/no/such/thing');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '接口不存在' });
  });

  it('serves the SPA with history fallback, and hashed assets as immutable', async () => {
    const c = ctx.client();
    for (const url of ['/', '/login', '/hr/institutions/query?x=1']) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('吉林人力资源市场管理');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const asset = await c.get('/assets/app-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await c.get('/assets/missing.js')).statusCode).toBe(404);
    expect((await c.get('/../../etc/passwd')).body).not.toContain('root:');
    const malformed = await c.get('/%E0%A4%A');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('无效的编码') });
  });

  it('marks every API answer no-store: JSON, public lookups, refusals, unknown paths and downloads', async () => {
    const c = ctx.client();
    const answers = {
      health: await c.get('/api/health'),
      publicRegister: await c.get('/api/public/register'),
      unauthenticated: await c.get('/api/auth/me'),
      unknown: await c.get('/api/no/such/thing'),
      badLogin: await c.post('/api/auth/login', { account: '' }),
      malformedUrl: await c.get('/api/public/register/%E0%A4%A'),
    };
    expect(answers.malformedUrl.statusCode).toBe(400);
    expect(answers.health.statusCode).toBe(200);
    expect(answers.unauthenticated.statusCode).toBe(401);
    expect(answers.badLogin.statusCode).toBe(400);
    const admin = ctx.client();
    await admin.login('demo_admin');
    const download = await admin.get('/api/admin/imports/template.csv');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    for (const [name, res] of Object.entries({ ...answers, me: await admin.get('/api/auth/me'), download })) {
      expect(String(res.headers['cache-control']), name).toMatch(/(^|[ ,])no-store($|,)/);
    }
    // the web app's own pages keep their caching
    expect((await c.get('/login')).headers['cache-control']).toBe('no-cache');
  });

  it('sends security headers with a strict CSP', async () => {
    const res = await ctx.client().get('/login');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('gives every visitor a readable CSRF cookie on the first page', async () => {
    const res = await ctx.client().get('/');
    const csrf = res.cookies.find((c) => c.name === 'jhrm_csrf');
    expect(csrf?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf?.sameSite).toBe('Strict');
  });

  it('answers malformed JSON and wrong content types with Chinese 4xx, never a stack trace', async () => {
    const c = ctx.client();
    await c.get('/api/auth/csrf');
    const headers = { 'x-csrf-token': c.cookies.get('jhrm_csrf')! };
    const cookies = Object.fromEntries(c.cookies);
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', cookies, headers: { ...headers, 'content-type': 'application/json' }, payload: '{"account":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'VALIDATION', message: '请求格式不正确' });
    const xml = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', cookies, headers: { ...headers, 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().message).toBe('不支持的内容类型');
    const big = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', cookies, headers, payload: { account: 'x'.repeat(2_000_000), password: 'x' } });
    expect(big.statusCode).toBe(413);
    for (const r of [bad, xml, big]) expect(r.body).not.toMatch(/at .*\.ts:\d+|node_modules/);
  });

  it('validates the page query with a field error', async () => {
    const c = ctx.client();
    await c.login('demo_agent');
    const res = await c.get('/api/institutions?page=0');
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors).toEqual([{ path: 'page', message: '页码必须大于 0' }]);
  });

  it('lists only the signed-in unit’s institutions (none yet for the demo unit)', async () => {
    const c = ctx.client();
    await c.login('demo_agent');
    const res = await c.get('/api/institutions');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], total: 0, page: 1, pageSize: 15, notices: [] });
  });

  it('publishes the OpenAPI document generated from the route schemas', async () => {
    const c = ctx.client();
    const ui = await c.get('/api/docs');
    expect([200, 302]).toContain(ui.statusCode);
    const doc = (await c.get('/api/docs/json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/institutions']));
    expect(JSON.stringify(doc.paths['/api/auth/login'])).toContain('account');
  });

  it('serves no API documentation under the production configuration (decision 0016)', async () => {
    const production = await buildApp({ ...ctx.deps, config: { ...ctx.deps.config, env: 'production', apiDocs: false } });
    try {
      for (const url of ['/api/docs', '/api/docs/', '/api/docs/json', '/api/docs/yaml', '/api/docs/static/index.html']) {
        const res = await production.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(404);
        expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '接口不存在' });
      }
      expect(production.routeAccess.some((r) => r.url.startsWith('/api/docs'))).toBe(false);
      // the API itself is unaffected
      expect((await production.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await production.close();
    }
  });
});

describe('compression (decision 0019)', () => {
  it('sends a hashed asset precompressed: brotli for br, gzip for gzip, plain bytes otherwise', async () => {
    const c = ctx.client();
    const br = await c.get('/assets/big-def456.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(BIG_ASSET.length / 3);
    expect(brotliDecompressSync(br.rawPayload).equals(BIG_ASSET)).toBe(true);

    const gz = await c.get('/assets/big-def456.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(BIG_ASSET)).toBe(true);

    const plain = await c.get('/assets/big-def456.js');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.rawPayload.equals(BIG_ASSET)).toBe(true);

    // br refused with q=0: the gzip copy
    const noBr = await c.get('/assets/big-def456.js', { 'accept-encoding': 'br;q=0, gzip' });
    expect(noBr.headers['content-encoding']).toBe('gzip');
    // a file the build did not compress (too small) is sent plain whatever the client accepts
    const small = await c.get('/assets/app-abc123.js', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body).toBe('console.log(1)');
    // index.html revalidates
    expect((await c.get('/login', { 'accept-encoding': 'br' })).headers['cache-control']).toBe('no-cache');
  });

  it('compresses API JSON over 1 KB for a client that accepts it, and leaves small answers alone', async () => {
    const admin = ctx.client();
    await admin.login('demo_admin');
    const plain = await admin.get('/api/admin/departments');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);

    const gz = await admin.get('/api/admin/departments', { 'accept-encoding': 'gzip' });
    expect(gz.statusCode).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/application\/json/);
    expect(gz.headers['cache-control']).toBe('no-store');
    expect(Number(gz.headers['content-length'])).toBe(gz.rawPayload.length);
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(plain.json());

    const br = await admin.get('/api/admin/departments', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());

    const small = await admin.get('/api/health', { 'accept-encoding': 'gzip, br' });
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toMatchObject({ status: 'ok' });
  });

  it('leaves downloads uncompressed', async () => {
    const admin = ctx.client();
    await admin.login('demo_admin');
    const download = await admin.get('/api/admin/imports/template.csv', { 'accept-encoding': 'gzip, br' });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-encoding']).toBeUndefined();
    expect(download.body).toContain(',');
  });
});
