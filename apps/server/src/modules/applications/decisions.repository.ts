import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { TReviewDecisionView } from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
import { departments, users } from '../accounts/accounts.table';
import { applicationReviews } from './decisions.table';

/** Department names by code (a decision names the department that made it). */
export async function departmentNames(db: DbOrTx, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (!unique.length) return new Map();
  const rows = await db.select({ code: departments.code, name: departments.name }).from(departments).where(inArray(departments.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Every decision on an application, newest round first. The reviewer's name is for staff; the
 * unit sees the department.
 */
export async function listDecisions(db: DbOrTx, applicationId: string, opts: { reviewerNames: boolean }): Promise<TReviewDecisionView[]> {
  const rows = await db
    .select({ review: applicationReviews, reviewerName: users.name })
    .from(applicationReviews)
    .leftJoin(users, eq(users.id, applicationReviews.reviewerId))
    .where(eq(applicationReviews.applicationId, applicationId))
    .orderBy(desc(applicationReviews.round), asc(applicationReviews.decidedAt));
  const names = await departmentNames(
    db,
    rows.map((r) => r.review.department),
  );
  return rows.map(({ review: r, reviewerName }) => ({
    round: r.round,
    decision: r.decision,
    opinion: r.opinion,
    notes: r.notes,
    decidedAt: r.decidedAt.toISOString(),
    department: r.department,
    departmentName: names.get(r.department) ?? r.department,
    reviewerName: opts.reviewerNames ? reviewerName : null,
  }));
}
