import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A unit (单位), identified by its 统一社会信用代码. Every institution, report and file belongs to one. */
export const units = pgTable('units', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  uscc: text('uscc').notNull().unique(),
  /** 法人类型: 企业法人, 机关法人, … */
  legalType: text('legal_type').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 审批部门: 省人社厅审批办 and the cities / counties of Jilin (full dictionary with the approval side). */
export const departments = pgTable('departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** GB/T 2260 administrative division code, 220000 for the province */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  level: text('level', { enum: ['province', 'city', 'county'] }).notNull(),
  parentId: uuid('parent_id'),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** login name; unique case-insensitively */
    account: text('account').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['legal', 'agent', 'reviewer', 'admin'] }).notNull(),
    name: text('name').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    departmentId: uuid('department_id').references(() => departments.id),
    /** 身份证号, SM4-encrypted, and its blind index */
    idCardEnc: text('id_card_enc'),
    idCardIdx: text('id_card_idx'),
    /** 手机号码, SM4-encrypted, and its blind index */
    phoneEnc: text('phone_enc'),
    phoneIdx: text('phone_idx'),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_account_lower_uq').on(sql`lower(${t.account})`),
    index('users_unit_idx').on(t.unitId),
    index('users_id_card_idx').on(t.idCardIdx),
    index('users_phone_idx').on(t.phoneIdx),
  ],
);
