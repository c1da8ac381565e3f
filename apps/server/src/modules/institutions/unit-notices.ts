import { and, eq, ne, sql } from 'drizzle-orm';
import { nameMismatchNotice } from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
import { units } from '../accounts/accounts.table';
import { institutions } from './institutions.table';

/**
 * The guide's second FAQ: institutions are linked to a unit by USCC, so a name that differs can no
 * longer hide them; it is said plainly instead. Only institutions in force count (a draft's name is
 * still being typed).
 */
export async function unitNotices(db: DbOrTx, unitId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ unitName: units.name, name: institutions.name })
    .from(institutions)
    .innerJoin(units, eq(units.id, institutions.unitId))
    .where(
      and(
        eq(institutions.unitId, unitId),
        eq(institutions.uscc, units.uscc),
        ne(institutions.name, units.name),
        eq(institutions.reviewStatus, '审核通过'),
        eq(institutions.cancelStatus, '正常'),
      ),
    )
    .orderBy(sql`2`)
    .limit(10);
  return rows.map((r) => nameMismatchNotice(r.unitName, r.name));
}
