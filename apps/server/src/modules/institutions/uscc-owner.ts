import { and, eq, ne, sql } from 'drizzle-orm';
import { AppErrorCode } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { queryRows, type DbOrTx } from '../../db/client';
import { units } from '../accounts/accounts.table';
import { APPEAL } from '../accounts/uscc-ownership';
import { institutions } from './institutions.table';

/**
 * The institution side of one unit per 统一社会信用代码 (the rule and its unit side:
 * accounts/uscc-ownership.ts). The services ask the same SQL function the triggers use first, so a
 * person gets the message at the field instead of a refused write.
 */

/** At the 统一社会信用代码 field of an institution record. */
export const USCC_OWNED_ELSEWHERE = '该统一社会信用代码已属于其他单位（一个代码只能属于一个单位），请核对';

/**
 * True when an institution of `unitId` may not carry `uscc`. Takes the code's lock for the rest of
 * the transaction, so nobody else claims it before this transaction commits.
 */
export async function usccTakenByOtherUnit(tx: DbOrTx, uscc: string | null | undefined, unitId: string): Promise<boolean> {
  if (!uscc) return false;
  const [row] = await queryRows<{ taken: boolean }>(tx, sql`SELECT uscc_taken_by_other_unit(${uscc}, ${unitId}::uuid) AS taken`);
  return row?.taken === true;
}

/** True when an institution of a unit with another code carries `uscc`: a unit registering with it would share it. */
export async function usccUsedByOtherUnit(db: DbOrTx, uscc: string): Promise<boolean> {
  const [row] = await db
    .select({ id: institutions.id })
    .from(institutions)
    .innerJoin(units, eq(units.id, institutions.unitId))
    .where(and(eq(institutions.uscc, uscc), ne(units.uscc, uscc)))
    .limit(1);
  return !!row;
}

/** 保存 / 提交 of a record whose code belongs to another unit. */
export function usccOwnedElsewhereError(path = 'basic.uscc'): AppError {
  return new AppError(AppErrorCode.CONFLICT, `统一社会信用代码已属于其他单位，未保存。请核对代码；${APPEAL}`, [{ path, message: USCC_OWNED_ELSEWHERE }], {
    problems: [{ tab: 'basic', path, message: USCC_OWNED_ELSEWHERE }],
    appeal: true,
  });
}
