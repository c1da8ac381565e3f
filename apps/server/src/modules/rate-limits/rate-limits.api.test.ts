import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app';
import { queryRows } from '../../db/client';
import { runCleanup } from '../../jobs/cleanup';
import { createTestContext, TestClient, type TestContext } from '../../test/harness';
import { hit } from './rate-limit.store';

let ctx: TestContext;
/** a second app process on the same database, as behind a proxy */
let second: FastifyInstance;
beforeAll(async () => {
  ctx = await createTestContext();
  second = await buildApp(ctx.deps);
});
afterAll(async () => {
  await second?.close();
  await ctx?.close();
});

/** A browser on one address, talking to `app`. */
const clientOn = (app: FastifyInstance, ip: string) => new TestClient(app, ip);

describe('request rate limits shared by every app process', () => {
  it('allow one client max requests per window across two processes, counted atomically under parallel requests', async () => {
    // 登录 allows 30 a minute per client address; 40 at once, half through each process
    const one = clientOn(ctx.app, '203.0.113.7');
    const two = clientOn(second, '203.0.113.7');
    const codes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).post('/api/auth/login', { account: 'nobody', password: 'x' }).then((r) => r.statusCode)),
    );
    expect(codes.filter((c) => c === 429)).toHaveLength(10);
    expect(codes.filter((c) => c !== 429)).toHaveLength(30);
    const refused = await one.post('/api/auth/login', { account: 'nobody', password: 'x' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toMatch(/[\u4e00-\u9fff]/);
    // another address has its own count, on either process
    expect((await clientOn(second, '203.0.113.8').post('/api/auth/login', { account: 'nobody', password: 'x' })).statusCode).not.toBe(429);
    // and another route its own count for the same address: all 60 图片验证码 a minute, then no more
    const captchas = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? one : two).get('/api/auth/captcha').then((r) => r.statusCode)));
    expect(captchas.every((c) => c === 200)).toBe(true);
    expect((await one.get('/api/auth/captcha')).statusCode).toBe(429);
  });

  it('start a window over once it has passed, and the cleanup job deletes passed windows', async () => {
    expect(await hit(ctx.database.db, 'probe-a', 60_000)).toMatchObject({ current: 1 });
    const second = await hit(ctx.database.db, 'probe-a', 60_000);
    expect(second.current).toBe(2);
    expect(second.ttl).toBeGreaterThan(55_000);
    expect(second.ttl).toBeLessThanOrEqual(60_000);
    // the window ended (moved into the past)
    await ctx.database.db.execute(sql`UPDATE rate_limits SET resets_at = now() - interval '1 second' WHERE key = 'probe-a'`);
    expect(await hit(ctx.database.db, 'probe-a', 60_000)).toMatchObject({ current: 1 });
    await ctx.database.db.execute(sql`UPDATE rate_limits SET resets_at = now() - interval '1 second' WHERE key = 'probe-a'`);
    const before = await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM rate_limits`);
    const cleaned = await runCleanup(ctx.deps);
    expect(cleaned.rateLimits).toBe(1);
    const after = await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM rate_limits`);
    expect(after[0]!.n).toBe(before[0]!.n - 1);
  });

  it('keep no client address in the table', async () => {
    const rows = await queryRows<{ key: string }>(ctx.database.db, sql`SELECT key FROM rate_limits`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.key).not.toContain('203.0.113');
  });
});
