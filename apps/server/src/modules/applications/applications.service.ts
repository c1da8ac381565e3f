import { and, eq, sql } from 'drizzle-orm';
import {
  AppErrorCode,
  allowedActions,
  applicationKind,
  decisionDueOn,
  isEditable,
  type TApplicationDetail,
  type TBusinessScope,
  type TRecordDraft,
  type TSubmitRequest,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { formatBeijing } from '../../lib/time';
import { queryRows, type DbOrTx } from '../../db/client';
import type { AppDeps } from '../../deps';
import { actorUnitId, type Actor } from '../accounts/actor';
import { departments } from '../accounts/accounts.table';
import { institutionRecords, institutions } from '../institutions/institutions.table';
import { auditApplication, editableApplication, type ApplicationRow } from './applications.access';
import { applicationSubmissions, applications } from './applications.table';
import { allowedTransition, fire } from './transitions';
import { AWAITING_DECISION } from './states';
import { readRecord, replaceLists, sealRecord, toColumns } from '../institutions/records.repository';
import { syncInstitution } from '../institutions/sync-institution';
import { submissionProblems } from './submission-rules';
import { listDecisions } from './decisions.repository';
import { usccOwnershipViolation } from '../accounts/uscc-ownership';
import { USCC_OWNED_ELSEWHERE, usccOwnedElsewhereError, usccTakenByOtherUnit } from '../institutions/uscc-owner';

/** A write another unit's claim on the same code beat by a moment still gets the field message. */
async function claimingUscc<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (usccOwnershipViolation(err) === 'institution') throw usccOwnedElsewhereError();
    throw err;
  }
}

/** The application engine: drafts, 保存 with an optimistic version, 提交 (checked, frozen, once), 撤回, 清空. */
export class ApplicationsService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  private audit(tx: DbOrTx, actor: Actor, action: string, app: { id: string; unitId: string }, detail: Record<string, unknown> = {}) {
    return auditApplication(this.deps, tx, actor, action, app, detail);
  }

  /** 设立审批 保存 for a new institution: creates the institution, its first record and the application. */
  async createEstablishment(actor: Actor, draft: TRecordDraft): Promise<TApplicationDetail> {
    const unitId = actorUnitId(actor);
    const now = this.deps.clock();
    const uscc = draft.basic?.uscc || actor.user.unitUscc || '';
    const id = await claimingUscc(() => this.db.transaction(async (tx) => {
      if (await usccTakenByOtherUnit(tx, uscc, unitId)) throw usccOwnedElsewhereError();
      const [inst] = await tx
        .insert(institutions)
        .values({ unitId, name: draft.basic?.name || '（未填写机构名称）', uscc, createdAt: now, updatedAt: now })
        .returning({ id: institutions.id });
      const [record] = await tx
        .insert(institutionRecords)
        .values({ institutionId: inst!.id, version: 1, ...toColumns(this.deps.pii, draft), createdAt: now, updatedAt: now })
        .returning({ id: institutionRecords.id });
      await replaceLists(tx, this.deps.pii, record!.id, draft);
      const [app] = await tx
        .insert(applications)
        .values({ unitId, type: '设立', institutionId: inst!.id, recordId: record!.id, createdBy: actor.user.id, createdAt: now, updatedAt: now })
        .returning();
      await syncInstitution(tx, this.deps, app!.institutionId, draft);
      await this.audit(tx, actor, 'application.created', app!, { type: '设立' });
      return app!.id;
    }));
    return this.detail(id, actor);
  }

  /** 保存: refuses a stale version, so two agents on one draft never overwrite each other silently. */
  async save(actor: Actor, id: string, version: number, draft: TRecordDraft): Promise<TApplicationDetail> {
    await claimingUscc(() => this.db.transaction(async (tx) => {
      const app = await editableApplication(tx, actorUnitId(actor), id);
      this.checkVersion(app, version);
      if (await usccTakenByOtherUnit(tx, draft.basic?.uscc, app.unitId)) throw usccOwnedElsewhereError();
      const cols = toColumns(this.deps.pii, draft);
      await tx.update(institutionRecords).set({ ...cols, updatedAt: this.deps.clock() }).where(eq(institutionRecords.id, app.recordId));
      await replaceLists(tx, this.deps.pii, app.recordId, draft);
      await this.bump(tx, app);
      if (app.type === '设立') await syncInstitution(tx, this.deps, app.institutionId, draft);
      await this.audit(tx, actor, 'application.saved', app, { sections: Object.keys(draft) });
    }));
    return this.detail(id, actor);
  }

  /** 清空: empties every section of the draft (the materials stay). */
  async clear(actor: Actor, id: string, version: number): Promise<TApplicationDetail> {
    await this.db.transaction(async (tx) => {
      const app = await editableApplication(tx, actorUnitId(actor), id);
      this.checkVersion(app, version);
      const empty: TRecordDraft = { basic: {}, report: {}, integrity: {}, staff: [], facilities: [], fees: [] };
      await tx.update(institutionRecords).set({ ...toColumns(this.deps.pii, empty), updatedAt: this.deps.clock() }).where(eq(institutionRecords.id, app.recordId));
      await replaceLists(tx, this.deps.pii, app.recordId, empty);
      await this.bump(tx, app);
      await this.audit(tx, actor, 'application.cleared', app);
    });
    return this.detail(id, actor);
  }

  /**
   * 提交: checks every rule of SPEC §4.1 and reports all problems at once; otherwise freezes the
   * record as a submission addressed to the chosen 审批部门. The same request key submits once.
   */
  async submit(actor: Actor, id: string, req: TSubmitRequest): Promise<TApplicationDetail> {
    await this.db.transaction(async (tx) => {
      const [own] = await tx.select().from(applications).where(and(eq(applications.id, id), eq(applications.unitId, actorUnitId(actor)))).for('update');
      if (!own) throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权操作');
      const [same] = await tx
        .select({ id: applicationSubmissions.id })
        .from(applicationSubmissions)
        .where(and(eq(applicationSubmissions.applicationId, id), eq(applicationSubmissions.requestKey, req.requestKey)));
      if (same) {
        if (own.status === AWAITING_DECISION) return; // a retried or double-clicked 提交: already done
        throw new AppError(AppErrorCode.CONFLICT, '该提交请求已处理过，请刷新页面后重新提交');
      }
      allowedTransition(own, '提交', actor);
      this.checkVersion(own, req.version);
      // FOR SHARE: an administrator deactivating the department waits for this submission (and then counts it)
      const [dept] = await tx
        .select({ code: departments.code, name: departments.name, active: departments.active })
        .from(departments)
        .where(eq(departments.code, req.department))
        .for('share');
      if (!dept) throw new AppError(AppErrorCode.VALIDATION, '请选择有效的审批部门', [{ path: 'department', message: '请选择有效的审批部门' }]);
      if (!dept.active) {
        const message = `审批部门「${dept.name}」已停用，请重新选择审批部门`;
        throw new AppError(AppErrorCode.VALIDATION, message, [{ path: 'department', message }]);
      }

      const record = await readRecord(tx, this.deps.pii, own.recordId);
      const materialCounts = await this.materialCounts(tx, id);
      const videoCount = materialCounts['__video__'] ?? 0;
      const problems = submissionProblems({ type: own.type, record, materialCounts, videoCount, minStaff: this.deps.config.minStaff });
      // a 变更's code reaches the institution only on approval: another unit may have registered it since 保存
      if (await usccTakenByOtherUnit(tx, record.basic?.uscc, own.unitId)) problems.push({ tab: 'basic', path: 'basic.uscc', message: USCC_OWNED_ELSEWHERE });
      if (problems.length) {
        throw new AppError(
          AppErrorCode.VALIDATION,
          `还有${problems.length}处需要完善后才能提交`,
          problems.map((p) => ({ path: p.path, message: p.message })),
          { problems },
        );
      }
      const now = this.deps.clock();
      const [{ round } = { round: 0 }] = await queryRows<{ round: number }>(
        tx,
        sql`SELECT coalesce(max(round), 0)::int AS round FROM application_submissions WHERE application_id = ${id}`,
      );
      const { educationCounts, ...content } = record;
      await tx.insert(applicationSubmissions).values({
        applicationId: id,
        round: round + 1,
        requestKey: req.requestKey,
        department: dept.code,
        snapshot: { record: sealRecord(this.deps.pii, { ...content, educationCounts }), materials: materialCounts, kind: applicationKind((record.basic?.scopes ?? []) as TBusinessScope[]) },
        submittedBy: actor.user.id,
        submittedAt: now,
      });
      // the record names the department it went to, as the 登记申请表 prints it
      await tx.update(institutionRecords).set({ department: dept.code }).where(eq(institutionRecords.id, own.recordId));
      await fire(this.deps, tx, own, '提交', actor, {
        set: { department: dept.code, submittedAt: now, dueOn: decisionDueOn(now), acceptedAt: null, acceptedBy: null },
        audit: { department: dept.code, round: round + 1 },
      });
    });
    return this.detail(id, actor);
  }

  /** 撤回: back to 待提交, only while no reviewer has opened (受理) it. */
  async withdraw(actor: Actor, id: string, version: number): Promise<TApplicationDetail> {
    await this.db.transaction(async (tx) => {
      const [own] = await tx.select().from(applications).where(and(eq(applications.id, id), eq(applications.unitId, actorUnitId(actor)))).for('update');
      if (!own) throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权操作');
      allowedTransition(own, '撤回', actor);
      this.checkVersion(own, version);
      await fire(this.deps, tx, own, '撤回', actor);
    });
    return this.detail(id, actor);
  }

  /** The application as its unit (or a reviewer) sees it. Access is checked by the caller. */
  async detail(id: string, actor: Actor): Promise<TApplicationDetail> {
    const { user } = actor;
    const [app] = await this.db.select().from(applications).where(eq(applications.id, id));
    if (!app) throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权查看');
    const record = await readRecord(this.db, this.deps.pii, app.recordId);
    return {
      id: app.id,
      type: app.type,
      status: app.status,
      version: app.version,
      institutionId: app.institutionId,
      department: app.department,
      kind: applicationKind((record.basic?.scopes ?? []) as TBusinessScope[]),
      acceptedAt: app.acceptedAt?.toISOString() ?? null,
      submittedAt: app.submittedAt?.toISOString() ?? null,
      dueOn: app.dueOn,
      updatedAt: app.updatedAt.toISOString(),
      reviews: await listDecisions(this.db, app.id, { reviewerNames: user.role === 'reviewer' || user.role === 'admin' }),
      actions: allowedActions(app.status, user.role, app.acceptedAt !== null),
      editable: isEditable(app.status) && user.role === 'agent',
      record,
    };
  }

  private checkVersion(app: ApplicationRow, version: number) {
    if (app.version !== version) {
      throw new AppError(
        AppErrorCode.CONFLICT,
        `该申请已在 ${formatBeijing(app.updatedAt)} 被修改（可能是其他经办人），您的修改尚未保存。点击“重新加载”查看最新内容（未保存的修改会丢失）。`,
        undefined,
        { currentVersion: app.version },
      );
    }
  }

  private async bump(tx: DbOrTx, app: ApplicationRow) {
    await tx.update(applications).set({ version: app.version + 1, updatedAt: this.deps.clock() }).where(eq(applications.id, app.id));
  }

  /** Files per material slot, and the video count under `__video__`. */
  private async materialCounts(tx: DbOrTx, applicationId: string): Promise<Record<string, number>> {
    const rows = await queryRows<{ slot: string | null; owner_type: string; n: number }>(
      tx,
      sql`SELECT slot, owner_type, count(*)::int AS n FROM files
          WHERE owner_id = ${applicationId} AND owner_type IN ('application_material', 'application_video')
          GROUP BY slot, owner_type`,
    );
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.owner_type === 'application_video' ? '__video__' : (r.slot ?? '')] = r.n;
    return counts;
  }
}
