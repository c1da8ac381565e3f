import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';
import { auditLog } from '../audit/audit.table';
import { sessions } from './sessions.table';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

const lastAudit = async () => (await ctx.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0]!;

describe('login', () => {
  it('signs the demo agent in with an httpOnly SameSite session cookie and returns the unit', async () => {
    const c = ctx.client();
    const res = await c.post('/api/auth/login', { account: 'demo_agent', password: 'Demo@123456' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ account: 'demo_agent', role: 'agent', unit: { name: '吉林省博润人力资源有限公司' } });
    const sid = res.cookies.find((x) => x.name === 'jhrm_sid')!;
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
    const me = await c.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.account).toBe('demo_agent');
    // the table holds a hash of the token, never the token
    const rows = await ctx.database.db.select().from(sessions);
    expect(rows.some((r) => r.id === sid.value)).toBe(false);
    const audit = await lastAudit();
    expect(audit.action).toBe('auth.login');
    expect(audit.actorAccount).toBe('demo_agent');
  });

  it('accepts the account case-insensitively', async () => {
    expect((await ctx.client().post('/api/auth/login', { account: 'DEMO_Agent', password: 'Demo@123456' })).statusCode).toBe(200);
  });

  it('gives one answer for a wrong password and an unknown account, and audits both', async () => {
    const c = ctx.client();
    const wrong = await c.post('/api/auth/login', { account: 'demo_agent', password: 'nope' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ code: 'UNAUTHENTICATED', message: '账号或密码错误' });
    expect((await lastAudit()).detail).toMatchObject({ reason: 'wrong_password' });
    const unknown = await c.post('/api/auth/login', { account: 'nobody_here', password: 'nope' });
    expect(unknown.json()).toEqual(wrong.json());
    const a = await lastAudit();
    expect(a.action).toBe('auth.login_failed');
    expect(a.detail).toMatchObject({ reason: 'unknown_account' });
    expect(c.cookies.has('jhrm_sid')).toBe(false);
  });

  it('marks empty fields with Chinese field errors', async () => {
    const res = await ctx.client().post('/api/auth/login', { account: '', password: '' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.fieldErrors).toEqual(
      expect.arrayContaining([
        { path: 'account', message: '请输入账号' },
        { path: 'password', message: '请输入密码' },
      ]),
    );
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token, and with a wrong one', async () => {
    const c = ctx.client();
    await c.get('/api/auth/csrf');
    const none = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', cookies: Object.fromEntries(c.cookies), payload: { account: 'demo_agent', password: 'Demo@123456' } });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('CSRF');
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      cookies: Object.fromEntries(c.cookies),
      headers: { 'x-csrf-token': 'forged' },
      payload: { account: 'demo_agent', password: 'Demo@123456' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('binds the token to the session after login: the pre-login token no longer works', async () => {
    const c = ctx.client();
    await c.get('/api/auth/csrf');
    const before = c.cookies.get('jhrm_csrf')!;
    await c.login('demo_agent');
    expect(c.cookies.get('jhrm_csrf')).not.toBe(before);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { ...Object.fromEntries(c.cookies), jhrm_csrf: before }, headers: { 'x-csrf-token': before } });
    expect(res.statusCode).toBe(403);
  });
});

describe('logout and session lifetime', () => {
  it('ends the session on the server: the old cookie is refused afterwards', async () => {
    const c = ctx.client();
    await c.login('demo_agent');
    const sid = c.cookies.get('jhrm_sid')!;
    const out = await c.post('/api/auth/logout');
    expect(out.statusCode).toBe(200);
    expect((await lastAudit()).action).toBe('auth.logout');
    const replay = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { jhrm_sid: sid } });
    expect(replay.statusCode).toBe(401);
  });

  it('expires a unit user after 30 idle minutes, not before', async () => {
    const c = ctx.client();
    await c.login('demo_agent');
    ctx.clock.advanceMinutes(29);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advanceMinutes(29); // activity above reset the idle timer
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advanceMinutes(30);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires a reviewer after 15 idle minutes', async () => {
    const c = ctx.client();
    await c.login('demo_reviewer');
    ctx.clock.advanceMinutes(14);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advanceMinutes(15);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('does not count the page polling the unread count as activity', async () => {
    const c = ctx.client();
    await c.login('demo_agent');
    for (let i = 0; i < 5; i += 1) {
      ctx.clock.advanceMinutes(5);
      expect((await c.get('/api/notifications/unread-count')).statusCode).toBe(200);
    }
    ctx.clock.advanceMinutes(6); // 31 minutes after the last real request
    expect((await c.get('/api/notifications/unread-count')).statusCode).toBe(401);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends any session 12 hours after login even when active', async () => {
    const c = ctx.client();
    await c.login('demo_agent');
    for (let i = 0; i < 28; i++) {
      ctx.clock.advanceMinutes(25);
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    }
    ctx.clock.advanceMinutes(25); // 12 h 5 min after login
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('purges expired sessions from the table', async () => {
    const c = ctx.client();
    const { user } = await c.login('demo_admin');
    ctx.clock.advanceMinutes(60);
    await ctx.deps.sessions.purgeExpired();
    const left = await ctx.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(left).toHaveLength(0);
  });
});
