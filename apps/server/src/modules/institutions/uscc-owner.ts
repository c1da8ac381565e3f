import { and, eq, ne, sql } from 'drizzle-orm';
import { AppErrorCode } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { uniqueViolation } from '../../lib/pg-errors';
import { queryRows, type DbOrTx } from '../../db/client';
import { units } from '../accounts/accounts.table';
import { institutions } from './institutions.table';

/**
 * One unit per 统一社会信用代码 (migration institutions_uscc_one_unit): the unit registered with a
 * code owns it; while none is, the unit whose institution used it first does. The database
 * enforces it with triggers; the services ask the same SQL function first, so a person gets the
 * message at the field instead of a refused write.
 */
export const INSTITUTION_USCC_CONSTRAINT = 'institutions_uscc_one_unit';
export const UNIT_USCC_CONSTRAINT = 'units_uscc_used_by_other_unit';

const APPEAL = '如确属本单位，请由法人通过【账号申诉】联系管理员处理，或咨询电话 0431-80767550';

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

/** 法人注册 with a code that an institution of another unit already carries. */
export function usccUsedByOtherUnitError(): AppError {
  return new AppError(
    AppErrorCode.CONFLICT,
    `该统一社会信用代码已被其他单位的人力资源服务机构使用。${APPEAL}`,
    [{ path: 'uscc', message: '该统一社会信用代码已被其他单位的机构使用，可通过账号申诉处理' }],
    { appeal: true },
  );
}

/** Which of the two ownership rules a failed write broke, if any. */
export function usccOwnershipViolation(err: unknown): 'institution' | 'unit' | null {
  const constraint = uniqueViolation(err);
  if (constraint === INSTITUTION_USCC_CONSTRAINT) return 'institution';
  if (constraint === UNIT_USCC_CONSTRAINT) return 'unit';
  return null;
}
