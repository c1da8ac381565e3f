import { issuerName } from '@jhrm/contracts';
import { eq } from 'drizzle-orm';
import { DEMO_UNIT } from '../seed/demo';
import { departments, units } from '../modules/accounts/accounts.table';
import { applicationRecords, applications } from '../modules/applications/applications.table';
import { institutionRecords, institutions } from '../modules/institutions/institutions.table';
import { licences } from '../modules/licences/licences.table';
import type { TestContext } from './harness';
import { fillRecord } from './records';

type ReviewStatus = (typeof institutions.$inferSelect)['reviewStatus'];
type LicenceKind = (typeof licences.$inferSelect)['kind'];
type LicenceStatus = (typeof licences.$inferSelect)['status'];

let serial = 0;
/** A unique 18-character 统一社会信用代码-shaped code (the register does not check the digit). */
export function uniqueUscc(): string {
  serial += 1;
  return `9122010${String(process.pid % 1000).padStart(3, '0')}MA${String(serial).padStart(6, '0')}`;
}

export interface InstitutionOptions {
  name: string;
  uscc?: string;
  /** the owning unit; the demo unit by default */
  unitId?: string;
  reviewStatus?: ReviewStatus;
  cancelStatus?: '正常' | '注销';
  kind?: LicenceKind;
  /** 审批部门 code of the approved record */
  department?: string;
  /** a full record (with 身份证号, 手机号码 and staff) as the approved one */
  withRecord?: boolean;
  /** when the 设立 was approved (its application is 审核通过 with this decision time) */
  approvedAt?: Date;
}

/**
 * An institution as the approval side leaves it: the row, and for 审核通过 the approved 设立
 * application and (withRecord) the approved record with personal data in it.
 */
export async function createInstitution(ctx: TestContext, opts: InstitutionOptions) {
  const { db } = ctx.database;
  const now = ctx.clock();
  const unitId = opts.unitId ?? (await db.select({ id: units.id }).from(units).where(eq(units.uscc, DEMO_UNIT.uscc)))[0]!.id;
  const reviewStatus = opts.reviewStatus ?? '审核通过';
  const [inst] = await db
    .insert(institutions)
    .values({
      unitId,
      name: opts.name,
      uscc: opts.uscc ?? uniqueUscc(),
      legalRep: '王博润',
      kind: opts.kind ?? '许可',
      reviewStatus,
      cancelStatus: opts.cancelStatus ?? '正常',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const [record] = await db
    .insert(institutionRecords)
    .values({ institutionId: inst!.id, version: 1, name: inst!.name, uscc: inst!.uscc, createdAt: now, updatedAt: now })
    .returning();
  if (opts.withRecord) {
    await fillRecord(ctx, record!.id, { name: opts.name, staff: 3 });
    await db.update(institutionRecords).set({ uscc: inst!.uscc, department: opts.department ?? '220000' }).where(eq(institutionRecords.id, record!.id));
  } else if (opts.department) {
    await db.update(institutionRecords).set({ department: opts.department, scopes: ['职业介绍'] }).where(eq(institutionRecords.id, record!.id));
  }
  const approved = reviewStatus === '审核通过';
  const [app] = await db
    .insert(applications)
    .values({
      unitId,
      type: '设立',
      institutionId: inst!.id,
      status: reviewStatus,
      department: reviewStatus === '待提交' ? null : (opts.department ?? '220000'),
      submittedAt: reviewStatus === '待提交' ? null : now,
      decidedAt: approved ? (opts.approvedAt ?? now) : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await db.insert(applicationRecords).values({ applicationId: app!.id, recordId: record!.id });
  if (approved) await db.update(institutions).set({ currentRecordId: record!.id }).where(eq(institutions.id, inst!.id));
  return { institution: inst!, record: record!, application: app!, unitId };
}

let licenceSerial = 0;

export interface LicenceOptions {
  kind?: LicenceKind;
  status?: LicenceStatus;
  number?: string;
  department?: string;
  scopes?: string[];
  issuedOn?: string;
  address?: string | null;
  endedAt?: Date | null;
  supersededBy?: string | null;
}

/** A licence row as the issuing service writes it (what it certifies copied from the institution). */
export async function insertLicence(ctx: TestContext, inst: typeof institutions.$inferSelect, opts: LicenceOptions = {}) {
  const { db } = ctx.database;
  licenceSerial += 1;
  const kind = opts.kind ?? '许可';
  const department = opts.department ?? '220000';
  const [dept] = await db.select({ code: departments.code, name: departments.name }).from(departments).where(eq(departments.code, department));
  const number = opts.number ?? (kind === '许可' ? `（吉）人服证字〔2026〕第${department}${String(licenceSerial).padStart(4, '0')}号` : `吉人服备〔2026〕${department}${String(licenceSerial).padStart(4, '0')}号`);
  const [row] = await db
    .insert(licences)
    .values({
      number,
      kind,
      status: opts.status ?? '有效',
      institutionId: inst.id,
      unitId: inst.unitId,
      institutionName: inst.name,
      uscc: inst.uscc,
      legalRep: inst.legalRep,
      address: opts.address === undefined ? '吉林省长春市朝阳区人民大街1000号博润大厦12层' : opts.address,
      scopes: opts.scopes ?? ['职业介绍', '人力资源培训', '人力资源管理咨询'],
      department,
      departmentName: issuerName(dept!),
      issuedOn: opts.issuedOn ?? '2026-11-26',
      supersededBy: opts.supersededBy ?? null,
      endedAt: opts.endedAt ?? null,
      // later rows are newer, as issuing in sequence makes them
      createdAt: new Date(ctx.clock().getTime() + licenceSerial),
    })
    .returning();
  return row!;
}

/** A change approved: the licence in force becomes 已换发 and points to the new one. */
export async function reissueLicence(ctx: TestContext, inst: typeof institutions.$inferSelect, old: typeof licences.$inferSelect, opts: LicenceOptions = {}) {
  const { db } = ctx.database;
  const endedAt = ctx.clock();
  await db.update(licences).set({ status: '已换发', endedAt }).where(eq(licences.id, old.id));
  const next = await insertLicence(ctx, inst, { kind: old.kind, department: old.department, ...opts });
  await db.update(licences).set({ supersededBy: next.id }).where(eq(licences.id, old.id));
  return next;
}
