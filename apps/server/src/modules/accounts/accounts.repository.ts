import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { loginAttempts, units, users } from './accounts.table';

export const findUserByAccount = async (db: DbOrTx, account: string) =>
  (await db.select().from(users).where(sql`lower(${users.account}) = lower(${account})`).limit(1))[0];

export const findUnitByUscc = async (db: DbOrTx, uscc: string) =>
  (await db.select().from(units).where(eq(units.uscc, uscc)).limit(1))[0];

export interface AttemptRules {
  now: Date;
  /** failures started before this no longer count (the window has run out) */
  windowStart: Date;
  /** the lock a reservation sets when it reaches `lockAfter` */
  lockUntil: Date;
  captchaAfter: number;
  lockAfter: number;
  /** the caller has checked an image captcha for this attempt */
  captchaSolved: boolean;
}

/**
 * Reserves one sign-in attempt for an account name in a single statement, counting it as a failure
 * before the password is checked: concurrent guesses queue on the row, each sees the count the one
 * before it left, and none gets past a lock or a missing captcha. Returns the attempt's number in
 * the window, or undefined when the row refused it (locked, or a captcha is due and not solved).
 */
export async function reserveLoginAttempt(db: DbOrTx, accountKey: string, r: AttemptRules) {
  const now = sql`${r.now.toISOString()}::timestamptz`;
  const expired = sql`${loginAttempts.windowStartedAt} <= ${r.windowStart.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(loginAttempts)
    .values({ accountKey, failures: 1, windowStartedAt: r.now, lockedUntil: null })
    .onConflictDoUpdate({
      target: loginAttempts.accountKey,
      set: {
        failures: sql`CASE WHEN ${expired} THEN 1 ELSE ${loginAttempts.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${expired} THEN ${now} ELSE ${loginAttempts.windowStartedAt} END`,
        lockedUntil: sql`CASE WHEN NOT ${expired} AND ${loginAttempts.failures} + 1 >= ${r.lockAfter}::int THEN ${r.lockUntil.toISOString()}::timestamptz END`,
      },
      setWhere: sql`(${loginAttempts.lockedUntil} IS NULL OR ${loginAttempts.lockedUntil} <= ${now})
        AND (${expired} OR ${loginAttempts.failures} < ${r.captchaAfter}::int OR ${r.captchaSolved}::boolean)`,
    })
    .returning({ failures: loginAttempts.failures, lockedUntil: loginAttempts.lockedUntil });
  return row;
}
