import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { APPLICATION_STATUSES, CANCEL_CATEGORIES, CHANGE_REASONS, PROCEDURES, REISSUE_REASONS } from '@jhrm/contracts';
import { units, users } from '../accounts/accounts.table';
import { institutionRecords, institutions } from '../institutions/institutions.table';

/**
 * One application of the shared engine, of any declared kind (contracts' applications/kinds.ts):
 * the common header — its unit, kind, subject institution, state (contracts'
 * applications.status.ts), department, deadline, decision and an optimistic `version` that every
 * write must name. What it proposes lives in its kind's content table (`application_records` for
 * the record kinds).
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** the kind's name; any kind registered with the engine (applications/kinds.ts) */
    type: text('type').notNull(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('待提交'),
    /** 审批部门 code the submission is addressed to */
    department: text('department'),
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** 受理: set when a reviewer first opens it; 撤回 is refused from then on */
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    /** last day of the kind's decision limit (20 working days, 条例 第十九条), set on each 提交; null if the kind has none */
    dueOn: date('due_on'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /**
     * The subject institution while an application of an exclusive kind (变更, 注销) is open, null
     * otherwise and once it reaches a final state: unique, so the database lets one at a time exist.
     */
    openFor: uuid('open_for').references(() => institutions.id),
    /** 一般程序, or 告知承诺 as chosen at the last 提交 (decision 0043) */
    procedure: text('procedure', { enum: PROCEDURES }).notNull().default('一般程序'),
  },
  (t) => [
    uniqueIndex('applications_open_for_uq').on(t.openFor),
    index('applications_unit_idx').on(t.unitId, t.createdAt),
    index('applications_institution_idx').on(t.institutionId),
    // a department's 待审核 inbox in its exact order (due_on, submitted_at, id): a page reads 15 entries, not
    // every application due on the first day (the plan test, decision 0017)
    index('applications_department_inbox_idx').on(t.department, t.status, t.dueOn, t.submittedAt, t.id),
  ],
);

/**
 * What was submitted, frozen: the reviewer decides on exactly this. One row per submission round;
 * `requestKey` makes a retried 提交 land once.
 */
export const applicationSubmissions = pgTable(
  'application_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    round: integer('round').notNull(),
    requestKey: text('request_key').notNull(),
    department: text('department').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('application_submissions_round_uq').on(t.applicationId, t.round), uniqueIndex('application_submissions_key_uq').on(t.applicationId, t.requestKey)],
);

/**
 * The content of a record kind's application (设立 / 变更 / 注销): the institution record version
 * it proposes. Other kinds keep their content in tables of their own, keyed by the application.
 */
export const applicationRecords = pgTable('application_records', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  recordId: uuid('record_id')
    .notNull()
    .references(() => institutionRecords.id),
});

/**
 * A 注销's own content beside its record (application_records): 注销原因 and 注销类别, empty until
 * the unit fills them in (提交 asks for both).
 */
export const applicationCancellations = pgTable('application_cancellations', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  reason: text('reason').notNull().default(''),
  category: text('category', { enum: CANCEL_CATEGORIES }),
});

/**
 * A 变更's own content beside its record (application_records): 变更事由 and 工商变更登记日期,
 * empty until the unit fills them in (提交 asks for them).
 */
export const applicationChanges = pgTable('application_changes', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  reason: text('reason', { enum: CHANGE_REASONS }),
  registeredOn: date('registered_on', { mode: 'string' }),
});

/**
 * A 补办's own content beside its record (decision 0047): 补办原因 (遗失 / 损毁) and the unit's
 * 情况说明, empty until filled in (提交 asks for both).
 */
export const applicationReissues = pgTable('application_reissues', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id),
  reason: text('reason', { enum: REISSUE_REASONS }),
  statement: text('statement').notNull().default(''),
});
