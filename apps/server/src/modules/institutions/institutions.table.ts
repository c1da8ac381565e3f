import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CANCEL_STATUSES, REVIEW_STATUSES } from '@jhrm/contracts';
import { units } from '../accounts/accounts.table';

/**
 * 人力资源服务机构: the list-level columns. The six sections of SPEC §3 and the application engine
 * extend this record in the establishment issue.
 */
export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    shortName: text('short_name'),
    uscc: text('uscc').notNull(),
    licensed: boolean('licensed').notNull().default(false),
    reviewStatus: text('review_status', { enum: REVIEW_STATUSES }).notNull().default('待提交'),
    cancelStatus: text('cancel_status', { enum: CANCEL_STATUSES }).notNull().default('正常'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('institutions_unit_created_idx').on(t.unitId, t.createdAt)],
);
