import { sql } from 'drizzle-orm';
import { CITY_DEPARTMENTS, COUNTY_DEPARTMENTS, PROVINCE_DEPARTMENT } from '@jhrm/contracts';
import type { Db } from '../db/client';
import { departments } from '../modules/accounts/accounts.table';
import { seedWorkCalendar } from '../modules/calendar/calendar.seed';

/** Reference data every installation needs, production included: departments, the work calendar. Idempotent. */
export async function seedReference(db: Db): Promise<void> {
  await seedWorkCalendar(db, new Date());
  await db.transaction(async (tx) => {
    await tx.insert(departments).values({ ...PROVINCE_DEPARTMENT }).onConflictDoNothing({ target: departments.code });
    const [province] = await tx.select({ id: departments.id }).from(departments).where(sql`${departments.code} = ${PROVINCE_DEPARTMENT.code}`);
    await tx
      .insert(departments)
      .values(CITY_DEPARTMENTS.map((c) => ({ ...c, level: 'city' as const, parentId: province!.id })))
      .onConflictDoNothing({ target: departments.code });
    const cities = await tx.select({ id: departments.id, code: departments.code }).from(departments).where(sql`${departments.level} = 'city'`);
    const cityId = new Map(cities.map((c) => [c.code, c.id]));
    await tx
      .insert(departments)
      .values(COUNTY_DEPARTMENTS.filter((c) => cityId.has(c.parentCode)).map((c) => ({ code: c.code, name: c.name, level: 'county' as const, parentId: cityId.get(c.parentCode)! })))
      .onConflictDoNothing({ target: departments.code });
  });
}
