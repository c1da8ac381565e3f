import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { PiiCipher } from '../../lib/crypto';
import { departments } from '../accounts/accounts.table';
import { institutionRecords, recordFacilities, recordServiceFees, recordStaff } from '../institutions/institutions.table';

/**
 * What a template prints: one record with its lists, personal data decrypted (the unit's own form
 * shows them in full). Read straight from the record tables; the application service will offer
 * one shared reader of a decrypted record, and this can then delegate to it.
 */
export interface TemplateRecord {
  row: typeof institutionRecords.$inferSelect;
  legalRepIdCard: string | null;
  legalRepPhone: string | null;
  contactMobile: string | null;
  staff: (Omit<typeof recordStaff.$inferSelect, 'idCardEnc' | 'idCardIdx' | 'mobileEnc'> & { idCard: string; mobile: string })[];
  facilities: (typeof recordFacilities.$inferSelect)[];
  fees: (typeof recordServiceFees.$inferSelect)[];
}

export async function loadTemplateRecord(db: DbOrTx, pii: PiiCipher, recordId: string): Promise<TemplateRecord | null> {
  const [[row], staffRows, facilities, fees] = await Promise.all([
    db.select().from(institutionRecords).where(eq(institutionRecords.id, recordId)),
    db.select().from(recordStaff).where(eq(recordStaff.recordId, recordId)).orderBy(asc(recordStaff.position)),
    db.select().from(recordFacilities).where(eq(recordFacilities.recordId, recordId)).orderBy(asc(recordFacilities.position)),
    db.select().from(recordServiceFees).where(eq(recordServiceFees.recordId, recordId)).orderBy(asc(recordServiceFees.position)),
  ]);
  if (!row) return null;
  const open = (v: string | null) => (v ? pii.decrypt(v) : null);
  return {
    row,
    legalRepIdCard: open(row.legalRepIdCardEnc),
    legalRepPhone: open(row.legalRepPhoneEnc),
    contactMobile: open(row.contactMobileEnc),
    staff: staffRows.map(({ idCardEnc, idCardIdx: _idx, mobileEnc, ...s }) => ({ ...s, idCard: pii.decrypt(idCardEnc), mobile: pii.decrypt(mobileEnc) })),
    facilities,
    fees,
  };
}

/** 审批部门 name by its code (the dictionary admins may extend), or null. */
export async function departmentName(db: DbOrTx, code: string | null | undefined): Promise<string | null> {
  if (!code) return null;
  const [row] = await db.select({ name: departments.name }).from(departments).where(eq(departments.code, code));
  return row?.name ?? null;
}
