import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS, SETTINGS, type TAuditEntry, type TAuditVerifyResult, type TDictionary, type TSettingItem } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { DEMO_UNIT } from '../../seed/demo';
import { auditLog } from '../audit/audit.table';

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = ctx.client();
  await admin.login('demo_admin');
});
afterAll(() => ctx?.close());

const KEY = 'licence.pattern.许可';
const url = `/api/admin/settings/${encodeURIComponent(KEY)}`;
const put = (body: unknown, path = url) => admin.request('PUT', path, body);
const settingsNow = async () => (await admin.get('/api/admin/settings')).json() as TSettingItem[];
const auditRows = async () => (await ctx.database.db.select({ n: count() }).from(auditLog))[0]!.n;

async function audit(query: string) {
  const res = await admin.get(`/api/admin/audit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: TAuditEntry[]; total: number };
}

describe('系统设置', () => {
  it('lists every setting with label, value and default', async () => {
    const items = await settingsNow();
    expect(items.map((s) => s.key)).toEqual(Object.keys(SETTINGS));
    expect(items.find((s) => s.key === KEY)).toEqual({
      key: KEY,
      label: '人力资源服务许可证编号规则',
      value: SETTINGS[KEY].default,
      default: SETTINGS[KEY].default,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('stores a valid pattern and audits the old and new value', async () => {
    const res = await put({ value: ' 吉人服证〔{year}〕{dept}-{seq:5}号 ' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ key: KEY, value: '吉人服证〔{year}〕{dept}-{seq:5}号', updatedBy: 'demo_admin' });
    const [entry] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'setting.updated'));
    expect(entry).toMatchObject({ actorAccount: 'demo_admin', targetType: 'setting', targetId: KEY });
    expect(entry!.detail).toEqual({ key: KEY, from: SETTINGS[KEY].default, to: '吉人服证〔{year}〕{dept}-{seq:5}号' });
  });

  it('refuses invalid values with the rule’s message, changing and auditing nothing', async () => {
    const before = await auditRows();
    const cases: [unknown, string][] = [
      ['吉人服证〔{year}〕{dept}号', '{seq:N}'],
      ['吉人服证{dept}{seq:4}', '{year}'],
      ['吉{year}{dept}{seq:4}{month}', '三种占位符'],
      ['', '请填写编号规则'],
      [42, ''],
    ];
    for (const [value, text] of cases) {
      const res = await put({ value });
      expect(res.statusCode, JSON.stringify(value)).toBe(400);
      expect(res.json().fieldErrors[0]).toMatchObject({ path: 'value', message: expect.stringContaining(text) });
    }
    expect((await put({ value: '吉{year}{dept}{seq:4}' }, '/api/admin/settings/unknown.key')).statusCode).toBe(404);
    expect((await settingsNow()).find((s) => s.key === KEY)?.value).toBe('吉人服证〔{year}〕{dept}-{seq:5}号');
    expect(await auditRows()).toBe(before);
  });
});

describe('数据字典', () => {
  it('shows the code-defined option lists read-only, with their source', async () => {
    const res = await admin.get('/api/admin/dictionaries');
    expect(res.statusCode).toBe(200);
    const dicts = res.json() as TDictionary[];
    const byName = new Map(dicts.map((d) => [d.name, d]));
    for (const name of ['机构类别', '申请业务', '学历', '民族', '政治面貌']) expect(byName.has(name), name).toBe(true);
    expect(byName.get('民族')!.items).toHaveLength(ETHNIC_GROUPS.length);
    expect(byName.get('民族')!.source).toBe('GB/T 3304');
    expect(byName.get('申请业务')!.items.find((i) => i.value === '职业介绍')?.note).toContain('许可');
    expect(byName.get('申请业务')!.items.find((i) => i.value === '人力资源培训')?.note).toBe('备案');
  });
});

describe('审计日志', () => {
  beforeAll(async () => {
    // activity with personal data around it: an agent (ID number, phone) and a reviewer (phone)
    const legal = ctx.client();
    await legal.login('demo_legal');
    await legal.post('/api/agents', { name: '张经办', idCard: '110101199003074936', phone: '13900139000', account: 'agent_audit', initialPassword: 'Init@2026x' });
    await admin.post('/api/admin/reviewers', { account: 'rev_audit', name: '吴审核', phone: '13900139007', departmentCode: '220100' });
    await ctx.client().post('/api/auth/login', { account: 'demo_agent', password: 'wrong-password' });
  });

  it('lists newest first, with the unit and the detail as stored', async () => {
    const page = await audit('?pageSize=100');
    // the search itself is recorded (audit.searched), after its answer was counted
    expect(page.total).toBe((await auditRows()) - 1);
    expect(page.items.some((e) => e.action === 'audit.searched')).toBe(false);
    expect((await audit('?action=audit.searched')).items[0]).toMatchObject({ actorAccount: 'demo_admin', detail: { query: { pageSize: 100, page: 1 } } });
    const ids = page.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const created = page.items.find((e) => e.action === 'agent.created')!;
    expect(created).toMatchObject({ actorAccount: 'demo_legal', actorRole: 'legal', unitName: DEMO_UNIT.name, unitUscc: DEMO_UNIT.uscc, targetType: 'user' });
    expect(created.detail).toEqual({ account: 'agent_audit', name: '张经办' });
  });

  it('filters by action or action group, actor, unit, target and date range', async () => {
    expect((await audit('?action=setting.updated')).items.map((e) => e.action)).toEqual(['setting.updated']);
    const auth = await audit('?action=auth&pageSize=100');
    expect(auth.total).toBeGreaterThanOrEqual(3);
    expect(auth.items.every((e) => e.action.startsWith('auth.'))).toBe(true);
    expect((await audit('?action=aut')).total).toBe(0);

    const byActor = await audit('?actorAccount=DEMO_LEGAL&pageSize=100');
    expect(byActor.total).toBeGreaterThan(0);
    expect(byActor.items.every((e) => e.actorAccount === 'demo_legal')).toBe(true);

    const byUnit = await audit(`?unitUscc=${DEMO_UNIT.uscc}&pageSize=100`);
    expect(byUnit.total).toBeGreaterThan(0);
    expect(byUnit.items.every((e) => e.unitUscc === DEMO_UNIT.uscc)).toBe(true);
    expect((await audit('?unitUscc=91220101MA17XXXX15')).total).toBe(0);

    const target = await audit(`?targetType=setting&targetId=${encodeURIComponent(KEY)}`);
    expect(target.items.map((e) => e.action)).toEqual(['setting.updated']);

    // the test clock reads 2026-11-26 in Beijing
    expect((await audit('?from=2026-11-26&to=2026-11-26')).total).toBe((await auditRows()) - 1);
    expect((await audit('?from=2026-11-27')).total).toBe(0);
    expect((await audit('?to=2026-11-25')).total).toBe(0);
    const reversed = await admin.get('/api/admin/audit?from=2026-11-27&to=2026-11-26');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().message).toContain('结束日期不能早于开始日期');
    expect((await admin.get('/api/admin/audit?from=26-11-2026')).statusCode).toBe(400);

    const paged = await audit('?page=2&pageSize=5');
    expect(paged.items).toHaveLength(5);
    expect(paged.items[0]!.id).toBeLessThan((await audit('?pageSize=5')).items[4]!.id);
  });

  it('lists the recorded actions for the filter', async () => {
    const actions = (await admin.get('/api/admin/audit/actions')).json() as string[];
    expect(actions).toEqual([...actions].sort());
    expect(actions).toEqual(expect.arrayContaining(['account.seeded', 'agent.created', 'auth.login', 'auth.login_failed', 'reviewer.created', 'setting.updated']));
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('holds no unmasked ID number or mobile number in any detail', async () => {
    const rows = await ctx.database.db.select({ detail: auditLog.detail }).from(auditLog);
    const text = rows.map((r) => JSON.stringify(r.detail)).join('\n');
    expect(text).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)/);
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });

  it('verifies the chain: complete, then the first tampered row', async () => {
    const ok = (await admin.get('/api/admin/audit/verify')).json() as TAuditVerifyResult;
    expect(ok).toMatchObject({ ok: true, count: await auditRows(), brokenAt: null, brokenPosition: null, reason: null });

    const { db } = ctx.database;
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
    try {
      const ids = (await db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id))).map((r) => r.id);
      await db.execute(sql`UPDATE audit_log SET detail = '{"forged":true}' WHERE id = ${ids[5]!}`);
      const broken = (await admin.get('/api/admin/audit/verify')).json() as TAuditVerifyResult;
      expect(broken).toMatchObject({ ok: false, count: 5, brokenAt: ids[5], brokenPosition: 6, reason: expect.stringContaining('篡改') });
    } finally {
      await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
    }
  });
});
