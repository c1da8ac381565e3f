import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, integer } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table';
import { applicationSubmissions, applications } from './applications.table';

/** A note a reviewer attaches to one field (path such as `basic.name`) or one material slot. */
export interface ReviewNote {
  target: 'field' | 'material';
  /** field path (`basic.officeAddress`, `staff`) or material slot key */
  key: string;
  /** the field's or slot's label, as shown to the unit */
  label: string;
  message: string;
}

/**
 * One decision of a reviewer on one submission round (审核通过 / 审核不通过 with 审核意见 and field
 * notes). Immutable once written; one per round, so a double-clicked decision lands once.
 */
export const applicationReviews = pgTable(
  'application_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => applicationSubmissions.id),
    round: integer('round').notNull(),
    decision: text('decision', { enum: ['审核通过', '审核不通过'] }).notNull(),
    opinion: text('opinion'),
    notes: jsonb('notes').$type<ReviewNote[]>().notNull().default([]),
    /** 审批部门 code that decided */
    department: text('department').notNull(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('application_reviews_round_uq').on(t.applicationId, t.round), index('application_reviews_reviewer_idx').on(t.reviewerId, t.decidedAt)],
);
