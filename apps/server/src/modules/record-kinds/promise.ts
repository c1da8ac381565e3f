import { PROMISE_SLOT, type TProcedure, type TSubmissionProblem } from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
import { readSetting } from '../admin/settings.service';
import type { MaterialCounts } from '../applications/kinds';

/**
 * 提交 under 告知承诺 (decision 0043): only a 许可 may choose it; the signed 告知承诺书 is then required
 * and replaces the slots the administrator's setting names. 一般程序 asks for every declared slot.
 */
export async function promiseCheck(
  tx: DbOrTx,
  procedure: TProcedure,
  licenceKind: '许可' | '备案',
  counts: MaterialCounts,
): Promise<{ problems: TSubmissionProblem[]; waivedSlots: readonly string[] }> {
  if (procedure !== '告知承诺') return { problems: [], waivedSlots: [] };
  if (licenceKind !== '许可') {
    return { problems: [{ tab: 'materials', path: 'procedure', message: '备案类申请不适用告知承诺制，请选择一般程序' }], waivedSlots: [] };
  }
  const problems: TSubmissionProblem[] = [];
  if (!((counts.slots[PROMISE_SLOT] ?? 0) > 0)) problems.push({ tab: 'materials', path: `materials.${PROMISE_SLOT}`, message: `请上传签字盖章的${PROMISE_SLOT}` });
  return { problems, waivedSlots: await readSetting(tx, 'promise.replacedSlots') };
}
