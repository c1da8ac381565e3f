import { and, eq, notInArray } from 'drizzle-orm';
import { APPLICATION_STATUSES, AppErrorCode, isFinal } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { DbOrTx } from '../../db/client';
import { applications } from '../applications/applications.table';
import { licences } from '../licences/licences.table';
import type { LicenceRow } from '../licences/licences.service';

/**
 * What 补办 and 延续 share (decision 0047): the licence in force of the institution they concern, and
 * one open request of a kind per institution at a time.
 */
export async function licenceInForce(db: DbOrTx, institutionId: string): Promise<LicenceRow | null> {
  const [row] = await db
    .select()
    .from(licences)
    .where(and(eq(licences.institutionId, institutionId), eq(licences.status, '有效')));
  return row ?? null;
}

/** A 409 when the institution already has an open application of this kind (not yet decided or withdrawn for good). */
export async function refuseSecondOpen(tx: DbOrTx, institutionId: string, type: string): Promise<void> {
  const [open] = await tx
    .select({ status: applications.status })
    .from(applications)
    .where(and(eq(applications.institutionId, institutionId), eq(applications.type, type), notInArray(applications.status, APPLICATION_STATUSES.filter(isFinal))));
  if (open) throw new AppError(AppErrorCode.CONFLICT, `该机构已有一份“${open.status}”的${type}申请，办结之前不能再申请${type}。请在机构查看页打开那份申请继续办理`);
}
