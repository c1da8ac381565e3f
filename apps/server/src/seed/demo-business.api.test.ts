import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestContext, type TestContext } from '../test/harness';
import { applicationSubmissions } from '../modules/applications/applications.table';
import { DEMO_LICENSED, DEMO_PENDING, seedDemoBusiness } from './demo-business';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemoBusiness(ctx.deps);
});
afterAll(() => ctx?.close());

describe('demo business of a fresh development start', () => {
  it('gives the demo unit a licensed institution and one waiting for review', async () => {
    const agent = ctx.client();
    await agent.login('demo_agent');
    const list = (await agent.get('/api/institutions')).json();
    expect(list.notices).toEqual([]);
    const byName = Object.fromEntries(list.items.map((i: { name: string }) => [i.name, i]));
    expect(byName[DEMO_LICENSED.name]).toMatchObject({ reviewStatus: '审核通过', licensed: true, kind: '许可' });
    expect(byName[DEMO_LICENSED.name].actions).toContain('许可证下载');
    expect(byName[DEMO_PENDING.name]).toMatchObject({ reviewStatus: '待审核', licensed: false, kind: '备案', acceptedAt: null });
    expect((await agent.get('/api/notifications/unread-count')).json().unread).toBe(1);
  });

  it('puts the second one in 省人社厅审批办’s 待审核 with every material, and the first in 已审核', async () => {
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    const pending = (await reviewer.get('/api/reviews?tab=待审核')).json();
    expect(pending.items.map((i: { institutionName: string }) => i.institutionName)).toEqual([DEMO_PENDING.name]);
    const detail = (await reviewer.get(`/api/reviews/${pending.items[0].id}`)).json();
    expect(detail.materials.slots.every((s: { files: unknown[] }) => s.files.length === 1)).toBe(true);
    expect(detail.materials.video.files).toMatchObject([{ durationSeconds: 5 }]);
    const file = detail.materials.slots[0].files[0];
    const pdf = await reviewer.get(`/api/applications/${detail.id}/materials/files/${file.id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const done = (await reviewer.get('/api/reviews?tab=已审核')).json();
    expect(done.items.map((i: { institutionName: string }) => i.institutionName)).toEqual([DEMO_LICENSED.name]);
  });

  it('registers the licence publicly, and verification finds it', async () => {
    const register = (await ctx.client().get(`/api/public/register?keyword=${encodeURIComponent(DEMO_LICENSED.name)}`)).json();
    expect(register.items).toHaveLength(1);
    const number = register.items[0].licenceNumber as string;
    const verified = (await ctx.client().get(`/api/public/licences/verify?number=${encodeURIComponent(number)}`)).json();
    expect(verified).toMatchObject({ valid: true, status: '有效', institutionName: DEMO_LICENSED.name, departmentName: '省人社厅审批办' });
  });

  it('stores the submissions as the system does: personal data sealed', async () => {
    const subs = await ctx.database.db.select().from(applicationSubmissions);
    expect(subs).toHaveLength(2);
    for (const s of subs) expect(JSON.stringify(s.snapshot)).not.toContain('110101199003074936');
    const [first] = await ctx.database.db.select().from(applicationSubmissions).where(eq(applicationSubmissions.requestKey, 'demo-licensed'));
    expect(first!.round).toBe(1);
  });
});
