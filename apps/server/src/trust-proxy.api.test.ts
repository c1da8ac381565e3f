import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from './db/client';
import { createTestContext, type TestContext } from './test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ config: { trustProxy: ['127.0.0.1', '10.20.0.0/16'] } });
});
afterAll(() => ctx?.close());

/** One sign-in attempt from a connection address, claiming a client address in X-Forwarded-For. */
async function attempt(remoteAddress: string, forwardedFor: string, body: Record<string, string> = { account: 'nobody_proxy', password: 'x' }) {
  const c = ctx.client();
  await c.get('/api/auth/csrf');
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    cookies: Object.fromEntries(c.cookies),
    headers: { 'x-csrf-token': c.cookies.get('jhrm_csrf')!, 'x-forwarded-for': forwardedFor },
    payload: body,
  });
}

describe('client addresses behind a reverse proxy (TRUST_PROXY)', () => {
  it('ignores X-Forwarded-For from an address that is not a listed proxy: rotating it does not escape the per-address limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await attempt('198.51.100.7', `203.0.113.${i + 1}`)).statusCode);
    expect(codes.slice(0, 30).every((s) => s !== 429)).toBe(true);
    expect(codes[30]).toBe(429);
  });

  it('takes the client address from X-Forwarded-For when a listed proxy (address or CIDR range) sends it', async () => {
    for (const proxy of ['127.0.0.1', '10.20.3.4']) {
      const codes: number[] = [];
      for (let i = 0; i < 31; i++) codes.push((await attempt(proxy, `192.0.2.${i + 1}`)).statusCode);
      expect(codes.includes(429), proxy).toBe(false);
    }
    const ok = await attempt('10.20.3.4', '192.0.2.200', { account: 'demo_agent', password: 'Demo@123456' });
    expect(ok.statusCode).toBe(200);
    const [row] = await queryRows<{ ip: string }>(ctx.database.db, sql`SELECT ip FROM audit_log WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1`);
    expect(row!.ip).toBe('192.0.2.200');
  });
});
