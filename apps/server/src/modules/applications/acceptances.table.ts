import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ACCEPTANCE_DECISIONS, type TCorrectionItemView } from '@jhrm/contracts';
import { users } from '../accounts/accounts.table';
import { applications } from './applications.table';

/**
 * One acceptance decision (受理 / 不予受理 / 补正, decision 0034) on a submission round, with the notice
 * it issued: its number, the reason (不予受理) or the items to correct (补正), who and when. Immutable;
 * a round may have a 补正 and then, after the resubmission, its 受理 (the round continues).
 */
export const applicationAcceptances = pgTable(
  'application_acceptances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    round: integer('round').notNull(),
    decision: text('decision', { enum: ACCEPTANCE_DECISIONS }).notNull(),
    reason: text('reason'),
    items: jsonb('items').$type<TCorrectionItemView[]>().notNull().default([]),
    /** 审批部门 code that decided, and the issuer's full name printed on the notice */
    department: text('department').notNull(),
    issuerName: text('issuer_name').notNull(),
    /** 220000受字〔2026〕第0001号: numbered per department, decision and year */
    noticeNumber: text('notice_number').notNull(),
    /** what the notice names, as it was when decided: the subject's name and when the round was submitted */
    subjectName: text('subject_name').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** 受理: the last day of the decision limit it started */
    dueOn: date('due_on', { mode: 'string' }),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('application_acceptances_notice_uq').on(t.noticeNumber), index('application_acceptances_application_idx').on(t.applicationId, t.decidedAt)],
);
