import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_EXPIRED_MESSAGE, passwordProblems, type TInitialPassword, type TReviewer } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { users } from '../accounts/accounts.table';
import { auditLog } from '../audit/audit.table';

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = ctx.client();
  await admin.login('demo_admin');
});
afterAll(() => ctx?.close());

const DAY = 86_400_000;
const put = (c: TestClient, url: string, body: unknown) => c.request('PUT', url, body);
const newReviewer = { account: 'rev_changchun', name: '孙审核', phone: '13900139001', departmentCode: '220100' };
let created: TInitialPassword;
let password: string;

async function reviewers(query = '') {
  const res = await admin.get(`/api/admin/reviewers${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: TReviewer[]; total: number };
}

async function changePassword(c: TestClient, oldPassword: string, newPassword: string) {
  const res = await c.post('/api/auth/password', { oldPassword, newPassword, confirmPassword: newPassword });
  expect(res.statusCode, res.body).toBe(200);
}

describe('审核人员 accounts', () => {
  it('creates a reviewer with a generated initial password, shown once and never listed', async () => {
    const res = await admin.post('/api/admin/reviewers', newReviewer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    created = res.json();
    expect(created.account).toBe('rev_changchun');
    expect(passwordProblems(created.initialPassword, { account: newReviewer.account, phone: newReviewer.phone })).toEqual([]);

    const page = await reviewers('?department=220100');
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      id: created.id,
      account: 'rev_changchun',
      name: '孙审核',
      phone: '139****9001',
      department: { code: '220100', name: '长春市人力资源和社会保障局', active: true },
      status: 'active',
      mustChangePassword: true,
    });
    expect(JSON.stringify(page)).not.toContain(created.initialPassword);

    const [entry] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'reviewer.created'));
    expect(entry).toMatchObject({ actorAccount: 'demo_admin', targetType: 'user', targetId: created.id });
    expect(entry!.detail).toEqual({ account: 'rev_changchun', name: '孙审核', department: '220100' });
  });

  it('forces the reviewer to change the initial password at first login, then works', async () => {
    const reviewer = ctx.client();
    const me = await reviewer.login('rev_changchun', created.initialPassword);
    expect(me.user).toMatchObject({ role: 'reviewer', mustChangePassword: true, department: { name: '长春市人力资源和社会保障局' } });
    expect((me.user as { passwordExpired?: boolean }).passwordExpired).toBeUndefined();
    const blocked = await reviewer.get('/api/departments');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');

    password = 'Review@2026a';
    await changePassword(reviewer, created.initialPassword, password);
    const again = ctx.client();
    const me2 = await again.login('rev_changchun', password);
    expect(me2.user).toMatchObject({ mustChangePassword: false });
    expect((await again.get('/api/departments')).statusCode).toBe(200);
  });

  it('reports every problem at once and creates nothing', async () => {
    const before = (await reviewers()).total;
    const res = await admin.post('/api/admin/reviewers', { account: '1bad', name: '李', phone: '12345', departmentCode: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['account', 'name', 'phone', 'departmentCode']));
    const taken = await admin.post('/api/admin/reviewers', { ...newReviewer, account: 'DEMO_AGENT' });
    expect(taken.json().fieldErrors).toEqual([{ path: 'account', message: '该账号已被使用，请更换' }]);
    const unknown = await admin.post('/api/admin/reviewers', { ...newReviewer, account: 'rev_unknown', departmentCode: '229999' });
    expect(unknown.json().fieldErrors).toEqual([{ path: 'departmentCode', message: '审批部门不存在' }]);
    expect((await reviewers()).total).toBe(before);
  });

  it('refuses a reviewer for an inactive department', async () => {
    await admin.post('/api/admin/departments', { code: '220173', name: '测试停用人社局', level: 'county', parentCode: '220100' });
    expect((await put(admin, '/api/admin/departments/220173', { active: false })).statusCode).toBe(200);
    const res = await admin.post('/api/admin/reviewers', { ...newReviewer, account: 'rev_inactive', departmentCode: '220173' });
    expect(res.json().fieldErrors).toEqual([{ path: 'departmentCode', message: '审批部门「测试停用人社局」已停用' }]);
  });

  it('filters by department, status and keyword (name, account or a full phone number)', async () => {
    await admin.post('/api/admin/reviewers', { account: 'rev_jilin', name: '周审核', phone: '13900139002', departmentCode: '220200' });
    expect((await reviewers()).items.map((r) => r.account)).toEqual(expect.arrayContaining(['demo_reviewer', 'rev_changchun', 'rev_jilin']));
    expect((await reviewers('?department=220200')).items.map((r) => r.account)).toEqual(['rev_jilin']);
    expect((await reviewers(`?keyword=${encodeURIComponent('孙')}`)).items.map((r) => r.account)).toEqual(['rev_changchun']);
    expect((await reviewers('?keyword=JILIN')).items.map((r) => r.account)).toEqual(['rev_jilin']);
    expect((await reviewers('?keyword=13900139002')).items.map((r) => r.account)).toEqual(['rev_jilin']);
    expect((await reviewers('?keyword=%25')).total).toBe(0);
    expect((await reviewers('?status=disabled')).total).toBe(0);
    // only reviewers: neither unit accounts nor administrators
    expect((await reviewers('?keyword=demo')).items.map((r) => r.account)).toEqual(['demo_inspector', 'demo_reviewer']);
  });

  it('disables a reviewer (ending the session, refusing login) and enables again', async () => {
    const reviewer = ctx.client();
    await reviewer.login('rev_changchun', password);
    expect((await admin.post(`/api/admin/reviewers/${created.id}/disable`)).statusCode).toBe(200);
    expect((await reviewer.get('/api/auth/me')).statusCode).toBe(401);
    const refused = await ctx.client().post('/api/auth/login', { account: 'rev_changchun', password });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('账号已停用');
    expect((await reviewers('?status=disabled')).items.map((r) => r.account)).toEqual(['rev_changchun']);
    expect((await admin.post(`/api/admin/reviewers/${created.id}/enable`)).statusCode).toBe(200);
    await ctx.client().login('rev_changchun', password);
    const actions = (await ctx.database.db.select().from(auditLog).where(inArray(auditLog.action, ['reviewer.disabled', 'reviewer.enabled']))).map((a) => a.action);
    expect(actions).toEqual(['reviewer.disabled', 'reviewer.enabled']);
  });

  it('resets the password: a new initial password, the old one and the sessions gone, change forced', async () => {
    const reviewer = ctx.client();
    await reviewer.login('rev_changchun', password);
    const res = await admin.post(`/api/admin/reviewers/${created.id}/reset-password`);
    expect(res.statusCode, res.body).toBe(200);
    const reset = res.json() as TInitialPassword;
    expect(reset.initialPassword).not.toBe(created.initialPassword);
    expect((await reviewer.get('/api/auth/me')).statusCode).toBe(401);
    expect((await ctx.client().post('/api/auth/login', { account: 'rev_changchun', password })).statusCode).toBe(401);
    const again = ctx.client();
    expect((await again.login('rev_changchun', reset.initialPassword)).user).toMatchObject({ mustChangePassword: true });
    password = 'Review@2026b';
    await changePassword(again, reset.initialPassword, password);
    const entries = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'reviewer.password_reset'));
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0]!.detail)).not.toContain(reset.initialPassword);
  });

  it('moves a reviewer to another active department; their session follows at once', async () => {
    const reviewer = ctx.client();
    await reviewer.login('rev_changchun', password);
    expect((await put(admin, `/api/admin/reviewers/${created.id}/department`, { departmentCode: '220102' })).statusCode).toBe(200);
    expect((await reviewer.get('/api/auth/me')).json().user.department.name).toBe('南关区人力资源和社会保障局');
    const [entry] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'reviewer.department_changed'));
    expect(entry!.detail).toEqual({ account: 'rev_changchun', from: '220100', to: '220102' });
    const inactive = await put(admin, `/api/admin/reviewers/${created.id}/department`, { departmentCode: '220173' });
    expect(inactive.statusCode).toBe(400);
    expect((await reviewers('?department=220102')).items.map((r) => r.account)).toEqual(['rev_changchun']);
  });

  it('does not reach non-reviewer accounts or unknown ids', async () => {
    const [agent] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.account, 'demo_agent'));
    const [adm] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.account, 'demo_admin'));
    for (const id of [agent!.id, adm!.id, '7fc3e538-e8dc-4fa9-b20e-1ca87f073246']) {
      expect((await admin.post(`/api/admin/reviewers/${id}/disable`)).statusCode).toBe(404);
      expect((await admin.post(`/api/admin/reviewers/${id}/reset-password`)).statusCode).toBe(404);
      expect((await put(admin, `/api/admin/reviewers/${id}/department`, { departmentCode: '220100' })).statusCode).toBe(404);
    }
    expect((await admin.post('/api/admin/reviewers/not-a-uuid/disable')).statusCode).toBe(400);
    const [still] = await ctx.database.db.select({ status: users.status }).from(users).where(eq(users.account, 'demo_agent'));
    expect(still!.status).toBe('active');
  });
});

describe('password age (90 days) for reviewers and administrators', () => {
  const setChangedAt = (account: string, at: Date) => ctx.database.db.update(users).set({ passwordChangedAt: at }).where(eq(users.account, account));

  it('forces the change in a session that was already open when the password passed 90 days', async () => {
    const [row] = await ctx.database.db.select({ at: users.passwordChangedAt }).from(users).where(eq(users.account, 'rev_changchun'));
    const reviewer = ctx.client();
    await reviewer.login('rev_changchun', password);
    expect((await reviewer.get('/api/departments')).statusCode).toBe(200);
    // the password turns 90 days old 5 minutes into the session
    await setChangedAt('rev_changchun', new Date(ctx.clock().getTime() - 90 * DAY + 5 * 60_000));
    expect((await reviewer.get('/api/departments')).statusCode).toBe(200);
    ctx.clock.advanceMinutes(10);
    const blocked = await reviewer.get('/api/departments');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    await setChangedAt('rev_changchun', row!.at);
  });

  it('lets a password of 89 days through and forces the change of one older than 90 days', async () => {
    const now = ctx.clock();
    for (const a of ['rev_changchun', 'demo_admin', 'demo_agent', 'demo_legal']) await setChangedAt(a, now);

    ctx.clock.advance(89 * DAY);
    const early = await ctx.client().login('rev_changchun', password);
    expect(early.user).toMatchObject({ mustChangePassword: false });

    ctx.clock.advance(2 * DAY);
    const reviewer = ctx.client();
    const me = await reviewer.login('rev_changchun', password);
    expect(me.user).toMatchObject({ mustChangePassword: true, passwordExpired: true });
    const blocked = await reviewer.get('/api/departments');
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    // the reason survives a reload of the change page
    expect((await reviewer.get('/api/auth/me')).json().user).toMatchObject({ mustChangePassword: true, passwordExpired: true });
    expect(PASSWORD_EXPIRED_MESSAGE).toBe('密码已使用超过90天，请修改密码');

    const [entry] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'account.password_expired'));
    expect(entry).toMatchObject({ actorAccount: 'rev_changchun', targetType: 'user' });

    await changePassword(reviewer, password, 'Review@2026c');
    const after = await ctx.client().login('rev_changchun', 'Review@2026c');
    expect(after.user).toMatchObject({ mustChangePassword: false });
    expect((after.user as { passwordExpired?: boolean }).passwordExpired).toBeUndefined();
  });

  it('applies to administrators too, not to unit accounts', async () => {
    const adm = ctx.client();
    expect((await adm.login('demo_admin')).user).toMatchObject({ mustChangePassword: true, passwordExpired: true });
    expect((await adm.get('/api/admin/reviewers')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await ctx.client().login('demo_agent')).user).toMatchObject({ mustChangePassword: false });
    expect((await ctx.client().login('demo_legal')).user).toMatchObject({ mustChangePassword: false });
  });

  it('keeps an expired reviewer’s first-login reason apart: a reset password is not “expired”', async () => {
    const [row] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.account, 'rev_jilin'));
    const adm = ctx.client();
    await adm.login('demo_admin');
    await changePassword(adm, 'Demo@123456', 'Admin@2026x');
    const fresh = ctx.client();
    await fresh.login('demo_admin', 'Admin@2026x');
    const reset = (await fresh.post(`/api/admin/reviewers/${row!.id}/reset-password`)).json() as TInitialPassword;
    const me = await ctx.client().login('rev_jilin', reset.initialPassword);
    expect(me.user).toMatchObject({ mustChangePassword: true });
    expect((me.user as { passwordExpired?: boolean }).passwordExpired).toBeUndefined();
  });
});
