import { eq } from 'drizzle-orm';
import {
  AppErrorCode,
  CHANGE,
  CHANGE_REQUIREMENTS,
  RECORD_FIELD_ENTRIES,
  RECORD_LISTS,
  REGISTERED_CHANGE_REASONS,
  ZChangeContent,
  beijingDay,
  changeLateDays,
  fieldsChangedBy,
  recordTabLabel,
  type TChangeContent,
  type TChangeReason,
  type TChangeView,
  type TRecordDraft,
  type TRecordListTab,
  type TReviewContent,
  type TSubmissionProblem,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { DbOrTx } from '../../db/client';
import { attachRecord, changeOf, recordIdOf, writeChange } from '../applications/application-records.repository';
import type { ApplicationRow } from '../applications/applications.access';
import type { KindAdapter, KindContext } from '../applications/kinds';
import { institutions } from '../institutions/institutions.table';
import { readRecord, type FullRecord } from '../institutions/records.repository';
import { usccTakenByOtherUnit } from '../institutions/uscc-owner';
import { supersedeAndReissue } from '../licences/licences.service';
import { licenceInput, licenceOutcome } from './licence-outcome';
import { copyRecordInForce, putRecordInForce, recordKind, type RecordSnapshot } from './record-kind';

type ChangeFields = { reason: TChangeReason | null; registeredOn: string | null };

/** What 变更 froze: the changed record, 变更事由 / 工商变更登记日期 and how late it was reported. */
type ChangeSnapshot = RecordSnapshot & { change?: ChangeFields; lateDays?: number | null };

/**
 * 变更: a new version of the institution's record. The reviewer compares it with the record in
 * force; approval puts it in force and re-issues the licence.
 */
const base = recordKind({
  declaration: CHANGE,
  syncOnSave: false,
  compareWithCurrent: true,
  issues: true,
  async approve(ctx, app, snapshot) {
    const { tx, deps } = ctx;
    // another unit may have registered the changed code since it was submitted
    if (await usccTakenByOtherUnit(tx, snapshot.record.basic?.uscc, app.unitId)) {
      throw new AppError(AppErrorCode.CONFLICT, '变更后的统一社会信用代码已属于其他单位，不能审核通过。请选择审核不通过，并在意见中请单位核对该代码', [
        { path: 'decision', message: '变更后的统一社会信用代码已属于其他单位' },
      ]);
    }
    await putRecordInForce(ctx, app, snapshot.record, ctx.now);
    return licenceOutcome((await supersedeAndReissue(tx, deps, licenceInput(ctx, app, snapshot))).licence);
  },
});

/** The record paths a reason may change (nothing before a reason is chosen). */
const editablePaths = (reason: TChangeReason | null): string[] => (reason ? fieldsChangedBy(reason) : []);

const LIST_TABS = Object.keys(RECORD_LISTS) as TRecordListTab[];
const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
/** A value as compared: empty is empty, numbers as numbers (a stored amount may read back as text), a set of choices unordered. */
function comparable(v: unknown, input: string): unknown {
  if (isEmpty(v)) return null;
  if ((input === 'amount' || input === 'count') && typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  if (Array.isArray(v)) return [...v].map(String).sort();
  return v;
}
const rowsOf = (record: TRecordDraft, list: TRecordListTab) =>
  JSON.stringify(
    ((record[list] ?? []) as Record<string, unknown>[]).map((row) =>
      Object.entries(RECORD_LISTS[list]).map(([key, col]) => comparable(row[key], col.input)),
    ),
  );

/**
 * The labels of what the draft changes that its reason may not: every catalogue field and list
 * outside `fieldsChangedBy(reason)` must equal the record in force. 审批部门 is chosen at 提交.
 */
export function outsideReason(reason: TChangeReason | null, draft: TRecordDraft, inForce: TRecordDraft): string[] {
  const allowed = new Set(editablePaths(reason));
  const refused: string[] = [];
  for (const e of RECORD_FIELD_ENTRIES) {
    if (allowed.has(e.path) || e.field.required === 'dialog' || !differs(e.path, draft, inForce)) continue;
    // an input of another field (单位电话's 区号) is named by that field
    const named = e.field.partOf ? RECORD_FIELD_ENTRIES.find((o) => o.key === e.field.partOf) : e;
    refused.push(named?.field.label ?? e.field.label);
  }
  for (const list of LIST_TABS) {
    if (!allowed.has(list) && differs(list, draft, inForce)) refused.push(recordTabLabel(list));
  }
  return [...new Set(refused)];
}

/** The record in force of the application's institution (what a 变更 is measured against). */
async function inForceOf(db: DbOrTx, ctx: Pick<KindContext, 'deps'>, app: ApplicationRow): Promise<FullRecord> {
  const [inst] = await db.select({ currentRecordId: institutions.currentRecordId }).from(institutions).where(eq(institutions.id, app.institutionId));
  if (!inst?.currentRecordId) throw new AppError(AppErrorCode.CONFLICT, '该机构没有生效的机构信息，不能变更');
  return readRecord(db, ctx.deps.pii, inst.currentRecordId);
}

function checkReason(fields: ChangeFields, draft: TRecordDraft, inForce: TRecordDraft): void {
  const refused = outsideReason(fields.reason, draft, inForce);
  if (!refused.length) return;
  const message = fields.reason
    ? `变更事由为“${fields.reason}”时不能修改：${refused.join('、')}。如需修改请选择相应的变更事由`
    : `请先选择变更事由，再修改：${refused.join('、')}`;
  throw new AppError(AppErrorCode.VALIDATION, message, [{ path: 'reason', message }]);
}

const view = (app: ApplicationRow, c: ChangeFields | null, on: string): TChangeView => ({
  institutionId: app.institutionId,
  reason: c?.reason ?? null,
  registeredOn: c?.registeredOn ?? null,
  editable: editablePaths(c?.reason ?? null),
  lateDays: changeLateDays(c?.reason ?? null, c?.registeredOn ?? null, on),
});

/** 提交's questions of the 变更's own fields and of what the reason asks for. */
function changeProblems(c: ChangeFields | null, record: FullRecord, inForce: FullRecord, counts: { slots: Record<string, number>; videoCount: number }): TSubmissionProblem[] {
  const problems: TSubmissionProblem[] = [];
  if (!c?.reason) return [{ tab: 'change', path: 'reason', message: '请选择变更事由' }];
  if (REGISTERED_CHANGE_REASONS.includes(c.reason) && !c.registeredOn) problems.push({ tab: 'change', path: 'registeredOn', message: '请填写工商变更登记日期' });
  const editable = editablePaths(c.reason);
  if (!editable.some((path) => differs(path, record, inForce))) problems.push({ tab: 'change', path: 'reason', message: `没有需要变更的内容：请修改“${c.reason}”涉及的信息` });
  const needs = CHANGE_REQUIREMENTS[c.reason];
  for (const slot of needs.slots) {
    if (!((counts.slots[slot] ?? 0) > 0)) problems.push({ tab: 'materials', path: `materials.${slot}`, message: `请上传材料：${slot}` });
  }
  if (needs.video && counts.videoCount === 0) problems.push({ tab: 'video', path: 'video', message: '请上传新的场所视频（MP4）' });
  return problems;
}

/** Whether one editable path (a field or a whole list) differs from the record in force. */
function differs(path: string, record: TRecordDraft, inForce: TRecordDraft): boolean {
  if ((LIST_TABS as string[]).includes(path)) return rowsOf(record, path as TRecordListTab) !== rowsOf(inForce, path as TRecordListTab);
  const e = RECORD_FIELD_ENTRIES.find((x) => x.path === path)!;
  const [a, b] = [record, inForce].map((r) => (r[e.tab] as Record<string, unknown> | undefined)?.[e.key]);
  return JSON.stringify(comparable(a, e.field.input)) !== JSON.stringify(comparable(b, e.field.input));
}

/** Only the problems of what the reason lets the unit change: the rest is the record in force, not theirs to fix here. */
const withinReason = (problems: TSubmissionProblem[], reason: TChangeReason | null) => {
  const editable = editablePaths(reason);
  return problems.filter((p) => editable.some((path) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`) || p.tab === path));
};

/**
 * 变更 (guide 1.3): its content is the institution's record in force, copied as a new version, plus
 * 变更事由 and 工商变更登记日期 (application_changes). 保存 may change only the fields the reason
 * names in the catalogue; 提交 asks for the reason's materials (and a new video for 变更住所) and
 * freezes how many days past 条例 第二十一条's 15 it is reported.
 */
export const changeKind: KindAdapter<TChangeContent, ChangeSnapshot> = {
  ...base,
  content: ZChangeContent,
  async create(ctx, content) {
    const copy = await copyRecordInForce(ctx, content.institutionId, '变更');
    const fields = { reason: content.reason, registeredOn: content.registeredOn };
    if (content.record) checkReason(fields, content.record, copy.inForce);
    return {
      institutionId: copy.institutionId,
      attach: async (app) => {
        await attachRecord(ctx.tx, app.id, copy.recordId);
        await writeChange(ctx.tx, app.id, fields);
        if (content.record) await base.save(ctx, app, content.record);
      },
    };
  },
  async save(ctx, app, content) {
    if (content.institutionId !== app.institutionId) {
      throw new AppError(AppErrorCode.VALIDATION, '变更申请的机构不能更改，如需变更其他机构请新建申请', [{ path: 'institutionId', message: '变更申请的机构不能更改' }]);
    }
    const fields = { reason: content.reason, registeredOn: content.registeredOn };
    const inForce = await inForceOf(ctx.tx, ctx, app);
    // without a record the draft's own stands, measured again under the (maybe new) reason
    const record = content.record ?? (await readRecord(ctx.tx, ctx.deps.pii, await recordIdOf(ctx.tx, app.id)));
    checkReason(fields, record, inForce);
    await writeChange(ctx.tx, app.id, fields);
    if (content.record) await base.save(ctx, app, content.record);
  },
  async clear(ctx, app) {
    // back to the record in force, with no reason
    await writeChange(ctx.tx, app.id, { reason: null, registeredOn: null });
    const { educationCounts: _counts, ...inForce } = await inForceOf(ctx.tx, ctx, app);
    await base.save(ctx, app, inForce);
  },
  async read(db, deps, app) {
    const on = beijingDay(app.submittedAt ?? deps.clock());
    return { ...(await base.read(db, deps, app)), content: view(app, await changeOf(db, app.id), on) };
  },
  async review(db, deps, app, snapshot) {
    const r = await base.review(db, deps, app, snapshot);
    const change = snapshot?.change ?? (await changeOf(db, app.id)) ?? { reason: null, registeredOn: null };
    return { ...r, content: { ...r.content, change: { ...change, lateDays: snapshot?.lateDays ?? null } } as TReviewContent };
  },
  async submission(ctx, app, counts, procedure) {
    const { problems, snapshot } = await base.submission(ctx, app, counts, procedure);
    const c = await changeOf(ctx.tx, app.id);
    const inForce = await inForceOf(ctx.tx, ctx, app);
    const draft = await readRecord(ctx.tx, ctx.deps.pii, await recordIdOf(ctx.tx, app.id));
    const lateDays = changeLateDays(c?.reason ?? null, c?.registeredOn ?? null, beijingDay(ctx.deps.clock()));
    return {
      problems: [...changeProblems(c, draft, inForce, counts), ...withinReason(problems, c?.reason ?? null)],
      snapshot: { ...snapshot, change: c, lateDays },
    };
  },
};
