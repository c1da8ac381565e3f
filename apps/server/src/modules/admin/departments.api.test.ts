import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_DEPARTMENTS, type TAdminDepartment } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createDemoApplication } from '../../test/fixtures';
import { createReviewer } from '../../test/people';
import { departments } from '../accounts/accounts.table';
import { applications } from '../applications/applications.table';
import { auditLog } from '../audit/audit.table';

let ctx: TestContext;
let admin: TestClient;
let agent: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = ctx.client();
  await admin.login('demo_admin');
  agent = ctx.client();
  await agent.login('demo_agent');
});
afterAll(() => ctx?.close());

const put = (c: TestClient, url: string, body: unknown) => c.request('PUT', url, body);
const list = async () => (await admin.get('/api/admin/departments')).json() as TAdminDepartment[];
const find = async (code: string) => (await list()).find((d) => d.code === code);
const departmentCount = async () => (await ctx.database.db.select({ n: count() }).from(departments))[0]!.n;
const auditsOf = async (action: string) => ctx.database.db.select().from(auditLog).where(eq(auditLog.action, action));

/** Every /api/admin route with its params filled in, to knock on with each role. */
function adminRoutes() {
  return ctx.app.routeAccess
    .filter((r) => r.url.startsWith('/api/admin') && r.method !== 'HEAD')
    .map((r) => ({
      ...r,
      path: r.url
        .replace(':code', '220100')
        .replace(':key', encodeURIComponent('licence.pattern.许可'))
        .replace(/:id|:fileId/g, '7fc3e538-e8dc-4fa9-b20e-1ca87f073246'),
    }));
}

describe('系统管理 access', () => {
  it('declares every admin route for administrators only', () => {
    const routes = adminRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(15);
    for (const r of routes) expect(r.access, `${r.method} ${r.url}`).toEqual(['admin']);
  });

  it('refuses agents, legal persons and reviewers (403) and the signed-out (401) on every admin route', async () => {
    const legal = ctx.client();
    await legal.login('demo_legal');
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    for (const r of adminRoutes()) {
      for (const c of [agent, legal, reviewer]) {
        const res = await c.request(r.method as 'GET', r.path, r.method === 'GET' ? undefined : {});
        expect(res.statusCode, `${r.method} ${r.path}`).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
      expect((await ctx.client().request(r.method as 'GET', r.path, r.method === 'GET' ? undefined : {})).statusCode).toBe(401);
    }
  });
});

describe('审批部门', () => {
  it('lists the seeded dictionary as a tree with levels, state and reviewer counts', async () => {
    const all = await list();
    expect(all).toHaveLength(1 + 9 + COUNTY_DEPARTMENTS.length);
    // the demo seeds two reviewers of 省人社厅审批办 (demo_reviewer, demo_inspector)
    expect(all.find((d) => d.code === '220000')).toMatchObject({ name: '省人社厅审批办', level: 'province', parentCode: null, active: true, reviewerCount: 2, pendingCount: 0 });
    expect(all.filter((d) => d.parentCode === '220000')).toHaveLength(9);
    expect(all.find((d) => d.code === '222401')).toMatchObject({ level: 'county', parentCode: '222400', active: true });
    await createReviewer(ctx, '220100', 'reviewer_cc1');
    expect(await find('220100')).toMatchObject({ reviewerCount: 1 });
  });

  it('adds a county under its city, audited, and offers it for 提交', async () => {
    const res = await admin.post('/api/admin/departments', { code: '220172', name: '长春新区人力资源和社会保障局', level: 'county', parentCode: '220100' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await find('220172')).toMatchObject({ level: 'county', parentCode: '220100', active: true, reviewerCount: 0 });
    const offered = (await agent.get('/api/departments')).json() as { code: string }[];
    expect(offered.map((d) => d.code)).toContain('220172');
    const [entry] = await auditsOf('department.created');
    expect(entry).toMatchObject({ actorAccount: 'demo_admin', targetType: 'department', targetId: '220172' });
    expect(entry!.detail).toMatchObject({ code: '220172', parentCode: '220100', level: 'county' });
  });

  it('refuses bad additions with a clear message at the field, changing nothing', async () => {
    const before = await departmentCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ code: '22017', name: '某某局人力资源部门', level: 'county', parentCode: '220100' }, 'code', '6位数字'],
      [{ code: '220172', name: '另一个名称的人社局', level: 'county', parentCode: '220100' }, 'code', '部门编码已存在'],
      [{ code: '220173', name: '长春新区人力资源和社会保障局', level: 'county', parentCode: '220100' }, 'name', '部门名称已被使用'],
      [{ code: '220173', name: '某某县人社局', level: 'county', parentCode: '229900' }, 'parentCode', '上级部门不存在'],
      [{ code: '220173', name: '某某县人社局', level: 'county', parentCode: '220000' }, 'level', '下级部门应为市（州）级'],
      [{ code: '220273', name: '某某县人社局', level: 'county', parentCode: '220100' }, 'code', '2201'],
      [{ code: '220900', name: '某某市人社局', level: 'county', parentCode: '220100' }, 'code', '2201'],
      [{ code: '220901', name: '某某市人社局', level: 'city', parentCode: '220000' }, 'code', '22xx00'],
      [{ code: '220173', name: '某某县人社局', level: 'county', parentCode: '222401' }, 'level', '不能再设下级部门'],
      [{ code: '220000', name: '另一个省级部门', level: 'province', parentCode: '220000' }, 'level', '只能新增市（州）级或县（市、区）级部门'],
    ];
    for (const [body, path, text] of cases) {
      const res = await admin.post('/api/admin/departments', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const fe = (res.json().fieldErrors as { path: string; message: string }[]).find((e) => e.path === path);
      expect(fe?.message, JSON.stringify(body)).toContain(text);
    }
    expect(await departmentCount()).toBe(before);
  });

  it('adds a city under the province', async () => {
    const res = await admin.post('/api/admin/departments', { code: '220900', name: '长白山管委会人力资源和社会保障局', level: 'city', parentCode: '220000' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await find('220900')).toMatchObject({ level: 'city', parentCode: '220000' });
  });

  it('renames a department, audited with the old and new name', async () => {
    const res = await put(admin, '/api/admin/departments/220172', { name: '长春新区人力资源局' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await find('220172'))?.name).toBe('长春新区人力资源局');
    const [entry] = await auditsOf('department.renamed');
    expect(entry!.detail).toEqual({ code: '220172', from: '长春新区人力资源和社会保障局', to: '长春新区人力资源局' });
    expect((await put(admin, '/api/admin/departments/229999', { name: '不存在的部门名称' })).statusCode).toBe(404);
    expect((await put(admin, '/api/admin/departments/220172', { name: '省人社厅审批办' })).json().fieldErrors[0].message).toContain('部门名称已被使用');
    expect((await put(admin, '/api/admin/departments/220172', {})).statusCode).toBe(400);
  });

  it('refuses to deactivate a department with 待审核 applications, saying how many', async () => {
    await createDemoApplication(ctx, '待审核', '220172');
    await createDemoApplication(ctx, '待审核', '220172');
    expect((await find('220172'))?.pendingCount).toBe(2);
    const res = await put(admin, '/api/admin/departments/220172', { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('还有2件待审核的申请');
    expect((await find('220172'))?.active).toBe(true);
    // decided: no longer pending
    await ctx.database.db.update(applications).set({ status: '审核通过' }).where(eq(applications.department, '220172'));
  });

  it('deactivates: no longer offered, refused on 提交, history kept; and activates again', async () => {
    const res = await put(admin, '/api/admin/departments/220172', { active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(await find('220172')).toMatchObject({ active: false, name: '长春新区人力资源局' });
    expect(await auditsOf('department.deactivated')).toHaveLength(1);

    const offered = (await agent.get('/api/departments')).json() as { code: string }[];
    expect(offered.map((d) => d.code)).not.toContain('220172');
    expect(offered.map((d) => d.code)).toContain('220100');
    const everything = (await agent.get('/api/departments?includeInactive=true')).json() as { code: string; active: boolean }[];
    expect(everything.find((d) => d.code === '220172')).toMatchObject({ active: false });

    const { application: draft } = await createDemoApplication(ctx, '待提交');
    const submit = await agent.post(`/api/applications/${draft.id}/submit`, { version: draft.version, department: '220172', requestKey: 'k-inactive-department-1' });
    expect(submit.statusCode).toBe(400);
    expect(submit.json().fieldErrors).toEqual([{ path: 'department', message: '审批部门「长春新区人力资源局」已停用，请重新选择审批部门' }]);
    const [after] = await ctx.database.db.select().from(applications).where(eq(applications.id, draft.id));
    expect(after).toMatchObject({ status: '待提交', department: null });

    // the applications decided by it still name it
    const decided = await ctx.database.db.select().from(applications).where(eq(applications.department, '220172'));
    expect(decided).toHaveLength(2);

    expect((await put(admin, '/api/admin/departments/220172', { active: true })).statusCode).toBe(200);
    expect((await find('220172'))?.active).toBe(true);
    expect(await auditsOf('department.activated')).toHaveLength(1);
  });

  it('keeps the tree consistent: a city with active counties and the province stay active', async () => {
    const city = await put(admin, '/api/admin/departments/220100', { active: false });
    expect(city.statusCode).toBe(409);
    expect(city.json().message).toContain('请先停用下级部门');
    const province = await put(admin, '/api/admin/departments/220000', { active: false });
    expect(province.statusCode).toBe(409);
    expect(province.json().message).toBe('省级审批部门不能停用');

    // a new city with no counties can go; then a county cannot be added under it, nor the city's county re-enabled
    expect((await put(admin, '/api/admin/departments/220900', { active: false })).statusCode).toBe(200);
    const under = await admin.post('/api/admin/departments', { code: '220901', name: '池北区人力资源和社会保障局', level: 'county', parentCode: '220900' });
    expect(under.json().fieldErrors[0]).toMatchObject({ path: 'parentCode', message: expect.stringContaining('已停用') });
  });

  it('refuses a county’s activation while its city is inactive', async () => {
    expect((await put(admin, '/api/admin/departments/220900', { active: true })).statusCode).toBe(200);
    expect((await admin.post('/api/admin/departments', { code: '220901', name: '池北区人力资源和社会保障局', level: 'county', parentCode: '220900' })).statusCode).toBe(200);
    expect((await put(admin, '/api/admin/departments/220901', { active: false })).statusCode).toBe(200);
    expect((await put(admin, '/api/admin/departments/220900', { active: false })).statusCode).toBe(200);
    const res = await put(admin, '/api/admin/departments/220901', { active: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('请先启用上级部门');
  });
});
