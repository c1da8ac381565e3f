import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INSPECTION_OUTCOMES, INSPECTION_STATUSES, type TCheckItem } from '@jhrm/contracts';
import { units, users } from '../accounts/accounts.table';
import { applications } from '../applications/applications.table';
import { institutions } from '../institutions/institutions.table';
import { licences } from '../licences/licences.table';

/**
 * 核查任务 (decision 0043): created when a 告知承诺 application is approved on 受理, for the department
 * that approved it, due within the admin's period. 待核查 → 已完成 (属实) or 整改中 (不属实, with the
 * 整改 demand and deadline) → 已完成 (整改完成 or 撤销许可). `version` is bumped by every step; each step
 * locks the row, so of two concurrent steps one wins and the other gets a 409.
 */
export const inspectionTasks = pgTable(
  'inspection_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    licenceId: uuid('licence_id').references(() => licences.id),
    /** the 审批部门 that approved and must verify */
    department: text('department').notNull(),
    status: text('status', { enum: INSPECTION_STATUSES }).notNull().default('待核查'),
    outcome: text('outcome', { enum: INSPECTION_OUTCOMES }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    checklist: jsonb('checklist').$type<TCheckItem[]>().notNull(),
    findings: text('findings').notNull().default(''),
    rectifyDemand: text('rectify_demand'),
    rectifyDeadline: date('rectify_deadline', { mode: 'string' }),
    revokeReason: text('revoke_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('inspection_tasks_application_uq').on(t.applicationId),
    index('inspection_tasks_department_idx').on(t.department, t.status, t.dueOn),
    index('inspection_tasks_institution_idx').on(t.institutionId),
  ],
);

/**
 * 失信记录 of an institution: written when its licence is revoked after a failed 核查 (the date, the
 * reason, the task it came from).
 */
export const dishonestyRecords = pgTable(
  'dishonesty_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    /** what it came from, e.g. 告知承诺核查 */
    source: text('source').notNull(),
    inspectionTaskId: uuid('inspection_task_id').references(() => inspectionTasks.id),
    department: text('department').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('dishonesty_records_institution_idx').on(t.institutionId), uniqueIndex('dishonesty_records_task_uq').on(t.inspectionTaskId).where(sql`inspection_task_id IS NOT NULL`)],
);

/**
 * Which 核查期限 reminder went out to the department's reviewers for which task and deadline (the
 * 核查期限, or the 整改期限 once 整改中): one row per (task, deadline, stage), so the daily job tells
 * them once, in whichever process it runs.
 */
export const inspectionReminders = pgTable(
  'inspection_reminders',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => inspectionTasks.id, { onDelete: 'cascade' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** 'due-soon' (7 days or fewer left) or 'overdue' */
    stage: text('stage').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.dueOn, t.stage] })],
);
