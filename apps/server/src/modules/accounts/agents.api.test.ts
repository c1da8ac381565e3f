import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdCard, makeUscc } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { hashPassword } from '../../lib/passwords';
import { units, users } from './accounts.table';

let ctx: TestContext;
let legal: TestClient;
let agentId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  legal = ctx.client();
  await legal.login('demo_legal');
});
afterAll(() => ctx?.close());

const newAgent = { name: '张经办', idCard: '110101199003074936', phone: '13900139000', account: 'agent_t01', initialPassword: 'Init@2026x' };

describe('经办人管理', () => {
  it('creates an agent who must change the initial password at first login', async () => {
    const res = await legal.post('/api/agents', newAgent);
    expect(res.statusCode, res.body).toBe(200);
    agentId = res.json().id;
    const list = (await legal.get('/api/agents')).json();
    const created = list.find((a: { account: string }) => a.account === 'agent_t01');
    expect(created).toMatchObject({ name: '张经办', idCard: '110101********4936', phone: '139****9000', status: 'active', mustChangePassword: true });

    const agent = ctx.client();
    const me = await agent.login('agent_t01', 'Init@2026x');
    expect((me.user as { mustChangePassword?: boolean }).mustChangePassword).toBe(true);
    const blocked = await agent.get('/api/institutions');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await agent.post('/api/auth/password', { oldPassword: 'Init@2026x', newPassword: 'New@2026xy', confirmPassword: 'New@2026xy' });
    expect(changed.statusCode).toBe(200);
    // the password change ended the session
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
    const again = ctx.client();
    await again.login('agent_t01', 'New@2026xy');
    expect((await again.get('/api/institutions')).statusCode).toBe(200);
  });

  it('reports every problem of the form at once', async () => {
    const res = await legal.post('/api/agents', { name: '李', idCard: '110101199003074937', phone: '12345', account: 'demo_agent', initialPassword: 'short' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().fieldErrors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'idCard', 'phone', 'initialPassword']));
    const taken = await legal.post('/api/agents', { ...newAgent, account: 'DEMO_AGENT' });
    expect(taken.json().fieldErrors).toEqual([{ path: 'account', message: '该账号已被使用，请更换' }]);
  });

  it('refuses a second agent with the same 身份证号 in the unit, naming the existing account, also when both arrive at once', async () => {
    const res = await legal.post('/api/agents', { ...newAgent, account: 'agent_t01_again', phone: '13900139001' });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors).toEqual([{ path: 'idCard', message: expect.stringContaining('账号 agent_t01') }]);
    expect(await ctx.database.db.select().from(users).where(eq(users.account, 'agent_t01_again'))).toEqual([]);

    const idCard = makeIdCard('22010219880101123');
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => legal.post('/api/agents', { ...newAgent, idCard, account: `agent_twin${i}`, phone: `1390013902${i}` })),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400, 400, 400, 400, 400]);
    for (const r of answers.filter((x) => x.statusCode === 400)) expect(r.json().fieldErrors[0]).toMatchObject({ path: 'idCard', message: expect.stringContaining('已是本单位经办人') });
    const twins = await ctx.database.db
      .select()
      .from(users)
      .where(and(eq(users.role, 'agent'), eq(users.idCardIdx, ctx.deps.pii.blindIndex(idCard))));
    expect(twins).toHaveLength(1);
  });

  it('disables an agent (ending its sessions) and enables it again', async () => {
    const agent = ctx.client();
    await agent.login('agent_t01', 'New@2026xy');
    expect((await legal.post(`/api/agents/${agentId}/disable`)).statusCode).toBe(200);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(401);
    const refused = await ctx.client().post('/api/auth/login', { account: 'agent_t01', password: 'New@2026xy' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('账号已停用');
    expect((await legal.post(`/api/agents/${agentId}/enable`)).statusCode).toBe(200);
    expect((await ctx.client().post('/api/auth/login', { account: 'agent_t01', password: 'New@2026xy' })).statusCode).toBe(200);
  });

  it('resets an agent’s password to a new initial password', async () => {
    const bad = await legal.post(`/api/agents/${agentId}/reset-password`, { newPassword: 'agent_t01Ab!' });
    expect(bad.json().fieldErrors).toContainEqual({ path: 'newPassword', message: '密码不能包含账号' });
    expect((await legal.post(`/api/agents/${agentId}/reset-password`, { newPassword: 'Reset@2026q' })).statusCode).toBe(200);
    const agent = ctx.client();
    const me = await agent.login('agent_t01', 'Reset@2026q');
    expect((me.user as { mustChangePassword?: boolean }).mustChangePassword).toBe(true);
  });

  it('keeps units apart: another unit’s legal person cannot see or touch these agents', async () => {
    const [other] = await ctx.database.db.insert(units).values({ name: '吉林市其他人力资源有限公司', uscc: makeUscc('91220201MA17QTHR1'), legalType: '企业法人' }).returning();
    await ctx.database.db.insert(users).values({ account: 'legal_other', passwordHash: await hashPassword('Demo@123456'), role: 'legal', name: '他人', unitId: other!.id });
    const intruder = ctx.client();
    await intruder.login('legal_other');
    expect((await intruder.get('/api/agents')).json()).toEqual([]);
    for (const path of ['disable', 'enable']) expect((await intruder.post(`/api/agents/${agentId}/${path}`)).statusCode).toBe(404);
    expect((await intruder.post(`/api/agents/${agentId}/reset-password`, { newPassword: 'Hack@2026zz' })).statusCode).toBe(404);
    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, agentId));
    expect(row!.status).toBe('active');
  });

  it('is for the legal person only: an agent cannot manage agents, and the legal person cannot do business', async () => {
    const agent = ctx.client();
    await agent.login('demo_agent');
    expect((await agent.get('/api/agents')).statusCode).toBe(403);
    expect((await agent.post('/api/agents', newAgent)).statusCode).toBe(403);
  });

  it('refuses malformed ids with 400, not 500', async () => {
    expect((await legal.post('/api/agents/not-a-uuid/disable')).statusCode).toBe(400);
  });
});

describe('账号设置', () => {
  it('lists my sessions and ends another one', async () => {
    const a = ctx.client();
    const b = ctx.client();
    await a.login('demo_reviewer');
    await b.login('demo_reviewer');
    const list = (await a.get('/api/auth/sessions')).json() as { id: string; current: boolean }[];
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current)!;
    expect((await a.request('DELETE', `/api/auth/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    // someone else's session handle is not mine to end
    const c = ctx.client();
    await c.login('demo_agent');
    const mine = ((await a.get('/api/auth/sessions')).json() as { id: string }[])[0]!;
    expect((await c.request('DELETE', `/api/auth/sessions/${mine.id}`)).statusCode).toBe(404);
  });

  it('refuses a wrong old password and a mismatched confirmation', async () => {
    const a = ctx.client();
    await a.login('demo_agent');
    const res = await a.post('/api/auth/password', { oldPassword: 'nope', newPassword: 'New@2026xy', confirmPassword: 'New@2026xy' });
    expect(res.json().fieldErrors).toEqual([{ path: 'oldPassword', message: '原密码不正确' }]);
    const res2 = await a.post('/api/auth/password', { oldPassword: 'Demo@123456', newPassword: 'New@2026xy', confirmPassword: 'New@2026xz' });
    expect(res2.json().fieldErrors).toEqual([{ path: 'confirmPassword', message: '两次输入的密码不一致' }]);
  });
});
