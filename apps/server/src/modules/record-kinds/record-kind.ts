import { and, eq, sql } from 'drizzle-orm';
import { AppErrorCode, ZRecordDraft, applicationKind, notOpenFor, type KindDeclaration, type TBusinessScope, type TRecordDraft, type TSubmissionProblem, type TProcedure, beijingDay } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { queryRows, type DbOrTx } from '../../db/client';
import type { AppDeps } from '../../deps';
import { actorUnitId } from '../accounts/actor';
import { usccOwnershipViolation } from '../accounts/uscc-ownership';
import type { ApplicationRow } from '../applications/applications.access';
import { attachRecord, recordIdOf } from '../applications/application-records.repository';
import type { KindAdapter, KindContext } from '../applications/kinds';
import { institutionRecords, institutions } from '../institutions/institutions.table';
import { openRecord, readRecord, replaceLists, sealRecord, toColumns, type FullRecord } from '../institutions/records.repository';
import { recordProblems } from '../institutions/record-rules';
import { syncInstitution } from '../institutions/sync-institution';
import { promiseCheck } from './promise';
import { USCC_OWNED_ELSEWHERE, usccOwnedElsewhereError, usccTakenByOtherUnit } from '../institutions/uscc-owner';

/** What a record kind's submission froze. */
export interface RecordSnapshot {
  record: FullRecord;
  /** files per material slot, the videos under `__video__` */
  materials?: Record<string, number>;
  kind?: { kind: '许可' | '备案'; because: string[] };
  /** 一般程序 or 告知承诺 (absent in snapshots from before decision 0043: 一般程序) */
  procedure?: TProcedure;
}

/**
 * A 变更 or 注销 starts from the unit's institution in force: it is locked, checked (审核通过, not 注销:
 * a 404 for another unit's, a 409 saying why not) and its record in force copied as the
 * application's own new version, which the application then carries (application_records).
 */
export async function copyRecordInForce({ tx, deps, actor }: KindContext, institutionId: string, what: '变更' | '注销' | '补办' | '延续'): Promise<{ institutionId: string; recordId: string; inForce: FullRecord }> {
  const [inst] = await tx
    .select()
    .from(institutions)
    .where(and(eq(institutions.id, institutionId), eq(institutions.unitId, actorUnitId(actor))))
    .for('update');
  if (!inst) throw new AppError(AppErrorCode.NOT_FOUND, '机构不存在或不属于本单位');
  const blocker = notOpenFor(inst, what);
  if (blocker || !inst.currentRecordId) throw new AppError(AppErrorCode.CONFLICT, blocker?.message ?? `“${inst.name}”没有生效的机构信息，不能申请${what}`);
  const inForce = await readRecord(tx, deps.pii, inst.currentRecordId);
  const [{ version } = { version: 0 }] = await queryRows<{ version: number }>(
    tx,
    sql`SELECT coalesce(max(version), 0)::int AS version FROM institution_records WHERE institution_id = ${inst.id}`,
  );
  const now = deps.clock();
  const [copy] = await tx
    .insert(institutionRecords)
    .values({ institutionId: inst.id, version: version + 1, ...toColumns(deps.pii, inForce), createdAt: now, updatedAt: now })
    .returning({ id: institutionRecords.id });
  await replaceLists(tx, deps.pii, copy!.id, inForce);
  return { institutionId: inst.id, recordId: copy!.id, inForce };
}

/** Approval of a kind that changes the record (变更, 延续): the application's record is put in force and the institution follows it. */
export async function putRecordInForce({ tx, deps }: KindContext, app: ApplicationRow, record: TRecordDraft, now: Date): Promise<void> {
  await tx.update(institutions).set({ currentRecordId: await recordIdOf(tx, app.id), updatedAt: now }).where(eq(institutions.id, app.institutionId));
  await syncInstitution(tx, deps, app.institutionId, record);
}

const EMPTY_DRAFT: TRecordDraft = { basic: {}, report: {}, integrity: {}, staff: [], facilities: [], fees: [] };
const EMPTY_RECORD: FullRecord = { ...EMPTY_DRAFT, educationCounts: { postgraduate: 0, bachelor: 0, collegeOrBelow: 0 } };

const kindOf = (record: TRecordDraft) => applicationKind((record.basic?.scopes ?? []) as TBusinessScope[]);

/** What one record kind does beyond what they all share. */
export interface RecordKindOptions extends Pick<KindAdapter<TRecordDraft, RecordSnapshot>, 'approve' | 'afterTransition'> {
  declaration: KindDeclaration;
  /** a new draft: its institution and first record (only 设立 starts one today) */
  create?: (ctx: KindContext, draft: TRecordDraft) => Promise<{ institutionId: string; recordId: string }>;
  /** 保存 keeps the institution's list columns in step with the draft (设立: the institution is still the draft) */
  syncOnSave: boolean;
  /** what 提交 checks beyond section 1 */
  problems?: (ctx: KindContext, record: FullRecord) => TSubmissionProblem[];
  /** the reviewer compares the submission with the record in force (变更) */
  compareWithCurrent: boolean;
  /** approval issues a 许可证 / 备案凭证 (not 注销) */
  issues: boolean;
}

/**
 * The adapter of a record kind (设立, 变更, 注销): its content is an institution record version
 * (application_records), checked by the field catalogue's rules, frozen with its personal data
 * sealed, and reviewed field by field.
 */
export function recordKind(o: RecordKindOptions): KindAdapter<TRecordDraft, RecordSnapshot> {
  const writeRecord = async ({ tx, deps }: KindContext, app: ApplicationRow, draft: TRecordDraft) => {
    const recordId = await recordIdOf(tx, app.id);
    await tx.update(institutionRecords).set({ ...toColumns(deps.pii, draft), updatedAt: deps.clock() }).where(eq(institutionRecords.id, recordId));
    await replaceLists(tx, deps.pii, recordId, draft);
  };
  return {
    declaration: o.declaration,
    content: ZRecordDraft,
    async create(ctx, draft) {
      if (!o.create) throw new AppError(AppErrorCode.VALIDATION, `暂不能新建${o.declaration.name}申请`);
      const { institutionId, recordId } = await o.create(ctx, draft);
      return { institutionId, attach: (app) => attachRecord(ctx.tx, app.id, recordId) };
    },
    async save(ctx, app, draft) {
      if (await usccTakenByOtherUnit(ctx.tx, draft.basic?.uscc, app.unitId)) throw usccOwnedElsewhereError();
      await writeRecord(ctx, app, draft);
      if (o.syncOnSave) await syncInstitution(ctx.tx, ctx.deps, app.institutionId, draft);
    },
    clear: (ctx, app) => writeRecord(ctx, app, EMPTY_DRAFT),
    async read(db, deps, app) {
      const record = await readRecord(db, deps.pii, await recordIdOf(db, app.id));
      return { kind: kindOf(record), record };
    },
    async submission(ctx, app, counts, procedure) {
      const { tx, deps } = ctx;
      const record = await readRecord(tx, deps.pii, await recordIdOf(tx, app.id));
      const promise = await promiseCheck(tx, procedure, kindOf(record).kind, counts, { unitId: app.unitId, today: beijingDay(deps.clock()) });
      const problems = [...recordProblems(record), ...(o.problems?.(ctx, record) ?? []), ...promise.problems];
      // a 变更's code reaches the institution only on approval: another unit may have registered it since 保存
      if (await usccTakenByOtherUnit(tx, record.basic?.uscc, app.unitId)) problems.push({ tab: 'basic', path: 'basic.uscc', message: USCC_OWNED_ELSEWHERE });
      const { educationCounts, ...content } = record;
      const materials = { ...counts.slots, ...(counts.videoCount ? { __video__: counts.videoCount } : {}) };
      return {
        problems,
        snapshot: { record: sealRecord(deps.pii, { ...content, educationCounts }), materials, kind: kindOf(record), procedure },
        waivedSlots: promise.waivedSlots,
      };
    },
    async submitted({ tx }, app, department) {
      // the record names the department it went to, as the 登记申请表 prints it
      await tx.update(institutionRecords).set({ department }).where(eq(institutionRecords.id, await recordIdOf(tx, app.id)));
    },
    openSnapshot(deps: AppDeps, raw) {
      const s = raw as unknown as RecordSnapshot;
      return { ...s, record: openRecord(deps.pii, s.record) };
    },
    async review(db: DbOrTx, deps, app, snapshot) {
      const [institution] = await db.select().from(institutions).where(eq(institutions.id, app.institutionId));
      const record = snapshot?.record ?? (await readRecord(db, deps.pii, await recordIdOf(db, app.id)));
      const kind = snapshot?.kind ?? { kind: (institution?.kind as '许可' | '备案' | null) ?? '备案', because: [] };
      const current = o.compareWithCurrent && institution?.currentRecordId ? await readRecord(db, deps.pii, institution.currentRecordId) : null;
      return {
        name: record.basic?.name,
        uscc: record.basic?.uscc,
        content: { contentType: 'record', kind, issuesOnApproval: o.issues ? kind.kind : null, record: { ...EMPTY_RECORD, ...record }, current },
      };
    },
    subjectName: (s) => s.record.basic?.name ?? '',
    noteLists: ({ record }) => ({
      lists: { staff: record.staff?.length ?? 0, facilities: record.facilities?.length ?? 0, fees: record.fees?.length ?? 0 },
      rowName: (list, i) => (list === 'staff' ? record.staff?.[i]?.name : list === 'facilities' ? record.facilities?.[i]?.name : record.fees?.[i]?.business),
    }),
    approve: o.approve,
    afterTransition: o.afterTransition,
    // a write another unit's claim on the same code beat by a moment still gets the field message
    failure: (err) => (usccOwnershipViolation(err) === 'institution' ? usccOwnedElsewhereError() : undefined),
  };
}
