import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRegisterDetail, TRegisterPage } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createInstitution, insertLicence, reissueLicence } from '../../test/licences';
import { applicationRecords, applications } from '../applications/applications.table';
import { institutions } from '../institutions/institutions.table';
import { licences } from '../licences/licences.table';

let ctx: TestContext;
let anyone: TestClient;

/** Every institution the tests look for, by role in the story. */
const made: Record<string, { id: string; uscc: string; numbers: string[] }> = {};

beforeAll(async () => {
  ctx = await createTestContext();
  anyone = ctx.client();
  const add = async (key: string, opts: Parameters<typeof createInstitution>[1], licences: Parameters<typeof insertLicence>[2][] = []) => {
    const { institution } = await createInstitution(ctx, opts);
    const numbers: string[] = [];
    for (const l of licences) numbers.push((await insertLicence(ctx, institution, l)).number);
    made[key] = { id: institution.id, uscc: institution.uscc, numbers };
    return institution;
  };
  // licensed by the province, with a full record (personal data that must not leak)
  await add('province', { name: '吉林省长白山人力资源服务有限公司', withRecord: true }, [{ department: '220000', scopes: ['职业介绍', '人力资源培训'] }]);
  // filed (备案) with a county bureau of 长春市
  await add('county', { name: '长春市南关区百分之百人才服务有限公司', kind: '备案', department: '220102' }, [
    { kind: '备案', department: '220102', scopes: ['人力资源外包'], issuedOn: '2026-10-01' },
  ]);
  // licensed by 吉林市, cancelled since
  await add('cancelled', { name: '吉林市松花江人力资源有限公司', cancelStatus: '注销', department: '220200' }, [
    { department: '220200', status: '已注销', endedAt: ctx.clock(), issuedOn: '2025-05-06' },
  ]);
  // licensed, then changed (re-issued)
  const changed = await add('changed', { name: '延边图们江人力资源有限公司', department: '222400', approvedAt: new Date('2025-01-02T15:00:00+08:00') }, [
    { department: '222400', issuedOn: '2025-01-02' },
  ]);
  const [first] = await ctx.database.db.select().from(licences).where(eq(licences.number, made.changed!.numbers[0]!));
  ctx.clock.advanceMinutes(1);
  const second = await reissueLicence(ctx, changed, first!, { issuedOn: '2026-03-04', scopes: ['职业介绍', '人才测评'] });
  made.changed!.numbers.push(second.number);
  const [change] = await ctx.database.db
    .insert(applications)
    .values({
      unitId: changed.unitId,
      type: '变更',
      institutionId: changed.id,
      status: '审核通过',
      department: '222400',
      submittedAt: ctx.clock(),
      decidedAt: new Date('2026-03-04T10:00:00+08:00'),
      createdAt: ctx.clock(),
      updatedAt: ctx.clock(),
    })
    .returning();
  await ctx.database.db.insert(applicationRecords).values({
    applicationId: change!.id,
    recordId: (await ctx.database.db.select({ id: institutions.currentRecordId }).from(institutions).where(eq(institutions.id, changed.id)))[0]!.id!,
  });
  // approved without a licence row (an imported record)
  await add('imported', { name: '四平市老字号劳务服务有限公司', department: '220300' });
  // never on the register
  await add('draft', { name: '吉林省待提交人力资源有限公司', reviewStatus: '待提交' });
  await add('pending', { name: '吉林省待审核人力资源有限公司', reviewStatus: '待审核' });
  await add('rejected', { name: '吉林省不通过人力资源有限公司', reviewStatus: '审核不通过' });
});
afterAll(() => ctx?.close());

async function search(query: string): Promise<TRegisterPage> {
  const res = await anyone.get(`/api/public/register${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const ids = (page: TRegisterPage) => page.items.map((i) => i.id).sort();
const of = (...keys: string[]) => keys.map((k) => made[k]!.id).sort();

describe('人力资源服务机构公示查询', () => {
  it('lists approved institutions only, without login, with their licence in force, scopes, department and status', async () => {
    const page = await search('pageSize=50');
    expect(ids(page)).toEqual(of('province', 'county', 'cancelled', 'changed', 'imported'));
    expect(page.total).toBe(5);
    const province = page.items.find((i) => i.id === made.province!.id)!;
    expect(province).toEqual({
      id: made.province!.id,
      name: '吉林省长白山人力资源服务有限公司',
      uscc: made.province!.uscc,
      legalRep: '王博润',
      kind: '许可',
      licenceNumber: made.province!.numbers[0],
      licenceStatus: '有效',
      issuedOn: '2026-11-26',
      // no validity set: without expiry (decision 0047)
      validUntil: null,
      scopes: ['职业介绍', '人力资源培训'],
      departmentName: '吉林省人力资源和社会保障厅',
      status: '正常',
      // never recognised as 诚信示范机构 (credit.api.test.ts covers a title)
      creditYears: [],
      // licensed this year, nothing on its record yet (credit-ratings.api.test.ts covers each rule)
      creditLevel: 'A',
    });
    const changed = page.items.find((i) => i.id === made.changed!.id)!;
    expect(changed).toMatchObject({ licenceNumber: made.changed!.numbers[1], licenceStatus: '有效', scopes: ['职业介绍', '人才测评'] });
    const cancelled = page.items.find((i) => i.id === made.cancelled!.id)!;
    expect(cancelled).toMatchObject({ status: '注销', licenceStatus: '已注销', departmentName: '吉林市人力资源和社会保障局' });
    // no licence: the approved record still gives the scopes and the department
    const imported = page.items.find((i) => i.id === made.imported!.id)!;
    expect(imported).toMatchObject({ licenceNumber: null, licenceStatus: null, scopes: ['职业介绍'], departmentName: '四平市人力资源和社会保障局' });
    // newest licence first (the re-issued one counts with its new date); institutions without one last
    expect(page.items.map((i) => i.id)).toEqual(['province', 'county', 'changed', 'cancelled', 'imported'].map((k) => made[k]!.id));
  });

  it('pages a keyword search in the register’s order, the same order as without a keyword', async () => {
    const all = (await search('pageSize=50')).items.map((i) => i.id);
    const paged: string[] = [];
    for (const page of [1, 2, 3]) {
      const found = await search(`keyword=${encodeURIComponent('有限公司')}&page=${page}&pageSize=2`);
      expect(found.total).toBe(5);
      paged.push(...found.items.map((i) => i.id));
    }
    expect(paged).toEqual(all);
  });

  it('finds by part of the name, by USCC and by any licence number the institution held', async () => {
    expect(ids(await search(`keyword=${encodeURIComponent('长白山')}`))).toEqual(of('province'));
    expect(ids(await search(`keyword=${encodeURIComponent('人力资源有限公司')}`))).toEqual(of('cancelled', 'changed'));
    // % is a character, not a wildcard
    expect(ids(await search(`keyword=${encodeURIComponent('百分之百')}`))).toEqual(of('county'));
    expect((await search(`keyword=${encodeURIComponent('%')}`)).total).toBe(0);
    expect(ids(await search(`keyword=${made.county!.uscc.toLowerCase()}`))).toEqual(of('county'));
    expect(ids(await search(`keyword=${encodeURIComponent(made.changed!.numbers[1]!)}`))).toEqual(of('changed'));
    expect(ids(await search(`keyword=${encodeURIComponent(made.changed!.numbers[0]!)}`))).toEqual(of('changed'));
    // never an unapproved one, whatever is typed
    expect((await search(`keyword=${encodeURIComponent('待审核')}`)).total).toBe(0);
    expect((await search(`keyword=${made.draft!.uscc}`)).total).toBe(0);
  });

  it('filters by 服务范围, 审批部门 (a city includes its counties), type and status', async () => {
    expect(ids(await search(`scope=${encodeURIComponent('人才测评')}`))).toEqual(of('changed'));
    expect(ids(await search(`scope=${encodeURIComponent('人力资源外包')}`))).toEqual(of('county'));
    expect(ids(await search('department=220100'))).toEqual(of('county'));
    expect(ids(await search('department=220102'))).toEqual(of('county'));
    expect(ids(await search('department=220000'))).toEqual(of('province'));
    expect(ids(await search(`kind=${encodeURIComponent('备案')}`))).toEqual(of('county'));
    expect(ids(await search(`status=${encodeURIComponent('注销')}`))).toEqual(of('cancelled'));
    expect(ids(await search(`status=${encodeURIComponent('正常')}&kind=${encodeURIComponent('许可')}`))).toEqual(of('province', 'changed', 'imported'));
  });

  it('pages the list', async () => {
    const first = await search('pageSize=2&page=1');
    const second = await search('pageSize=2&page=2');
    const third = await search('pageSize=2&page=3');
    expect(first.total).toBe(5);
    expect([first.items.length, second.items.length, third.items.length]).toEqual([2, 2, 1]);
    expect(new Set([...ids(first), ...ids(second), ...ids(third)]).size).toBe(5);
    expect((await search('pageSize=2&page=9')).items).toEqual([]);
    expect((await anyone.get('/api/public/register?pageSize=51')).statusCode).toBe(400);
    expect((await anyone.get('/api/public/register?page=0')).statusCode).toBe(400);
    expect((await anyone.get('/api/public/register?scope=x')).statusCode).toBe(400);
    expect((await anyone.get(`/api/public/register?keyword=${'长'.repeat(101)}`)).statusCode).toBe(400);
  });

  it('shows an institution with its change history and every licence it held', async () => {
    const res = await anyone.get(`/api/public/register/${made.changed!.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json() as TRegisterDetail;
    expect(detail.name).toBe('延边图们江人力资源有限公司');
    expect(detail.changes).toEqual([
      { type: '设立', decidedOn: '2025-01-02' },
      { type: '变更', decidedOn: '2026-03-04' },
    ]);
    expect(detail.licences.map((l) => [l.number, l.status, l.issuedOn, l.endedOn])).toEqual([
      [made.changed!.numbers[1], '有效', '2026-03-04', null],
      [made.changed!.numbers[0], '已换发', '2025-01-02', '2026-11-26'],
    ]);
    for (const key of ['draft', 'pending', 'rejected']) {
      expect((await anyone.get(`/api/public/register/${made[key]!.id}`)).statusCode, key).toBe(404);
    }
    const missing = await anyone.get('/api/public/register/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('未找到该机构的公示信息');
    expect((await anyone.get('/api/public/register/abc')).statusCode).toBe(400);
  });

  it('shows no personal data beyond the legal representative’s name', async () => {
    const bodies = [
      (await anyone.get('/api/public/register?pageSize=50')).body,
      (await anyone.get(`/api/public/register/${made.province!.id}`)).body,
      (await anyone.get(`/api/public/register?keyword=${encodeURIComponent('长白山')}`)).body,
    ];
    for (const body of bodies) {
      expect(body).toContain('王博润');
      // 身份证号 (18 characters, 17 digits first) and 手机号码 (11 digits from 13–19)
      expect(body).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)/);
      expect(body).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
      // what the approved record holds: legal rep's ID and phone, the contact's mobile, staff, address, e-mail
      for (const secret of ['110101197501010039', '13144440001', '13144440002', '员工1号', '李经办', 'hr@borun.example.cn', '88886666']) {
        expect(body).not.toContain(secret);
      }
    }
  });

  it('offers the 审批部门 as filter options, and is rate-limited per address', async () => {
    const depts = (await anyone.get('/api/public/register/departments')).json() as { code: string; name: string }[];
    expect(depts.find((d) => d.code === '220000')?.name).toBe('省人社厅审批办');
    expect(depts.find((d) => d.code === '220102')?.name).toBe('南关区人力资源和社会保障局');
    const busy = ctx.client();
    for (let i = 0; i < 60; i++) expect((await busy.get('/api/public/register?pageSize=1')).statusCode).toBe(200);
    expect((await busy.get('/api/public/register?pageSize=1')).statusCode).toBe(429);
    expect((await ctx.client().get('/api/public/register?pageSize=1')).statusCode).toBe(200);
  });

  it('counts up to 1 000 matches and says when there are more; one institution found twice is listed once', async () => {
    expect(await search(`keyword=${encodeURIComponent('长白山')}`)).toMatchObject({ total: 1, totalCapped: false });
    // the name holds the USCC: the name and the USCC lookups both find it
    const { institution: twice } = await createInstitution(ctx, { name: '吉林省9122010TWICE00001人力资源有限公司', uscc: '9122010TWICE00001' });
    const both = await search('keyword=9122010twice00001');
    expect(both.items.map((i) => i.id)).toEqual([twice.id]);
    expect(both.total).toBe(1);

    const unitId = (await ctx.database.db.select({ id: institutions.unitId }).from(institutions).where(eq(institutions.id, twice.id)))[0]!.id;
    const bulk = (from: number, to: number) =>
      ctx.database.db.execute(sql`
        INSERT INTO institutions (unit_id, name, uscc, review_status)
        SELECT ${unitId}, '批量公示测试机构' || g, '9122010BULK' || lpad(g::text, 7, '0'), '审核通过' FROM generate_series(${from}::int, ${to}::int) g`);
    await bulk(1, 1000);
    expect(await search(`keyword=${encodeURIComponent('批量公示测试')}`)).toMatchObject({ total: 1000, totalCapped: false });
    await bulk(1001, 1001);
    const capped = await search(`keyword=${encodeURIComponent('批量公示测试')}&pageSize=20`);
    expect(capped).toMatchObject({ total: 1000, totalCapped: true });
    expect(capped.items).toHaveLength(20);
    // a narrower search is counted exactly again
    expect(await search(`keyword=${encodeURIComponent('批量公示测试机构100')}`)).toMatchObject({ total: 3, totalCapped: false }); // 100, 1000, 1001;
  });
});
