import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CANCEL_STATUSES, REVIEW_STATUSES } from '@jhrm/contracts';
import { units } from '../accounts/accounts.table';

/**
 * 人力资源服务机构: one row per institution with the columns its lists filter on, copied from its
 * current record by the application service. The content itself lives in versioned records.
 */
export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    shortName: text('short_name'),
    uscc: text('uscc').notNull(),
    legalRep: text('legal_rep'),
    /** blind index of 法人身份证, for exact search */
    legalRepIdIdx: text('legal_rep_id_idx'),
    category: text('category'),
    /** 申请类型: 许可 / 备案 */
    kind: text('kind'),
    licensed: boolean('licensed').notNull().default(false),
    reviewStatus: text('review_status', { enum: REVIEW_STATUSES }).notNull().default('待提交'),
    cancelStatus: text('cancel_status', { enum: CANCEL_STATUSES }).notNull().default('正常'),
    /** the record in force (last approved); null until the establishment is approved */
    currentRecordId: uuid('current_record_id'),
    /**
     * 发证日期 of its latest licence (in force or the last it held): the 公示查询 order. Kept by a trigger
     * on licences (migration 0014), so every path that issues one keeps it, and the register's first
     * page reads 15 entries of an index instead of sorting every institution (decision 0017).
     */
    latestIssuedOn: date('latest_issued_on'),
    /** set for institutions brought in by an admin import (they start 审核通过, possibly incomplete) */
    importBatchId: uuid('import_batch_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('institutions_unit_created_idx').on(t.unitId, t.createdAt),
    // one unit per USCC (migration institutions_uscc_one_unit) looks institutions up by code
    index('institutions_uscc_idx').on(t.uscc),
    // 机构名称 substring search (LIKE '%…%') within a unit
    // fastupdate off: a search reads the index itself, never a pending list of up to 4 MB that every
    // query scans and that turns the planner to a sequential scan (decision 0017)
    // the register in its order, only the institutions on it (register.repository's onRegister)
    index('institutions_register_order_idx')
      .on(sql`${t.latestIssuedOn} DESC NULLS LAST`, t.name, t.id)
      .where(sql`${t.reviewStatus} = '审核通过' OR ${t.currentRecordId} IS NOT NULL`),
    index('institutions_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`).with({ fastupdate: false }),
  ],
);

/**
 * One version of an institution's content (SPEC §3 sections 1, 2 and 5 as columns; 3, 4 and 6 as
 * child tables). An application edits its own record; approval makes it the institution's current
 * one. Nullable everywhere: drafts may be incomplete.
 */
export const institutionRecords = pgTable(
  'institution_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    version: integer('version').notNull(),
    // 机构基本信息
    name: text('name'),
    shortName: text('short_name'),
    uscc: text('uscc'),
    category: text('category'),
    foundedOn: date('founded_on'),
    legalRep: text('legal_rep'),
    legalRepIdCardEnc: text('legal_rep_id_card_enc'),
    legalRepPhoneEnc: text('legal_rep_phone_enc'),
    legalRepTitle: text('legal_rep_title'),
    registeredCapital: numeric('registered_capital', { mode: 'number' }),
    department: text('department'),
    scopes: jsonb('scopes').$type<string[]>(),
    websiteName: text('website_name'),
    websiteDomain: text('website_domain'),
    staffCount: integer('staff_count'),
    qualifiedCount: integer('qualified_count'),
    internalDepartments: text('internal_departments'),
    branches: text('branches'),
    licenceDelivery: text('licence_delivery'),
    remarks: text('remarks'),
    // 机构联系信息
    contactPerson: text('contact_person'),
    contactMobileEnc: text('contact_mobile_enc'),
    phoneAreaCode: text('phone_area_code'),
    phoneNumber: text('phone_number'),
    phoneExtension: text('phone_extension'),
    fax: text('fax'),
    byPost: boolean('by_post'),
    officeAddress: text('office_address'),
    postcode: text('postcode'),
    email: text('email'),
    // 现有资产状况
    premisesArea: numeric('premises_area', { mode: 'number' }),
    facilitiesValue: numeric('facilities_value', { mode: 'number' }),
    totalAssets: numeric('total_assets', { mode: 'number' }),
    netAssets: numeric('net_assets', { mode: 'number' }),
    ownedOfficeArea: numeric('owned_office_area', { mode: 'number' }),
    rentedOfficeArea: numeric('rented_office_area', { mode: 'number' }),
    officeAreaTotal: numeric('office_area_total', { mode: 'number' }),
    officeCount: integer('office_count'),
    // 申请报告
    companyProfile: text('company_profile'),
    reason: text('reason'),
    // 诚信档案
    annualIncome: numeric('annual_income', { mode: 'number' }),
    badRecords: text('bad_records'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('institution_records_institution_idx').on(t.institutionId, t.version)],
);

/**
 * The columns of one 专职工作人员 (STAFF_COLUMNS): 身份证号 and 手机号码 encrypted, the ID also
 * blind-indexed, 出生日期 from the ID. A record's staff rows and a unit's practitioners (module
 * practitioners) store a person alike; a function, so each table gets builders of its own.
 */
export const staffMemberColumns = () => ({
  name: text('name').notNull(),
  idType: text('id_type').notNull(),
  idCardEnc: text('id_card_enc').notNull(),
  idCardIdx: text('id_card_idx').notNull(),
  gender: text('gender').notNull(),
  birthDate: date('birth_date'),
  politicalStatus: text('political_status').notNull(),
  ethnicity: text('ethnicity').notNull(),
  qualificationLevel: text('qualification_level'),
  qualificationCertNo: text('qualification_cert_no'),
  education: text('education').notNull(),
  graduatedOn: date('graduated_on'),
  school: text('school'),
  major: text('major'),
  workStartOn: date('work_start_on'),
  workEndOn: date('work_end_on'),
  mobileEnc: text('mobile_enc').notNull(),
  email: text('email'),
  postcode: text('postcode'),
  householdRegion: text('household_region'),
});

/** 专职工作人员 of a record */
export const recordStaff = pgTable(
  'record_staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => institutionRecords.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    ...staffMemberColumns(),
  },
  (t) => [index('record_staff_record_idx').on(t.recordId, t.position), index('record_staff_id_card_idx').on(t.idCardIdx)],
);

/** 现有设施情况 of a record */
export const recordFacilities = pgTable(
  'record_facilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => institutionRecords.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit'),
    quantity: integer('quantity'),
    area: numeric('area', { mode: 'number' }),
    value: numeric('value', { mode: 'number' }).notNull(),
  },
  (t) => [index('record_facilities_record_idx').on(t.recordId, t.position)],
);

/** 服务及收费标准 of a record */
export const recordServiceFees = pgTable(
  'record_service_fees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => institutionRecords.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    business: text('business').notNull(),
    content: text('content'),
    procedure: text('procedure'),
    feeItem: text('fee_item'),
    feeStandard: text('fee_standard'),
  },
  (t) => [index('record_service_fees_record_idx').on(t.recordId, t.position)],
);
