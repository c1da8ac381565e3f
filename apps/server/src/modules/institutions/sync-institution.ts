import { eq } from 'drizzle-orm';
import { applicationKind, type TBusinessScope, type TRecordDraft } from '@jhrm/contracts';
import type { DbOrTx } from '../../db/client';
import type { AppDeps } from '../../deps';
import { institutions } from './institutions.table';

/**
 * The institution's list columns (查询 filters on them) follow a record: a 设立 draft as the unit
 * types it (the institution is not in force yet), later the record an approval puts in force.
 */
export async function syncInstitution(tx: DbOrTx, deps: Pick<AppDeps, 'pii' | 'clock'>, institutionId: string, draft: TRecordDraft): Promise<void> {
  const b = draft.basic;
  if (!b) return;
  await tx
    .update(institutions)
    .set({
      name: b.name || '（未填写机构名称）',
      shortName: b.shortName || null,
      uscc: b.uscc || '',
      legalRep: b.legalRep || null,
      legalRepIdIdx: b.legalRepIdCard ? deps.pii.blindIndex(b.legalRepIdCard) : null,
      category: b.category ?? null,
      // no 申请业务 chosen yet: 待定, as the form says, not 备案
      kind: b.scopes?.length ? applicationKind(b.scopes as TBusinessScope[]).kind : null,
      updatedAt: deps.clock(),
    })
    .where(eq(institutions.id, institutionId));
}
