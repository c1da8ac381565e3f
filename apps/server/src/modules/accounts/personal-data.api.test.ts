import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { createTestContext, type TestContext } from '../../test/harness';
import { verifyAuditChain } from '../audit/audit.service';
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

describe('personal numbers typed into the API stay out of the log tables', () => {
  const ID = '220102198805061237';
  const PHONE = '13987654321';
  const rawText = async (table: 'audit_log' | 'login_attempts') =>
    (await queryRows<{ t: string }>(ctx.database.db, sql`SELECT t::text AS t FROM ${sql.identifier(table)} t`)).map((r) => r.t).join('\n');

  it('counts failed sign-ins under an ID or phone number as login name without storing the number', async () => {
    const c = ctx.client();
    for (const account of [ID, PHONE, ` ${PHONE.toUpperCase()} `]) {
      expect((await c.post('/api/auth/login', { account, password: 'Wrong@123' })).statusCode).toBe(401);
    }
    // the count still belongs to the name: the third failure for the phone asks for a captcha
    const third = await c.post('/api/auth/login', { account: PHONE, password: 'Wrong@123' });
    expect(third.json().details).toEqual({ captchaRequired: true });
    for (const table of ['audit_log', 'login_attempts'] as const) {
      const text = await rawText(table);
      expect(text, table).not.toContain(ID);
      expect(text, table).not.toContain(PHONE);
    }
    expect(await rawText('audit_log')).toContain('220102********1237');
  });

  it('masks the numbers in an agent’s audit entry, whatever field carries them, and the chain still verifies', async () => {
    const legal = ctx.client();
    await legal.login('demo_legal');
    const res = await legal.post('/api/agents', { name: `赵六 ${ID} ${PHONE}`, idCard: ID, phone: PHONE, account: 'agent_pii_1', initialPassword: 'Init@2026x' });
    expect(res.statusCode, res.body).toBe(200);
    const text = await rawText('audit_log');
    expect(text).not.toContain(ID);
    expect(text).not.toContain(PHONE);
    const [entry] = await queryRows<{ detail: { name: string } }>(ctx.database.db, sql`SELECT detail FROM audit_log WHERE action = 'agent.created'`);
    expect(entry!.detail.name).toBe('赵六 220102********1237 139****4321');
    expect((await verifyAuditChain(ctx.database.db, ctx.deps.config.secrets.auditKey)).ok).toBe(true);
  });
});
