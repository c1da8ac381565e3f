import { desc, eq } from 'drizzle-orm';
import type { TAcceptanceView } from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
import { users } from '../accounts/accounts.table';
import { applicationAcceptances } from './acceptances.table';

export type AcceptanceRow = typeof applicationAcceptances.$inferSelect;

export function acceptanceView(r: AcceptanceRow, reviewerName: string | null): TAcceptanceView {
  return {
    id: r.id,
    round: r.round,
    decision: r.decision,
    reason: r.reason,
    items: r.items,
    noticeNumber: r.noticeNumber,
    decidedAt: r.decidedAt.toISOString(),
    departmentName: r.issuerName,
    reviewerName,
  };
}

/** Every acceptance decision of an application, newest first; the reviewer's name for staff only. */
export async function listAcceptances(db: DbOrTx, applicationId: string, opts: { reviewerNames: boolean }): Promise<TAcceptanceView[]> {
  const rows = await db
    .select({ a: applicationAcceptances, reviewerName: users.name })
    .from(applicationAcceptances)
    .leftJoin(users, eq(users.id, applicationAcceptances.decidedBy))
    .where(eq(applicationAcceptances.applicationId, applicationId))
    .orderBy(desc(applicationAcceptances.decidedAt), desc(applicationAcceptances.id));
  return rows.map(({ a, reviewerName }) => acceptanceView(a, opts.reviewerNames ? reviewerName : null));
}
