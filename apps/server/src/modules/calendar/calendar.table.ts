import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TCalendarDayKind } from '@jhrm/contracts';

/**
 * The work calendar's exception days (节假日设置): 休, a public holiday, or 班, a weekend day worked
 * (调休上班). Every other day is a working day from Monday to Friday (contracts' `workCalendar`).
 */
export const workCalendarDays = pgTable(
  'work_calendar_days',
  {
    day: date('day').primaryKey(),
    kind: text('kind').$type<TCalendarDayKind>().notNull(),
    /** the holiday the day belongs to, e.g. 元旦, 春节 */
    name: text('name').notNull(),
    /** null: seeded from the chinese-days package */
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('work_calendar_days_kind', sql`${t.kind} IN ('休', '班')`)],
);

/**
 * The years whose days were seeded from the chinese-days package, each once: an administrator's later
 * edits of such a year (a day removed included) are not undone by the next start.
 */
export const workCalendarSeededYears = pgTable('work_calendar_seeded_years', {
  year: integer('year').primaryKey(),
  /** the package and version the days came from */
  source: text('source').notNull(),
  seededAt: timestamp('seeded_at', { withTimezone: true }).notNull(),
});
