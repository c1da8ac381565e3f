import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authPlugin } from './auth';
import { createTestContext, type TestContext } from '../test/harness';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

/** Fill path parameters so the router matches the route. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'x');

describe('route access declarations', () => {
  it('every registered route declares who may call it', () => {
    const routes = ctx.app.routeAccess;
    expect(routes.length).toBeGreaterThan(5);
    const apiRoutes = routes.filter((r) => r.url.startsWith('/api'));
    for (const r of apiRoutes) {
      expect(r.access === 'public' || (Array.isArray(r.access) && r.access.length > 0), `${r.method} ${r.url}`).toBe(true);
    }
    // the ones this issue ships, with the access they must have
    const find = (method: string, url: string) => routes.find((r) => r.method === method && r.url === url)?.access;
    expect(find('GET', '/api/health')).toBe('public');
    expect(find('POST', '/api/auth/login')).toBe('public');
    expect(find('GET', '/api/institutions')).toEqual(['legal', 'agent']);
  });

  it('answers 401 to an anonymous call of every protected route', async () => {
    const protectedRoutes = ctx.app.routeAccess.filter((r) => r.access !== 'public' && r.method !== 'HEAD');
    expect(protectedRoutes.length).toBeGreaterThan(0);
    const anonymous = ctx.client();
    for (const r of protectedRoutes) {
      const res = await anonymous.request(r.method as 'GET', concrete(r.url), r.method === 'GET' ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses to start an app with a route that declares nothing', async () => {
    const app = Fastify();
    await app.register(cookie);
    await app.register(authPlugin, { sessions: ctx.deps.sessions, secureCookies: false });
    await app.after();
    expect(() => app.get('/api/undeclared', async () => 'x')).toThrow(/declares no access/);
    await app.close();
  });

  it('refuses a signed-in user whose role is not listed (403)', async () => {
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    const res = await reviewer.get('/api/institutions');
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('您没有权限执行此操作');
  });
});
