import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditEntry } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createInstitution } from '../../test/licences';
import { createOtherUnitAgent } from '../../test/people';
import { readExport } from '../../test/xlsx';

const HEADER = ['机构名称(全称)', '机构名称(简称)', '是否发证', '审核状态', '注销状态', '申请类型'];

let ctx: TestContext;
let agent: TestClient;
let legal: TestClient;
let otherUnit: string;

beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.login('demo_agent');
  legal = ctx.client();
  await legal.login('demo_legal');
  await createInstitution(ctx, { name: '吉林省导出甲职业介绍有限公司', uscc: '91220101MA17EXP001', kind: '许可' });
  await createInstitution(ctx, { name: '吉林省导出乙劳务派遣有限公司', reviewStatus: '审核不通过', kind: '备案' });
  await createInstitution(ctx, { name: '吉林省导出丙人才服务有限公司', cancelStatus: '注销' });
  otherUnit = (await createOtherUnitAgent(ctx)).unitId;
  await createInstitution(ctx, { name: '吉林省导出他单位有限公司', unitId: otherUnit });
});
afterAll(() => ctx?.close());

/** The log's 导出 entries, newest first, read as the admin reads them. */
async function exports(filter = ''): Promise<TAuditEntry[]> {
  const admin = ctx.client();
  await admin.login('demo_admin');
  return (await admin.get(`/api/admin/audit?action=institution.list.exported${filter}`)).json().items;
}

describe('GET /api/institutions/export', () => {
  it("exports every row the filters select, of the unit's own institutions only, under the list's titles", async () => {
    const list = (await agent.get('/api/institutions?pageSize=1&name=' + encodeURIComponent('导出'))).json();
    expect(list.total).toBe(3);
    const all = await readExport(agent, '/api/institutions/export?name=' + encodeURIComponent('导出'));
    expect(all.header).toEqual(HEADER);
    expect(all.bold).toBe(true);
    expect(all.fileName).toMatch(/^人力资源服务机构_\d{8}-\d{4}\.xlsx$/);
    // all three, not the list's one-row page, in the list's order; another unit's row absent
    const whole = (await agent.get('/api/institutions?pageSize=100&name=' + encodeURIComponent('导出'))).json();
    expect(all.rows.map((r) => r[0])).toEqual(whole.items.map((i: { name: string }) => i.name));
    expect(all.rows).toHaveLength(3);
    expect(all.rows.flat().join()).not.toContain('他单位');
    expect(all.rows.find((r) => r[0] === '吉林省导出乙劳务派遣有限公司')).toEqual(['吉林省导出乙劳务派遣有限公司', '', '否', '审核不通过', '正常', '备案']);
    expect(all.rows.find((r) => r[0] === '吉林省导出丙人才服务有限公司')![4]).toBe('注销');

    const one = await readExport(legal, '/api/institutions/export?uscc=91220101ma17exp001');
    expect(one.rows).toEqual([['吉林省导出甲职业介绍有限公司', '', '否', '审核通过', '正常', '许可']]);
    const none = await readExport(agent, '/api/institutions/export?reviewStatus=' + encodeURIComponent('待提交') + '&name=' + encodeURIComponent('导出'));
    expect(none.header).toEqual(HEADER);
    expect(none.rows).toEqual([]);
  });

  it('records the export with its conditions, personal numbers masked', async () => {
    const res = await agent.get('/api/institutions/export?legalRepIdCard=220102197803120032');
    expect(res.statusCode).toBe(200);
    const [entry] = await exports();
    expect(entry).toMatchObject({ actionName: '导出人力资源服务机构查询', actorAccount: 'demo_agent', actorRole: 'agent', unitName: '吉林省博润人力资源有限公司' });
    expect(JSON.stringify(entry!.detail)).toContain('legalRepIdCard');
    expect(JSON.stringify(entry!.detail)).not.toContain('220102197803120032');
  });

  it('refuses staff, anonymous callers and bad filters', async () => {
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    expect((await reviewer.get('/api/institutions/export')).statusCode).toBe(403);
    expect((await ctx.client().get('/api/institutions/export')).statusCode).toBe(401);
    const bad = await agent.get('/api/institutions/export?reviewStatus=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await exports('&actorAccount=demo_reviewer')).toEqual([]);
  });
});
