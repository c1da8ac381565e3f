import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openDatabase, type Database } from '../../db/client';
import { createDeps, type AppDeps } from '../../deps';
import { TEST_ENGINE, TestClient, createTestContext, type TestContext } from '../../test/harness';
import { users } from './accounts.table';

/**
 * Two app processes on one database (decision 0018): each caches session lookups, and what one
 * ends or changes the other forgets on the database's notification. On PostgreSQL the second
 * instance has its own connection pool and listener; PGlite is one process, so both instances
 * share it and its in-process notifications.
 */
let ctx: TestContext;
let database: Database;
let b: { app: FastifyInstance; deps: AppDeps };
/** statements instance B sent, to tell a cached lookup from a database one */
const sentByB: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  database =
    TEST_ENGINE === 'postgres'
      ? await openDatabase({ url: ctx.database.url!, poolSize: 2, logger: { logQuery: (q) => void sentByB.push(q) } })
      : ctx.database;
  const deps = createDeps(ctx.deps.config, database, ctx.clock);
  b = { app: await buildApp(deps), deps };
  await b.app.ready();
});
afterAll(async () => {
  await b?.app.close();
  if (database && database !== ctx.database) await database.close();
  await ctx?.close();
});

/** Signs in on instance A and returns that browser, and the same browser (its cookies) talking to B. */
async function signedInOnBoth(account: string, password = 'Demo@123456') {
  const onA = ctx.client();
  await onA.login(account, password);
  const onB = new TestClient(b.app);
  for (const [k, v] of onA.cookies) onB.cookies.set(k, v);
  return { onA, onB };
}

/** Waits until instance B has heard the news and forgotten every session it cached. */
async function bForgets() {
  while (b.deps.sessions.cache.size > 0) await b.deps.sessions.cache.nextNotification();
}

describe('session lookups cached across two app instances', () => {
  it('B serves a session from its cache, and refuses it once A logged it out', async () => {
    const { onA, onB } = await signedInOnBoth('demo_agent');
    expect((await onB.get('/api/auth/me')).statusCode).toBe(200);
    expect(b.deps.sessions.cache.size).toBe(1);
    if (TEST_ENGINE === 'postgres') {
      sentByB.length = 0;
      expect((await onB.get('/api/auth/me')).statusCode).toBe(200);
      // the second request found its session without asking the database
      expect(sentByB.filter((q) => q.includes('"sessions"'))).toEqual([]);
    }
    expect((await onA.post('/api/auth/logout')).statusCode).toBe(200);
    await bForgets();
    expect((await onB.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('B refuses an account A disabled', async () => {
    const legal = ctx.client();
    await legal.login('demo_legal');
    const { onB } = await signedInOnBoth('demo_agent');
    expect((await onB.get('/api/institutions')).statusCode).toBe(200);
    expect(b.deps.sessions.cache.size).toBe(1);
    const [agent] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.account, 'demo_agent'));
    expect((await legal.post(`/api/agents/${agent!.id}/disable`)).statusCode).toBe(200);
    await bForgets();
    expect((await onB.get('/api/institutions')).statusCode).toBe(401);
    expect((await legal.post(`/api/agents/${agent!.id}/enable`)).statusCode).toBe(200);
  });

  it('B refuses every session of a user who changed the password on A, and sees a renamed department at once', async () => {
    const { onA, onB } = await signedInOnBoth('demo_reviewer');
    const me = await onB.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(b.deps.sessions.cache.size).toBe(1);

    const admin = ctx.client();
    await admin.login('demo_admin');
    const renamed = await admin.request('PUT', '/api/admin/departments/220000', { name: '省人社厅行政审批办' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    await bForgets();
    expect(JSON.stringify((await onB.get('/api/auth/me')).json())).toContain('省人社厅行政审批办');

    const changed = await onA.post('/api/auth/password', { oldPassword: 'Demo@123456', newPassword: 'New@2026xy', confirmPassword: 'New@2026xy' });
    expect(changed.statusCode, changed.body).toBe(200);
    await bForgets();
    expect((await onB.get('/api/auth/me')).statusCode).toBe(401);
  });
});
