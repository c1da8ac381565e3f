import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_LIST_TITLES, makeIdCard, maskIdCard, type TAgent, type TAuditEntry } from '@jhrm/contracts';
import { hashPassword } from '../../lib/passwords';
import { DEMO_PASSWORD } from '../../seed/demo';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createOtherUnitAgent } from '../../test/people';
import { readExport } from '../../test/xlsx';
import { users } from './accounts.table';

const HEADER = ['姓名', '账号', '身份证号', '手机号码', '状态', '首次登录改密', '创建时间'];
const NEW_AGENTS = [
  { name: '赵导出', idCard: '110101199003074936', phone: '13900139101', account: 'agent_exp01', initialPassword: 'Init@2026x' },
  { name: '钱导出', idCard: makeIdCard('22010219880101123'), phone: '13900139102', account: 'agent_exp02', initialPassword: 'Init@2026x' },
];

let ctx: TestContext;
let legal: TestClient;
let otherLegal: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  legal = ctx.client();
  await legal.login('demo_legal');
  for (const a of NEW_AGENTS) {
    const res = await legal.post('/api/agents', a);
    expect(res.statusCode, res.body).toBe(200);
  }
  const stopped = (await legal.get('/api/agents')).json().find((a: TAgent) => a.account === 'agent_exp02');
  expect((await legal.post(`/api/agents/${stopped.id}/disable`)).statusCode).toBe(200);
  // another unit, its legal person and its agent
  const { unitId } = await createOtherUnitAgent(ctx, 'other_exp_agent');
  await ctx.database.db.insert(users).values({ account: 'other_exp_legal', passwordHash: await hashPassword(DEMO_PASSWORD), role: 'legal', name: '王另一法人', unitId });
  otherLegal = ctx.client();
  await otherLegal.login('other_exp_legal');
});
afterAll(() => ctx?.close());

/** The log's 导出 entries of 经办人管理, newest first, read as the admin reads them. */
async function exports(filter = ''): Promise<TAuditEntry[]> {
  const admin = ctx.client();
  await admin.login('demo_admin');
  return (await admin.get(`/api/admin/audit?action=agent.list.exported${filter}`)).json().items;
}

describe('GET /api/agents/export', () => {
  it("holds the unit's agents as the list shows them, under the list's titles, numbers masked", async () => {
    const list: TAgent[] = (await legal.get('/api/agents')).json();
    expect(list.map((a) => a.account)).toEqual(expect.arrayContaining(['demo_agent', 'agent_exp01', 'agent_exp02']));
    const file = await readExport(legal, '/api/agents/export');
    expect(file.header).toEqual(HEADER);
    expect(file.header).toEqual(Object.values(AGENT_LIST_TITLES));
    expect(file.bold).toBe(true);
    expect(file.fileName).toMatch(/^经办人_\d{8}-\d{4}\.xlsx$/);
    // every agent of the list, in its order, with what the table shows
    expect(file.rows.map((r) => r.slice(0, 4))).toEqual(list.map((a) => [a.name, a.account, a.idCard, a.phone]));
    expect(file.rows.find((r) => r[1] === 'agent_exp01')!.slice(0, 6)).toEqual(['赵导出', 'agent_exp01', '110101********4936', '139****9101', '正常', '是']);
    expect(file.rows.find((r) => r[1] === 'agent_exp02')!.slice(2, 5)).toEqual([maskIdCard(NEW_AGENTS[1]!.idCard), '139****9102', '已停用']);
    expect(file.rows.find((r) => r[1] === 'agent_exp01')![6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // never a whole number, never another unit's agent
    const text = file.rows.flat().join();
    for (const a of NEW_AGENTS) {
      expect(text).not.toContain(a.idCard);
      expect(text).not.toContain(a.phone);
    }
    expect(text).not.toContain('220103199005200017');
    expect(text).not.toContain('13144440002');
    expect(text).not.toContain('other_exp_agent');
  });

  it("gives another unit's legal person that unit's agents only", async () => {
    const file = await readExport(otherLegal, '/api/agents/export');
    expect(file.rows.map((r) => r[1])).toEqual(['other_exp_agent']);
  });

  it('records the export with the unit', async () => {
    expect((await legal.get('/api/agents/export')).statusCode).toBe(200);
    const [entry] = await exports('&actorAccount=demo_legal');
    expect(entry).toMatchObject({ actionName: '导出经办人列表', actorAccount: 'demo_legal', actorRole: 'legal', unitName: '吉林省博润人力资源有限公司' });
  });

  it('refuses agents, staff and anonymous callers, and records nothing for them', async () => {
    for (const account of ['demo_agent', 'demo_reviewer', 'demo_admin']) {
      const c = ctx.client();
      await c.login(account);
      const res = await c.get('/api/agents/export');
      expect(res.statusCode, account).toBe(403);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await exports(`&actorAccount=${account}`)).toEqual([]);
    }
    expect((await ctx.client().get('/api/agents/export')).statusCode).toBe(401);
  });
});
