import { count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { institutions } from './institutions.table';

/** The unit's institutions, newest first. `unitId` always comes from the session. */
export async function listUnitInstitutions(db: DbOrTx, unitId: string, page: number, pageSize: number) {
  const where = eq(institutions.unitId, unitId);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: institutions.id,
        name: institutions.name,
        shortName: institutions.shortName,
        uscc: institutions.uscc,
        licensed: institutions.licensed,
        reviewStatus: institutions.reviewStatus,
        cancelStatus: institutions.cancelStatus,
      })
      .from(institutions)
      .where(where)
      .orderBy(desc(institutions.createdAt), desc(institutions.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(institutions).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
