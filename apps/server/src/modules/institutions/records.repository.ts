import { asc, eq } from 'drizzle-orm';
import {
  EDUCATION_LEVELS,
  idCardBirthDate,
  type TFacility,
  type TRecordDraft,
  type TServiceFee,
  type TStaffMember,
} from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
import type { PiiCipher } from '../../lib/crypto';
import { institutionRecords, recordFacilities, recordServiceFees, recordStaff } from './institutions.table';

type RecordRow = typeof institutionRecords.$inferSelect;
type RecordColumns = Partial<Omit<RecordRow, 'id' | 'institutionId' | 'version' | 'createdAt'>>;

const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
const seal = (pii: PiiCipher, v: string | undefined) => (v ? pii.encrypt(v) : v === '' ? null : undefined);
const open = (pii: PiiCipher, v: string | null) => (v ? pii.decrypt(v) : undefined);

/** Section values → record columns; only the sections present are touched. */
export function toColumns(pii: PiiCipher, d: TRecordDraft): RecordColumns {
  const c: RecordColumns = {};
  const b = d.basic;
  if (b) {
    Object.assign(c, {
      name: b.name,
      shortName: b.shortName,
      uscc: b.uscc,
      category: b.category,
      foundedOn: b.foundedOn,
      legalRep: b.legalRep,
      legalRepIdCardEnc: seal(pii, b.legalRepIdCard),
      legalRepPhoneEnc: seal(pii, b.legalRepPhone),
      legalRepTitle: b.legalRepTitle,
      registeredCapital: b.registeredCapital,
      department: b.department,
      scopes: b.scopes,
      websiteName: b.websiteName,
      websiteDomain: b.websiteDomain,
      staffCount: b.staffCount,
      qualifiedCount: b.qualifiedCount,
      internalDepartments: b.internalDepartments,
      branches: b.branches,
      licenceDelivery: b.licenceDelivery,
      remarks: b.remarks,
      contactPerson: b.contactPerson,
      contactMobileEnc: seal(pii, b.contactMobile),
      phoneAreaCode: b.phoneAreaCode,
      phoneNumber: b.phoneNumber,
      phoneExtension: b.phoneExtension,
      fax: b.fax,
      byPost: b.byPost,
      officeAddress: b.officeAddress,
      postcode: b.postcode,
      email: b.email,
      premisesArea: b.premisesArea,
      facilitiesValue: b.facilitiesValue,
      totalAssets: b.totalAssets,
      netAssets: b.netAssets,
      ownedOfficeArea: b.ownedOfficeArea,
      rentedOfficeArea: b.rentedOfficeArea,
      officeAreaTotal: b.officeAreaTotal,
      officeCount: b.officeCount,
    });
    // a section sent without a field clears it (the form sends the whole section)
    for (const k of Object.keys(c) as (keyof RecordColumns)[]) if (c[k] === undefined) (c as Record<string, unknown>)[k] = null;
  }
  if (d.report) Object.assign(c, { companyProfile: d.report.companyProfile ?? null, reason: d.report.reason ?? null });
  if (d.integrity) Object.assign(c, { annualIncome: d.integrity.annualIncome ?? null, badRecords: d.integrity.badRecords ?? null });
  return c;
}

type StaffRow = Omit<typeof recordStaff.$inferSelect, 'id' | 'recordId' | 'position'>;

/** One 专职工作人员 as stored (record staff rows, practitioners): personal numbers sealed, the ID indexed. */
export function sealStaffMember(pii: PiiCipher, s: TStaffMember): StaffRow {
  return {
    name: s.name,
    idType: s.idType,
    idCardEnc: pii.encrypt(s.idCard),
    idCardIdx: pii.blindIndex(s.idCard),
    gender: s.gender,
    birthDate: idCardBirthDate(s.idCard),
    politicalStatus: s.politicalStatus,
    ethnicity: s.ethnicity,
    qualificationLevel: s.qualificationLevel ?? null,
    qualificationCertNo: s.qualificationCertNo || null,
    education: s.education,
    graduatedOn: s.graduatedOn ?? null,
    school: s.school ?? null,
    major: s.major ?? null,
    workStartOn: s.workStartOn ?? null,
    workEndOn: s.workEndOn ?? null,
    mobileEnc: pii.encrypt(s.mobile),
    email: s.email || null,
    postcode: s.postcode || null,
    householdRegion: s.householdRegion ?? null,
  };
}

/** A stored 专职工作人员 with its personal numbers in clear. */
export function openStaffMember(pii: PiiCipher, s: StaffRow): TStaffMember {
  return {
    name: s.name,
    idType: s.idType as TStaffMember['idType'],
    idCard: pii.decrypt(s.idCardEnc),
    gender: s.gender as TStaffMember['gender'],
    politicalStatus: s.politicalStatus as TStaffMember['politicalStatus'],
    ethnicity: s.ethnicity as TStaffMember['ethnicity'],
    qualificationLevel: opt(s.qualificationLevel) as TStaffMember['qualificationLevel'],
    qualificationCertNo: opt(s.qualificationCertNo),
    education: s.education as TStaffMember['education'],
    graduatedOn: opt(s.graduatedOn),
    school: opt(s.school),
    major: opt(s.major),
    workStartOn: opt(s.workStartOn),
    workEndOn: opt(s.workEndOn),
    mobile: pii.decrypt(s.mobileEnc),
    email: opt(s.email),
    postcode: opt(s.postcode),
    householdRegion: opt(s.householdRegion),
  };
}

/** Replaces the list sections present in the draft. */
export async function replaceLists(tx: DbOrTx, pii: PiiCipher, recordId: string, d: TRecordDraft): Promise<void> {
  if (d.staff) {
    await tx.delete(recordStaff).where(eq(recordStaff.recordId, recordId));
    if (d.staff.length) {
      await tx.insert(recordStaff).values(
        d.staff.map((s, position) => ({ recordId, position, ...sealStaffMember(pii, s) })),
      );
    }
  }
  if (d.facilities) {
    await tx.delete(recordFacilities).where(eq(recordFacilities.recordId, recordId));
    if (d.facilities.length) {
      await tx.insert(recordFacilities).values(d.facilities.map((f, position) => ({ recordId, position, name: f.name, unit: f.unit ?? null, quantity: f.quantity ?? null, area: f.area ?? null, value: f.value })));
    }
  }
  if (d.fees) {
    await tx.delete(recordServiceFees).where(eq(recordServiceFees.recordId, recordId));
    if (d.fees.length) {
      await tx.insert(recordServiceFees).values(
        d.fees.map((f, position) => ({ recordId, position, business: f.business, content: f.content ?? null, procedure: f.procedure ?? null, feeItem: f.feeItem ?? null, feeStandard: f.feeStandard ?? null })),
      );
    }
  }
}

export interface FullRecord extends TRecordDraft {
  educationCounts: { postgraduate: number; bachelor: number; collegeOrBelow: number };
}

/** The whole record with personal data decrypted (for its own unit's forms and for reviewers). */
export async function readRecord(db: DbOrTx, pii: PiiCipher, recordId: string): Promise<FullRecord> {
  const [[r], staffRows, facilityRows, feeRows] = await Promise.all([
    db.select().from(institutionRecords).where(eq(institutionRecords.id, recordId)),
    db.select().from(recordStaff).where(eq(recordStaff.recordId, recordId)).orderBy(asc(recordStaff.position)),
    db.select().from(recordFacilities).where(eq(recordFacilities.recordId, recordId)).orderBy(asc(recordFacilities.position)),
    db.select().from(recordServiceFees).where(eq(recordServiceFees.recordId, recordId)).orderBy(asc(recordServiceFees.position)),
  ]);
  if (!r) throw new Error(`record ${recordId} missing`);
  const staff = staffRows.map((s) => openStaffMember(pii, s));
  const facilities: TFacility[] = facilityRows.map((f) => ({ name: f.name, unit: opt(f.unit), quantity: opt(f.quantity), area: opt(f.area), value: f.value }));
  const fees: TServiceFee[] = feeRows.map((f) => ({ business: f.business, content: opt(f.content), procedure: opt(f.procedure), feeItem: opt(f.feeItem), feeStandard: opt(f.feeStandard) }));
  const basicRaw = {
    name: opt(r.name),
    shortName: opt(r.shortName),
    uscc: opt(r.uscc),
    category: opt(r.category),
    foundedOn: opt(r.foundedOn),
    legalRep: opt(r.legalRep),
    legalRepIdCard: open(pii, r.legalRepIdCardEnc),
    legalRepPhone: open(pii, r.legalRepPhoneEnc),
    legalRepTitle: opt(r.legalRepTitle),
    registeredCapital: opt(r.registeredCapital),
    department: opt(r.department),
    scopes: opt(r.scopes),
    websiteName: opt(r.websiteName),
    websiteDomain: opt(r.websiteDomain),
    staffCount: opt(r.staffCount),
    qualifiedCount: opt(r.qualifiedCount),
    internalDepartments: opt(r.internalDepartments),
    branches: opt(r.branches),
    licenceDelivery: opt(r.licenceDelivery),
    remarks: opt(r.remarks),
    contactPerson: opt(r.contactPerson),
    contactMobile: open(pii, r.contactMobileEnc),
    phoneAreaCode: opt(r.phoneAreaCode),
    phoneNumber: opt(r.phoneNumber),
    phoneExtension: opt(r.phoneExtension),
    fax: opt(r.fax),
    byPost: opt(r.byPost),
    officeAddress: opt(r.officeAddress),
    postcode: opt(r.postcode),
    email: opt(r.email),
    premisesArea: opt(r.premisesArea),
    facilitiesValue: opt(r.facilitiesValue),
    totalAssets: opt(r.totalAssets),
    netAssets: opt(r.netAssets),
    ownedOfficeArea: opt(r.ownedOfficeArea),
    rentedOfficeArea: opt(r.rentedOfficeArea),
    officeAreaTotal: opt(r.officeAreaTotal),
    officeCount: opt(r.officeCount),
  };
  const basic = Object.fromEntries(Object.entries(basicRaw).filter(([, v]) => v !== undefined)) as TRecordDraft['basic'];
  return {
    basic,
    report: { companyProfile: opt(r.companyProfile), reason: opt(r.reason) },
    staff,
    facilities,
    integrity: { annualIncome: opt(r.annualIncome), badRecords: opt(r.badRecords) },
    fees,
    educationCounts: educationCounts(staff.map((s) => s.education)),
  };
}

/** 诚信档案's staff by education, derived from the staff list. */
export function educationCounts(levels: readonly string[]) {
  const [phd, master, bachelor] = EDUCATION_LEVELS;
  return {
    postgraduate: levels.filter((l) => l === phd || l === master).length,
    bachelor: levels.filter((l) => l === bachelor).length,
    collegeOrBelow: levels.filter((l) => l !== phd && l !== master && l !== bachelor).length,
  };
}

/** A personal-data value inside a frozen submission: SM4-sealed like the columns it came from. */
interface SealedValue {
  sealed: string;
}
const BASIC_PII = ['legalRepIdCard', 'legalRepPhone', 'contactMobile'] as const;
const STAFF_PII = ['idCard', 'mobile'] as const;

const isSealed = (v: unknown): v is SealedValue => typeof v === 'object' && v !== null && typeof (v as SealedValue).sealed === 'string';

function mapPii<T extends TRecordDraft>(record: T, f: (v: unknown) => unknown): T {
  const basic = record.basic ? { ...record.basic } : record.basic;
  if (basic) for (const k of BASIC_PII) if (basic[k] !== undefined && basic[k] !== null) (basic as Record<string, unknown>)[k] = f(basic[k]);
  const staff = record.staff?.map((s) => {
    const copy: Record<string, unknown> = { ...s };
    for (const k of STAFF_PII) if (copy[k] !== undefined && copy[k] !== null) copy[k] = f(copy[k]);
    return copy as typeof s;
  });
  return { ...record, basic, ...(staff ? { staff } : {}) };
}

/**
 * A record as it is frozen into a submission snapshot (jsonb): 身份证号 and 手机号码 sealed with the
 * same cipher as the record's columns, so the snapshot holds no personal data in clear.
 */
export function sealRecord<T extends TRecordDraft>(pii: PiiCipher, record: T): T {
  return mapPii(record, (v) => (typeof v === 'string' && v ? ({ sealed: pii.encrypt(v) } satisfies SealedValue) : v));
}

/** The snapshot's record with its personal data opened again (clear values of older snapshots pass). */
export function openRecord<T extends TRecordDraft>(pii: PiiCipher, record: T): T {
  return mapPii(record, (v) => (isSealed(v) ? pii.decrypt(v.sealed) : v));
}
