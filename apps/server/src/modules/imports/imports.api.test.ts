import ExcelJS from 'exceljs';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IMPORT_COLUMNS,
  importHeader,
  importProblemText,
  makeUscc,
  nameMismatchNotice,
  type TImportColumnKey,
  type TImportReport,
} from '@jhrm/contracts';
import { queryRows } from '../../db/client';
import { createTestContext, smsCode, type TestClient, type TestContext } from '../../test/harness';
import { multipart, SAMPLE } from '../../test/multipart';
import { DEMO_UNIT } from '../../seed/demo';
import { createOtherUnitAgent } from '../../test/people';
import { units, users } from '../accounts/accounts.table';
import { institutionRecords, institutions } from '../institutions/institutions.table';
import { licences } from '../licences/licences.table';
import { importBatches } from './imports.table';

let ctx: TestContext;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = ctx.client();
  await admin.login('demo_admin');
});
afterAll(() => ctx?.close());

const HEADERS = IMPORT_COLUMNS.map(importHeader);
const usccFor = (n: number) => makeUscc(`91220102${String(n).padStart(9, '0')}`);

type Row = Partial<Record<TImportColumnKey, string | number>>;
/** A complete, valid row; `over` changes or blanks (with '') single cells. */
function row(over: Row = {}): (string | number)[] {
  const base: Row = {
    name: '长春市导入测试人力资源有限公司',
    shortName: '导入测试',
    uscc: usccFor(1),
    category: '民营性质的服务企业',
    foundedOn: '2012-05-20',
    legalRep: '赵导入',
    legalRepIdCard: '110101197501010039',
    legalRepPhone: '13900001111',
    legalRepTitle: '总经理',
    registeredCapital: '300',
    department: '220000',
    scopes: '职业介绍；人力资源培训',
    officeAddress: '吉林省长春市南关区导入路1号',
    postcode: '130022',
    contactPerson: '钱联系',
    contactMobile: '13900002222',
    unitPhone: '0431-88886666',
    email: 'hr@import.example.cn',
    licenceNumber: '',
    issuedOn: '',
    remarks: '',
    ...over,
  };
  return IMPORT_COLUMNS.map((c) => base[c.key] ?? '');
}

async function xlsx(rows: (string | number)[][], header: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('机构信息');
  ws.addRow(header);
  // a blank cell is left out, as Excel does (a hole in the row, not an empty string)
  for (const r of rows) ws.addRow(r.map((v) => (v === '' ? null : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = (rows: (string | number)[][], header: string[] = HEADERS) => Buffer.from(`\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`);

function upload(c: TestClient, url: string, filename: string, content: Buffer) {
  const body = multipart([{ name: 'file', filename, content }]);
  return c.request('POST', url, body.payload, { 'content-type': body.contentType });
}
const dryRun = (filename: string, content: Buffer, c = admin) => upload(c, '/api/admin/imports/dry-run', filename, content);
const runImport = (filename: string, content: Buffer, c = admin) => upload(c, '/api/admin/imports', filename, content);

/** Rows of every table an import writes to. */
async function counts() {
  const [r] = await queryRows<{ institutions: number; records: number; licences: number; units: number; batches: number; audits: number }>(
    ctx.database.db,
    sql`SELECT (SELECT count(*)::int FROM institutions) AS institutions, (SELECT count(*)::int FROM institution_records) AS records,
               (SELECT count(*)::int FROM licences) AS licences, (SELECT count(*)::int FROM units) AS units,
               (SELECT count(*)::int FROM import_batches) AS batches,
               (SELECT count(*)::int FROM audit_log WHERE action = 'import.completed') AS audits`,
  );
  return r!;
}

const problemsOf = (report: TImportReport, rowNumber: number) => report.rows.find((r) => r.row === rowNumber)!.problems.map((p) => importProblemText(rowNumber, p));

describe('数据导入 templates', () => {
  it('downloads the XLSX template with the header, notes, an example row and a 填写说明 sheet', async () => {
    const res = await admin.get('/api/admin/imports/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('人力资源服务机构导入模板.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('机构信息')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(HEADERS).toContain('统一社会信用代码*');
    expect(String(sheet.getCell('A2').value)).toMatch(/^【示例】/);
    expect(sheet.getCell('C1').note).toBeTruthy();
    const guide = wb.getWorksheet('填写说明')!;
    const texts: string[] = [];
    guide.eachRow((r) => texts.push((r.values as unknown[]).slice(1).map(String).join('|')));
    expect(texts).toContain('民营性质的服务企业');
    expect(texts).toContain('职业介绍|许可（职业中介活动）');
    expect(texts).toContain('220000|省人社厅审批办');
  });

  it('the downloaded template, filled in Excel-style, passes the dry run; its example row is never imported', async () => {
    const res = await admin.get('/api/admin/imports/template.xlsx');
    const empty = await dryRun('模板.xlsx', res.rawPayload);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('没有可导入的数据行');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    wb.getWorksheet('机构信息')!.addRow(row({ uscc: usccFor(900) }));
    const filled = await dryRun('已填写.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(filled.statusCode, filled.body).toBe(200);
    expect(filled.json()).toMatchObject({ format: 'xlsx', total: 1, ok: 1, errors: 0 });
    expect(filled.json().rows[0].row).toBe(3);
  });

  it('downloads the CSV template as UTF-8 with a BOM', async () => {
    const res = await admin.get('/api/admin/imports/template.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('人力资源服务机构导入模板.csv'));
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(HEADERS.join(','));
    expect(lines[1]).toMatch(/^【示例】/);
  });
});

describe('数据导入 access', () => {
  it('is for administrators only', async () => {
    const file = csv([row()]);
    for (const account of ['demo_agent', 'demo_legal', 'demo_reviewer']) {
      const c = ctx.client();
      await c.login(account);
      expect((await c.get('/api/admin/imports/template.xlsx')).statusCode, account).toBe(403);
      expect((await c.get('/api/admin/imports/template.csv')).statusCode, account).toBe(403);
      expect((await dryRun('a.csv', file, c)).statusCode, account).toBe(403);
      expect((await runImport('a.csv', file, c)).statusCode, account).toBe(403);
      expect((await c.get('/api/admin/imports')).statusCode, account).toBe(403);
    }
    const anonymous = ctx.client();
    expect((await anonymous.get('/api/admin/imports/template.csv')).statusCode).toBe(401);
    expect((await runImport('a.csv', file, anonymous)).statusCode).toBe(401);
  });
});

describe('数据导入 file checks', () => {
  it('refuses a PNG renamed .xlsx, an old .xls and an empty upload, judging by content', async () => {
    const png = await dryRun('机构.xlsx', SAMPLE.png);
    expect(png.statusCode).toBe(415);
    expect(png.json().message).toBe('文件“机构.xlsx”不是 XLSX 或 CSV 文件（按文件内容判断，与扩展名无关），请使用下载的模板填写');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]);
    const xls = await dryRun('机构.xls', ole);
    expect(xls.statusCode).toBe(415);
    expect(xls.json().message).toContain('旧版 Excel（.xls）');
    const notXlsx = await dryRun('坏.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]));
    expect(notXlsx.statusCode).toBe(415);
    expect(notXlsx.json().message).toContain('不是有效的 XLSX 文件');
    const form = multipart([{ name: 'note', value: 'x' }]);
    const none = await admin.request('POST', '/api/admin/imports/dry-run', form.payload, { 'content-type': form.contentType });
    expect(none.statusCode).toBe(400);
    expect(none.json().message).toBe('请选择要导入的 XLSX 或 CSV 文件');
  });

  it('answers damaged files and malformed CSV with a 4xx, never a 5xx', async () => {
    const good = await xlsx([row()]);
    const damaged = Buffer.from(good);
    // the parts garbled, the ZIP directory at the end intact: exceljs itself has to fail
    for (let i = 200; i < damaged.length / 2; i += 7) damaged[i] = damaged[i]! ^ 0x5a;
    const broken = await dryRun('损坏.xlsx', damaged);
    expect(broken.statusCode).toBe(415);
    expect(broken.json().message).toContain('不是有效的 XLSX 文件');
    const truncated = await dryRun('截断.xlsx', good.subarray(0, Math.floor(good.length / 2)));
    expect(truncated.statusCode).toBe(415);
    const quote = await dryRun('引号.csv', Buffer.from(`${HEADERS.join(',')}\n"未闭合的引号,91220102000000001X\n`));
    expect(quote.statusCode).toBe(400);
    expect(quote.json().message).toContain('不是有效的 CSV 文件');
    const headerOnly = await dryRun('只有列名.csv', csv([]));
    expect(headerOnly.statusCode).toBe(400);
    expect(headerOnly.json().message).toContain('没有可导入的数据行');
  });

  it('refuses a file over 10 MB with 413', async () => {
    const big = Buffer.concat([Buffer.from(HEADERS.join(',') + '\n'), Buffer.alloc(10 * 1024 * 1024 + 10, 0x41)]);
    const res = await dryRun('大.csv', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toContain('10 MB');
  });

  it('names the missing required columns', async () => {
    const res = await dryRun('缺列.csv', csv([['x', 'y']], ['机构名称(全称)*', '备注']));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('缺少必填列：统一社会信用代码、机构类型、法定代表人(负责人)、审批部门编码、申请业务、办公地址');
  });
});

describe('数据导入 dry run', () => {
  it('reports every bad row and column in plain words and writes nothing', async () => {
    const before = await counts();
    const good = row({ uscc: usccFor(10), licenceNumber: '（吉）人服证字〔2014〕第0001号', issuedOn: '2014-03-01' });
    const file = await xlsx([
      good, // row 2
      row({ uscc: usccFor(11).slice(0, 17) + (usccFor(11).endsWith('0') ? '1' : '0') }), // 3: check digit
      row({ uscc: usccFor(12), name: '', category: '私营企业', scopes: '职业介绍；招聘外包', department: '999999' }), // 4
      row({ uscc: usccFor(13), legalRepIdCard: '110101197501010038', legalRepPhone: '1390000', postcode: '13002', email: 'a@b', foundedOn: '2099-01-01', unitPhone: '88886666' }), // 5
      row({ uscc: usccFor(10) }), // 6: same USCC and name as row 2
      row({ uscc: usccFor(14), licenceNumber: '（吉）人服证字〔2014〕第0001号' }), // 7: licence number of row 2
      row({ uscc: usccFor(15), legalRepIdCard: Number('110101197501010040') }), // 8: Excel kept the ID as a number (15 significant digits)
    ]);
    const res = await dryRun('机构.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as TImportReport;
    expect(report).toMatchObject({ fileName: '机构.xlsx', format: 'xlsx', total: 7, ok: 1, errors: 5, duplicates: 1 });
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([
      [2, '可导入'],
      [3, '有错误'],
      [4, '有错误'],
      [5, '有错误'],
      [6, '重复'],
      [7, '有错误'],
      [8, '有错误'],
    ]);
    expect(problemsOf(report, 2)).toEqual([]);
    expect(problemsOf(report, 3)).toEqual(['第3行 统一社会信用代码：校验位不正确']);
    expect(problemsOf(report, 4)).toEqual([
      '第4行 机构名称(全称)：不能为空',
      '第4行 机构类型：“私营企业”不是可选值，应为：民营性质的服务企业、国有性质的服务企业、外资/合资性质的服务企业、公共就业和人才服务机构、社会组织、其他',
      '第4行 审批部门编码：“999999”不是已有的审批部门编码，见模板“填写说明”',
      '第4行 申请业务：“招聘外包”不是可选的申请业务，见模板“填写说明”；多项用“；”分隔',
    ]);
    expect(problemsOf(report, 5)).toEqual([
      '第5行 法人身份证号：校验位不正确',
      '第5行 法人手机号码：格式不正确',
      '第5行 邮政编码：应为6位数字',
      '第5行 电子邮箱：格式不正确',
      '第5行 成立日期：不能晚于今天',
      '第5行 单位电话：格式不正确，应为 区号-号码[-分机号]，如 0431-88886666',
    ]);
    expect(problemsOf(report, 6)).toEqual(['第6行 机构名称(全称)：与第2行重复（统一社会信用代码和机构名称均相同）']);
    expect(problemsOf(report, 7)).toEqual(['第7行 许可证/备案编号：与第2行的编号重复']);
    expect(problemsOf(report, 8)).toEqual(['第8行 法人身份证号：Excel 把该单元格存成了数字，末尾几位已丢失；请将该列设为“文本”格式后重新填写']);
    // what a later 变更 will ask for, by the 变更 page's sections
    const missing = report.rows[0]!.missingForChange;
    expect(missing).toContainEqual({ section: '机构联系信息', label: '是否邮寄' });
    expect(missing).toContainEqual({ section: '现有资产状况', label: '固定经营场所面积(m²)' });
    expect(missing).not.toContainEqual(expect.objectContaining({ label: '机构名称' }));
    expect(missing).not.toContainEqual(expect.objectContaining({ label: '法人身份证' }));
    expect(await counts()).toEqual(before);
  });

  it('reads CSV with dates and scopes spelled the ways people type them, and flags a licence number already issued', async () => {
    const [demoUnit] = await ctx.database.db.select().from(units).where(eq(units.uscc, DEMO_UNIT.uscc));
    const [inst] = await ctx.database.db
      .insert(institutions)
      .values({ unitId: demoUnit!.id, name: '已发证机构', uscc: DEMO_UNIT.uscc, reviewStatus: '审核通过', createdAt: new Date(), updatedAt: new Date() })
      .returning();
    await ctx.database.db.insert(licences).values({
      number: '吉人服备〔2020〕0001号',
      kind: '备案',
      institutionId: inst!.id,
      unitId: demoUnit!.id,
      institutionName: '已发证机构',
      uscc: DEMO_UNIT.uscc,
      scopes: ['人力资源培训'],
      department: '220000',
      departmentName: '省人社厅审批办',
      issuedOn: '2020-01-01',
      createdAt: new Date(),
    });
    const res = await dryRun(
      '机构.csv',
      csv([
        row({ uscc: usccFor(20), foundedOn: '2015年6月8日', scopes: '人力资源培训、人才测评', issuedOn: '2016/1/2', licenceNumber: 'X-1' }),
        row({ uscc: usccFor(21), licenceNumber: '吉人服备〔2020〕0001号', department: '长春市人力资源和社会保障局' }),
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as TImportReport;
    expect(report.rows[0]).toMatchObject({ row: 2, status: '可导入', problems: [] });
    expect(problemsOf(report, 3)).toEqual(['第3行 许可证/备案编号：编号“吉人服备〔2020〕0001号”已被使用']);
  });
});

describe('数据导入 import', () => {
  it('imports every row in one batch; the unit with that USCC sees them at once, with licences and what a 变更 needs', async () => {
    const before = await counts();
    const newUscc = usccFor(30);
    const file = await xlsx([
      row({ uscc: DEMO_UNIT.uscc, name: '吉林省博润人才服务中心', scopes: '职业介绍；人力资源培训', licenceNumber: '（吉）人服证字〔2013〕第0042号', issuedOn: '2013-09-09' }),
      row({ uscc: DEMO_UNIT.uscc, name: DEMO_UNIT.name, scopes: '人力资源培训', legalRepIdCard: '', postcode: '' }),
      row({ uscc: newUscc, name: '松原市尚未注册人力资源有限公司', department: '220700', scopes: '人力资源外包', licenceNumber: '吉人服备〔2018〕0007号' }),
    ]);
    const res = await runImport('存量机构.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result).toMatchObject({ imported: 3, unitsCreated: 1, licences: 2 });

    const after = await counts();
    expect(after).toEqual({ ...before, institutions: before.institutions + 3, records: before.records + 3, licences: before.licences + 2, units: before.units + 1, batches: before.batches + 1, audits: before.audits + 1 });
    // 统计分析's kept 持证机构 counts (a trigger's table) take the imported institutions in, per 审批部门 of their record
    const kept = await queryRows<{ department: string; licensed: number }>(ctx.database.db, sql`SELECT department, licensed FROM statistics_licensed_counts WHERE licensed <> 0 ORDER BY 1`);
    const counted = await queryRows<{ department: string; licensed: number }>(
      ctx.database.db,
      sql`SELECT r.department, count(*)::int AS licensed FROM institutions i JOIN institution_records r ON r.id = i.current_record_id
           WHERE i.review_status = '审核通过' AND i.cancel_status <> '注销' GROUP BY 1 ORDER BY 1`,
    );
    expect(kept).toEqual(counted);
    expect(kept.find((k) => k.department === '220700')?.licensed).toBe(1);
    const [batch] = await ctx.database.db.select().from(importBatches).where(eq(importBatches.id, result.batchId));
    expect(batch).toMatchObject({ fileName: '存量机构.xlsx', format: 'xlsx', totalRows: 3, importedRows: 3 });
    const rows = await ctx.database.db.select().from(institutions).where(inArray(institutions.id, batch!.institutionIds));
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r).toMatchObject({ reviewStatus: '审核通过', cancelStatus: '正常', importBatchId: result.batchId });
    const centre = rows.find((r) => r.name === '吉林省博润人才服务中心')!;
    expect(centre).toMatchObject({ licensed: true, kind: '许可' });
    expect(rows.find((r) => r.name === DEMO_UNIT.name)).toMatchObject({ licensed: false, kind: '备案' });
    // a 备案 with a number gets its 备案凭证 but 是否发证 stays 否
    expect(rows.find((r) => r.uscc === newUscc)).toMatchObject({ licensed: false, kind: '备案' });
    const [record] = await ctx.database.db.select().from(institutionRecords).where(eq(institutionRecords.id, centre.currentRecordId!));
    expect(record).toMatchObject({ version: 1, name: '吉林省博润人才服务中心', department: '220000', scopes: ['职业介绍', '人力资源培训'], phoneAreaCode: '0431', phoneNumber: '88886666' });
    expect(record!.legalRepIdCardEnc).not.toContain('110101197501010039');
    expect(ctx.deps.pii.decrypt(record!.legalRepIdCardEnc!)).toBe('110101197501010039');
    const [licence] = await ctx.database.db.select().from(licences).where(eq(licences.institutionId, centre.id));
    expect(licence).toMatchObject({ number: '（吉）人服证字〔2013〕第0042号', kind: '许可', status: '有效', issuedOn: '2013-09-09', department: '220000', departmentName: '吉林省人力资源和社会保障厅' });
    const [filed] = await ctx.database.db.select().from(licences).where(eq(licences.number, '吉人服备〔2018〕0007号'));
    expect(filed).toMatchObject({ kind: '备案', department: '220700', departmentName: '松原市人力资源和社会保障局', issuedOn: '2026-11-26' });
    const audit = await queryRows<{ detail: Record<string, unknown>; target_id: string }>(ctx.database.db, sql`SELECT detail, target_id FROM audit_log WHERE action = 'import.completed'`);
    expect(audit.at(-1)).toMatchObject({ target_id: result.batchId, detail: { format: 'xlsx', rows: 3, institutions: 3, unitsCreated: 1, licences: 2 } });
    expect(JSON.stringify(audit.at(-1))).not.toContain('110101197501010039');

    // the demo unit's agent sees both of its USCC's institutions in 查询 at once
    const agent = ctx.client();
    await agent.login('demo_agent');
    const list = await agent.get('/api/institutions?pageSize=100');
    expect(list.statusCode, list.body).toBe(200);
    const mine = list.json().items.filter((i: { id: string }) => batch!.institutionIds.includes(i.id));
    expect(mine.map((i: { name: string }) => i.name).sort()).toEqual([DEMO_UNIT.name, '吉林省博润人才服务中心'].sort());
    expect(mine.find((i: { name: string }) => i.name === '吉林省博润人才服务中心')).toMatchObject({ reviewStatus: '审核通过', licensed: true, kind: '许可' });
    // the guide's second FAQ: the name that differs is said plainly (the one with the unit's own name is not)
    expect(list.json().notices).toContain(nameMismatchNotice(DEMO_UNIT.name, '吉林省博润人才服务中心'));
    expect(list.json().notices.join()).not.toContain(`机构名称“${DEMO_UNIT.name}”`);

    // the guide's first FAQ: 查看 lists exactly the fields a 变更 will ask for
    const partial = mine.find((i: { name: string }) => i.name === DEMO_UNIT.name);
    const view = await agent.get(`/api/institutions/${partial.id}`);
    expect(view.statusCode, view.body).toBe(200);
    const missing = view.json().missingForChange as { section: string; label: string }[];
    expect(missing).toEqual([
      { section: '机构基本信息', label: '法人身份证' },
      { section: '机构联系信息', label: '是否邮寄' },
      { section: '机构联系信息', label: '邮政编码' },
      { section: '现有资产状况', label: '固定经营场所面积(m²)' },
      { section: '现有资产状况', label: '设施总值(万元)' },
      { section: '现有资产状况', label: '现有资产总额(万元)' },
      { section: '现有资产状况', label: '净资产总额(万元)' },
      { section: '现有资产状况', label: '办公场地合计面积(m²)' },
      { section: '现有资产状况', label: '办公场地数量' },
    ]);

    // the same file again: each row is now a 重复 (and its licence number taken), and nothing is written
    const again = await runImport('存量机构.xlsx', file);
    expect(again.statusCode).toBe(400);
    expect(again.json().details.report).toMatchObject({ total: 3, ok: 0, duplicates: 1, errors: 2 });
    expect(problemsOf(again.json().details.report, 3)).toEqual(['第3行 机构名称(全称)：系统中已有该机构（统一社会信用代码和机构名称均相同），不能重复导入']);
    expect(await counts()).toEqual(after);

    // another unit sees none of them
    const other = ctx.client();
    await createOtherUnitAgent(ctx, 'import_other_agent');
    await other.login('import_other_agent');
    expect((await other.get('/api/institutions?pageSize=100')).json().items).toEqual([]);
    expect((await other.get(`/api/institutions/${partial.id}`)).statusCode).toBe(404);

    const batches = await admin.get('/api/admin/imports');
    expect(batches.json().items[0]).toMatchObject({ id: result.batchId, fileName: '存量机构.xlsx', importedRows: 3, createdBy: 'demo_admin' });
  });

  it('refuses the whole file when any row has an error, with the report, and writes nothing', async () => {
    const before = await counts();
    const res = await runImport('有错.csv', csv([row({ uscc: usccFor(40) }), row({ uscc: usccFor(41) }), row({ uscc: usccFor(42), category: '' })]));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('有1行存在问题，未导入任何数据。请按校验结果修改文件后重新导入');
    expect(problemsOf(res.json().details.report, 4)).toEqual(['第4行 机构类型：不能为空']);
    expect(await counts()).toEqual(before);
  });

  it('refuses a row whose USCC an institution of another unit already carries: one code, one unit', async () => {
    const agent = ctx.client();
    await agent.login('demo_agent');
    const taken = usccFor(960);
    // the demo unit's 设立 draft for a branch with its own code: the demo unit owns that code now
    const created = await agent.post('/api/applications/establishments', { basic: { name: '长春市博润测评分公司', uscc: taken } });
    expect(created.statusCode, created.body).toBe(200);
    const dry = (await dryRun('占用.csv', csv([row({ uscc: taken }), row({ uscc: usccFor(961) })]))).json() as TImportReport;
    expect(dry.rows.map((r) => r.status)).toEqual(['有错误', '可导入']);
    expect(problemsOf(dry, 2)).toEqual(['第2行 统一社会信用代码：已被其他单位的机构使用（一个统一社会信用代码只能属于一个单位），请核对']);
    const before = await counts();
    expect((await runImport('占用.csv', csv([row({ uscc: taken })]))).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('rolls everything back when the database refuses a row midway (a licence number issued meanwhile)', async () => {
    // stands in for a reviewer issuing the same number between the checks and the insert
    await ctx.database.db.execute(sql`
      CREATE FUNCTION test_licence_race() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.number = 'RACE-0001' THEN
          RAISE EXCEPTION 'duplicate key value violates unique constraint "licences_number_uq"' USING ERRCODE = 'unique_violation', CONSTRAINT = 'licences_number_uq';
        END IF;
        RETURN NEW;
      END $$`);
    await ctx.database.db.execute(sql`CREATE TRIGGER test_licence_race BEFORE INSERT ON licences FOR EACH ROW EXECUTE FUNCTION test_licence_race()`);
    try {
      const before = await counts();
      const res = await runImport(
        '并发.csv',
        csv([row({ uscc: usccFor(50), licenceNumber: 'OK-0001' }), row({ uscc: usccFor(51) }), row({ uscc: usccFor(52), licenceNumber: 'RACE-0001' })]),
      );
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().message).toContain('未导入任何数据');
      expect(await counts()).toEqual(before);
      const [u] = await ctx.database.db.select().from(units).where(eq(units.uscc, usccFor(50)));
      expect(u).toBeUndefined();
    } finally {
      await ctx.database.db.execute(sql`DROP TRIGGER test_licence_race ON licences`);
      await ctx.database.db.execute(sql`DROP FUNCTION test_licence_race()`);
    }
  });
});

describe('数据导入 then 法人注册', () => {
  let phone = 13700000000;
  const register = async (account: string, uscc: string, unitName: string) => {
    const c = ctx.client();
    const p = String(++phone);
    return c.post('/api/auth/register', {
      account,
      legalType: '企业法人',
      unitName,
      uscc,
      legalName: '孙法人',
      idCard: '110101199003074936',
      idValidity: '长期有效',
      idStart: '2010-01-01',
      phone: p,
      smsCode: await smsCode(ctx, c, p),
      password: 'Reg@2026abc',
      confirmPassword: 'Reg@2026abc',
      faceVerified: false,
      agreed: true,
    });
  };

  it('a legal person registering later with the USCC claims the imported unit and sees its institutions at once; a second is refused', async () => {
    const uscc = usccFor(60);
    const imported = await runImport('后注册.csv', csv([row({ uscc, name: '白城市旧名人力资源有限公司', department: '220800' })]));
    expect(imported.statusCode, imported.body).toBe(200);
    const [unit] = await ctx.database.db.select().from(units).where(eq(units.uscc, uscc));
    expect(unit).toMatchObject({ name: '白城市旧名人力资源有限公司', legalType: '企业法人' });

    const res = await register('legal_claim01', uscc, '白城市新名人力资源有限公司');
    expect(res.statusCode, res.body).toBe(200);
    const [legal] = await ctx.database.db.select().from(users).where(eq(users.account, 'legal_claim01'));
    expect(legal!.unitId).toBe(unit!.id);
    const [renamed] = await ctx.database.db.select().from(units).where(eq(units.id, unit!.id));
    expect(renamed!.name).toBe('白城市新名人力资源有限公司');

    const c = ctx.client();
    await c.login('legal_claim01', 'Reg@2026abc');
    const list = (await c.get('/api/institutions')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ name: '白城市旧名人力资源有限公司', reviewStatus: '审核通过' });
    expect(list.notices).toEqual([
      '您登录的单位名称“白城市新名人力资源有限公司”与统一社会信用代码相同的机构名称“白城市旧名人力资源有限公司”不一致。如单位已更名，请通过变更申请更新机构名称；如信息有误，请联系审批部门。',
    ]);
    // a filtered page with no rows still says so (the notice does not depend on what is shown)
    const filtered = (await c.get(`/api/institutions?name=${encodeURIComponent('不存在的机构')}`)).json();
    expect(filtered).toMatchObject({ items: [], total: 0, notices: list.notices });
    const unfilteredBeyond = (await c.get('/api/institutions?page=2')).json();
    expect(unfilteredBeyond).toMatchObject({ items: [], total: 1, notices: list.notices });

    const second = await register('legal_claim02', uscc, '白城市新名人力资源有限公司');
    expect(second.statusCode).toBe(409);
    expect(second.json().fieldErrors[0].path).toBe('uscc');
  });

  it('keeps refusing a USCC whose unit already has a legal person, even after an import adds to it', async () => {
    const res = await register('legal_claim03', DEMO_UNIT.uscc, DEMO_UNIT.name);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('账号申诉');
  });
});
