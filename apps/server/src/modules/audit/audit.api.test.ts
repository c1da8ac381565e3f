import { sql } from 'drizzle-orm';
import type { TAuditAction } from '@jhrm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';
import { verifyAuditChain } from './audit.service';
import { auditLog } from './audit.table';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  const c = ctx.client();
  await c.login('demo_agent');
  await c.post('/api/auth/logout');
  await ctx.client().post('/api/auth/login', { account: 'demo_agent', password: 'wrong' });
});
afterAll(() => ctx?.close());

const key = () => ctx.deps.config.secrets.auditKey;

describe('audit log', () => {
  it('chains every row and verifies', async () => {
    const result = await verifyAuditChain(ctx.database.db, key());
    expect(result.ok).toBe(true);
    expect(result.count).toBeGreaterThanOrEqual(7); // 4 seeded accounts, login, logout, failed login
  });

  it('keeps the chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => ctx.deps.audit.record(ctx.database.db, { action: 'test.concurrent' as TAuditAction, detail: { i, nested: { b: 1, a: [1, 'x'] } } })));
    expect((await verifyAuditChain(ctx.database.db, key(), 7)).ok).toBe(true);
    const rows = await ctx.database.db.select({ detail: auditLog.detail }).from(auditLog).where(sql`${auditLog.action} = 'test.concurrent'`);
    expect(rows.map((r) => (r.detail as { i: number }).i).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('appends a burst of 1 200 entries, every one, in one unbroken chain', async () => {
    await Promise.all(Array.from({ length: 1200 }, (_, i) => ctx.deps.audit.record(ctx.database.db, { action: 'test.burst' as TAuditAction, detail: { i } })));
    const [{ n } = { n: 0 }] = await ctx.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(sql`${auditLog.action} = 'test.burst'`);
    expect(n).toBe(1200);
    expect((await verifyAuditChain(ctx.database.db, key(), 7)).ok).toBe(true);
  });

  it('appends the others of a group when the database refuses one entry, and rejects only that one', async () => {
    // jsonb refuses a NUL character: the group append fails, and each entry is tried alone
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => ctx.deps.audit.record(ctx.database.db, { action: 'test.group' as TAuditAction, detail: { i, text: i === 3 ? 'a\u0000b' : 'ok' } })),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    const rows = await ctx.database.db.select({ detail: auditLog.detail }).from(auditLog).where(sql`${auditLog.action} = 'test.group'`);
    expect(rows.map((r) => (r.detail as { i: number }).i).sort((a, b) => a - b)).toEqual([0, 1, 2, 4, 5, 6, 7]);
    expect((await verifyAuditChain(ctx.database.db, key(), 7)).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const { db } = ctx.database;
    await expect(db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    expect((await verifyAuditChain(db, key())).ok).toBe(true);
  });

  it('fails verification under another key', async () => {
    const r = await verifyAuditChain(ctx.database.db, Buffer.alloc(32, 7));
    expect(r.ok).toBe(false);
  });

  it('reports the first tampered row, and a removed row at its successor', async () => {
    const { db } = ctx.database;
    // Only a superuser bypassing the trigger can do this; the chain still tells.
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
    const ids = (await db.select({ id: auditLog.id }).from(auditLog).orderBy(auditLog.id)).map((r) => r.id);
    await db.execute(sql`UPDATE audit_log SET detail = '{"forged":true}' WHERE id = ${ids[3]!}`);
    const tampered = await verifyAuditChain(db, key());
    expect(tampered).toMatchObject({ ok: false, brokenAt: ids[3], reason: expect.stringContaining('篡改') });

    await db.execute(sql`DELETE FROM audit_log WHERE id >= ${ids[3]!} AND id <= ${ids[3]!}`);
    const removed = await verifyAuditChain(db, key());
    expect(removed).toMatchObject({ ok: false, brokenAt: ids[4], reason: expect.stringContaining('删除') });
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
  });
});
