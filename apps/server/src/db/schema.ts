// Every table, for Drizzle's relational queries and drizzle-kit. Tables live in their modules.
export * from '../modules/accounts/accounts.table';
export * from '../modules/accounts/sessions.table';
export * from '../modules/audit/audit.table';
export * from '../modules/institutions/institutions.table';
export * from '../modules/files/files.table';
export * from '../modules/applications/applications.table';
export * from '../modules/applications/decisions.table';
export * from '../modules/applications/acceptances.table';
export * from '../modules/licences/licences.table';
export * from '../modules/notifications/notifications.table';
export * from '../modules/imports/imports.table';
export * from '../modules/admin/settings.table';
export * from '../modules/practitioners/practitioners.table';
export * from '../modules/credit/credit.table';
export * from '../modules/statistics/statistics.table';
export * from '../modules/statistics-analysis/analysis.table';
export * from '../modules/calendar/calendar.table';
