// TEMPORARY until the credit-ratings branch merges: every institution unrated, weight 1.
import type { TCreditLevel } from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
export async function creditOf(_db: DbOrTx, ids: string[], _today: string): Promise<Map<string, { level: TCreditLevel | null; weight: number }>> {
  return new Map(ids.map((id) => [id, { level: null, weight: 1 }]));
}
