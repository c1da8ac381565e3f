import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc, type TApplicationDetail } from '@jhrm/contracts';
import { DEMO_UNIT } from '../../seed/demo';
import { createTestContext, smsCode, type TestClient, type TestContext } from '../../test/harness';
import { createOtherUnitAgent } from '../../test/people';
import { attachAllMaterials, completeDraft, requestKey } from '../../test/submissions';
import { units } from '../accounts/accounts.table';
import { institutions } from './institutions.table';
import { USCC_OWNED_ELSEWHERE } from './uscc-owner';

let ctx: TestContext;
let demoAgent: TestClient;
let other: { client: TestClient; unitId: string; uscc: string };
let demoUnitId: string;

let serial = 0;
/** A fresh valid code no unit or institution holds yet. */
const freshUscc = () => makeUscc(`91220104MA${String(process.pid % 1000).padStart(3, '0')}${String(++serial).padStart(4, '0')}`);

async function agentOfNewUnit(account: string) {
  const { unitId } = await createOtherUnitAgent(ctx, account);
  const client = ctx.client();
  await client.login(account);
  const [u] = await ctx.database.db.select({ uscc: units.uscc }).from(units).where(eq(units.id, unitId));
  return { client, unitId, uscc: u!.uscc };
}

const draftWith = (uscc: string, name = '长春市博润人才测评服务有限公司') => ({ ...completeDraft(), basic: { ...completeDraft().basic, name, uscc } });
const create = (c: TestClient, uscc: string, name?: string) => c.post('/api/applications/establishments', draftWith(uscc, name));
const holders = async (uscc: string) => (await ctx.database.db.select({ unitId: institutions.unitId }).from(institutions).where(eq(institutions.uscc, uscc))).map((r) => r.unitId);

const registration = async (c: TestClient, account: string, uscc: string, phone: string) => ({
  account,
  legalType: '企业法人',
  unitName: '长春市测评人力资源有限公司',
  uscc,
  legalName: '张三',
  idCard: '220102197803120032',
  idValidity: '20年',
  idStart: '2015-06-01',
  phone,
  smsCode: await smsCode(ctx, c, phone),
  password: 'Reg@2026abc',
  confirmPassword: 'Reg@2026abc',
  faceVerified: false,
  agreed: true,
});

beforeAll(async () => {
  ctx = await createTestContext();
  demoAgent = ctx.client();
  await demoAgent.login('demo_agent');
  demoUnitId = (await ctx.database.db.select({ id: units.id }).from(units).where(eq(units.uscc, DEMO_UNIT.uscc)))[0]!.id;
  other = await agentOfNewUnit('uscc_other_agent');
});
afterAll(() => ctx?.close());

describe('one unit per 统一社会信用代码', () => {
  it('lets a unit use its own code and a new code for several institutions', async () => {
    const branch = freshUscc();
    expect((await create(demoAgent, DEMO_UNIT.uscc, '吉林省博润人力资源有限公司')).statusCode).toBe(200);
    expect((await create(demoAgent, branch, '长春市博润一分公司')).statusCode).toBe(200);
    expect((await create(demoAgent, branch, '长春市博润二分公司')).statusCode).toBe(200);
    expect(await holders(branch)).toEqual([demoUnitId, demoUnitId]);
  });

  it('refuses 保存 of a 设立 carrying the code of another registered unit, at the field, creating nothing', async () => {
    const before = await ctx.database.db.select({ id: institutions.id }).from(institutions);
    const res = await create(demoAgent, other.uscc);
    expect(res.statusCode).toBe(409);
    expect(res.json().fieldErrors).toEqual([{ path: 'basic.uscc', message: USCC_OWNED_ELSEWHERE }]);
    expect(res.json().message).toContain('账号申诉');
    expect(await ctx.database.db.select({ id: institutions.id }).from(institutions)).toHaveLength(before.length);
    expect(await holders(other.uscc)).toEqual([]);
  });

  it('refuses the same code for institutions of two units, on 保存 of an existing draft too, changing nothing', async () => {
    const claimed = freshUscc();
    expect((await create(demoAgent, claimed)).statusCode).toBe(200);
    const refused = await create(other.client, claimed);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().fieldErrors[0].path).toBe('basic.uscc');

    const own = (await create(other.client, other.uscc, '长春市另一家人力资源有限公司')).json() as TApplicationDetail;
    const save = await other.client.request('PUT', `/api/applications/${own.id}/record`, { version: own.version, ...draftWith(claimed, '长春市另一家人力资源有限公司') });
    expect(save.statusCode).toBe(409);
    expect(save.json().fieldErrors).toEqual([{ path: 'basic.uscc', message: USCC_OWNED_ELSEWHERE }]);
    const after = (await other.client.get(`/api/applications/${own.id}`)).json() as TApplicationDetail;
    expect(after).toMatchObject({ version: own.version, record: { basic: { uscc: other.uscc } } });
    expect(await holders(claimed)).toEqual([demoUnitId]);
  });

  it('refuses 法人注册 with a code an institution of another unit carries, pointing to 账号申诉, before spending the SMS code', async () => {
    const claimed = freshUscc();
    expect((await create(demoAgent, claimed)).statusCode).toBe(200);
    const c = ctx.client();
    const body = await registration(c, 'uscc_taken_legal', claimed, '13800138101');
    const res = await c.post('/api/auth/register', body);
    expect(res.statusCode).toBe(409);
    expect(res.json().fieldErrors).toEqual([{ path: 'uscc', message: '该统一社会信用代码已被其他单位的机构使用，可通过账号申诉处理' }]);
    expect(res.json().message).toContain('账号申诉');
    expect(res.json().details).toEqual({ appeal: true });
    expect(await ctx.database.db.select().from(units).where(eq(units.uscc, claimed))).toEqual([]);
    // the code stays usable: the same person registering with their own code goes through
    expect((await c.post('/api/auth/register', { ...body, uscc: freshUscc() })).statusCode).toBe(200);
  });

  it('lists the code among the problems on 提交 when another unit holds it (data from before the rule)', async () => {
    const code = freshUscc();
    const app = (await create(demoAgent, code)).json() as TApplicationDetail;
    await attachAllMaterials(ctx, app.id);
    // as the database of an earlier version could hold it: a unit with the code, registered later
    await ctx.database.db.execute(sql`ALTER TABLE units DISABLE TRIGGER units_uscc_one_unit_insert`);
    try {
      await ctx.database.db.insert(units).values({ name: '长春市后注册人力资源有限公司', uscc: code, legalType: '企业法人' });
    } finally {
      await ctx.database.db.execute(sql`ALTER TABLE units ENABLE TRIGGER units_uscc_one_unit_insert`);
    }
    const res = await demoAgent.post(`/api/applications/${app.id}/submit`, { version: app.version, department: '220000', requestKey: requestKey() });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.problems).toEqual([{ tab: 'basic', path: 'basic.uscc', message: USCC_OWNED_ELSEWHERE }]);
    expect(((await demoAgent.get(`/api/applications/${app.id}`)).json() as TApplicationDetail).status).toBe('待提交');
  });

  it('is a database constraint: writes that bypass the services are refused too', async () => {
    const claimed = freshUscc();
    expect((await create(demoAgent, claimed)).statusCode).toBe(200);
    const { db } = ctx.database;
    await expect(db.insert(institutions).values({ unitId: other.unitId, name: '绕过服务', uscc: claimed })).rejects.toThrow();
    await expect(db.insert(institutions).values({ unitId: other.unitId, name: '绕过服务', uscc: DEMO_UNIT.uscc })).rejects.toThrow();
    const [mine] = await db.insert(institutions).values({ unitId: other.unitId, name: '本单位分支', uscc: freshUscc() }).returning();
    await expect(db.update(institutions).set({ uscc: claimed }).where(eq(institutions.id, mine!.id))).rejects.toThrow();
    await expect(db.update(institutions).set({ unitId: demoUnitId }).where(eq(institutions.id, mine!.id))).rejects.toThrow();
    await expect(db.insert(units).values({ name: '绕过服务', uscc: claimed, legalType: '企业法人' })).rejects.toThrow();
    // an empty code (a draft not filled in yet) claims nothing
    await db.insert(institutions).values({ unitId: other.unitId, name: '未填写', uscc: '' });
    await db.insert(institutions).values({ unitId: demoUnitId, name: '未填写', uscc: '' });
    expect(await holders(claimed)).toEqual([demoUnitId]);
  });

  it('lets exactly one of two units win a code both save at the same moment', async () => {
    const third = await agentOfNewUnit('uscc_third_agent');
    for (let round = 0; round < 3; round++) {
      const code = freshUscc();
      const results = await Promise.all([create(demoAgent, code), create(other.client, code), create(third.client, code)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      const owners = new Set(await holders(code));
      expect(owners.size).toBe(1);
    }
  });

  it('lets exactly one win when a unit registers with a code another unit saves at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const code = freshUscc();
      const c = ctx.client();
      const body = await registration(c, `uscc_race_${round}`, code, `1380013820${round}`);
      const [registered, saved] = await Promise.all([c.post('/api/auth/register', body), create(other.client, code)]);
      expect([registered.statusCode, saved.statusCode].sort()).toEqual([200, 409]);
      const [unit] = await ctx.database.db.select({ id: units.id }).from(units).where(eq(units.uscc, code));
      const owners = await holders(code);
      if (registered.statusCode === 200) expect(owners).toEqual([]);
      else expect(unit).toBeUndefined();
    }
  });
});
