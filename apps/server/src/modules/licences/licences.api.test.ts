import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness';
import { licensedDraft } from '../../test/submissions';
import { units } from '../accounts/accounts.table';
import { writeSetting } from '../admin/settings.service';
import { institutions } from '../institutions/institutions.table';
import { issueLicence, supersedeAndReissue, voidLicence, type IssueLicenceInput } from './licences.service';
import { licences } from './licences.table';

let ctx: TestContext;
let unitId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const [unit] = await ctx.database.db.select().from(units).limit(1);
  unitId = unit!.id;
});
afterAll(() => ctx?.close());

async function newInstitution(name: string): Promise<string> {
  const [row] = await ctx.database.db.insert(institutions).values({ unitId, name, uscc: '92220102MA15438D0X', reviewStatus: '审核通过' }).returning({ id: institutions.id });
  return row!.id;
}

const input = (institutionId: string, over: Partial<IssueLicenceInput> = {}): IssueLicenceInput => ({
  kind: '许可',
  institutionId,
  unitId,
  applicationId: null,
  record: licensedDraft('发证测试职业介绍有限公司'),
  department: '220100',
  issuedBy: null,
  ...over,
});

const issue = (over: Partial<IssueLicenceInput> & { institutionId: string }) => ctx.database.db.transaction((tx) => issueLicence(tx, ctx.deps, input(over.institutionId, over)));

describe('licence issuance', () => {
  it('numbers concurrent issues uniquely and consecutively, from the configured pattern', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => newInstitution(`并发机构${i}`)));
    const issued = await Promise.all(ids.map((institutionId) => issue({ institutionId })));
    const numbers = issued.map((l) => l.number).sort();
    expect(new Set(numbers).size).toBe(12);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `（吉）人服证字〔2026〕第220100${String(i + 1).padStart(4, '0')}号`));
    expect(issued[0]).toMatchObject({ kind: '许可', status: '有效', issuedOn: '2026-11-26', department: '220100', departmentName: '长春市人力资源和社会保障局', address: '长春市南关区人民大街1号' });
    const [inst] = await ctx.database.db.select().from(institutions).where(eq(institutions.id, ids[0]!));
    expect(inst!.licensed).toBe(true);
  });

  it('keeps a separate counter per kind, year and department, and leaves 是否发证 否 for a 备案凭证', async () => {
    const a = await issue({ institutionId: await newInstitution('备案机构'), kind: '备案', department: '220100', issuedOn: '2025-12-31' });
    expect(a.number).toBe('吉人服备〔2025〕2201000001号');
    const b = await issue({ institutionId: await newInstitution('另一个部门'), department: '220200' });
    expect(b.number).toBe('（吉）人服证字〔2026〕第2202000001号');
    const [inst] = await ctx.database.db.select().from(institutions).where(eq(institutions.id, a.institutionId));
    expect(inst!.licensed).toBe(false);
  });

  it('follows a changed pattern, and skips a number an earlier pattern already printed', async () => {
    const admin = (await ctx.database.db.query.users.findFirst({ where: (u, { eq: e }) => e(u.account, 'demo_admin') }))!;
    await writeSetting(ctx.database.db, 'licence.pattern.许可', 'JL{year}{dept}-{seq:3}', admin.id, ctx.clock());
    const first = await issue({ institutionId: await newInstitution('改规则机构1'), department: '220300' });
    expect(first.number).toBe('JL2026220300-001');
    // a number the next issue would take, already on an older licence
    await ctx.database.db.insert(licences).values({ ...first, id: undefined, number: 'JL2026220300-002', institutionId: await newInstitution('旧证'), createdAt: ctx.clock() });
    const second = await issue({ institutionId: await newInstitution('改规则机构2'), department: '220300' });
    expect(second.number).toBe('JL2026220300-003');
    await writeSetting(ctx.database.db, 'licence.pattern.许可', '（吉）人服证字〔{year}〕第{dept}{seq:4}号', admin.id, ctx.clock());
  });

  it('refuses a second licence in force for one institution', async () => {
    const institutionId = await newInstitution('重复发证');
    await issue({ institutionId });
    await expect(issue({ institutionId })).rejects.toThrow(/已有有效的证书/);
  });

  it('re-issues on a change (the old one 已换发, pointing to the new) and voids on 注销', async () => {
    const institutionId = await newInstitution('换发机构');
    const original = await issue({ institutionId });
    ctx.clock.advanceMinutes(1);
    const { previous, licence } = await ctx.database.db.transaction((tx) =>
      supersedeAndReissue(tx, ctx.deps, input(institutionId, { record: licensedDraft('换发后的名称职业介绍有限公司') })),
    );
    expect(previous).toMatchObject({ id: original.id, status: '已换发', supersededBy: licence.id });
    expect(previous!.endedAt).not.toBeNull();
    expect(licence).toMatchObject({ status: '有效', institutionName: '换发后的名称职业介绍有限公司' });
    expect(licence.number).not.toBe(original.number);

    // a change that makes it a 备案 (no 职业中介活动 left): 是否发证 否
    const { licence: filed } = await ctx.database.db.transaction((tx) => supersedeAndReissue(tx, ctx.deps, input(institutionId, { kind: '备案' })));
    expect(filed.kind).toBe('备案');
    expect((await ctx.database.db.select().from(institutions).where(eq(institutions.id, institutionId)))[0]!.licensed).toBe(false);

    const voided = await ctx.database.db.transaction((tx) => voidLicence(tx, ctx.deps, { institutionId }));
    expect(voided).toMatchObject({ id: filed.id, status: '已注销' });
    expect(voided!.endedAt).not.toBeNull();
    const all = await ctx.database.db.select().from(licences).where(eq(licences.institutionId, institutionId));
    expect(all.filter((l) => l.status === '有效')).toHaveLength(0);
    expect((await ctx.database.db.transaction((tx) => voidLicence(tx, ctx.deps, { institutionId })))).toBeNull();
  });

  it('reissues for an institution that had no licence in force (e.g. imported without one)', async () => {
    const institutionId = await newInstitution('无证机构');
    const { previous, licence } = await ctx.database.db.transaction((tx) => supersedeAndReissue(tx, ctx.deps, input(institutionId)));
    expect(previous).toBeNull();
    expect(licence.status).toBe('有效');
  });
});
