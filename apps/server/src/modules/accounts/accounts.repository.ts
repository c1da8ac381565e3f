import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { units, users } from './accounts.table';

export const findUserByAccount = async (db: DbOrTx, account: string) =>
  (await db.select().from(users).where(sql`lower(${users.account}) = lower(${account})`).limit(1))[0];

export const findUnitByUscc = async (db: DbOrTx, uscc: string) =>
  (await db.select().from(units).where(eq(units.uscc, uscc)).limit(1))[0];
