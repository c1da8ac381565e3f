import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Settings an administrator may change at run time (e.g. the licence number patterns), by key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
