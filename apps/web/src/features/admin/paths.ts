/** Pages of the 系统管理 group other pages link to. */
export const ADMIN_DEPARTMENTS_PATH = '/hr/admin/departments';
export const ADMIN_REVIEWERS_PATH = '/hr/admin/reviewers';
export const ADMIN_SETTINGS_PATH = '/hr/admin/settings';
export const ADMIN_CALENDAR_PATH = '/hr/admin/calendar';
export const ADMIN_DICTIONARIES_PATH = '/hr/admin/dictionaries';
export const ADMIN_AUDIT_PATH = '/hr/admin/audit';
export const ADMIN_APPEALS_PATH = '/hr/admin/appeals';
export const ADMIN_IMPORTS_PATH = '/hr/admin/imports';
