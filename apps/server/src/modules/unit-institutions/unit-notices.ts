import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { nameMismatchNotice } from '@jhrm/contracts';
import type { Db } from '../../db/client';
import { institutions } from '../institutions/institutions.table';

/**
 * The guide's second FAQ: institutions are linked to a unit by USCC, so a name that differs can no
 * longer hide them; it is said plainly instead. Only institutions in force count (a draft's name is
 * still being typed). The unit's name and USCC come from the session. The 查询 list query carries
 * the same names in its own round trip (unit-institutions.repository); this prepared query answers only
 * when a page has no row to carry them (docs/decisions/0009).
 */
function prepareNotices(db: Db) {
  return db
    .selectDistinct({ name: institutions.name })
    .from(institutions)
    .where(
      and(
        eq(institutions.unitId, sql.placeholder('unitId')),
        eq(institutions.uscc, sql.placeholder('uscc')),
        ne(institutions.name, sql.placeholder('unitName')),
        eq(institutions.reviewStatus, '审核通过'),
        eq(institutions.cancelStatus, '正常'),
      ),
    )
    .orderBy(asc(institutions.name))
    .limit(10)
    .prepare('unit_name_notices');
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareNotices>>();

export async function unitNotices(db: Db, unit: { id: string; name: string; uscc: string }): Promise<string[]> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareNotices(db)));
  const rows = await query.execute({ unitId: unit.id, uscc: unit.uscc, unitName: unit.name });
  return rows.map((r) => nameMismatchNotice(unit.name, r.name));
}
