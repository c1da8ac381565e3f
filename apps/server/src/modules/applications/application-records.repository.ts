import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { TCancelCategory, TChangeReason } from '@jhrm/contracts';
import { applicationCancellations, applicationChanges, applicationRecords } from './applications.table';

/** The record version a record kind's application proposes (its content row, decision 0022). */
export async function recordIdOf(db: DbOrTx, applicationId: string): Promise<string> {
  const [row] = await db.select({ recordId: applicationRecords.recordId }).from(applicationRecords).where(eq(applicationRecords.applicationId, applicationId));
  if (!row) throw new Error(`application ${applicationId} has no record`);
  return row.recordId;
}

/** Gives a record kind's new application its record. */
export async function attachRecord(tx: DbOrTx, applicationId: string, recordId: string): Promise<void> {
  await tx.insert(applicationRecords).values({ applicationId, recordId });
}

/** 注销原因 / 注销类别 of a 注销 (null for an application of another kind). */
export async function cancellationOf(db: DbOrTx, applicationId: string): Promise<{ reason: string; category: TCancelCategory | null } | null> {
  const [row] = await db
    .select({ reason: applicationCancellations.reason, category: applicationCancellations.category })
    .from(applicationCancellations)
    .where(eq(applicationCancellations.applicationId, applicationId));
  return row ?? null;
}

/** Writes a 注销's own fields (its first 保存 inserts them). */
export async function writeCancellation(tx: DbOrTx, applicationId: string, fields: { reason: string; category: TCancelCategory | null }): Promise<void> {
  await tx
    .insert(applicationCancellations)
    .values({ applicationId, ...fields })
    .onConflictDoUpdate({ target: applicationCancellations.applicationId, set: fields });
}

/** 变更事由 / 工商变更登记日期 of a 变更 (null for an application of another kind). */
export async function changeOf(db: DbOrTx, applicationId: string): Promise<{ reason: TChangeReason | null; registeredOn: string | null } | null> {
  const [row] = await db
    .select({ reason: applicationChanges.reason, registeredOn: applicationChanges.registeredOn })
    .from(applicationChanges)
    .where(eq(applicationChanges.applicationId, applicationId));
  return row ?? null;
}

/** Writes a 变更's own fields (its creation inserts them). */
export async function writeChange(tx: DbOrTx, applicationId: string, fields: { reason: TChangeReason | null; registeredOn: string | null }): Promise<void> {
  await tx.insert(applicationChanges).values({ applicationId, ...fields }).onConflictDoUpdate({ target: applicationChanges.applicationId, set: fields });
}
