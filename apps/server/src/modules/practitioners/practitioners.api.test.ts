import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRACTITIONER_COLUMNS, maskIdCard, maskMobile, type TPractitionerInput } from '@jhrm/contracts';
import { queryRows } from '../../db/client';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createInstitution } from '../../test/licences';
import { multipart } from '../../test/multipart';
import { createOtherUnitAgent } from '../../test/people';
import { idCardFor } from '../../test/records';
import { auditLog } from '../audit/audit.table';
import { practitioners } from './practitioners.table';

let ctx: TestContext;
let agent: TestClient;
let legal: TestClient;
let institutionId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.login('demo_agent');
  legal = ctx.client();
  await legal.login('demo_legal');
  institutionId = (await createInstitution(ctx, { name: '吉林省补录测试人力资源有限公司' })).institution.id;
});
afterAll(() => ctx?.close());

let seq = 100;
/** A complete practitioner with a fresh, valid 身份证号 (born 1990-05-17: odd sequence → 男). */
function person(over: Partial<TPractitionerInput> = {}): TPractitionerInput {
  seq += 2;
  return {
    name: '刘从业',
    idType: '居民身份证',
    idCard: idCardFor('1990-05-17', seq + 1),
    politicalStatus: '群众',
    ethnicity: '汉族',
    education: '大学本科',
    mobile: '13900003333',
    email: 'liu@example.com',
    ...over,
  };
}

const base = (id = institutionId) => `/api/institutions/${id}/practitioners`;
const create = (c: TestClient, body: unknown, id = institutionId) => c.post(base(id), body);

async function auditActions(targetId: string) {
  return (await ctx.database.db.select({ action: auditLog.action, detail: auditLog.detail }).from(auditLog).where(eq(auditLog.targetId, targetId))).map((r) => r.action);
}

describe('从业人员信息补录: 查询', () => {
  it('lists only the unit’s institutions in force that match the name', async () => {
    await createInstitution(ctx, { name: '吉林省补录测试待审核机构', reviewStatus: '待审核' });
    await createInstitution(ctx, { name: '吉林省补录测试已注销机构', cancelStatus: '注销' });
    const other = await createOtherUnitAgent(ctx, 'prac_other_1');
    await createInstitution(ctx, { name: '吉林省补录测试外单位机构', unitId: other.unitId });
    const res = await agent.get(`/api/practitioners/institutions?name=${encodeURIComponent('补录测试')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { name: string }) => i.name)).toEqual(['吉林省补录测试人力资源有限公司']);
    expect(res.json().total).toBe(1);
  });
});

describe('从业人员信息补录: 新增 / 变更 / 删除', () => {
  it('adds a practitioner with 性别 and 出生日期 from the ID, lists it masked, audits without the clear numbers', async () => {
    const p = person();
    const res = await create(agent, p);
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({ name: '刘从业', gender: '男', birthDate: '1990-05-17', version: 1, idCard: maskIdCard(p.idCard), mobile: maskMobile(p.mobile) });

    const list = (await legal.get(base())).json();
    const row = list.items.find((i: { id: string }) => i.id === created.id);
    expect(row.idCard).toBe(maskIdCard(p.idCard));
    expect(row.mobile).toBe('139****3333');
    expect(list.total).toBeGreaterThanOrEqual(1);

    const [stored] = await ctx.database.db.select().from(practitioners).where(eq(practitioners.id, created.id));
    expect(stored!.idCardEnc).not.toContain(p.idCard);
    expect(ctx.deps.pii.decrypt(stored!.idCardEnc)).toBe(p.idCard);
    expect(stored!.idCardIdx).toBe(ctx.deps.pii.blindIndex(p.idCard));

    const [entry] = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(entry).toMatchObject({ action: 'practitioner.created', actorRole: 'agent', targetType: 'practitioner' });
    expect(JSON.stringify(entry)).not.toContain(p.idCard);
    expect(JSON.stringify(entry)).not.toContain(p.mobile);
  });

  it('refuses bad input with the field’s Chinese message', async () => {
    const res = await create(agent, person({ idCard: '220102199005171235', mobile: '123', education: '' as never }));
    expect(res.statusCode).toBe(400);
    const errors = Object.fromEntries(res.json().fieldErrors.map((e: { path: string; message: string }) => [e.path, e.message]));
    expect(errors.idCard).toBe('身份证号校验位不正确');
    expect(errors.mobile).toMatch(/手机号码/);
    expect(errors.education).toBe(`请选择${PRACTITIONER_COLUMNS.education.label}`);
  });

  it('changes a practitioner with its version (a stale version is refused) and deletes it; both audited', async () => {
    const created = (await create(agent, person())).json();
    const loaded = (await agent.get(`${base()}/${created.id}`)).json();
    expect(loaded.idCard).toMatch(/^\d{17}[\dX]$/);
    const newId = idCardFor('1992-02-02', 202);
    const { id: _id, version, gender: _g, birthDate: _b, updatedAt: _u, ...values } = loaded;
    const changed = await agent.request('PUT', `${base()}/${created.id}`, { version, values: { ...values, name: '刘变更', idCard: newId } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: '刘变更', version: 2, gender: '女', birthDate: '1992-02-02', idCard: maskIdCard(newId) });

    const stale = await agent.request('PUT', `${base()}/${created.id}`, { version, values: { ...values, name: '刘过期' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('该从业人员信息已被他人修改，请刷新后重试');

    const removed = await legal.request('DELETE', `${base()}/${created.id}`);
    expect(removed.statusCode).toBe(200);
    expect(await ctx.database.db.select().from(practitioners).where(eq(practitioners.id, created.id))).toEqual([]);
    expect((await agent.request('DELETE', `${base()}/${created.id}`)).statusCode).toBe(404);
    expect(await auditActions(created.id)).toEqual(['practitioner.created', 'practitioner.updated', 'practitioner.deleted']);
    const [update] = await ctx.database.db.select().from(auditLog).where(sql`${auditLog.targetId} = ${created.id} AND ${auditLog.action} = 'practitioner.updated'`);
    expect(update!.detail).toMatchObject({ changed: ['name', 'idCard'] });
  });
});

describe('从业人员信息补录: one 身份证号 once per institution', () => {
  it('refuses a second row with the same ID at the 身份证号 field (also lower-case x, also when changing)', async () => {
    const p = person({ idCard: idCardFor('1985-01-01', 9) });
    expect((await create(agent, p)).statusCode).toBe(200);
    const again = await create(legal, person({ idCard: p.idCard.toLowerCase() }));
    expect(again.statusCode).toBe(409);
    expect(again.json().fieldErrors).toEqual([{ path: 'idCard', message: '该身份证号已在本机构从业人员名单中' }]);

    const other = (await create(agent, person())).json();
    const loaded = (await agent.get(`${base()}/${other.id}`)).json();
    const { id: _id, version, gender: _g, birthDate: _b, updatedAt: _u, ...values } = loaded;
    const clash = await agent.request('PUT', `${base()}/${other.id}`, { version, values: { ...values, idCard: p.idCard } });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().fieldErrors[0].path).toBe('idCard');
  });

  it('lets exactly one of parallel inserts of the same ID win', async () => {
    const p = person({ idCard: idCardFor('1979-09-09', 77) });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => create(i % 2 ? legal : agent, p)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const rows = await ctx.database.db.select().from(practitioners).where(eq(practitioners.idCardIdx, ctx.deps.pii.blindIndex(p.idCard)));
    expect(rows).toHaveLength(1);
  });

  it('allows the same person in another institution', async () => {
    const p = person({ idCard: idCardFor('1979-09-10', 79) });
    const second = (await createInstitution(ctx, { name: '吉林省补录测试第二机构' })).institution.id;
    expect((await create(agent, p)).statusCode).toBe(200);
    expect((await create(agent, p, second)).statusCode).toBe(200);
  });
});

describe('从业人员信息补录: whose and when', () => {
  it('answers 404 for another unit’s institution and practitioner', async () => {
    const created = (await create(agent, person())).json();
    const other = await createOtherUnitAgent(ctx, 'prac_other_2');
    const stranger = ctx.client();
    await stranger.login(other.account);
    expect((await stranger.get(base())).statusCode).toBe(404);
    expect((await stranger.get(`${base()}/${created.id}`)).statusCode).toBe(404);
    expect((await create(stranger, person())).statusCode).toBe(404);
    expect((await stranger.request('DELETE', `${base()}/${created.id}`)).statusCode).toBe(404);
    const own = (await createInstitution(ctx, { name: '长春市另一家机构', unitId: other.unitId })).institution.id;
    // a practitioner id of another institution under one's own institution is not found either
    expect((await stranger.get(`${base(own)}/${created.id}`)).statusCode).toBe(404);
    expect(await ctx.database.db.select().from(practitioners).where(eq(practitioners.id, created.id))).toHaveLength(1);
  });

  it('refuses a 注销 or not approved institution with the reason', async () => {
    const cancelled = (await createInstitution(ctx, { name: '吉林省补录测试注销机构二', cancelStatus: '注销' })).institution.id;
    const pending = (await createInstitution(ctx, { name: '吉林省补录测试待审核机构二', reviewStatus: '待审核' })).institution.id;
    const a = await create(agent, person(), cancelled);
    expect(a.statusCode).toBe(409);
    expect(a.json().message).toBe('该机构已注销，不能补录从业人员信息');
    const b = await create(agent, person(), pending);
    expect(b.statusCode).toBe(409);
    expect(b.json().message).toBe('该机构尚未审核通过（当前审核状态：待审核），不能补录从业人员信息');
    expect((await agent.get(base(pending))).statusCode).toBe(409);
  });

  it('is for the unit’s users only', async () => {
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    expect((await reviewer.get(base())).statusCode).toBe(403);
    expect((await ctx.client().get(base())).statusCode).toBe(401);
  });
});

const HEADERS = Object.values(PRACTITIONER_COLUMNS).map((c) => (c.required ? `${c.label}*` : c.label));
type Cells = Partial<Record<keyof typeof PRACTITIONER_COLUMNS, string>>;
function sheetRow(over: Cells = {}): (string | null)[] {
  const p = person() as Record<string, string>;
  const values = { ...p, ...over } as Record<string, string>;
  return Object.keys(PRACTITIONER_COLUMNS).map((k) => values[k] || null);
}
async function xlsx(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('从业人员信息');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
function upload(c: TestClient, id: string, content: Buffer, dryRun: boolean) {
  const body = multipart([{ name: 'file', filename: '从业人员.xlsx', content }]);
  return c.request('POST', `${base(id)}/import${dryRun ? '?dryRun=1' : ''}`, body.payload, { 'content-type': body.contentType });
}
const countOf = async (id: string) => (await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM practitioners WHERE institution_id = ${id}`))[0]!.n;

describe('从业人员信息补录: 批量导入', () => {
  it('offers a template whose header is the catalogue’s, with an example row', async () => {
    const res = await agent.get(`${base()}/template`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual(HEADERS);
    expect(String(ws.getRow(2).getCell(1).value)).toMatch(/^【示例】/);
  });

  it('dry run names each bad cell (row, column, message) and writes nothing; the real run refuses the same file', async () => {
    const id = (await createInstitution(ctx, { name: '吉林省补录测试导入机构' })).institution.id;
    const existing = person();
    await create(agent, existing, id);
    const twice = idCardFor('1988-08-08', 88);
    const file = await xlsx([
      sheetRow({ name: '好行' }),
      sheetRow({ idCard: '220102199005171235' }),
      sheetRow({ idCard: twice }),
      sheetRow({ idCard: twice, education: '大学' }),
      sheetRow({ idCard: existing.idCard }),
      sheetRow({ email: 'not-an-address', mobile: '' }),
      sheetRow({ workStartOn: '2020-01-01', workEndOn: '2019-01-01' }),
    ]);
    const res = await upload(agent, id, file, true);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ total: 7, ok: 2, errors: 5, imported: 0 });
    const byRow = Object.fromEntries(report.rows.map((r: { row: number; problems: unknown[] }) => [r.row, r.problems]));
    expect(byRow[3]).toEqual([{ column: '身份证号', message: '身份证号校验位不正确' }]);
    expect(byRow[5]).toEqual([{ column: '学历', message: '请选择学历' }]);
    expect(byRow[6]).toEqual([{ column: '身份证号', message: '该身份证号已在本机构从业人员名单中' }]);
    expect(byRow[7]).toEqual([
      { column: '手机号码', message: '请输入手机号码' },
      { column: '电子信箱', message: '电子邮件格式不正确' },
    ]);
    expect(byRow[8]).toEqual([{ column: '工作终止日期', message: '工作终止日期不能早于工作开始日期' }]);
    expect(await countOf(id)).toBe(1);

    const real = await upload(agent, id, file, false);
    expect(real.statusCode).toBe(400);
    expect(real.json().details.report.errors).toBe(5);
    expect(await countOf(id)).toBe(1);

    const again = await upload(agent, id, await xlsx([sheetRow({ idCard: twice }), sheetRow({ idCard: twice })]), true);
    expect(again.json().rows).toEqual([{ row: 3, name: '刘从业', problems: [{ column: '身份证号', message: '与第2行的身份证号重复' }] }]);
  });

  it('imports a clean file all at once, with one audit row', async () => {
    const id = (await createInstitution(ctx, { name: '吉林省补录测试导入机构二' })).institution.id;
    const res = await upload(legal, id, await xlsx([sheetRow({ name: '甲' }), sheetRow({ name: '乙', graduatedOn: '2012-07-01' }), sheetRow({ name: '丙' })]), false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 3, ok: 3, errors: 0, imported: 3, rows: [] });
    const list = (await legal.get(base(id))).json();
    expect(list.items.map((i: { name: string }) => i.name).sort()).toEqual(['丙', '乙', '甲']);
    expect(list.items.every((i: { idCard: string }) => i.idCard.includes('********'))).toBe(true);
    expect(await auditActions(id)).toEqual(['practitioner.imported']);
  });

  it('refuses an import into another unit’s or a 注销 institution', async () => {
    const other = await createOtherUnitAgent(ctx, 'prac_other_3');
    const foreign = (await createInstitution(ctx, { name: '长春市另一家机构三', unitId: other.unitId })).institution.id;
    const cancelled = (await createInstitution(ctx, { name: '吉林省补录测试注销机构三', cancelStatus: '注销' })).institution.id;
    const file = await xlsx([sheetRow()]);
    expect((await upload(agent, foreign, file, true)).statusCode).toBe(404);
    expect((await upload(agent, cancelled, file, false)).statusCode).toBe(409);
    expect(await countOf(foreign)).toBe(0);
    expect(await countOf(cancelled)).toBe(0);
  });
});
