import { and, eq, sql } from 'drizzle-orm';
import {
  ACCEPTANCE_WORKING_DAYS,
  AppErrorCode,
  actionContext,
  allowedActions,
  decisionDueOn,
  isEditable,
  kindDeclaration,
  submissionNotice,
  type KindDeclaration,
  type TAnyApplicationDetail,
  type TSubmissionProblem,
  type TSubmitRequest,
  type TAuditAction,
  type TProcedure,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { uniqueViolation } from '../../lib/pg-errors';
import { formatBeijing } from '../../lib/time';
import { queryRows, type DbOrTx } from '../../db/client';
import type { AppDeps } from '../../deps';
import { actorUnitId, type Actor } from '../accounts/actor';
import { departments } from '../accounts/accounts.table';
import { auditApplication, editableApplication, type ApplicationRow } from './applications.access';
import { applicationSubmissions, applications } from './applications.table';
import { allowedTransition, fire } from './transitions';
import { AWAITING_DECISION, CORRECTION } from './states';
import { listDecisions } from './decisions.repository';
import { listAcceptances } from './acceptances.repository';
import { kindAdapter, type KindAdapter, type MaterialCounts } from './kinds';
import { notifyReviewers } from '../notifications/notifications.service';

/** one open application of the exclusive kinds per institution (applications.open_for) */
const OPEN_FOR_CONSTRAINT = 'applications_open_for_uq';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the engine passes content through to its kind
type Adapter = KindAdapter<any, any>;

/** A kind's content from a request, checked by its adapter: a 400 naming each field otherwise. */
function checkedContent(adapter: Adapter, content: unknown): unknown {
  const r = adapter.content.safeParse(content);
  if (r.success) return r.data;
  const fieldErrors = r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  throw new AppError(AppErrorCode.VALIDATION, fieldErrors.length > 1 ? `有${fieldErrors.length}处填写有误，请按提示修改` : (fieldErrors[0]?.message ?? '输入有误'), fieldErrors);
}

/** What the kind's declaration asks for besides its content: the video and the required material slots (but those the procedure waives). */
function declaredProblems(kind: KindDeclaration, counts: MaterialCounts, waived: readonly string[] = []): TSubmissionProblem[] {
  const problems: TSubmissionProblem[] = [];
  if (kind.video === 'required' && counts.videoCount === 0) problems.push({ tab: 'video', path: 'video', message: '请上传场所视频（MP4）' });
  for (const slot of kind.materialSlots) {
    if (slot.required && !waived.includes(slot.name) && !((counts.slots[slot.name] ?? 0) > 0)) problems.push({ tab: 'materials', path: `materials.${slot.name}`, message: `请上传材料：${slot.name}` });
  }
  return problems;
}

/**
 * The application engine, for every registered kind (decision 0022): drafts, 保存 with an
 * optimistic version, 提交 (checked, frozen, once), 撤回, 清空. What the content is and how it is
 * checked is the kind's adapter's (applications/kinds.ts); the engine never names a kind.
 */
export class ApplicationsService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  private audit(tx: DbOrTx, actor: Actor, action: TAuditAction, app: { id: string; unitId: string }, detail: Record<string, unknown> = {}) {
    return auditApplication(this.deps, tx, actor, action, app, detail);
  }

  /** The engine's transaction, with the kind's own reading of a database refusal (e.g. a code another unit claimed). */
  private async inKind<T>(adapter: Adapter, work: (tx: DbOrTx) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (err) {
      throw adapter.failure?.(err) ?? err;
    }
  }

  /** 保存 of a new application of `type`: the kind makes its subject and content, the engine the header. */
  async create(actor: Actor, type: string, content: unknown): Promise<TAnyApplicationDetail> {
    const adapter = kindAdapter(type);
    const checked = checkedContent(adapter, content);
    const unitId = actorUnitId(actor);
    let subject: string | undefined;
    const id = await this.inKind(adapter, async (tx) => {
      const now = this.deps.clock();
      const { institutionId, attach } = await adapter.create({ deps: this.deps, tx, actor }, checked);
      subject = institutionId;
      const openFor = adapter.declaration.exclusive ? institutionId : null;
      const [app] = await tx.insert(applications).values({ unitId, type, institutionId, openFor, createdBy: actor.user.id, createdAt: now, updatedAt: now }).returning();
      await attach(app!);
      await this.audit(tx, actor, 'application.created', app!, { type });
      return app!.id;
    }).catch(async (err: unknown) => {
      if (uniqueViolation(err) === OPEN_FOR_CONSTRAINT && subject) throw await this.alreadyOpen(subject);
      throw err;
    });
    return this.detail(id, actor);
  }

  /** The refusal of a second open 变更 / 注销 of one institution, naming the open one. */
  private async alreadyOpen(institutionId: string): Promise<AppError> {
    const [open] = await this.db
      .select({ type: applications.type, status: applications.status })
      .from(applications)
      .where(eq(applications.openFor, institutionId));
    const which = open ? `一份“${open.status}”的${open.type}申请` : '一份未办结的申请';
    return new AppError(AppErrorCode.CONFLICT, `该机构已有${which}，办结（审核通过）之前不能再申请变更或注销。请在列表中打开那份申请继续办理`);
  }

  /** 保存: refuses a stale version, so two agents on one draft never overwrite each other silently. */
  async save(actor: Actor, id: string, version: number, content: unknown): Promise<TAnyApplicationDetail> {
    const [row] = await this.db.select({ type: applications.type }).from(applications).where(and(eq(applications.id, id), eq(applications.unitId, actorUnitId(actor))));
    if (!row) throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权操作');
    const adapter = kindAdapter(row.type);
    const checked = checkedContent(adapter, content);
    await this.inKind(adapter, async (tx) => {
      const app = await editableApplication(tx, actorUnitId(actor), id);
      this.checkVersion(app, version);
      await adapter.save({ deps: this.deps, tx, actor }, app, checked);
      await this.bump(tx, app);
      await this.audit(tx, actor, 'application.saved', app, { sections: checked && typeof checked === 'object' ? Object.keys(checked) : [] });
    });
    return this.detail(id, actor);
  }

  /** 清空: empties the content (the materials stay). */
  async clear(actor: Actor, id: string, version: number): Promise<TAnyApplicationDetail> {
    await this.db.transaction(async (tx) => {
      const app = await editableApplication(tx, actorUnitId(actor), id);
      this.checkVersion(app, version);
      await kindAdapter(app.type).clear({ deps: this.deps, tx, actor }, app);
      await this.bump(tx, app);
      await this.audit(tx, actor, 'application.cleared', app);
    });
    return this.detail(id, actor);
  }

  /**
   * 提交: checks the kind's content, its declared materials and video, and reports all problems at
   * once; otherwise freezes the content as a submission addressed to the chosen 审批部门. The same request key submits once.
   */
  async submit(actor: Actor, id: string, submitted: Omit<TSubmitRequest, 'procedure'> & { procedure?: TProcedure }): Promise<TAnyApplicationDetail> {
    const req = { ...submitted, procedure: submitted.procedure ?? '一般程序' };
    // read before the transaction: on PGlite's one connection a read beside it would wait for it
    const calendar = await this.deps.calendar.get();
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

      const adapter = kindAdapter(own.type);
      const kind = kindDeclaration(own.type);
      if (req.procedure === '告知承诺' && !kind.promise) {
        const message = `${kind.name}申请不适用告知承诺制，请选择一般程序`;
        throw new AppError(AppErrorCode.VALIDATION, message, [{ path: 'procedure', message }]);
      }
      const ctx = { deps: this.deps, tx, actor };
      const { check, problems } = await this.submissionCheck(ctx, own, req.procedure);
      if (problems.length) {
        throw new AppError(
          AppErrorCode.VALIDATION,
          `还有${problems.length}处需要完善后才能提交`,
          problems.map((p) => ({ path: p.path, message: p.message })),
          { problems },
        );
      }
      const now = this.deps.clock();
      const [{ round: last } = { round: 0 }] = await queryRows<{ round: number }>(
        tx,
        sql`SELECT coalesce(max(round), 0)::int AS round FROM application_submissions WHERE application_id = ${id}`,
      );
      const submission = { requestKey: req.requestKey, department: dept.code, snapshot: check.snapshot, submittedBy: actor.user.id, submittedAt: now };
      // after 补正 the round continues: the corrected content replaces the submission the reviewer asked
      // to correct (its 补正告知书 keeps what was asked), so no round is counted twice (decision 0034)
      const corrected = own.status === CORRECTION && last > 0;
      const round = corrected ? last : last + 1;
      if (corrected) {
        await tx
          .update(applicationSubmissions)
          .set(submission)
          .where(and(eq(applicationSubmissions.applicationId, id), eq(applicationSubmissions.round, round)));
      } else {
        await tx.insert(applicationSubmissions).values({ applicationId: id, round, ...submission });
      }
      await adapter.submitted?.(ctx, own, dept.code);
      // a kind with the acceptance step: 5 working days to decide on 受理, the decision limit counts from 受理
      const dueOn = kind.acceptance
        ? decisionDueOn(calendar, now, ACCEPTANCE_WORKING_DAYS)
        : adapter.dueOn
          ? await adapter.dueOn(ctx, own, now)
          : kind.decisionLimitDays === null
            ? null
            : decisionDueOn(calendar, now, kind.decisionLimitDays);
      await fire(this.deps, tx, own, '提交', actor, {
        set: { department: dept.code, submittedAt: now, dueOn, acceptedAt: null, acceptedBy: null, procedure: req.procedure },
        audit: { department: dept.code, round, procedure: req.procedure, ...(corrected ? { corrected: true } : {}) },
      });
      // the department's reviewers learn of it in 消息中心, with the submission
      const notice = submissionNotice(kind, { name: adapter.subjectName(adapter.openSnapshot(this.deps, check.snapshot)), round, corrected });
      await notifyReviewers(tx, now, { department: dept.code, kind: 'application.submitted', ...notice, link: `/hr/reviews/${own.id}` });
    });
    return this.detail(id, actor);
  }

  /**
   * What 提交 would report now for one of the actor's unit's applications (主页's 下一步): the kind's
   * content check and its declared materials and video, the same check 提交 runs.
   */
  async problemCount(actor: Actor, id: string): Promise<number> {
    const [own] = await this.db.select().from(applications).where(and(eq(applications.id, id), eq(applications.unitId, actorUnitId(actor))));
    if (!own) throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权操作');
    return (await this.submissionCheck({ deps: this.deps, tx: this.db, actor }, own)).problems.length;
  }

  private async submissionCheck(ctx: { deps: AppDeps; tx: DbOrTx; actor: Actor }, own: ApplicationRow, procedure: TProcedure = own.procedure) {
    const counts = await this.materialCounts(ctx.tx, own.id);
    const check = await kindAdapter(own.type).submission(ctx, own, counts, procedure);
    return { check, problems: [...check.problems, ...declaredProblems(kindDeclaration(own.type), counts, check.waivedSlots)] };
  }

  /** 撤回: back to 待提交, only before 受理 (a kind without the acceptance step: until the decision). */
  async withdraw(actor: Actor, id: string, version: number): Promise<TAnyApplicationDetail> {
    await this.db.transaction(async (tx) => {
      const [own] = await tx.select().from(applications).where(and(eq(applications.id, id), eq(applications.unitId, actorUnitId(actor)))).for('update');
      if (!own) throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权操作');
      allowedTransition(own, '撤回', actor);
      this.checkVersion(own, version);
      // A withdrawn submission was never decided on: it is not a review round, and the next 提交
      // takes its number (the record shows 第1轮, not a 第2轮 with no 第1轮). The audit log keeps it.
      const withdrawn = await tx
        .delete(applicationSubmissions)
        .where(
          and(
            eq(applicationSubmissions.applicationId, id),
            sql`NOT EXISTS (SELECT 1 FROM application_reviews r WHERE r.submission_id = ${applicationSubmissions.id})`,
          ),
        )
        .returning({ round: applicationSubmissions.round });
      await fire(this.deps, tx, own, '撤回', actor, { audit: { round: withdrawn[0]?.round ?? null } });
    });
    return this.detail(id, actor);
  }

  /** The application as its unit (or a reviewer) sees it: the header and what its kind adds. Access is checked by the caller. */
  async detail(id: string, actor: Actor): Promise<TAnyApplicationDetail> {
    const { user } = actor;
    const [app] = await this.db.select().from(applications).where(eq(applications.id, id));
    if (!app) throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权查看');
    const staff = user.role === 'reviewer' || user.role === 'admin';
    const ctx = actionContext(app);
    const header = {
      id: app.id,
      type: app.type,
      status: app.status,
      version: app.version,
      institutionId: app.institutionId,
      department: app.department,
      acceptedAt: app.acceptedAt?.toISOString() ?? null,
      acceptance: ctx.acceptance,
      procedure: app.procedure,
      promise: kindDeclaration(app.type).promise === true,
      acceptances: await listAcceptances(this.db, app.id, { reviewerNames: staff }),
      submittedAt: app.submittedAt?.toISOString() ?? null,
      dueOn: app.dueOn,
      updatedAt: app.updatedAt.toISOString(),
      reviews: await listDecisions(this.db, app.id, { reviewerNames: staff }),
      actions: allowedActions(app.status, user.role, ctx),
      editable: isEditable(app.status) && user.role === 'agent',
    };
    return { ...header, ...(await kindAdapter(app.type).read(this.db, this.deps, app)) } as TAnyApplicationDetail;
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

  /** Files per material slot, and the number of videos. */
  private async materialCounts(tx: DbOrTx, applicationId: string): Promise<MaterialCounts> {
    const rows = await queryRows<{ slot: string | null; owner_type: string; n: number }>(
      tx,
      sql`SELECT slot, owner_type, count(*)::int AS n FROM files
          WHERE owner_id = ${applicationId} AND owner_type IN ('application_material', 'application_video')
          GROUP BY slot, owner_type`,
    );
    const counts: MaterialCounts = { slots: {}, videoCount: 0 };
    for (const r of rows) {
      if (r.owner_type === 'application_video') counts.videoCount += r.n;
      else counts.slots[r.slot ?? ''] = r.n;
    }
    return counts;
  }
}
