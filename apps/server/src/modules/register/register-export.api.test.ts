import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditEntry, TRegisterPage } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createInstitution, insertLicence } from '../../test/licences';
import { readExport } from '../../test/xlsx';

const HEADER = ['机构名称', '统一社会信用代码', '法定代表人(负责人)', '许可证/备案凭证编号', '类型', '服务范围', '审批部门', '状态', '诚信示范', '信用等级'];
const q = (s: string) => encodeURIComponent(s);

let ctx: TestContext;
let anyone: TestClient;
let provinceNumber: string;
let cancelledNumber: string;

beforeAll(async () => {
  ctx = await createTestContext();
  anyone = ctx.client();
  // a full record behind it: 身份证号 and 手机号码 that must never reach the file
  const { institution: province } = await createInstitution(ctx, { name: '吉林省导出公示甲人力资源有限公司', withRecord: true });
  provinceNumber = (await insertLicence(ctx, province, { department: '220000', scopes: ['职业介绍', '人力资源培训'] })).number;
  const { institution: cancelled } = await createInstitution(ctx, { name: '吉林市导出公示乙人力资源有限公司', cancelStatus: '注销', department: '220200' });
  cancelledNumber = (await insertLicence(ctx, cancelled, { department: '220200', status: '已注销', endedAt: ctx.clock(), issuedOn: '2025-05-06' })).number;
  // not on the register: never licensed
  await createInstitution(ctx, { name: '吉林省导出公示丙待审核有限公司', reviewStatus: '待审核' });
});
afterAll(() => ctx?.close());

describe('GET /api/public/register/export', () => {
  it('exports every institution of the search, as the register shows it, to anyone', async () => {
    const list = (await anyone.get(`/api/public/register?keyword=${q('导出公示')}&pageSize=1`)).json() as TRegisterPage;
    expect(list.total).toBe(2);
    const file = await readExport(anyone, `/api/public/register/export?keyword=${q('导出公示')}`);
    expect(file.header).toEqual(HEADER);
    expect(file.bold).toBe(true);
    expect(file.fileName).toMatch(/^人力资源服务机构公示_\d{8}-\d{4}\.xlsx$/);
    expect(file.rows).toHaveLength(2);
    const province = file.rows.find((r) => r[0] === '吉林省导出公示甲人力资源有限公司')!;
    expect(province).toEqual(['吉林省导出公示甲人力资源有限公司', expect.any(String), '王博润', provinceNumber, '许可', '职业介绍、人力资源培训', expect.stringContaining('人力资源和社会保障厅'), '正常', '', 'A']);
    const cancelled = file.rows.find((r) => r[0] === '吉林市导出公示乙人力资源有限公司')!;
    expect(cancelled[3]).toBe(`${cancelledNumber}（已注销）`);
    expect(cancelled[7]).toBe('注销');
    expect(file.rows.flat().join()).not.toContain('待审核');
    // no 身份证号 or 手机号码 anywhere
    expect(file.rows.flat().join()).not.toMatch(/\d{17}[\dX]|(?<!\d)1\d{10}(?!\d)/);

    const one = await readExport(anyone, `/api/public/register/export?keyword=${q('导出公示')}&status=${q('注销')}`);
    expect(one.rows.map((r) => r[0])).toEqual(['吉林市导出公示乙人力资源有限公司']);
  });

  it('records the export, with the address and conditions', async () => {
    expect((await anyone.get(`/api/public/register/export?department=220200`)).statusCode).toBe(200);
    // read back as the admin reads the log
    const admin = ctx.client();
    await admin.login('demo_admin');
    const [entry] = (await admin.get('/api/admin/audit?action=register.exported')).json().items as TAuditEntry[];
    expect(entry).toMatchObject({ actionName: '导出公示查询', actorAccount: null, ip: anyone.ip, detail: { query: { department: '220200' } } });
  });

  it("refuses bad filters with a Chinese message, and a script's pace", async () => {
    const bad = await anyone.get('/api/public/register/export?department=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('审批部门不正确');
    const fast = ctx.client();
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await fast.get('/api/public/register/export?keyword=none')).statusCode);
    expect(codes.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(codes.at(-1)).toBe(429);
  });
});
