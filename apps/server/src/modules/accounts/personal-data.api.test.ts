import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { createTestContext, type TestContext } from '../../test/harness';
import { DEMO_ACCOUNTS } from '../../seed/demo';
import { users } from './accounts.table';

const LEGAL_ID = DEMO_ACCOUNTS[0].idCard;
const AGENT_ID = DEMO_ACCOUNTS[1].idCard;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx?.close());

describe('personal data at rest', () => {
  it('stores 身份证号 and 手机号码 only encrypted: no column holds the plain value', async () => {
    const rows = await queryRows<Record<string, unknown>>(ctx.database.db, sql`SELECT * FROM users WHERE account = 'demo_legal'`);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(LEGAL_ID);
    expect(dump).not.toContain('13144440001');
    const [u] = await ctx.database.db.select().from(users).where(eq(users.account, 'demo_legal'));
    expect(ctx.deps.pii.decrypt(u!.idCardEnc!)).toBe(LEGAL_ID);
    expect(ctx.deps.pii.decrypt(u!.phoneEnc!)).toBe('13144440001');
  });

  it('finds a person by exact 身份证号 through the blind index', async () => {
    const found = await ctx.database.db.select({ account: users.account }).from(users).where(eq(users.idCardIdx, ctx.deps.pii.blindIndex(AGENT_ID)));
    expect(found).toEqual([{ account: 'demo_agent' }]);
    const none = await ctx.database.db.select().from(users).where(eq(users.idCardIdx, ctx.deps.pii.blindIndex(`${AGENT_ID.slice(0, 17)}${AGENT_ID.endsWith('7') ? '8' : '7'}`)));
    expect(none).toHaveLength(0);
  });

  it('masks ID and phone numbers in what the API and the logs could show', async () => {
    const c = ctx.client();
    await c.login('demo_legal');
    const me = await c.get('/api/auth/me');
    expect(me.body).not.toContain(LEGAL_ID);
    expect(me.body).not.toContain('13144440001');
  });
});
