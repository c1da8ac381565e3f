import { eq } from 'drizzle-orm';
import { CREDIT_D_PROMISE_REFUSED, PROMISE_SLOT, type TProcedure, type TSubmissionProblem } from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
import { readSetting } from '../admin/settings.service';
import type { MaterialCounts } from '../applications/kinds';
import { institutions } from '../institutions/institutions.table';
import { creditRatingsOf } from '../credit-ratings/credit-ratings.repository';

/**
 * 提交 under 告知承诺 (decision 0043): only a 许可 may choose it, and not a unit with an institution of
 * 信用等级 D (decision 0048); the signed 告知承诺书 is then required and replaces the slots the
 * administrator's setting names. 一般程序 asks for every declared slot.
 */
export async function promiseCheck(
  tx: DbOrTx,
  procedure: TProcedure,
  licenceKind: '许可' | '备案',
  counts: MaterialCounts,
  applicant: { unitId: string; today: string },
): Promise<{ problems: TSubmissionProblem[]; waivedSlots: readonly string[] }> {
  if (procedure !== '告知承诺') return { problems: [], waivedSlots: [] };
  if (licenceKind !== '许可') {
    return { problems: [{ tab: 'materials', path: 'procedure', message: '备案类申请不适用告知承诺制，请选择一般程序' }], waivedSlots: [] };
  }
  if (await unitHasLevelD(tx, applicant.unitId, applicant.today)) {
    return { problems: [{ tab: 'materials', path: 'procedure', message: CREDIT_D_PROMISE_REFUSED }], waivedSlots: [] };
  }
  const problems: TSubmissionProblem[] = [];
  if (!((counts.slots[PROMISE_SLOT] ?? 0) > 0)) problems.push({ tab: 'materials', path: `materials.${PROMISE_SLOT}`, message: `请上传签字盖章的${PROMISE_SLOT}` });
  return { problems, waivedSlots: await readSetting(tx, 'promise.replacedSlots') };
}

/** Whether any institution of the unit on the register is rated D today. */
async function unitHasLevelD(tx: DbOrTx, unitId: string, today: string): Promise<boolean> {
  const own = await tx.select({ id: institutions.id }).from(institutions).where(eq(institutions.unitId, unitId));
  const ratings = await creditRatingsOf(
    tx,
    own.map((i) => i.id),
    today,
  );
  return [...ratings.values()].some((r) => r.level === 'D');
}
