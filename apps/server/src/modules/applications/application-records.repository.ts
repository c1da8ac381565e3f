import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { applicationRecords } from './applications.table';

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
