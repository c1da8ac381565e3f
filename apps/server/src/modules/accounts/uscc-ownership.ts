import { AppErrorCode } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { uniqueViolation } from '../../lib/pg-errors';
import type { DbOrTx } from '../../db/client';

/**
 * One unit per 统一社会信用代码 (migration institutions_uscc_one_unit): the unit registered with a
 * code owns it; while none is, the unit whose institution used it first does. The database
 * enforces it with triggers; the services ask first, so a person gets the message at the field
 * instead of a refused write. The institution side is institutions/uscc-owner.ts.
 */
export const INSTITUTION_USCC_CONSTRAINT = 'institutions_uscc_one_unit';
export const UNIT_USCC_CONSTRAINT = 'units_uscc_used_by_other_unit';

export const APPEAL = '如确属本单位，请由法人通过【账号申诉】联系管理员处理，或咨询电话 0431-80767550';

/**
 * Whether an institution of a unit with another code carries `uscc`. Institutions sit above
 * accounts, so the answer is wired in at composition (deps.ts `hooks`), never imported here.
 */
export type UsccUsedByOtherUnit = (db: DbOrTx, uscc: string) => Promise<boolean>;

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
