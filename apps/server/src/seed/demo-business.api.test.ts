import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, smsCode, type TestContext } from '../test/harness';
import { applicationSubmissions } from '../modules/applications/applications.table';
import { GUIDE_SAMPLE_VALUES, PROMISE_SLOT, beijingDay, isGuideSampleValue } from '@jhrm/contracts';
import { units } from '../modules/accounts/accounts.table';
import { institutionRecords, institutions } from '../modules/institutions/institutions.table';
import { DEMO_ACCOUNTS } from './demo';
import { DEMO_LICENSED, DEMO_PENDING, DEMO_PROMISE, seedDemoBusiness } from './demo-business';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoBusiness(ctx.deps);
});
afterAll(() => ctx?.close());

describe('demo business of a fresh development start', () => {
  it('gives the demo unit a licensed institution, one licensed by 告知承诺 and one waiting for review', async () => {
    const agent = ctx.client();
    await agent.login('demo_agent');
    const list = (await agent.get('/api/institutions')).json();
    expect(list.notices).toEqual([]);
    const byName = Object.fromEntries(list.items.map((i: { name: string }) => [i.name, i]));
    expect(byName[DEMO_LICENSED.name]).toMatchObject({ reviewStatus: '审核通过', licensed: true, kind: '许可' });
    expect(byName[DEMO_LICENSED.name].actions).toContain('许可证下载');
    expect(byName[DEMO_PENDING.name]).toMatchObject({ reviewStatus: '待审核', licensed: false, kind: '备案', acceptedAt: null });
    expect(byName[DEMO_PROMISE.name]).toMatchObject({ reviewStatus: '审核通过', licensed: true, kind: '许可' });
    // the establishment's and the change's 受理 and decisions, the annual report's decision, and the
    // 告知承诺 establishment's 受理 and decision
    expect((await agent.get('/api/notifications/unread-count')).json().unread).toBe(7);
  });

  it('puts the second one in 省人社厅审批办’s 待审核 with every material, and the first in 已审核', async () => {
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    const pending = (await reviewer.get('/api/reviews?tab=待审核')).json();
    expect(pending.items.map((i: { institutionName: string }) => i.institutionName)).toEqual([DEMO_PENDING.name]);
    const detail = (await reviewer.get(`/api/reviews/${pending.items[0].id}`)).json();
    // every slot but the 告知承诺书, which only a 告知承诺 submission fills
    const slots = detail.materials.slots as { name: string; files: unknown[] }[];
    expect(slots.filter((s) => s.name !== PROMISE_SLOT).every((s) => s.files.length === 1)).toBe(true);
    expect(slots.find((s) => s.name === PROMISE_SLOT)?.files ?? []).toEqual([]);
    expect(detail.materials.video.files).toMatchObject([{ durationSeconds: 5 }]);
    const file = detail.materials.slots[0].files[0];
    const pdf = await reviewer.get(`/api/applications/${detail.id}/materials/files/${file.id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const done = (await reviewer.get('/api/reviews?tab=已审核')).json();
    expect(done.items.map((i: { institutionName: string; type: string }) => [i.type, i.institutionName]).sort()).toEqual([
      ['变更', DEMO_LICENSED.name],
      ['统计', DEMO_LICENSED.name],
      ['设立', DEMO_LICENSED.name],
      ['设立', DEMO_PROMISE.name],
    ]);
  });

  it('registers the licence publicly with one approved change in its history, and verification finds both numbers', async () => {
    const register = (await ctx.client().get(`/api/public/register?keyword=${encodeURIComponent(DEMO_LICENSED.name)}`)).json();
    expect(register.items).toHaveLength(1);
    const number = register.items[0].licenceNumber as string;
    const verified = (await ctx.client().get(`/api/public/licences/verify?number=${encodeURIComponent(number)}`)).json();
    expect(verified).toMatchObject({ valid: true, status: '有效', institutionName: DEMO_LICENSED.name, departmentName: '吉林省人力资源和社会保障厅' });
    const entry = (await ctx.client().get(`/api/public/register/${register.items[0].id}`)).json();
    expect(entry.changes.map((c: { type: string }) => c.type)).toEqual(['设立', '变更']);
    expect(entry.licences.map((l: { status: string }) => l.status)).toEqual(['有效', '已换发']);
    const old = (await ctx.client().get(`/api/public/licences/verify?number=${encodeURIComponent(entry.licences[1].number)}`)).json();
    expect(old).toMatchObject({ status: '已换发' });
  });

  it('stores the submissions as the system does: personal data sealed', async () => {
    const subs = await ctx.database.db.select().from(applicationSubmissions);
    expect(subs).toHaveLength(5);
    for (const s of subs) expect(JSON.stringify(s.snapshot)).not.toContain(DEMO_ACCOUNTS[0].idCard);
    // the record's mobiles and the report's 联系电话 alike
    for (const s of subs) expect(JSON.stringify(s.snapshot)).not.toContain('13144440002');
    const [first] = await ctx.database.db.select().from(applicationSubmissions).where(eq(applicationSubmissions.requestKey, 'demo-licensed'));
    expect(first!.round).toBe(1);
  });

  it('uses no code or number the operation guide prints, so a reader following the guide never meets the demo data', async () => {
    const { db } = ctx.database;
    const codes = [
      ...(await db.select({ v: units.uscc }).from(units)),
      ...(await db.select({ v: institutions.uscc }).from(institutions)),
      ...(await db.select({ v: institutionRecords.uscc }).from(institutionRecords)),
    ].map((r) => r.v ?? '');
    expect(codes.length).toBeGreaterThan(3);
    expect(codes.filter(isGuideSampleValue)).toEqual([]);
    for (const a of DEMO_ACCOUNTS) {
      expect(isGuideSampleValue(a.phone), a.account).toBe(false);
      if (a.idCard) expect(isGuideSampleValue(a.idCard), a.account).toBe(false);
    }
    const sealed = JSON.stringify((await db.select().from(applicationSubmissions)).map((s) => s.snapshot));
    const records = (await db.select().from(institutionRecords)).map((r) => [r.legalRepIdCardEnc, r.legalRepPhoneEnc, r.contactMobileEnc].filter(Boolean).map((v) => ctx.deps.pii.decrypt(v!)));
    for (const v of [...GUIDE_SAMPLE_VALUES.idCard, ...GUIDE_SAMPLE_VALUES.mobile]) {
      expect(records.flat()).not.toContain(v);
      expect(sealed).not.toContain(v);
    }
  });

  it('leaves the guide’s sample USCC free: a legal person registering with it, as the guide does, is accepted and its institution has no twin', async () => {
    const c = ctx.client();
    const phone = '13800138000';
    const body = {
      account: 'guide_legal',
      legalType: '企业法人',
      unitName: '长春市南关区测试人力资源有限公司',
      uscc: GUIDE_SAMPLE_VALUES.uscc[0],
      legalName: '张三',
      idCard: GUIDE_SAMPLE_VALUES.idCard[0],
      idValidity: '20年',
      idStart: '2015-06-01',
      phone,
      smsCode: await smsCode(ctx, c, phone),
      password: 'Reg@2026abc',
      confirmPassword: 'Reg@2026abc',
      faceVerified: false,
      agreed: true,
    };
    const res = await c.post('/api/auth/register', body);
    expect(res.statusCode, res.body).toBe(200);
    const sharing = await ctx.database.db.select().from(institutions).where(eq(institutions.uscc, GUIDE_SAMPLE_VALUES.uscc[0]));
    expect(sharing).toEqual([]);
  });

  it('gives the demo institution last year’s 业务基本情况, approved, in 业务基本情况查询', async () => {
    const agent = ctx.client();
    await agent.login('demo_agent');
    const year = Number(beijingDay(ctx.clock()).slice(0, 4)) - 1;
    const page = (await agent.get('/api/statistics/reports')).json();
    expect(page.items).toMatchObject([{ serviceYear: year, status: '审核通过', name: DEMO_LICENSED.name, personsServed: 1530, statisticsOfficer: '赵统计', fillerPhone: '131****0002', editable: false }]);
    // 每年只能新增一次: last year is taken
    const institutions = (await agent.get('/api/statistics/institutions')).json();
    expect(institutions.find((i: { name: string }) => i.name === DEMO_LICENSED.name).reportedYears).toEqual([year]);
  });
});
