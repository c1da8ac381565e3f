import { date, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications } from '../applications/applications.table';

/**
 * Which 审批期限 reminder went out for which application and deadline: one row per (application,
 * due date, stage), so the daily job tells each reviewer once — however often it runs or in how many
 * processes — and again only when 受理 or a resubmission sets a new due date.
 */
export const deadlineReminders = pgTable(
  'deadline_reminders',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    dueOn: date('due_on').notNull(),
    /** 'due-soon' (REVIEW_TODO_DUE_SOON_DAYS working days or fewer left) or 'overdue' */
    stage: text('stage').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.dueOn, t.stage] })],
);
