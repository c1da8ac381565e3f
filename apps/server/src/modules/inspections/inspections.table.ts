import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INSPECTION_KINDS, INSPECTION_OUTCOMES, INSPECTION_STATUSES, type TCheckItem, type TSpotCheckFilter } from '@jhrm/contracts';
import { units, users } from '../accounts/accounts.table';
import { applications } from '../applications/applications.table';
import { institutions } from '../institutions/institutions.table';
import { licences } from '../licences/licences.table';
import type { DrawPool } from './spot-check-draw';

/**
 * 双随机抽查计划 (decision 0049): the filter, ratio and seed an administrator drew with, and the candidate
 * pool as it stood (each institution's weight, department and excluded reviewers; each department's
 * reviewers), so the draw can be replayed from the record alone.
 */
export const spotCheckPlans = pgTable('spot_check_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** the city 审批部门 whose reviewer made it (its range: that city and its counties); null for an administrator's */
  scopeDepartment: text('scope_department'),
  filter: jsonb('filter').$type<TSpotCheckFilter>().notNull(),
  ratio: integer('ratio').notNull(),
  inspectorsPerTask: integer('inspectors_per_task').notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  seed: text('seed').notNull(),
  pool: jsonb('pool').$type<DrawPool>().notNull(),
  candidateCount: integer('candidate_count').notNull(),
  drawnCount: integer('drawn_count').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

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
    /** 告知承诺核查 or 双随机抽查 (decision 0049) */
    kind: text('kind', { enum: INSPECTION_KINDS }).notNull().default('告知承诺核查'),
    /** the 告知承诺 application a 核查 verifies; null for a 抽查 */
    applicationId: uuid('application_id').references(() => applications.id),
    /** the plan that drew a 抽查 */
    planId: uuid('plan_id').references(() => spotCheckPlans.id),
    /** the reviewers a 抽查 drew (only they act on it); empty for a 核查 */
    inspectors: uuid('inspectors').array().notNull().default(sql`'{}'::uuid[]`),
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
    // a plan draws an institution once
    uniqueIndex('inspection_tasks_plan_institution_uq').on(t.planId, t.institutionId).where(sql`plan_id IS NOT NULL`),
    // a 核查 verifies an application, a 抽查 comes from a plan
    check('inspection_tasks_source_ck', sql`(kind = '告知承诺核查' AND application_id IS NOT NULL) OR (kind = '双随机抽查' AND plan_id IS NOT NULL)`),
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
