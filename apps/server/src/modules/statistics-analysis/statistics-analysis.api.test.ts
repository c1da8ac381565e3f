import ExcelJS from 'exceljs';
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATISTICS_FIELD_ENTRIES, STATISTICS_INDICATOR_KEYS, type TStatisticsDashboard, type TStatisticsMissingItem, type TPage } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createInstitution } from '../../test/licences';
import { createOtherUnitAgent, createReviewer } from '../../test/people';
import { users } from '../accounts/accounts.table';
import { hashPassword } from '../../lib/passwords';
import { DEMO_PASSWORD } from '../../seed/demo';
import { applications } from '../applications/applications.table';
import { auditLog } from '../audit/audit.table';
import { institutionRecords, institutions } from '../institutions/institutions.table';
import { statisticsReports } from '../statistics/statistics.table';
import { EXPORT_BATCH } from './analysis.service';
import { missingCount, missingCountFromInstitutions, reportCells, reportCellsFromReports, type ReportCell } from './analysis.repository';
import { statisticsReportStates, statisticsTotals } from './analysis.table';

type Status = '待提交' | '待审核' | '审核通过' | '审核不通过';
type Inst = Awaited<ReturnType<typeof createInstitution>>['institution'];

/**
 * The small known data set (服务年度 2025, and 2024 for the year-on-year change):
 *   长春 市本级 (220100): A 民营 approved 2025 + 2024; E licensed, no report; G draft only; F 注销 (not licensed any more)
 *   南关区 (220102, a county of 长春): B 国有 approved 2025
 *   吉林市 (220200): C 民营 approved 2025 + 2024; H 审核不通过; I 待审核 (reported, not summed)
 *   省本级 (220000): D 社会组织 approved 2025
 */
describe('统计分析 (dashboard, missing list, export)', () => {
  let ctx: TestContext;
  let unitId: string;
  const inst: Record<string, Inst> = {};
  const login = async (account: string) => {
    const c = ctx.client();
    await c.login(account);
    return c;
  };
  let province: TestClient;
  let changchun: TestClient;
  let nanguan: TestClient;
  let jilin: TestClient;
  let admin: TestClient;

  let reportSerial = 0;
  async function report(i: Inst, year: number, status: Status, v: Partial<typeof statisticsReports.$inferInsert> = {}) {
    const { db } = ctx.database;
    const now = ctx.clock();
    const [record] = await db.select({ department: applications.department }).from(applications).where(and(eq(applications.institutionId, i.id), eq(applications.type, '设立')));
    const [app] = await db
      .insert(applications)
      .values({ unitId, type: '统计', institutionId: i.id, status, department: status === '待提交' ? null : record!.department, createdAt: now, updatedAt: now })
      .returning();
    reportSerial += 1;
    await db.insert(statisticsReports).values({
      applicationId: app!.id,
      institutionId: i.id,
      serviceYear: year,
      name: i.name,
      uscc: i.uscc,
      category: i.category,
      department: record!.department,
      scopes: ['职业介绍', '人力资源培训'],
      fillerPhoneEnc: ctx.deps.pii.encrypt('13144440009'),
      filledOn: `${year + 1}-02-0${1 + (reportSerial % 8)}`,
      createdAt: now,
      updatedAt: now,
      ...v,
    });
    return app!;
  }

  async function institution(key: string, department: string, category: string, opts: { cancelled?: boolean } = {}) {
    const { institution } = await createInstitution(ctx, { name: `吉林省统计${key}人力资源有限公司`, unitId, department, cancelStatus: opts.cancelled ? '注销' : '正常' });
    await ctx.database.db.update(institutions).set({ category }).where(eq(institutions.id, institution.id));
    inst[key] = { ...institution, category };
  }

  beforeAll(async () => {
    ctx = await createTestContext({ demo: false });
    unitId = (await createOtherUnitAgent(ctx, 'stats_agent')).unitId;
    await createReviewer(ctx, '220000', 'r_province');
    await createReviewer(ctx, '220100', 'r_changchun');
    await createReviewer(ctx, '220102', 'r_nanguan');
    await createReviewer(ctx, '220200', 'r_jilin');
    await ctx.database.db.insert(users).values({ account: 'stats_admin', passwordHash: await hashPassword(DEMO_PASSWORD), role: 'admin', name: '管理员' });
    await institution('A', '220100', '民营性质的服务企业');
    await institution('B', '220102', '国有性质的服务企业');
    await institution('C', '220200', '民营性质的服务企业');
    await institution('D', '220000', '社会组织');
    await institution('E', '220100', '民营性质的服务企业');
    await institution('F', '220100', '民营性质的服务企业', { cancelled: true });
    await institution('G', '220100', '其他');
    await institution('H', '220200', '其他');
    await institution('I', '220200', '其他');
    await report(inst.A!, 2025, '审核通过', { staffTotal: 10, annualRevenue: 100.25, personsServed: 200, personsPlaced: 50, fairsHeld: 4, dispatchedWorkers: 30, employersServed: 12, trainees: 7, fillerPhoneEnc: ctx.deps.pii.encrypt('13912345678') });
    await report(inst.A!, 2024, '审核通过', { staffTotal: 8, annualRevenue: 80, personsServed: 100, personsPlaced: 40, fairsHeld: 0, dispatchedWorkers: 30, employersServed: 10 });
    await report(inst.B!, 2025, '审核通过', { staffTotal: 5, annualRevenue: 0.1, personsServed: 50, personsPlaced: 5, fairsHeld: 1 });
    await report(inst.C!, 2025, '审核通过', { staffTotal: 20, annualRevenue: 300.2, personsServed: 1000, personsPlaced: 300, fairsHeld: 10, dispatchedWorkers: 100 });
    await report(inst.C!, 2024, '审核通过', { staffTotal: 22, annualRevenue: 320, personsServed: 900, personsPlaced: 200, fairsHeld: 10 });
    await report(inst.D!, 2025, '审核通过', { staffTotal: 3, annualRevenue: 1, personsServed: 9 });
    await report(inst.G!, 2025, '待提交', { staffTotal: 999 });
    await report(inst.H!, 2025, '审核不通过', { staffTotal: 999 });
    await report(inst.I!, 2025, '待审核', { staffTotal: 999 });
    // a 注销 institution's own old report still counts for its year
    await report(inst.F!, 2024, '审核通过', { staffTotal: 1 });
    [province, changchun, nanguan, jilin, admin] = (await Promise.all(['r_province', 'r_changchun', 'r_nanguan', 'r_jilin', 'stats_admin'].map(login))) as [TestClient, TestClient, TestClient, TestClient, TestClient];
  });
  afterAll(async () => ctx?.close());

  const dashboard = async (c: TestClient, year = 2025) => {
    const res = await c.get(`/api/statistics-analysis?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TStatisticsDashboard;
  };
  const missing = async (c: TestClient, year = 2025, q = '') => {
    const res = await c.get(`/api/statistics-analysis/missing?year=${year}${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TPage<TStatisticsMissingItem>;
  };

  it('the province sums every approved report of the year, with the change on the year before', async () => {
    const d = await dashboard(province);
    expect(d.area).toEqual({ code: '220000', name: '省人社厅审批办', level: 'province' });
    const [y2024, y2025] = d.byYear;
    expect(y2025).toMatchObject({ year: 2025, reports: 4 });
    expect(y2025!.values).toEqual({ staffTotal: 38, annualRevenue: 401.55, personsServed: 1259, employersServed: 12, personsPlaced: 355, fairsHeld: 15, dispatchedWorkers: 130, trainees: 7 });
    expect(y2024).toMatchObject({ year: 2024, reports: 3 });
    expect(y2024!.values).toMatchObject({ staffTotal: 31, annualRevenue: 400, personsServed: 1000, personsPlaced: 240, fairsHeld: 10, dispatchedWorkers: 30 });
    expect(d.change.reports).toBeCloseTo(1 / 3, 4);
    expect(d.change.values.staffTotal).toBeCloseTo(7 / 31, 4);
    expect(d.change.values.fairsHeld).toBe(0.5);
    expect(d.change.values.trainees).toBeNull(); // no base
    expect(d.change.values.dispatchedWorkers).toBeCloseTo(100 / 30, 4);
    // by city: 长春 adds its county, 省本级 its own
    const area = Object.fromEntries(d.byArea.map((a) => [a.name, a]));
    expect(d.byArea[0]!.name).toBe('省本级');
    expect(d.byArea).toHaveLength(10); // 省本级 and the nine cities, each shown
    expect(area['长春市人力资源和社会保障局']).toMatchObject({ code: '220100', reports: 2, values: { staffTotal: 15, annualRevenue: 100.35 } });
    expect(area['吉林市人力资源和社会保障局']).toMatchObject({ reports: 1, values: { staffTotal: 20 } });
    expect(area['省本级']).toMatchObject({ code: '220000', reports: 1, values: { staffTotal: 3 } });
    expect(area['四平市人力资源和社会保障局']).toMatchObject({ reports: 0, values: { staffTotal: 0 } });
    const cat = Object.fromEntries(d.byCategory.map((c) => [c.category, c]));
    expect(d.byCategory.map((c) => c.category)).toEqual(['民营性质的服务企业', '国有性质的服务企业', '社会组织']);
    expect(cat['民营性质的服务企业']).toMatchObject({ reports: 2, values: { staffTotal: 30, personsServed: 1200 } });
    // the by-area and by-category rows add up to the year's total
    for (const rows of [d.byArea, d.byCategory]) {
      expect(rows.reduce((s, r) => s + r.reports, 0)).toBe(4);
      expect(rows.reduce((s, r) => s + r.values.personsServed, 0)).toBe(1259);
    }
    // licensed: every institution but F (注销); missing: E (none), G (draft), H (rejected)
    expect(d).toMatchObject({ licensed: 8, missing: 3 });
  });

  it('an admin sees the province', async () => {
    const [a, p] = await Promise.all([dashboard(admin), dashboard(province)]);
    expect(a).toEqual(p);
  });

  it('a city reviewer sees its city and its counties, nothing of another city', async () => {
    const d = await dashboard(changchun);
    expect(d.area).toMatchObject({ code: '220100', level: 'city' });
    expect(d.byYear[1]).toMatchObject({ reports: 2, values: { staffTotal: 15, annualRevenue: 100.35, personsServed: 250 } });
    expect(d.byYear[0]).toMatchObject({ reports: 2, values: { staffTotal: 9 } }); // A and F's 2024
    expect(d.byArea[0]).toMatchObject({ code: '220100', name: '市本级', reports: 1, values: { staffTotal: 10 } });
    expect(d.byArea.find((a) => a.code === '220102')).toMatchObject({ name: '南关区人力资源和社会保障局', reports: 1, values: { staffTotal: 5 } });
    expect(d.byArea.every((a) => a.code.startsWith('2201'))).toBe(true);
    expect(d.byArea).toHaveLength(12); // 市本级 and its eleven counties
    expect(d).toMatchObject({ licensed: 4, missing: 2 }); // A, B, E, G; E and G missing

    const j = await dashboard(jilin);
    expect(j.byYear[1]).toMatchObject({ reports: 1, values: { staffTotal: 20 } });
    expect(j).toMatchObject({ licensed: 3, missing: 1 }); // C, H, I; H rejected
  });

  it('a county reviewer sees itself only', async () => {
    const d = await dashboard(nanguan);
    expect(d.area).toMatchObject({ code: '220102', level: 'county' });
    expect(d.byYear[1]).toMatchObject({ reports: 1, values: { staffTotal: 5 } });
    expect(d.byYear[0]!.reports).toBe(0);
    expect(d.change.reports).toBeNull();
    expect(d.byArea).toEqual([expect.objectContaining({ code: '220102', reports: 1 })]);
    expect(d).toMatchObject({ licensed: 1, missing: 0 });
  });

  it('the missing list: licensed institutions of the area without a report sent for the year, and why', async () => {
    const c = await missing(changchun);
    expect(c.total).toBe(2);
    expect(c.items.map((i) => [i.name, i.reason, i.departmentName])).toEqual([
      [inst.E!.name, '未填报', '长春市人力资源和社会保障局'],
      [inst.G!.name, '未提交', '长春市人力资源和社会保障局'],
    ]);
    const p = await missing(province);
    expect(p.items.map((i) => i.name).sort()).toEqual([inst.E!.name, inst.G!.name, inst.H!.name].sort());
    expect(p.items.find((i) => i.name === inst.H!.name)!.reason).toBe('审核不通过');
    expect((await missing(jilin)).items.map((i) => i.name)).toEqual([inst.H!.name]);
    expect((await missing(nanguan)).total).toBe(0);
    // 2024: only A, C and F reported (F is 注销 now)
    expect((await missing(province, 2024)).total).toBe(6);
    const page2 = await missing(province, 2024, '&page=2&pageSize=4');
    expect(page2).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(page2.items).toHaveLength(2);
  });

  async function exported(c: TestClient, year = 2025) {
    const res = await c.get(`/api/statistics-analysis/export?year=${year}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent(`业务基本情况_${year}年度.xlsx`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('业务基本情况')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { wb, header: rows[0]!, rows: rows.slice(1) };
  }

  it('the export: every catalogue field under its label, one row per approved report of the area', async () => {
    const { wb, header, rows } = await exported(changchun);
    expect(header).toEqual(STATISTICS_FIELD_ENTRIES.map((e) => e.field.label));
    expect(rows).toHaveLength(2);
    const col = (label: string) => header.indexOf(label);
    const a = rows.find((r) => r[col('服务机构名称')] === inst.A!.name)!;
    expect(a[col('服务年度')]).toBe(2025);
    expect(a[col('从业人员总数')]).toBe(10);
    expect(a[col('全年营业收入(万元)')]).toBe(100.25);
    expect(a[col('审核机构')]).toBe('长春市人力资源和社会保障局');
    expect(a[col('机构类型')]).toBe('民营性质的服务企业');
    expect(a[col('申请业务')] ?? a[col(STATISTICS_FIELD_ENTRIES.find((e) => e.key === 'scopes')!.field.label)]).toBe('职业介绍、人力资源培训');
    expect(a[col('联系电话')]).toBe('139****5678');
    expect(rows.map((r) => r[col('服务机构名称')]).sort()).toEqual([inst.A!.name, inst.B!.name].sort());
    // the summary sheet has the dashboard's tables
    const summary: unknown[][] = [];
    wb.getWorksheet('汇总')!.eachRow((row) => summary.push((row.values as unknown[]).slice(1)));
    expect(summary.find((r) => r[0] === '2025年')!.slice(1, 3)).toEqual([2, 15]);
    expect(summary.find((r) => r[0] === '市本级')!.slice(1, 3)).toEqual([1, 10]);
    expect(summary.some((r) => r[0] === '吉林市人力资源和社会保障局')).toBe(false);
  });

  it('the province exports every approved report; a year without any gives the header alone', async () => {
    const all = await exported(province);
    expect(all.rows).toHaveLength(4);
    const none = await exported(province, 2019);
    expect(none.header).toHaveLength(STATISTICS_FIELD_ENTRIES.length);
    expect(none.rows).toHaveLength(0);
  });

  it(`the export reads reports in batches: ${EXPORT_BATCH * 2 + 5} reports come out once each`, async () => {
    const { db } = ctx.database;
    const n = EXPORT_BATCH * 2 + 5;
    await db.execute(sql`INSERT INTO institutions (unit_id, name, uscc, review_status, created_at, updated_at)
      SELECT ${unitId}, '批量机构' || g, '91220103BK' || lpad(g::text, 8, '0'), '审核通过', now(), now() FROM generate_series(1, ${n}) g`);
    await db.execute(sql`INSERT INTO applications (unit_id, type, institution_id, status, department, created_at, updated_at)
      SELECT ${unitId}, '统计', id, '审核通过', '220103', now(), now() FROM institutions WHERE name LIKE '批量机构%'`);
    await db.execute(sql`INSERT INTO statistics_reports (application_id, institution_id, service_year, name, department, staff_total, created_at, updated_at)
      SELECT a.id, a.institution_id, 2003, i.name, '220103', 1, now(), now() FROM applications a JOIN institutions i ON i.id = a.institution_id WHERE i.name LIKE '批量机构%'`);
    const { header, rows } = await exported(province, 2003);
    const names = rows.map((r) => r[header.indexOf('服务机构名称')] as string);
    expect(names).toHaveLength(n);
    expect(new Set(names).size).toBe(n);
    expect(rows.every((r) => r[header.indexOf('审核机构')] === '宽城区人力资源和社会保障局')).toBe(true);
    expect((await dashboard(province, 2003)).byYear[1]).toMatchObject({ reports: n, values: { staffTotal: n } });
    // the city sees them, another city does not
    expect((await dashboard(changchun, 2003)).byArea.find((a) => a.code === '220103')!.reports).toBe(n);
    expect((await exported(jilin, 2003)).rows).toHaveLength(0);
  });

  const sorted = (cells: ReportCell[]) =>
    cells.map((c) => JSON.stringify([c.year, c.department, c.category, c.reports, c.values])).sort();
  /** the trigger-kept totals equal the sums of the approved reports themselves, for every year used here */
  async function expectTotalsMatchReports() {
    const years = [2003, 2023, 2024, 2025, 2026];
    expect(sorted(await reportCells(ctx.database.db, years, null))).toEqual(sorted(await reportCellsFromReports(ctx.database.db, years)));
    // and the report states mirror each report's application status
    const line = (x: { serviceYear: number; institutionId: string; status: string }) => `${x.serviceYear} ${x.institutionId} ${x.status}`;
    const kept = await ctx.database.db.select().from(statisticsReportStates);
    const actual = await ctx.database.db
      .select({ serviceYear: statisticsReports.serviceYear, institutionId: statisticsReports.institutionId, status: applications.status })
      .from(statisticsReports)
      .innerJoin(applications, eq(applications.id, statisticsReports.applicationId));
    expect(kept.map(line).sort()).toEqual(actual.map(line).sort());
    await expectCountsMatchInstitutions();
  }

  /** the trigger-kept 持证机构 / 未报送 counts equal counting the institutions themselves, for each area and year */
  async function expectCountsMatchInstitutions() {
    const { db } = ctx.database;
    for (const codes of [null, ['220100', '220102'], ['220102'], ['220200'], ['220000']])
      for (const year of [2023, 2024, 2025, 2026]) {
        expect(await missingCount(db, year, codes), `${year} ${codes?.join(',') ?? '全省'}`).toEqual(await missingCountFromInstitutions(db, year, codes));
      }
  }

  it('keeps a column of totals for every indicator', () => {
    const columns = Object.keys(getTableColumns(statisticsTotals));
    for (const k of STATISTICS_INDICATOR_KEYS) expect(columns).toContain(k);
  });

  it('the totals follow approval, edits, re-opening and deletion of reports, whichever statement makes them', async () => {
    const { db } = ctx.database;
    await expectTotalsMatchReports();
    const waiting = await report(inst.E!, 2026, '待审核', { staffTotal: 11, annualRevenue: 1.11, trainees: 3 });
    await expectTotalsMatchReports();
    expect((await dashboard(changchun, 2026)).byYear[1]!.reports).toBe(0);
    // sent (待审核) counts as reported: E is not missing for 2026, G (no report) is
    expect((await missing(changchun, 2026)).items.map((i) => i.name)).not.toContain(inst.E!.name);
    // 审核通过 adds it
    await db.update(applications).set({ status: '审核通过' }).where(eq(applications.id, waiting.id));
    await expectTotalsMatchReports();
    expect((await dashboard(changchun, 2026)).byYear[1]).toMatchObject({ reports: 1, values: { staffTotal: 11, annualRevenue: 1.11, trainees: 3 } });
    // an edit of an approved report, moved to another 审核机构 and 机构类型 at once
    await db.update(statisticsReports).set({ staffTotal: 20, department: '220102', category: '其他' }).where(eq(statisticsReports.applicationId, waiting.id));
    await expectTotalsMatchReports();
    const moved = await dashboard(changchun, 2026);
    expect(moved.byArea.find((a) => a.code === '220102')).toMatchObject({ reports: 1, values: { staffTotal: 20 } });
    expect(moved.byCategory).toEqual([expect.objectContaining({ category: '其他', reports: 1 })]);
    // leaving 审核通过 takes it out; deleting a report that is not approved changes nothing
    await db.update(applications).set({ status: '审核不通过' }).where(eq(applications.id, waiting.id));
    await expectTotalsMatchReports();
    expect((await missing(changchun, 2026)).items.find((i) => i.name === inst.E!.name)?.reason).toBe('审核不通过');
    expect((await dashboard(changchun, 2026)).byYear[1]!.reports).toBe(0);
    await db.update(applications).set({ status: '审核通过' }).where(eq(applications.id, waiting.id));
    await db.delete(statisticsReports).where(eq(statisticsReports.applicationId, waiting.id));
    await expectTotalsMatchReports();
    expect((await dashboard(province, 2026)).byYear[1]!.reports).toBe(0);
  });

  it("the counts follow an institution leaving and regaining its licence, its record in force and that record's 审批部门", async () => {
    const { db } = ctx.database;
    const at = async (code: string) => (await dashboard(code === '220200' ? jilin : changchun, 2025)).licensed;
    const before = { changchun: await at('220100'), jilin: await at('220200') };
    const a = inst.A!;
    // 注销: A leaves 长春's licensed (it had reported 2025, so 未报送 stays as it was)
    const missingBefore = (await dashboard(changchun)).missing;
    await db.update(institutions).set({ cancelStatus: '注销' }).where(eq(institutions.id, a.id));
    await expectCountsMatchInstitutions();
    expect(await at('220100')).toBe(before.changchun - 1);
    expect((await dashboard(changchun)).missing).toBe(missingBefore);
    await db.update(institutions).set({ cancelStatus: '正常' }).where(eq(institutions.id, a.id));
    // the record in force names another 审批部门: A moves to 吉林市 with its reports
    const [current] = await db.select({ id: institutions.currentRecordId }).from(institutions).where(eq(institutions.id, a.id));
    await db.update(institutionRecords).set({ department: '220200' }).where(eq(institutionRecords.id, current!.id!));
    await expectCountsMatchInstitutions();
    expect([await at('220100'), await at('220200')]).toEqual([before.changchun - 1, before.jilin + 1]);
    // a new record in force (a 变更 approved) back in 长春
    const [next] = await db.insert(institutionRecords).values({ institutionId: a.id, version: 2, name: a.name, uscc: a.uscc, department: '220100', createdAt: ctx.clock(), updatedAt: ctx.clock() }).returning();
    await db.update(institutions).set({ currentRecordId: next!.id }).where(eq(institutions.id, a.id));
    await expectCountsMatchInstitutions();
    expect([await at('220100'), await at('220200')]).toEqual([before.changchun, before.jilin]);
    // an update that changes neither licence nor area touches no counter
    await db.update(institutions).set({ name: a.name }).where(eq(institutions.id, a.id));
    await expectCountsMatchInstitutions();
    // a new licensed institution without a report is missing at once
    const missing = (await dashboard(province)).missing;
    await institution('J', '220000', '其他');
    expect((await dashboard(province)).missing).toBe(missing + 1);
    await expectCountsMatchInstitutions();
  });

  it('parallel approvals all count: 30 reports of one cell approved at once', async () => {
    const { db } = ctx.database;
    const n = 30;
    await db.execute(sql`INSERT INTO institutions (unit_id, name, uscc, review_status, category, created_at, updated_at)
      SELECT ${unitId}, '并行机构' || g, '91220201PX' || lpad(g::text, 8, '0'), '审核通过', '社会组织', now(), now() FROM generate_series(1, ${n}) g`);
    await db.execute(sql`INSERT INTO applications (unit_id, type, institution_id, status, department, created_at, updated_at)
      SELECT ${unitId}, '统计', id, '待审核', '220200', now(), now() FROM institutions WHERE name LIKE '并行机构%'`);
    const apps = await db.execute(sql`INSERT INTO statistics_reports (application_id, institution_id, service_year, name, department, category, staff_total, annual_revenue, created_at, updated_at)
      SELECT a.id, a.institution_id, 2023, i.name, '220200', '社会组织', 2, 0.5, now(), now() FROM applications a JOIN institutions i ON i.id = a.institution_id WHERE i.name LIKE '并行机构%' RETURNING application_id`);
    const ids = ((apps as unknown as { rows: { application_id: string }[] }).rows ?? []).map((r) => r.application_id);
    expect(ids).toHaveLength(n);
    // each approval its own transaction, all at once (on PostgreSQL they run in parallel on the pool)
    await Promise.all(ids.map((id) => db.transaction(async (tx) => tx.update(applications).set({ status: '审核通过' }).where(and(eq(applications.id, id), eq(applications.status, '待审核'))))));
    expect((await dashboard(jilin, 2023)).byYear[1]).toMatchObject({ reports: n, values: { staffTotal: 2 * n, annualRevenue: 0.5 * n } });
    await expectTotalsMatchReports();
    const approved = await db.select({ id: applications.id }).from(applications).where(and(inArray(applications.id, ids), eq(applications.status, '审核通过')));
    expect(approved).toHaveLength(n);
  });

  it('refuses a unit user, and a bad year with a Chinese 400', async () => {
    const agent = await login('stats_agent');
    for (const url of ['/api/statistics-analysis', '/api/statistics-analysis/missing', '/api/statistics-analysis/export']) {
      expect((await agent.get(url)).statusCode).toBe(403);
      const bad = await province.get(`${url}?year=abc`);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('服务年度');
    }
    expect((await province.get('/api/statistics-analysis?year=1999')).body).toContain('不能早于2000年');
  });

  it('every read is audited as a staff read with its conditions', async () => {
    await jilin.get('/api/statistics-analysis/export?year=2024');
    const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.actorAccount, 'r_jilin'));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['statistics.analysis.viewed', 'statistics.missing.listed', 'statistics.exported']));
    expect(rows.filter((r) => r.action === 'statistics.exported').map((r) => r.detail)).toContainEqual({ query: { year: 2024 } });
    expect(rows.every((r) => r.actorRole === 'reviewer')).toBe(true);
  });
});
