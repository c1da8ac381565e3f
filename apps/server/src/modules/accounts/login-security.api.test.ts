import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { createTestContext, solveCaptcha, type TestClient, type TestContext } from '../../test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const attempt = (account: string, password: string, extra: Record<string, string> = {}) => ctx.client().post('/api/auth/login', { account, password, ...extra });

describe('login protection', () => {
  it('asks for an image captcha after 3 consecutive failures, for unknown accounts alike', async () => {
    for (const account of ['demo_legal', 'nobody_x1']) {
      for (let i = 1; i <= 2; i++) expect((await attempt(account, 'bad')).json().details).toBeUndefined();
      const third = await attempt(account, 'bad');
      expect(third.statusCode).toBe(401);
      expect(third.json().details).toEqual({ captchaRequired: true });
      expect(third.json().message).toBe('账号或密码错误，再失败2次账号将被锁定30分钟');
      const noCaptcha = await attempt(account, 'Demo@123456');
      expect(noCaptcha.statusCode).toBe(400);
      expect(noCaptcha.json()).toMatchObject({ code: 'CAPTCHA_REQUIRED', details: { captchaRequired: true } });
    }
    // with the captcha solved, the right password gets in and the counter resets
    const c = ctx.client();
    const ok = await c.post('/api/auth/login', { account: 'demo_legal', password: 'Demo@123456', ...(await solveCaptcha(ctx, c)) });
    expect(ok.statusCode).toBe(200);
    expect((await attempt('demo_legal', 'bad')).json().details).toBeUndefined();
  });

  it('locks the account for 30 minutes after 5 failures within 15 minutes, saying until when', async () => {
    const c = ctx.client();
    for (let i = 1; i <= 4; i++) {
      const extra = i > 3 ? await solveCaptcha(ctx, c) : {};
      await c.post('/api/auth/login', { account: 'demo_admin', password: 'bad', ...extra });
    }
    const fifth = await c.post('/api/auth/login', { account: 'demo_admin', password: 'bad', ...(await solveCaptcha(ctx, c)) });
    expect(fifth.statusCode).toBe(423);
    // test clock: 2026-11-26 09:00 Beijing + 30 min
    expect(fifth.json().message).toBe('登录失败次数过多，账号已锁定，请于 2026-11-26 09:30 后再试');
    const whileLocked = await c.post('/api/auth/login', { account: 'demo_admin', password: 'Demo@123456', ...(await solveCaptcha(ctx, c)) });
    expect(whileLocked.statusCode).toBe(423);
    ctx.clock.advanceMinutes(31);
    const after = await c.post('/api/auth/login', { account: 'demo_admin', password: 'Demo@123456' });
    expect(after.statusCode).toBe(200);
    const rows = await queryRows<{ action: string; n: number }>(
      ctx.database.db,
      sql`SELECT action, count(*)::int AS n FROM audit_log WHERE actor_account = 'demo_admin' AND action LIKE 'auth.%' GROUP BY action`,
    );
    const counts = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    expect(counts['auth.account_locked']).toBe(1);
    expect(counts['auth.login_failed']).toBe(6); // 5 wrong + 1 refused while locked
    expect(counts['auth.login']).toBe(1);
  });

  it('does not lock when the failures are spread beyond 15 minutes', async () => {
    for (let i = 0; i < 2; i++) await attempt('demo_reviewer', 'bad');
    ctx.clock.advanceMinutes(16);
    for (let i = 0; i < 2; i++) expect((await attempt('demo_reviewer', 'bad')).statusCode).toBe(401);
    expect((await attempt('demo_reviewer', 'Demo@123456')).statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts per address with a Chinese message', async () => {
    const c = ctx.client();
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await c.post('/api/auth/login', { account: `x${i}`, password: 'y' })).statusCode;
    expect(last).toBe(429);
    expect((await c.post('/api/auth/login', { account: 'x', password: 'y' })).json().message).toBe('操作过于频繁，请稍后再试');
  });
});

describe('parallel password guessing', () => {
  // every window and lock left by the tests above has run out
  beforeEach(() => ctx.clock.advanceMinutes(31));

  const statuses = (responses: { statusCode: number }[]) => {
    const counts: Record<number, number> = {};
    for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
    return counts;
  };
  const failedChecks = async (account: string) => {
    const [row] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login_failed' AND detail->>'reason' IN ('wrong_password', 'unknown_account') AND actor_account = ${account}`,
    );
    return row!.n;
  };
  const withCaptchas = async (c: TestClient, n: number) => {
    const out: { captchaId: string; captcha: string }[] = [];
    for (let i = 0; i < n; i++) out.push(await solveCaptcha(ctx, c));
    return out;
  };

  it('checks only 3 of 25 simultaneous wrong passwords; the rest are asked for the image captcha', async () => {
    const c = ctx.client();
    const before = await failedChecks('demo_agent');
    const responses = await Promise.all(Array.from({ length: 25 }, (_, i) => c.post('/api/auth/login', { account: 'demo_agent', password: `Wrong@${i}` })));
    expect(statuses(responses)).toEqual({ 401: 3, 400: 22 });
    for (const r of responses.filter((x) => x.statusCode === 400)) expect(r.json()).toMatchObject({ code: 'CAPTCHA_REQUIRED', details: { captchaRequired: true } });
    expect((await failedChecks('demo_agent')) - before).toBe(3);
  });

  it('checks at most 5 of 25 simultaneous guesses that each solved a captcha, then the account is locked; unknown accounts alike', async () => {
    for (const account of ['demo_reviewer', 'ghost_account_77']) {
      const c = ctx.client();
      const captchas = await withCaptchas(c, 25);
      const before = await failedChecks(account);
      const responses = await Promise.all(captchas.map((cap, i) => c.post('/api/auth/login', { account, password: `Wrong@${i}`, ...cap })));
      expect(statuses(responses), account).toEqual({ 401: 4, 423: 21 });
      expect((await failedChecks(account)) - before, account).toBe(5);
      const locked = await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.account_locked' AND actor_account = ${account}`);
      expect(locked[0]!.n, account).toBe(1);
    }
    // the lock holds for the right password too, until it runs out
    const c = ctx.client();
    expect((await c.post('/api/auth/login', { account: 'demo_reviewer', password: 'Demo@123456', ...(await solveCaptcha(ctx, c)) })).statusCode).toBe(423);
    ctx.clock.advanceMinutes(31);
    expect((await c.post('/api/auth/login', { account: 'demo_reviewer', password: 'Demo@123456' })).statusCode).toBe(200);
  });

  it('does not let the right password in among 25 simultaneous guesses once the wrong ones have used up the 5 attempts', async () => {
    const c = ctx.client();
    const captchas = await withCaptchas(c, 25);
    const guesses = captchas.map((cap, i) => ({ account: 'demo_legal', password: i === 24 ? 'Demo@123456' : `Wrong@${i}`, ...cap }));
    const responses = await Promise.all(guesses.map((g) => c.post('/api/auth/login', g)));
    expect(statuses(responses)).toEqual({ 401: 4, 423: 21 });
    expect(responses[24]!.statusCode).toBe(423);
    expect(responses.some((r) => r.cookies.some((k) => k.name === 'jhrm_sid' && k.value))).toBe(false);
  });
});
