import { bigint, index, integer, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

const sum = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/**
 * The approved annual reports summed per 服务年度, 审核机构 and 机构类型, for 统计分析 (decision 0027).
 * Kept by triggers in the database (migration 0022), not by the services: whichever path approves,
 * re-opens, inserts, edits or deletes a report, the totals follow in the same transaction, and
 * concurrent approvals add up under the row lock of their upsert. The dashboard then reads a few
 * hundred rows instead of a year of reports. Empty 审核机构 / 机构类型 are '' (a key cannot be null).
 * One column per indicator of contracts' STATISTICS_INDICATOR_KEYS (a test keeps them alike).
 */
export const statisticsTotals = pgTable(
  'statistics_totals',
  {
    serviceYear: integer('service_year').notNull(),
    department: text('department').notNull(),
    category: text('category').notNull(),
    reports: integer('reports').notNull().default(0),
    staffTotal: sum('staff_total'),
    annualRevenue: numeric('annual_revenue', { precision: 20, scale: 2, mode: 'number' }).notNull().default(0),
    personsServed: sum('persons_served'),
    employersServed: sum('employers_served'),
    personsPlaced: sum('persons_placed'),
    fairsHeld: sum('fairs_held'),
    dispatchedWorkers: sum('dispatched_workers'),
    trainees: sum('trainees'),
  },
  (t) => [primaryKey({ name: 'statistics_totals_pkey', columns: [t.serviceYear, t.department, t.category] })],
);

/**
 * The state of each institution's report for a 服务年度 (its application's status), kept by the same
 * triggers (migration 0022): the missing list and its count read this narrow table instead of
 * joining a year of reports to their applications (0.8 s for the province at 100 000 institutions).
 */
export const statisticsReportStates = pgTable(
  'statistics_report_states',
  {
    serviceYear: integer('service_year').notNull(),
    institutionId: uuid('institution_id').notNull(),
    status: text('status').notNull(),
  },
  (t) => [
    primaryKey({ name: 'statistics_report_states_pkey', columns: [t.serviceYear, t.institutionId] }),
    // the year's sent reports read from the index alone (the missing count's anti-join)
    index('statistics_report_states_year_status_idx').on(t.serviceYear, t.status, t.institutionId),
  ],
);

/**
 * The licensed institutions (审核通过, not 注销, with a record in force) per 审批部门 of their record in
 * force, kept by triggers (migration 0023) on institutions and institution_records: the dashboard's
 * 持证机构 count reads a few dozen rows instead of every institution (180 ms for the province at
 * 100 000 institutions, over a second at 8 connections).
 */
export const statisticsLicensedCounts = pgTable('statistics_licensed_counts', {
  department: text('department').primaryKey(),
  licensed: integer('licensed').notNull().default(0),
});

/**
 * Of those, how many have sent (待审核) or had approved a report for the 服务年度, per 审批部门: the
 * same triggers plus one on statistics_report_states. 未报送 = licensed − reported.
 */
export const statisticsReportedCounts = pgTable(
  'statistics_reported_counts',
  {
    serviceYear: integer('service_year').notNull(),
    department: text('department').notNull(),
    reported: integer('reported').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'statistics_reported_counts_pkey', columns: [t.serviceYear, t.department] })],
);
