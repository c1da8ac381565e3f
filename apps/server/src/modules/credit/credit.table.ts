import { date, integer, jsonb, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { applications } from '../applications/applications.table';
import { institutions } from '../institutions/institutions.table';

/**
 * A 诚信示范 application's content (guide 3.2/3.3): the institution and year it is for and the
 * answers of the form (the catalogue's keys, contracts' credit.catalogue.ts). One per institution
 * and year, whatever its state (decision 0025): the unique index is what refuses a second one,
 * also when two arrive at once. `awarded_on` is set by 审核通过; the public register shows the
 * title for each awarded year.
 */
export const applicationCredit = pgTable(
  'application_credit',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** 申报年度: the calendar year (Beijing) the application was started in */
    year: integer('year').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    awardedOn: date('awarded_on', { mode: 'string' }),
  },
  (t) => [uniqueIndex('application_credit_institution_year_uq').on(t.institutionId, t.year)],
);
