import { and, asc, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import {
  AppErrorCode,
  PROMISE_ITEMS,
  RESULTS_OF_KIND,
  SPOT_CHECK_ITEMS,
  beijingDay,
  issuerName,
  type TCheckItem,
  type TInspectionAction,
  type TInspectionBacklog,
  type TInspectionCloseRequest,
  type TInspectionListItem,
  type TInspectionListQuery,
  type TInspectionResultRequest,
  type TInspectionRevokeRequest,
  type TInspectionTask,
  type TInspectionTodo,
  type TPage,
  type TUnitInspections,
  type TAuditAction,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { formatBeijing } from '../../lib/time';
import { likeEscape } from '../../lib/like';
import type { DocumentFormReader } from '../../lib/uploads';
import type { DbOrTx } from '../../db/client';
import type { AppDeps } from '../../deps';
import { actorUnitId, type Actor } from '../accounts/actor';
import { departments, units, users } from '../accounts/accounts.table';
import { readSetting } from '../admin/settings.service';
import { applicationSubmissions } from '../applications/applications.table';
import type { ApplicationRow } from '../applications/applications.access';
import { files } from '../files/files.table';
import { institutions } from '../institutions/institutions.table';
import { licences } from '../licences/licences.table';
import { revokeLicence } from '../licences/licences.service';
import { insertFiles, type FileRow } from '../materials/materials.repository';
import { notifyReviewers, notifyReviewersOfNames, notifyUnit } from '../notifications/notifications.service';
import { inspectionScope, inScope, isOverdue, overdueOn, scopedTask, type InspectionRow } from './inspections.repository';
import { dishonestyRecords, inspectionReminders, inspectionTasks, spotCheckPlans } from './inspections.table';
import { queryRows } from '../../db/client';

/** files.owner_type of a 核查 photo */
export const INSPECTION_PHOTO_OWNER = 'inspection_photo';
const MAX_PHOTOS_PER_UPLOAD = 20;
const MAX_PHOTOS = 50;

/** YYYY-MM-DD plus whole calendar months (the 31st of a shorter month becomes its last day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The columns a task's view reads (selectTasks). */
const TASK_COLUMNS = {
  t: inspectionTasks,
  name: institutions.name,
  uscc: institutions.uscc,
  unitName: units.name,
  deptName: departments.name,
  licenceNumber: licences.number,
  licenceStatus: licences.status,
  planName: spotCheckPlans.name,
  inspectorNames: sql<string[] | null>`(SELECT array_agg(u.name ORDER BY u.name) FROM users u WHERE u.id = ANY(${inspectionTasks.inspectors}))`,
};
type TaskSelection = { t: InspectionRow; name: string; uscc: string; unitName: string; deptName: string | null; licenceNumber: string | null; licenceStatus: TInspectionListItem['licenceStatus']; planName: string | null; inspectorNames: string[] | null };

/** Tasks with what their views show: institution, unit, department, licence, plan. */
const selectTasks = (db: DbOrTx) =>
  db
    .select(TASK_COLUMNS)
    .from(inspectionTasks)
    .innerJoin(institutions, eq(institutions.id, inspectionTasks.institutionId))
    .innerJoin(units, eq(units.id, inspectionTasks.unitId))
    .leftJoin(departments, eq(departments.code, inspectionTasks.department))
    .leftJoin(licences, eq(licences.id, inspectionTasks.licenceId))
    .leftJoin(spotCheckPlans, eq(spotCheckPlans.id, inspectionTasks.planId));

/** A 抽查 is done by the inspectors its plan drew, no other reviewer. */
function assertInspector(task: InspectionRow, actor: Actor): void {
  if (task.kind === '双随机抽查' && !task.inspectors.includes(actor.user.id)) {
    throw new AppError(AppErrorCode.FORBIDDEN, '该抽查任务由随机抽取的检查人员办理，您不是本任务的检查人员');
  }
}

/** The checklist of a result: every item of the kind's list answered once, nothing else. */
function checkedItems(items: readonly { key: string; label: string }[], req: Pick<TInspectionResultRequest, 'checklist'>, what: string): TCheckItem[] {
  const byKey = new Map(req.checklist.map((c) => [c.key, c]));
  const missing = items.filter((i) => !byKey.has(i.key));
  if (missing.length || byKey.size !== req.checklist.length || req.checklist.some((c) => !items.some((i) => i.key === c.key))) {
    throw new AppError(AppErrorCode.VALIDATION, `请对每项${what}作出核查结论${missing.length ? `：${missing.map((m) => m.label).join('；')}` : ''}`, [{ path: 'checklist', message: `请对每项${what}作出核查结论` }]);
  }
  return items.map((i) => ({ key: i.key, label: i.label, result: byKey.get(i.key)!.result, note: byKey.get(i.key)!.note ?? '' }));
}

function audit(deps: Pick<AppDeps, 'audit'>, tx: DbOrTx, actor: Actor, action: TAuditAction, task: Pick<InspectionRow, 'id' | 'unitId'>, detail: Record<string, unknown> = {}) {
  const u = actor.user;
  return deps.audit.record(tx, { action, actorId: u.id, actorAccount: u.account, actorRole: u.role, unitId: task.unitId, targetType: 'inspection', targetId: task.id, ip: actor.ip, detail });
}

/**
 * 告知承诺 approval's 核查任务 (decision 0043), in the approval's transaction: due within the
 * administrator's period, one checklist row per commitment, the department's reviewers told.
 */
export async function createInspectionTask(
  tx: DbOrTx,
  deps: Pick<AppDeps, 'audit'>,
  input: { app: ApplicationRow; licenceId: string | null; department: string; now: Date; actor: Actor; institutionName: string },
): Promise<InspectionRow> {
  const months = await readSetting(tx, 'promise.inspectionMonths');
  const dueOn = addMonths(beijingDay(input.now), months);
  const checklist: TCheckItem[] = PROMISE_ITEMS.map((i) => ({ key: i.key, label: i.label, result: null, note: '' }));
  const [task] = await tx
    .insert(inspectionTasks)
    .values({
      applicationId: input.app.id,
      institutionId: input.app.institutionId,
      unitId: input.app.unitId,
      licenceId: input.licenceId,
      department: input.department,
      dueOn,
      checklist,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  await audit(deps, tx, input.actor, 'inspection.created', task!, { applicationId: input.app.id, dueOn });
  await notifyReviewers(tx, input.now, {
    department: input.department,
    kind: 'inspection.created',
    title: `新的核查任务：${input.institutionName}`,
    body: `“${input.institutionName}”以告知承诺方式取得许可，请于${dueOn}前完成对其承诺事项的核查。`,
    link: `/hr/reviews/inspections/${task!.id}`,
  });
  return task!;
}

/**
 * 核查任务: the reviewer's list and steps (核查结论 属实 / 不属实 with 限期整改, 整改完成, 撤销许可), photos,
 * the 待办 counts, the administrator's backlog and the unit's view. Every step locks the task, checks
 * its state and version (one of two concurrent steps wins, the other gets a 409) and is audited.
 */
export class InspectionsService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  private today(): string {
    return beijingDay(this.deps.clock());
  }

  async list(actor: Actor, q: TInspectionListQuery): Promise<TPage<TInspectionListItem>> {
    const scope = await inspectionScope(this.db, actor);
    const today = this.today();
    const where = and(
      inScope(scope),
      q.kind ? eq(inspectionTasks.kind, q.kind) : undefined,
      q.status ? eq(inspectionTasks.status, q.status) : undefined,
      q.name ? ilike(institutions.name, `%${likeEscape(q.name)}%`) : undefined,
      q.overdue ? overdueOn(today) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      selectTasks(this.db)
        .where(where)
        .orderBy(sql`CASE ${inspectionTasks.status} WHEN '已完成' THEN 1 ELSE 0 END`, asc(sql`coalesce(${inspectionTasks.rectifyDeadline}, ${inspectionTasks.dueOn})`), desc(inspectionTasks.createdAt), asc(inspectionTasks.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      this.db
        .select({ n: sql<number>`count(*)::int` })
        .from(inspectionTasks)
        .innerJoin(institutions, eq(institutions.id, inspectionTasks.institutionId))
        .where(where),
    ]);
    return { total: total?.n ?? 0, page: q.page, pageSize: q.pageSize, items: rows.map((r) => this.listItem(r, today)) };
  }

  private listItem(r: TaskSelection, today: string): TInspectionListItem {
    const { t } = r;
    return {
      id: t.id,
      version: t.version,
      kind: t.kind,
      applicationId: t.applicationId,
      planId: t.planId,
      planName: r.planName,
      inspectors: r.inspectorNames ?? [],
      institutionId: t.institutionId,
      institutionName: r.name,
      uscc: r.uscc,
      unitName: r.unitName,
      department: t.department,
      departmentName: r.deptName ?? t.department,
      licenceNumber: r.licenceNumber,
      licenceStatus: r.licenceStatus,
      status: t.status,
      outcome: t.outcome,
      createdAt: t.createdAt.toISOString(),
      dueOn: t.dueOn,
      overdue: isOverdue(t, today),
      rectifyDemand: t.rectifyDemand,
      rectifyDeadline: t.rectifyDeadline,
      closedAt: t.closedAt?.toISOString() ?? null,
      revokeReason: t.revokeReason,
    };
  }

  /** The reviewer's 主页 待办: its department's 待核查, 整改中 and overdue (of 抽查, those drawn to the reviewer). */
  async todo(actor: Actor): Promise<TInspectionTodo> {
    if (actor.user.role !== 'reviewer') return { pending: 0, rectifying: 0, overdue: 0 };
    const scope = await inspectionScope(this.db, actor);
    const [row] = await this.db
      .select({
        pending: sql<number>`(count(*) FILTER (WHERE ${inspectionTasks.status} = '待核查'))::int`,
        rectifying: sql<number>`(count(*) FILTER (WHERE ${inspectionTasks.status} = '整改中'))::int`,
        overdue: sql<number>`(count(*) FILTER (WHERE ${overdueOn(this.today())}))::int`,
      })
      .from(inspectionTasks)
      // a 抽查 is its drawn inspectors' to do, not the whole department's
      .where(and(inScope(scope), sql`(${inspectionTasks.kind} <> '双随机抽查' OR ${actor.user.id}::uuid = ANY(${inspectionTasks.inspectors}))`));
    return { pending: row?.pending ?? 0, rectifying: row?.rectifying ?? 0, overdue: row?.overdue ?? 0 };
  }

  /**
   * The daily 核查期限 reminder (run with the 办理期限 reminders): each department's reviewers get one
   * 消息中心 message naming the tasks whose deadline (核查期限 while 待核查, 整改期限 while 整改中) is 7 days
   * or fewer away, and one naming those just overdue; each task once per deadline and stage.
   */
  async sendDueReminders(): Promise<{ dueSoon: number; overdue: number }> {
    const today = this.today();
    const now = this.deps.clock();
    const soon = new Date(Date.parse(today) + 7 * 86_400_000).toISOString().slice(0, 10);
    const deadline = sql`CASE WHEN ${inspectionTasks.status} = '整改中' THEN ${inspectionTasks.rectifyDeadline} ELSE ${inspectionTasks.dueOn} END`;
    const open = sql`${inspectionTasks.status} IN ('待核查', '整改中') AND ${deadline} IS NOT NULL`;
    const stages = [
      { stage: 'overdue', due: sql`${deadline} < ${today}`, text: '已逾期' },
      { stage: 'due-soon', due: sql`${deadline} >= ${today} AND ${deadline} <= ${soon}`, text: '7日内到期' },
    ];
    const sent = { dueSoon: 0, overdue: 0 };
    for (const { stage, due, text } of stages) {
      const named = await this.db.transaction(async (tx) => {
        const rows = await queryRows<{ department: string; name: string }>(
          tx,
          sql`WITH fresh AS (
                INSERT INTO ${inspectionReminders} (task_id, due_on, stage, sent_at)
                SELECT ${inspectionTasks.id}, ${deadline}, ${stage}, ${now.toISOString()}::timestamptz
                  FROM ${inspectionTasks}
                 WHERE ${open} AND ${due}
                ON CONFLICT DO NOTHING
                RETURNING task_id)
              SELECT t.department, i.name
                FROM fresh JOIN inspection_tasks t ON t.id = fresh.task_id JOIN institutions i ON i.id = t.institution_id
               ORDER BY t.department, i.name`,
        );
        await notifyReviewersOfNames(tx, now, rows, (shown, count) => ({
          kind: 'inspection.deadline',
          title: `核查期限提醒：${count}个核查任务${text}`,
          body: `${shown}${count}个核查任务${text}，请及时核查或确认整改情况。`,
          link: '/hr/reviews/inspections',
        }));
        return rows.length;
      });
      if (stage === 'overdue') sent.overdue = named;
      else sent.dueSoon = named;
    }
    return sent;
  }

  /** The administrator's view: each department's open tasks and how many are overdue. */
  async backlog(): Promise<TInspectionBacklog> {
    const rows = await this.db
      .select({
        department: inspectionTasks.department,
        departmentName: sql<string>`coalesce(max(${departments.name}), ${inspectionTasks.department})`,
        pending: sql<number>`(count(*) FILTER (WHERE ${inspectionTasks.status} = '待核查'))::int`,
        rectifying: sql<number>`(count(*) FILTER (WHERE ${inspectionTasks.status} = '整改中'))::int`,
        overdue: sql<number>`(count(*) FILTER (WHERE ${overdueOn(this.today())}))::int`,
      })
      .from(inspectionTasks)
      .leftJoin(departments, eq(departments.code, inspectionTasks.department))
      .where(inArray(inspectionTasks.status, ['待核查', '整改中']))
      .groupBy(inspectionTasks.department)
      .orderBy(inspectionTasks.department);
    return rows;
  }

  async get(actor: Actor, id: string): Promise<TInspectionTask> {
    const scope = await inspectionScope(this.db, actor);
    await scopedTask(this.db, scope, id);
    return this.view(this.db, id, actor);
  }

  private async view(db: DbOrTx, id: string, actor: Actor): Promise<TInspectionTask> {
    const [r] = await selectTasks(db).where(eq(inspectionTasks.id, id));
    if (!r) throw new AppError(AppErrorCode.NOT_FOUND, '核查任务不存在或无权查看');
    const today = this.today();
    const photos = await db
      .select()
      .from(files)
      .where(and(eq(files.ownerType, INSPECTION_PHOTO_OWNER), eq(files.ownerId, id)))
      .orderBy(asc(files.createdAt), asc(files.id));
    const t = r.t;
    const mayAct = actor.user.role === 'reviewer' && (t.kind !== '双随机抽查' || t.inspectors.includes(actor.user.id));
    const revocable = t.kind === '告知承诺核查' && !!t.rectifyDeadline && t.rectifyDeadline < today;
    const actions: TInspectionAction[] = !mayAct
      ? []
      : t.status === '待核查'
        ? ['核查结论', '上传照片']
        : t.status === '整改中'
          ? ['整改完成', ...(revocable ? (['撤销许可'] as const) : []), '上传照片']
          : [];
    return {
      ...this.listItem(r, today),
      checklist: t.checklist,
      findings: t.findings,
      photos: photos.map((f) => ({ id: f.id, name: f.name, size: f.size, mime: f.mime, uploadedAt: f.createdAt.toISOString() })),
      actions,
      creditRating: await this.deps.hooks.creditRatingOf(db, t.institutionId, today),
    };
  }

  /**
   * A step on a task: within the reviewer's scope, locked, in the expected state and at the version
   * the reviewer saw; then `work`, the bump and the audit entry, in one transaction.
   */
  private async step(
    actor: Actor,
    id: string,
    version: number,
    from: InspectionRow['status'],
    what: string,
    work: (tx: DbOrTx, task: InspectionRow, ctx: { now: Date; today: string; deptName: string; name: string }) => Promise<{ set: Partial<typeof inspectionTasks.$inferInsert>; action: TAuditAction; detail: Record<string, unknown> }>,
  ): Promise<TInspectionTask> {
    if (actor.user.role !== 'reviewer') throw new AppError(AppErrorCode.FORBIDDEN, '只有审核人员可以办理核查任务');
    await this.db.transaction(async (tx) => {
      const scope = await inspectionScope(tx, actor);
      const task = await scopedTask(tx, scope, id, { lock: true });
      assertInspector(task, actor);
      if (task.status !== from) {
        const done = task.status === '已完成' ? `已办结（${task.outcome ?? ''}）` : `当前状态为“${task.status}”`;
        throw new AppError(AppErrorCode.CONFLICT, `该核查任务${done}，不能${what}。请刷新页面查看`);
      }
      if (task.version !== version) throw new AppError(AppErrorCode.CONFLICT, `该核查任务已被他人修改，不能${what}。请刷新页面查看`, undefined, { currentVersion: task.version });
      const now = this.deps.clock();
      const [inst] = await tx.select({ name: institutions.name }).from(institutions).where(eq(institutions.id, task.institutionId));
      const deptName = scope.department === null ? task.department : issuerName({ code: scope.department, name: scope.departmentName });
      const { set, action, detail } = await work(tx, task, { now, today: beijingDay(now), deptName, name: inst?.name ?? '' });
      await tx
        .update(inspectionTasks)
        .set({ ...set, version: task.version + 1, updatedAt: now })
        .where(eq(inspectionTasks.id, task.id));
      await audit(this.deps, tx, actor, action, task, detail);
    });
    return this.view(this.db, id, actor);
  }

  /**
   * 核查结论 — of a 核查: 属实 closes the task; 不属实 orders 限期整改. Of a 抽查: 合格 or 立案 close it (立案:
   * the case goes to the department's enforcement), 责令整改 orders 限期整改. The unit is told by 消息中心,
   * and by SMS when it must act.
   */
  async result(actor: Actor, id: string, req: TInspectionResultRequest & { findings: string }): Promise<TInspectionTask> {
    const kindOf = await this.db.select({ kind: inspectionTasks.kind }).from(inspectionTasks).where(eq(inspectionTasks.id, id));
    if (kindOf[0]?.kind === '双随机抽查') return this.spotCheckResult(actor, id, req);
    const checklist = checkedItems(PROMISE_ITEMS, req, '承诺');
    const failed = checklist.filter((c) => c.result === '不属实');
    if (!RESULTS_OF_KIND.告知承诺核查.includes(req.outcome)) throw new AppError(AppErrorCode.VALIDATION, '核查结论只能是属实或不属实', [{ path: 'outcome', message: '核查结论只能是属实或不属实' }]);
    if (req.outcome === '属实' && failed.length) throw new AppError(AppErrorCode.VALIDATION, '有承诺事项核查不属实，核查结论应为不属实', [{ path: 'outcome', message: '有承诺事项核查不属实，核查结论应为不属实' }]);
    if (req.outcome === '不属实' && !failed.length) throw new AppError(AppErrorCode.VALIDATION, '核查结论为不属实时，请标明哪项承诺不属实', [{ path: 'checklist', message: '请标明哪项承诺不属实' }]);
    return this.step(actor, id, req.version, '待核查', '作出核查结论', async (tx, task, { now, today, deptName, name }) => {
      if (task.kind !== '告知承诺核查') throw new AppError(AppErrorCode.CONFLICT, '该任务类型已变化，请刷新页面查看');
      if (req.outcome === '属实') {
        await notifyUnit(tx, now, {
          unitId: task.unitId,
          kind: 'inspection.closed',
          title: `核查属实：${name}`,
          body: `${deptName}于${formatBeijing(now)}完成对“${name}”告知承诺事项的核查，承诺事项属实，核查任务已办结。`,
          link: `/hr/institutions/${task.institutionId}/view`,
        });
        return { set: { status: '已完成', outcome: '属实', checklist, findings: req.findings, closedAt: now, closedBy: actor.user.id }, action: 'inspection.verified', detail: { findings: req.findings } };
      }
      const deadline = req.rectifyDeadline!;
      if (deadline <= today) throw new AppError(AppErrorCode.VALIDATION, '整改期限应晚于今天', [{ path: 'rectifyDeadline', message: '整改期限应晚于今天' }]);
      const what = failed.map((c) => `“${c.label}”${c.note ? `（${c.note}）` : ''}`).join('、');
      await notifyUnit(tx, now, {
        unitId: task.unitId,
        kind: 'inspection.rectification',
        title: `限期整改：${name}`,
        body: `${deptName}于${formatBeijing(now)}核查“${name}”的告知承诺事项，发现以下承诺与实际不符：${what}。整改要求：${req.rectifyDemand}。请于${deadline}前完成整改；逾期未整改的，将依法撤销许可并记入失信记录。`,
        link: `/hr/institutions/${task.institutionId}/view`,
      });
      await this.queueSms(tx, task, `【吉林智慧人社】您单位“${name}”的告知承诺事项核查不属实，请于${deadline}前完成整改，逾期将依法撤销许可。请登录吉林人力资源市场管理查看整改要求。`);
      return {
        set: { status: '整改中', checklist, findings: req.findings, rectifyDemand: req.rectifyDemand!, rectifyDeadline: deadline },
        action: 'inspection.rectification_ordered',
        detail: { findings: req.findings, failed: failed.map((c) => c.label), demand: req.rectifyDemand, deadline },
      };
    });
  }

  private async spotCheckResult(actor: Actor, id: string, req: TInspectionResultRequest & { findings: string }): Promise<TInspectionTask> {
    const checklist = checkedItems(SPOT_CHECK_ITEMS, req, '检查事项');
    const failed = checklist.filter((c) => c.result === '不属实');
    if (!RESULTS_OF_KIND.双随机抽查.includes(req.outcome)) throw new AppError(AppErrorCode.VALIDATION, '抽查结果只能是合格、责令整改或立案', [{ path: 'outcome', message: '抽查结果只能是合格、责令整改或立案' }]);
    if (req.outcome === '合格' && failed.length) throw new AppError(AppErrorCode.VALIDATION, '有检查事项不符合，抽查结果不能为合格', [{ path: 'outcome', message: '有检查事项不符合，抽查结果不能为合格' }]);
    if (req.outcome !== '合格' && !failed.length) throw new AppError(AppErrorCode.VALIDATION, `抽查结果为${req.outcome}时，请标明哪项检查事项不符合`, [{ path: 'checklist', message: '请标明哪项检查事项不符合' }]);
    return this.step(actor, id, req.version, '待核查', '登记抽查结果', async (tx, task, { now, today, deptName, name }) => {
      const what = failed.map((c) => `“${c.label}”${c.note ? `（${c.note}）` : ''}`).join('、');
      const link = `/hr/institutions/${task.institutionId}/view`;
      if (req.outcome === '合格') {
        await notifyUnit(tx, now, { unitId: task.unitId, kind: 'inspection.closed', title: `抽查合格：${name}`, body: `${deptName}于${formatBeijing(now)}对“${name}”进行双随机抽查，检查事项均符合规定，抽查结果为合格，将依法向社会公开。`, link });
        return { set: { status: '已完成', outcome: '合格', checklist, findings: req.findings, closedAt: now, closedBy: actor.user.id }, action: 'inspection.passed', detail: { findings: req.findings } };
      }
      if (req.outcome === '立案') {
        await notifyUnit(tx, now, { unitId: task.unitId, kind: 'inspection.case_opened', title: `抽查立案：${name}`, body: `${deptName}于${formatBeijing(now)}对“${name}”进行双随机抽查，发现以下问题：${what}。依法予以立案调查，抽查结果将向社会公开。`, link });
        await this.queueSms(tx, task, `【吉林智慧人社】您单位“${name}”在双随机抽查中发现问题，已依法立案调查。请登录吉林人力资源市场管理查看详情。`);
        return { set: { status: '已完成', outcome: '立案', checklist, findings: req.findings, closedAt: now, closedBy: actor.user.id }, action: 'inspection.case_opened', detail: { findings: req.findings, failed: failed.map((c) => c.label) } };
      }
      const deadline = req.rectifyDeadline!;
      if (deadline <= today) throw new AppError(AppErrorCode.VALIDATION, '整改期限应晚于今天', [{ path: 'rectifyDeadline', message: '整改期限应晚于今天' }]);
      await notifyUnit(tx, now, {
        unitId: task.unitId,
        kind: 'inspection.rectification',
        title: `责令整改：${name}`,
        body: `${deptName}于${formatBeijing(now)}对“${name}”进行双随机抽查，发现以下问题：${what}。整改要求：${req.rectifyDemand}。请于${deadline}前完成整改。`,
        link,
      });
      await this.queueSms(tx, task, `【吉林智慧人社】您单位“${name}”在双随机抽查中被责令整改，请于${deadline}前完成整改。请登录吉林人力资源市场管理查看整改要求。`);
      return {
        set: { status: '整改中', outcome: '责令整改', checklist, findings: req.findings, rectifyDemand: req.rectifyDemand!, rectifyDeadline: deadline },
        action: 'inspection.rectification_ordered',
        detail: { findings: req.findings, failed: failed.map((c) => c.label), demand: req.rectifyDemand, deadline },
      };
    });
  }

  /** 整改完成: the reviewer confirms the 整改; the task closes. */
  async rectified(actor: Actor, id: string, req: TInspectionCloseRequest): Promise<TInspectionTask> {
    return this.step(actor, id, req.version, '整改中', '确认整改完成', async (tx, task, { now, deptName, name }) => {
      await notifyUnit(tx, now, {
        unitId: task.unitId,
        kind: 'inspection.closed',
        title: `整改完成：${name}`,
        body: `${deptName}于${formatBeijing(now)}确认“${name}”已按要求完成整改，${task.kind === '双随机抽查' ? '抽查' : '核查'}任务已办结。`,
        link: `/hr/institutions/${task.institutionId}/view`,
      });
      const findings = req.note ? `${task.findings}\n整改情况：${req.note}` : task.findings;
      // a 抽查's published result stays 责令整改 (the register says it was fixed); a 核查's becomes 整改完成
      const outcome = task.kind === '双随机抽查' ? '责令整改' : '整改完成';
      return { set: { status: '已完成', outcome, findings, closedAt: now, closedBy: actor.user.id }, action: 'inspection.rectified', detail: { note: req.note ?? '' } };
    });
  }

  /**
   * 撤销许可, once the 整改 deadline has passed without 整改完成: the licence becomes 已撤销 (verification
   * and the register say so), a 失信记录 is written, the unit is told why by 消息中心 and SMS.
   */
  async revoke(actor: Actor, id: string, req: TInspectionRevokeRequest & { reason: string }): Promise<TInspectionTask> {
    return this.step(actor, id, req.version, '整改中', '撤销许可', async (tx, task, { now, today, deptName, name }) => {
      if (task.kind !== '告知承诺核查') throw new AppError(AppErrorCode.CONFLICT, '抽查任务不能撤销许可；发现违法行为的，请登记抽查结果为立案');
      if (!task.rectifyDeadline || task.rectifyDeadline >= today) {
        throw new AppError(AppErrorCode.CONFLICT, `整改期限（${task.rectifyDeadline ?? ''}）尚未届满，不能撤销许可`);
      }
      const licence = await revokeLicence(tx, this.deps, { institutionId: task.institutionId });
      await tx.insert(dishonestyRecords).values({
        institutionId: task.institutionId,
        recordedOn: today,
        reason: `告知承诺事项核查不属实，逾期未整改，许可被撤销：${req.reason}`,
        source: '告知承诺核查',
        inspectionTaskId: task.id,
        department: task.department,
        createdBy: actor.user.id,
        createdAt: now,
      });
      await notifyUnit(tx, now, {
        unitId: task.unitId,
        kind: 'inspection.revoked',
        title: `撤销许可：${name}`,
        body: `“${name}”告知承诺事项核查不属实，未在${task.rectifyDeadline}前完成整改。${deptName}于${formatBeijing(now)}决定撤销其人力资源服务许可${licence ? `（${licence.number}）` : ''}，并记入失信记录。理由：${req.reason}。如不服，可依法申请行政复议或者提起行政诉讼。`,
        link: `/hr/institutions/${task.institutionId}/view`,
      });
      await this.queueSms(tx, task, `【吉林智慧人社】您单位“${name}”逾期未完成告知承诺整改，人力资源服务许可已被撤销。请登录吉林人力资源市场管理查看详情。`);
      return {
        set: { status: '已完成', outcome: '撤销许可', revokeReason: req.reason, closedAt: now, closedBy: actor.user.id },
        action: 'inspection.revoked',
        detail: { reason: req.reason, licenceNumber: licence?.number ?? null },
      };
    });
  }

  /**
   * The SMS, queued in the step's transaction: for a 核查 to the agent who submitted the application,
   * for a 抽查 to the unit's legal person.
   */
  private async queueSms(tx: DbOrTx, task: InspectionRow, text: string): Promise<void> {
    const [to] = task.applicationId
      ? await tx
          .select({ phoneEnc: users.phoneEnc })
          .from(applicationSubmissions)
          .innerJoin(users, eq(users.id, applicationSubmissions.submittedBy))
          .where(eq(applicationSubmissions.applicationId, task.applicationId))
          .orderBy(desc(applicationSubmissions.round))
          .limit(1)
      : await tx
          .select({ phoneEnc: users.phoneEnc })
          .from(users)
          .where(and(eq(users.unitId, task.unitId), eq(users.role, 'legal'), eq(users.status, 'active')))
          .limit(1);
    if (to?.phoneEnc) await this.deps.jobs.send(tx, 'sms', { phoneEnc: to.phoneEnc, text });
  }

  /** 核查照片: scanned like every upload, stored while the task is open. */
  async uploadPhotos(actor: Actor, id: string, readForm: DocumentFormReader): Promise<TInspectionTask> {
    if (actor.user.role !== 'reviewer') throw new AppError(AppErrorCode.FORBIDDEN, '只有审核人员可以上传核查照片');
    const scope = await inspectionScope(this.db, actor);
    const before = await scopedTask(this.db, scope, id);
    assertInspector(before, actor);
    if (before.status === '已完成') throw new AppError(AppErrorCode.CONFLICT, '该核查任务已办结，不能再上传照片');
    const uploader = { user: actor.user, ip: actor.ip, unitId: before.unitId, target: { type: 'inspection', id } };
    await readForm({ maxFiles: MAX_PHOTOS_PER_UPLOAD, uploader }, async ({ files: uploaded, commit }) => {
      if (!uploaded.length) throw new AppError(AppErrorCode.VALIDATION, '请选择要上传的照片', [{ path: 'files', message: '请选择要上传的照片' }]);
      const now = this.deps.clock();
      await this.db.transaction(async (tx) => {
        const task = await scopedTask(tx, scope, id, { lock: true });
        if (task.status === '已完成') throw new AppError(AppErrorCode.CONFLICT, '该核查任务已办结，不能再上传照片');
        const [held] = await tx.select({ n: sql<number>`count(*)::int` }).from(files).where(and(eq(files.ownerType, INSPECTION_PHOTO_OWNER), eq(files.ownerId, id)));
        if ((held?.n ?? 0) + uploaded.length > MAX_PHOTOS) throw new AppError(AppErrorCode.CONFLICT, `核查照片最多${MAX_PHOTOS}个，已有${held?.n ?? 0}个`);
        const rows = await insertFiles(
          tx,
          uploaded.map((f, i) => ({ ownerType: INSPECTION_PHOTO_OWNER, ownerId: id, slot: null, sha256: f.sha256, size: f.size, mime: f.mime, name: f.name, createdAt: new Date(now.getTime() + i) })),
        );
        for (const row of rows) await audit(this.deps, tx, actor, 'inspection.photo_uploaded', task, { fileId: row.id, name: row.name, size: row.size, sha256: row.sha256 });
        await commit();
      });
    });
    return this.view(this.db, id, actor);
  }

  async photo(actor: Actor, id: string, fileId: string): Promise<FileRow> {
    const scope = await inspectionScope(this.db, actor);
    await scopedTask(this.db, scope, id);
    const [f] = await this.db.select().from(files).where(and(eq(files.id, fileId), eq(files.ownerType, INSPECTION_PHOTO_OWNER), eq(files.ownerId, id)));
    if (!f) throw new AppError(AppErrorCode.NOT_FOUND, '文件不存在或已删除');
    return f;
  }

  /** The unit's view of one of its institutions: its 核查 (state, what to fix by when) and its 失信记录. */
  async unitView(actor: Actor, institutionId: string): Promise<TUnitInspections> {
    const unitId = actorUnitId(actor);
    const [inst] = await this.db.select({ id: institutions.id }).from(institutions).where(and(eq(institutions.id, institutionId), eq(institutions.unitId, unitId)));
    if (!inst) throw new AppError(AppErrorCode.NOT_FOUND, '机构不存在或不属于本单位');
    const [tasks, records] = await Promise.all([
      // a 抽查 is not announced: the unit sees it once the inspector has recorded a result
      this.db
        .select()
        .from(inspectionTasks)
        .where(and(eq(inspectionTasks.institutionId, institutionId), eq(inspectionTasks.unitId, unitId), sql`NOT (${inspectionTasks.kind} = '双随机抽查' AND ${inspectionTasks.status} = '待核查')`))
        .orderBy(desc(inspectionTasks.createdAt)),
      this.db.select().from(dishonestyRecords).where(eq(dishonestyRecords.institutionId, institutionId)).orderBy(desc(dishonestyRecords.createdAt)),
    ]);
    return {
      tasks: tasks.map((t) => ({
        id: t.id,
        kind: t.kind,
        status: t.status,
        outcome: t.outcome,
        createdAt: t.createdAt.toISOString(),
        dueOn: t.dueOn,
        rectifyDemand: t.rectifyDemand,
        rectifyDeadline: t.rectifyDeadline,
        closedAt: t.closedAt?.toISOString() ?? null,
        revokeReason: t.revokeReason,
      })),
      dishonesty: records.map((r) => ({ id: r.id, recordedOn: r.recordedOn, reason: r.reason, source: r.source })),
    };
  }
}
