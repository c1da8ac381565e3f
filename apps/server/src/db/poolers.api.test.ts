import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, TEST_ENGINE, type TestContext } from '../test/harness';
import { DEMO_UNIT } from '../seed/demo';
import { seedDemoBusiness } from '../seed/demo-business';
import { units } from '../modules/accounts/accounts.table';
import { unitNotices } from '../modules/unit-institutions/unit-notices';
import { openDatabase, queryRows, type Database } from './client';

/**
 * DATABASE_PREPARED_STATEMENTS=0 (decision 0042): behind pgbouncer < 1.21 in transaction mode no
 * statement may be named; the queries that `.prepare()` answer the same, unnamed.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  // a licensed institution, whose name the notices query answers
  await seedDemoBusiness(ctx.deps);
});
afterAll(() => ctx?.close());

it('sends the prepared list queries unnamed when prepared statements are switched off, with the same answers', async () => {
  const [unit] = await ctx.database.db.select().from(units).where(sql`${units.uscc} = ${DEMO_UNIT.uscc}`);
  const asked = { id: unit!.id, name: '另一个名称', uscc: unit!.uscc };
  // one connection each, so the session that prepared is the one asked
  const open = (preparedStatements: boolean): Promise<Database> =>
    TEST_ENGINE === 'postgres' ? openDatabase({ url: ctx.database.url!, poolSize: 1, preparedStatements }) : Promise.resolve(ctx.database);
  const named = await open(true);
  const unnamed = await open(false);
  try {
    const expected = await unitNotices(named.db, asked);
    expect(expected.length).toBeGreaterThan(0);
    expect(await unitNotices(unnamed.db, asked)).toEqual(expected);
    if (TEST_ENGINE === 'postgres') {
      expect(unnamed.preparedStatements).toBe(false);
      const statements = async (d: Database) => (await queryRows<{ name: string }>(d.db, sql`SELECT name FROM pg_prepared_statements`)).map((r) => r.name);
      expect(await statements(named)).toContain('unit_name_notices');
      expect(await statements(unnamed)).toEqual([]);
    }
  } finally {
    if (named !== ctx.database) await named.close();
    if (unnamed !== ctx.database) await unnamed.close();
  }
});
