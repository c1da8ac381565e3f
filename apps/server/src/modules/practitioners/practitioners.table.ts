import { index, integer, pgTable, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table';
import { institutions, staffMemberColumns } from '../institutions/institutions.table';

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
    ...staffMemberColumns(),
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
