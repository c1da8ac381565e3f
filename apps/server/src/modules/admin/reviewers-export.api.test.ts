import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEWER_LIST_TITLES, reviewerDepartmentText, type TAuditEntry, type TInitialPassword, type TReviewer } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { readExport } from '../../test/xlsx';

const HEADER = ['姓名', '账号', '手机号码', '审批部门', '状态', '须修改密码', '密码修改时间', '创建时间'];
const NEW_REVIEWERS = [
  { account: 'rev_exp_cc1', name: '孙导出', phone: '13900139201', departmentCode: '220100' },
  { account: 'rev_exp_cc2', name: '周导出', phone: '13900139202', departmentCode: '220100' },
  { account: 'rev_exp_jl1', name: '吴导出', phone: '13900139203', departmentCode: '220200' },
];

let ctx: TestContext;
let admin: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = ctx.client();
  await admin.login('demo_admin');
  const ids: Record<string, string> = {};
  for (const r of NEW_REVIEWERS) {
    const res = await admin.post('/api/admin/reviewers', r);
    expect(res.statusCode, res.body).toBe(200);
    ids[r.account] = (res.json() as TInitialPassword).id;
  }
  expect((await admin.post(`/api/admin/reviewers/${ids.rev_exp_cc2}/disable`)).statusCode).toBe(200);
});
afterAll(() => ctx?.close());

async function list(query: string): Promise<TReviewer[]> {
  const res = await admin.get(`/api/admin/reviewers?pageSize=100&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

/** What the table shows in its columns (操作 aside), before the times. */
const shown = (r: TReviewer) => [r.name, r.account, r.phone, reviewerDepartmentText(r.department), r.status === 'active' ? '正常' : '已停用', r.mustChangePassword ? '是' : '否'];

describe('GET /api/admin/reviewers/export', () => {
  it("holds every row of the list, in its order, under the list's titles, phones masked", async () => {
    const all = await list('');
    expect(all.length).toBeGreaterThanOrEqual(4);
    const file = await readExport(admin, '/api/admin/reviewers/export');
    expect(file.header).toEqual(HEADER);
    expect(file.header).toEqual(Object.values(REVIEWER_LIST_TITLES));
    expect(file.bold).toBe(true);
    expect(file.fileName).toMatch(/^审核人员_\d{8}-\d{4}\.xlsx$/);
    expect(file.rows.map((r) => r.slice(0, 6))).toEqual(all.map(shown));
    expect(file.rows.find((r) => r[1] === 'rev_exp_cc1')!.slice(0, 6)).toEqual(['孙导出', 'rev_exp_cc1', '139****9201', '长春市人力资源和社会保障局', '正常', '是']);
    expect(file.rows.find((r) => r[1] === 'rev_exp_cc1')![7]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const text = file.rows.flat().join();
    for (const r of NEW_REVIEWERS) expect(text).not.toContain(r.phone);
  });

  it("respects the list's filters: department, status, keyword (a full phone number finds its owner, still masked)", async () => {
    const cc = await readExport(admin, '/api/admin/reviewers/export?department=220100');
    expect(cc.rows.map((r) => r.slice(0, 6))).toEqual((await list('department=220100')).map(shown));
    expect(cc.rows.map((r) => r[1])).toEqual(expect.arrayContaining(['rev_exp_cc1', 'rev_exp_cc2']));
    expect(cc.rows.map((r) => r[1])).not.toContain('rev_exp_jl1');

    const active = await readExport(admin, '/api/admin/reviewers/export?department=220100&status=active');
    expect(active.rows.map((r) => r[1])).toEqual((await list('department=220100&status=active')).map((r) => r.account));
    expect(active.rows.map((r) => r[1])).toContain('rev_exp_cc1');
    expect(active.rows.map((r) => r[1])).not.toContain('rev_exp_cc2');

    const stopped = await readExport(admin, '/api/admin/reviewers/export?status=disabled&keyword=' + encodeURIComponent('导出'));
    expect(stopped.rows.map((r) => r.slice(0, 5))).toEqual([['周导出', 'rev_exp_cc2', '139****9202', '长春市人力资源和社会保障局', '已停用']]);

    const byPhone = await readExport(admin, '/api/admin/reviewers/export?keyword=13900139203');
    expect(byPhone.rows.map((r) => r.slice(0, 3))).toEqual([['吴导出', 'rev_exp_jl1', '139****9203']]);

    const none = await readExport(admin, '/api/admin/reviewers/export?keyword=nobody_here');
    expect(none.header).toEqual(HEADER);
    expect(none.rows).toEqual([]);
  });

  it('records the export with its conditions', async () => {
    expect((await admin.get('/api/admin/reviewers/export?department=220200&status=active')).statusCode).toBe(200);
    const [entry] = (await admin.get('/api/admin/audit?action=reviewer.list.exported')).json().items as TAuditEntry[];
    expect(entry).toMatchObject({ actionName: '导出审核人员列表', actorAccount: 'demo_admin', actorRole: 'admin' });
    expect(entry!.detail).toEqual({ query: { department: '220200', status: 'active' } });
  });

  it('refuses every other role, anonymous callers and bad filters, and records nothing for them', async () => {
    for (const account of ['demo_legal', 'demo_agent', 'demo_reviewer']) {
      const c = ctx.client();
      await c.login(account);
      expect((await c.get('/api/admin/reviewers/export')).statusCode, account).toBe(403);
    }
    expect((await ctx.client().get('/api/admin/reviewers/export')).statusCode).toBe(401);
    const bad = await admin.get('/api/admin/reviewers/export?status=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const entries = (await admin.get('/api/admin/audit?action=reviewer.list.exported&pageSize=100')).json().items as TAuditEntry[];
    expect(entries.every((e) => e.actorAccount === 'demo_admin')).toBe(true);
    expect(entries.some((e) => JSON.stringify(e.detail).includes('nope'))).toBe(false);
  });
});
