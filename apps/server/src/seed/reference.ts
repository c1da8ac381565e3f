import { sql } from 'drizzle-orm';
import { CITY_DEPARTMENTS, PROVINCE_DEPARTMENT } from '@jhrm/contracts';
import type { Db } from '../db/client';
import { departments } from '../modules/accounts/accounts.table';

/** Reference data every installation needs, production included. Idempotent. */
export async function seedReference(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(departments).values({ ...PROVINCE_DEPARTMENT }).onConflictDoNothing({ target: departments.code });
    const [province] = await tx.select({ id: departments.id }).from(departments).where(sql`${departments.code} = ${PROVINCE_DEPARTMENT.code}`);
    await tx
      .insert(departments)
      .values(CITY_DEPARTMENTS.map((c) => ({ ...c, level: 'city' as const, parentId: province!.id })))
      .onConflictDoNothing({ target: departments.code });
  });
}
