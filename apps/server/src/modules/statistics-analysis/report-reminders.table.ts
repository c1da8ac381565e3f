import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table';
import { institutions } from '../institutions/institutions.table';

/**
 * Every reminder and 催报 of an annual report (业务基本情况) sent to an institution's unit: one row per
 * (institution, 服务年度, stage). Stages: `before-30` and `before-7` (the daily job, that many days or
 * fewer before the filing deadline), `urge-YYYY-MM-DD` (a reviewer's 催报 on that day). The key makes
 * each one go out once, whichever process or reviewer sends it.
 */
export const reportReminders = pgTable(
  'report_reminders',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    serviceYear: integer('service_year').notNull(),
    stage: text('stage').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    /** the reviewer or admin of a 催报; null for the job's reminders */
    sentBy: uuid('sent_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.serviceYear, t.stage] })],
);
