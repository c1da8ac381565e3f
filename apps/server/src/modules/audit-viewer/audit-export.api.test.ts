import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditEntry } from '@jhrm/contracts';
import { auditLog } from '../audit/audit.table';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { readExport } from '../../test/xlsx';

const HEADER = ['时间', '操作', '操作人', '对象', '单位', 'IP 地址'];

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = ctx.client();
  await admin.login('demo_admin');
  for (let i = 0; i < 3; i++) await ctx.client().login('demo_agent');
  await ctx.client().login('demo_reviewer');
  // a failed sign-in under a 身份证号-like account: the list masks it, so must the file
  await ctx.client().post('/api/auth/login', { account: '220102197803120032', password: 'Wrong@123456' });
});
afterAll(() => ctx?.close());

describe('GET /api/admin/audit/export', () => {
  it('exports every entry the filters select, newest first, as the list shows them', async () => {
    const list = (await admin.get('/api/admin/audit?action=auth.login&actorAccount=demo_agent&pageSize=100')).json() as { items: TAuditEntry[]; total: number };
    expect(list.total).toBe(3);
    const file = await readExport(admin, '/api/admin/audit/export?action=auth.login&actorAccount=demo_agent');
    expect(file.header).toEqual(HEADER);
    expect(file.bold).toBe(true);
    expect(file.fileName).toMatch(/^审计日志_\d{8}-\d{4}\.xlsx$/);
    expect(file.rows).toHaveLength(3);
    expect(file.rows.map((r) => r[1])).toEqual(['登录', '登录', '登录']);
    expect(file.rows[0]![2]).toBe('demo_agent（经办人）');
    expect(file.rows[0]![0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(file.rows[0]![4]).toBe(list.items[0]!.unitName);
    expect(file.rows.map((r) => r[5])).toEqual(list.items.map((e) => e.ip));

    // a group of actions, and the entries of no one (系统 / 未登录)
    const auth = await readExport(admin, '/api/admin/audit/export?action=auth');
    expect(auth.rows.map((r) => r[1])).toEqual(expect.arrayContaining(['登录', '登录失败']));
    expect(auth.rows.map((r) => r[2])).toContain('demo_reviewer（审核人员）');
    expect(auth.rows.flat().join()).not.toContain('220102197803120032');
    const none = await readExport(admin, '/api/admin/audit/export?actorAccount=nobody');
    expect(none.rows).toEqual([]);
  });

  it('records the export with its conditions', async () => {
    expect((await admin.get('/api/admin/audit/export?action=auth.login&from=2026-01-01')).statusCode).toBe(200);
    const [entry] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'audit.exported')).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ actorAccount: 'demo_admin', actorRole: 'admin', detail: { query: { action: 'auth.login', from: '2026-01-01' } } });
  });

  it('refuses other roles and bad filters', async () => {
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    expect((await reviewer.get('/api/admin/audit/export')).statusCode).toBe(403);
    const agent = ctx.client();
    await agent.login('demo_agent');
    expect((await agent.get('/api/admin/audit/export')).statusCode).toBe(403);
    const bad = await admin.get('/api/admin/audit/export?from=2026-12-05&to=2026-12-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('结束日期不能早于开始日期');
  });
});
