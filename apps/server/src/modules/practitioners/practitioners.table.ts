import { date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table';
import { institutions } from '../institutions/institutions.table';

/**
 * 人力资源从业人员 of an institution (guide 1.5): the 专职工作人员 fields, stored as the record's staff
 * rows are (身份证号 and 手机号码 SM4-encrypted, the ID also blind-indexed, decision 0006). One person
 * once per institution: the blind index is unique within it, so parallel inserts cannot both win.
 */
export const practitioners = pgTable(
  'practitioners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
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
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('practitioners_institution_id_card_key').on(t.institutionId, t.idCardIdx),
    index('practitioners_institution_created_idx').on(t.institutionId, t.createdAt, t.id),
  ],
);
