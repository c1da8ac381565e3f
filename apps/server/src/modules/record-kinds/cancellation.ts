import { eq } from 'drizzle-orm';
import { CANCELLATION } from '@jhrm/contracts';
import { institutions } from '../institutions/institutions.table';
import { voidLicence } from '../licences/licences.service';
import { recordKind } from './record-kind';

/** 注销: approval cancels the institution and voids its licence; nothing is issued. */
export const cancellationKind = recordKind({
  declaration: CANCELLATION,
  syncOnSave: false,
  compareWithCurrent: false,
  issues: false,
  async approve({ tx, deps, now }, app) {
    await tx.update(institutions).set({ cancelStatus: '注销', updatedAt: now }).where(eq(institutions.id, app.institutionId));
    await voidLicence(tx, deps, { institutionId: app.institutionId });
  },
});
