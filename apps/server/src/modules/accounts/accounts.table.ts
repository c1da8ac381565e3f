import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
  /** a disabled department is no longer offered for new submissions; its history stays */
  active: boolean('active').notNull().default(true),
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
    /** 身份证有效期 of a legal representative: 5年/10年/20年/长期有效, start and (derived) end */
    idValidity: text('id_validity'),
    idValidFrom: date('id_valid_from'),
    idValidTo: date('id_valid_to'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    createdBy: uuid('created_by'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_account_lower_uq').on(sql`lower(${t.account})`),
    index('users_unit_idx').on(t.unitId),
    // one legal-person account per unit (per USCC)
    uniqueIndex('users_one_legal_per_unit_uq').on(t.unitId).where(sql`role = 'legal'`),
    index('users_id_card_idx').on(t.idCardIdx),
    // one 经办人 account per person (身份证号) in a unit: a second would split one person's work and audit trail
    uniqueIndex('users_agent_id_card_per_unit_uq').on(t.unitId, t.idCardIdx).where(sql`role = 'agent'`),
    index('users_phone_idx').on(t.phoneIdx),
  ],
);

/**
 * Failed sign-ins per account name (whether or not the account exists, so answers do not reveal
 * which accounts exist): 3 in a row ask for an image captcha, 5 within 15 minutes lock for 30.
 */
export const loginAttempts = pgTable('login_attempts', {
  accountKey: text('account_key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** Image captchas: the answer's hash, single use, short-lived. */
export const captchas = pgTable('captchas', {
  id: uuid('id').primaryKey().defaultRandom(),
  answerHash: text('answer_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** SMS verification codes: 6 digits, 5 minutes, single use, 5 wrong tries. */
export const smsCodes = pgTable(
  'sms_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phoneIdx: text('phone_idx').notNull(),
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('sms_codes_phone_created_idx').on(t.phoneIdx, t.createdAt)],
);

/** 扫码登录 tickets: the desktop holds a secret, the phone confirms as a signed-in agent. */
export const qrLogins = pgTable('qr_logins', {
  id: uuid('id').primaryKey().defaultRandom(),
  desktopSecretHash: text('desktop_secret_hash').notNull(),
  status: text('status', { enum: ['pending', 'scanned', 'confirmed', 'cancelled', 'expired', 'consumed'] }).notNull().default('pending'),
  userId: uuid('user_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** 账号申诉 */
export const appeals = pgTable('appeals', {
  id: uuid('id').primaryKey().defaultRandom(),
  account: text('account').notNull(),
  uscc: text('uscc').notNull(),
  contact: text('contact').notNull(),
  phoneEnc: text('phone_enc').notNull(),
  phoneIdx: text('phone_idx').notNull(),
  description: text('description').notNull(),
  status: text('status', { enum: ['待处理', '已处理'] }).notNull().default('待处理'),
  reply: text('reply'),
  /** what handling did besides the reply (contracts' APPEAL_ACTIONS) */
  action: text('action'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  handledAt: timestamp('handled_at', { withTimezone: true }),
  handledBy: uuid('handled_by').references(() => users.id),
});
