import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { LICENCE_STATUSES } from '@jhrm/contracts';
import { units, users } from '../accounts/accounts.table';
import { applications } from '../applications/applications.table';
import { institutions } from '../institutions/institutions.table';

/**
 * 人力资源服务许可证 (kind 许可) or 备案凭证 (kind 备案), issued on approval. What it certifies is
 * copied in at issue time, so a printed licence and its verification page always agree. A change
 * re-issues (the old one becomes 已换发 and points to its successor); 注销 voids it (已注销); a failed
 * 核查 of a 告知承诺 licence revokes it (已撤销).
 */
export const licences = pgTable(
  'licences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull(),
    kind: text('kind', { enum: ['许可', '备案'] }).notNull(),
    status: text('status', { enum: LICENCE_STATUSES }).notNull().default('有效'),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** the application whose approval issued it */
    applicationId: uuid('application_id').references(() => applications.id),
    institutionName: text('institution_name').notNull(),
    uscc: text('uscc').notNull(),
    legalRep: text('legal_rep'),
    address: text('address'),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    /** issuing 审批部门: code and name at issue time */
    department: text('department').notNull(),
    departmentName: text('department_name').notNull(),
    issuedOn: date('issued_on').notNull(),
    /** 有效期至 (decision 0047): null = without expiry (no period set when it was issued) */
    validUntil: date('valid_until'),
    /** 补发日期 of the latest 补办 (same number, a new printout) */
    reissuedOn: date('reissued_on'),
    /** the printout's edition: 1 at issue, +1 per 补办 / 延续 (the QR names it, so an older printout says it is superseded) */
    edition: integer('edition').notNull().default(1),
    issuedBy: uuid('issued_by').references(() => users.id),
    supersededBy: uuid('superseded_by'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    verifyCount: integer('verify_count').notNull().default(0),
    lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('licences_number_uq').on(t.number),
    index('licences_institution_idx').on(t.institutionId, t.createdAt),
    // at most one licence in force per institution
    uniqueIndex('licences_one_valid_uq').on(t.institutionId).where(sql`status = '有效'`),
  ],
);

/**
 * Expiry reminders sent (decision 0047): one row per licence, 有效期至 and threshold (90 / 30 / 7 days),
 * inserted with ON CONFLICT DO NOTHING, so each reminder goes out once however many runs race.
 * A 延续 moves 有效期至, so the new expiry is reminded again.
 */
export const licenceExpiryReminders = pgTable(
  'licence_expiry_reminders',
  {
    licenceId: uuid('licence_id')
      .notNull()
      .references(() => licences.id),
    validUntil: date('valid_until').notNull(),
    days: integer('days').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.licenceId, t.validUntil, t.days] })],
);

/** Counters behind licence numbers: one row per counter key (e.g. kind + year), taken with UPDATE … RETURNING. */
export const licenceSequences = pgTable('licence_sequences', {
  key: text('key').primaryKey(),
  last: integer('last').notNull().default(0),
});
