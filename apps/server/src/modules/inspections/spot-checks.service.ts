import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import {
  AppErrorCode,
  SPOT_CHECK_ITEMS,
  beijingDay,
  type TCheckItem,
  type TCreditLevel,
  type TPage,
  type TSpotCheckFilter,
  type TSpotCheckListQuery,
  type TSpotCheckPlan,
  type TSpotCheckPlanListItem,
  type TSpotCheckPreview,
  type TSpotCheckReplay,
  type TSpotCheckScope,
} from '@jhrm/contracts';
import type { z } from 'zod';
import type { ZSpotCheckPlanRequest } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { likeEscape } from '../../lib/like';
import { queryRows, type DbOrTx } from '../../db/client';
import type { AppDeps } from '../../deps';
import type { Actor } from '../accounts/actor';
import { departments, users } from '../accounts/accounts.table';
import { institutions } from '../institutions/institutions.table';
import { notifyUsers } from '../notifications/notifications.service';
import { isOverdue } from './inspections.repository';
import { inspectionTasks, spotCheckPlans } from './inspections.table';
import { draw, drawCount, type DrawPool, type Drawn } from './spot-check-draw';

type PlanRequest = z.output<typeof ZSpotCheckPlanRequest>;
/** The caller's planning scope: `own` the city department a reviewer plans for (null: an administrator), `codes` the departments in range (null: all). */
type PlanScope = TSpotCheckScope & { own: string | null; codes: string[] | null };
type Candidate = { id: string; unitId: string; licenceId: string; department: string; name: string; exclude: string[] };


/**
 * 双随机抽查计划 (decision 0049): the administrator's plans. Creating one draws it at once, in one
 * transaction: the candidates the filter selects (licences in force, not expired) with their credit
 * level's weight and the reviewers each must not get, each department's active reviewers, the draw from
 * the seed, the plan with its pool, one 抽查任务 per drawn institution, a message to each inspector, the
 * audit entry with the seed. 复核抽取 replays the draw from the record.
 */
export class SpotChecksService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  /**
   * Who may plan over what (tenant isolation of plans): an administrator everything; a reviewer of a
   * city 审批部门 the licences that city and its counties issued, and the plans its department made.
   */
  async scope(actor: Actor): Promise<PlanScope> {
    if (actor.user.role === 'admin') {
      const all = await this.db.select({ code: departments.code, name: departments.name }).from(departments).where(eq(departments.active, true)).orderBy(asc(departments.code));
      return { canPlan: true, departments: all, label: '全省', own: null, codes: null };
    }
    const dept = actor.user.role === 'reviewer' && actor.user.departmentId ? (await this.db.select().from(departments).where(eq(departments.id, actor.user.departmentId)))[0] : undefined;
    if (!dept) throw new AppError(AppErrorCode.FORBIDDEN, '无权查看抽查计划');
    if (dept.level !== 'city') return { canPlan: false, departments: [], label: `${dept.name}：抽查计划由管理员或市级审批部门制定，本部门办理抽中的抽查任务`, own: dept.code, codes: [] };
    const counties = await this.db.select({ code: departments.code, name: departments.name }).from(departments).where(eq(departments.parentId, dept.id)).orderBy(asc(departments.code));
    const inRange = [{ code: dept.code, name: dept.name }, ...counties];
    return { canPlan: true, departments: inRange, label: `${dept.name}及所辖县（市、区）`, own: dept.code, codes: inRange.map((d) => d.code) };
  }

  /** The filter within the scope: a department outside it is refused. */
  private inScope(scope: PlanScope, f: TSpotCheckFilter): void {
    if (!scope.canPlan) throw new AppError(AppErrorCode.FORBIDDEN, '只有管理员和市级审批部门的审核人员可以制定抽查计划');
    if (f.department && scope.codes && !scope.codes.includes(f.department)) {
      throw new AppError(AppErrorCode.VALIDATION, `只能抽查${scope.label}发证的机构`, [{ path: 'department', message: `只能选择${scope.label}的审批部门` }]);
    }
  }

  /** Licensed institutions the filter selects (credit levels aside) within `codes` (null: all), with whom each excludes. */
  private async candidates(db: DbOrTx, f: TSpotCheckFilter, codes: string[] | null, today: string): Promise<Candidate[]> {
    return queryRows<Candidate>(
      db,
      sql`SELECT l.institution_id AS id, l.unit_id AS "unitId", l.id AS "licenceId", l.department, i.name,
                 coalesce((SELECT array_agg(DISTINCT r) FROM (
                     SELECT a.accepted_by AS r FROM applications a WHERE a.institution_id = l.institution_id
                     UNION SELECT a.decided_by FROM applications a WHERE a.institution_id = l.institution_id AND a.status = '审核通过'
                     UNION SELECT l2.issued_by FROM licences l2 WHERE l2.institution_id = l.institution_id) x WHERE r IS NOT NULL), '{}') AS exclude
            FROM licences l JOIN institutions i ON i.id = l.institution_id
           WHERE l.status = '有效' AND (l.valid_until IS NULL OR l.valid_until >= ${today}) AND i.cancel_status = '正常'
             ${f.department ? sql`AND l.department = ${f.department}` : sql``}
             ${codes ? sql`AND l.department IN (${sql.join(codes.length ? codes.map((c) => sql`${c}`) : [sql`NULL`], sql`, `)})` : sql``}
             ${f.kind ? sql`AND l.kind = ${f.kind}` : sql``}
             ${f.scope ? sql`AND l.scopes ? ${f.scope}` : sql``}
           ORDER BY l.institution_id`,
    );
  }

  /** The pool: the candidates within the credit levels asked for, weighted by level, and the departments' reviewers. */
  private async pool(db: DbOrTx, f: TSpotCheckFilter, codes: string[] | null, today: string): Promise<{ pool: DrawPool; byId: Map<string, Candidate> }> {
    const all = await this.candidates(db, f, codes, today);
    const credit = await this.deps.hooks.creditLevelsOf(db, all.map((c) => c.id), today);
    const wanted = f.creditLevels?.length ? new Set<string>(f.creditLevels) : null;
    const kept = all.filter((c) => !wanted || wanted.has(credit.get(c.id)?.level ?? ''));
    const depts = [...new Set(kept.map((c) => c.department))];
    const reviewers: Record<string, string[]> = {};
    if (depts.length) {
      const rows = await db
        .select({ code: departments.code, id: users.id })
        .from(users)
        .innerJoin(departments, eq(departments.id, users.departmentId))
        .where(and(inArray(departments.code, depts), eq(users.role, 'reviewer'), eq(users.status, 'active')))
        .orderBy(asc(users.id));
      for (const r of rows) (reviewers[r.code] ??= []).push(r.id);
    }
    const levels: Record<string, string> = {};
    for (const c of kept) {
      const l = credit.get(c.id)?.level;
      if (l) levels[c.id] = l;
    }
    return {
      pool: { institutions: kept.map((c) => [c.id, credit.get(c.id)?.weight ?? 1, c.department, c.exclude]), reviewers, levels },
      byId: new Map(kept.map((c) => [c.id, c])),
    };
  }

  async preview(actor: Actor, req: Pick<PlanRequest, keyof TSpotCheckFilter | 'ratio'>): Promise<TSpotCheckPreview> {
    const scope = await this.scope(actor);
    this.inScope(scope, req);
    const { pool } = await this.pool(this.db, req, scope.codes, beijingDay(this.deps.clock()));
    return { candidates: pool.institutions.length, toDraw: drawCount(pool.institutions.length, req.ratio) };
  }

  async create(actor: Actor, req: PlanRequest): Promise<TSpotCheckPlan> {
    const scope = await this.scope(actor);
    this.inScope(scope, req);
    const now = this.deps.clock();
    const today = beijingDay(now);
    if (req.dueOn <= today) throw new AppError(AppErrorCode.VALIDATION, '完成期限应晚于今天', [{ path: 'dueOn', message: '完成期限应晚于今天' }]);
    const seed = req.seed ?? randomBytes(8).toString('hex');
    const filter: TSpotCheckFilter = { department: req.department, kind: req.kind, scope: req.scope, creditLevels: req.creditLevels?.length ? req.creditLevels : undefined };
    const id = await this.db.transaction(async (tx) => {
      const { pool, byId } = await this.pool(tx, filter, scope.codes, today);
      if (!pool.institutions.length) throw new AppError(AppErrorCode.CONFLICT, '没有符合筛选条件的持证机构，请调整抽查范围');
      const drawn = draw(seed, pool, req.ratio, req.inspectorsPerTask);
      const unstaffed = [...new Set(drawn.filter((d) => !d.inspectors.length).map((d) => d.department))];
      if (unstaffed.length) {
        const names = await tx.select({ name: departments.name }).from(departments).where(inArray(departments.code, unstaffed));
        throw new AppError(AppErrorCode.CONFLICT, `以下审批部门除曾受理、审批被抽中机构的人员外没有可指派的检查人员，请先增加审核人员：${names.map((n) => n.name).join('、') || unstaffed.join('、')}`);
      }
      const [plan] = await tx
        .insert(spotCheckPlans)
        .values({ name: req.name, scopeDepartment: scope.own, filter, ratio: req.ratio, inspectorsPerTask: req.inspectorsPerTask, dueOn: req.dueOn, seed, pool, candidateCount: pool.institutions.length, drawnCount: drawn.length, createdBy: actor.user.id, createdAt: now })
        .returning({ id: spotCheckPlans.id });
      const checklist: TCheckItem[] = SPOT_CHECK_ITEMS.map((i) => ({ key: i.key, label: i.label, result: null, note: '' }));
      const tasks = await tx
        .insert(inspectionTasks)
        .values(
          drawn.map((d) => {
            const c = byId.get(d.institutionId)!;
            return { kind: '双随机抽查' as const, planId: plan!.id, institutionId: c.id, unitId: c.unitId, licenceId: c.licenceId, department: d.department, dueOn: req.dueOn, checklist, inspectors: d.inspectors, createdAt: now, updatedAt: now };
          }),
        )
        .returning({ id: inspectionTasks.id, institutionId: inspectionTasks.institutionId });
      const taskOf = new Map(tasks.map((t) => [t.institutionId, t.id]));
      await notifyUsers(
        tx,
        now,
        drawn.flatMap((d) =>
          d.inspectors.map((userId) => ({
            userId,
            kind: 'inspection.spot_check',
            title: `双随机抽查任务：${byId.get(d.institutionId)!.name}`,
            body: `您被随机抽取为“${req.name}”中“${byId.get(d.institutionId)!.name}”的检查人员，请于${req.dueOn}前完成现场检查并登记抽查结果。`,
            link: `/hr/reviews/inspections/${taskOf.get(d.institutionId)}`,
          })),
        ),
      );
      const u = actor.user;
      await this.deps.audit.record(tx, {
        action: 'spot_check.drawn',
        actorId: u.id,
        actorAccount: u.account,
        actorRole: u.role,
        targetType: 'spot_check_plan',
        targetId: plan!.id,
        ip: actor.ip,
        detail: { name: req.name, filter, ratio: req.ratio, inspectorsPerTask: req.inspectorsPerTask, dueOn: req.dueOn, seed, candidates: pool.institutions.length, drawn: drawn.length },
      });
      return plan!.id;
    });
    return this.get(actor, id);
  }

  /** The plans the caller sees: an administrator every plan, a reviewer its department's. */
  private async visible(actor: Actor) {
    const scope = await this.scope(actor);
    return scope.own === null ? undefined : eq(spotCheckPlans.scopeDepartment, scope.own);
  }

  async list(actor: Actor, q: TSpotCheckListQuery): Promise<TPage<TSpotCheckPlanListItem>> {
    const where = and(await this.visible(actor), q.name ? ilike(spotCheckPlans.name, `%${likeEscape(q.name)}%`) : undefined);
    const [rows, [total]] = await Promise.all([
      this.listRows()
        .where(where)
        .orderBy(desc(spotCheckPlans.createdAt), desc(spotCheckPlans.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      this.db.select({ n: sql<number>`count(*)::int` }).from(spotCheckPlans).where(where),
    ]);
    return { total: total?.n ?? 0, page: q.page, pageSize: q.pageSize, items: rows.map(toListItem) };
  }

  private listRows() {
    return this.db
      .select({
        p: {
          id: spotCheckPlans.id,
          name: spotCheckPlans.name,
          filter: spotCheckPlans.filter,
          ratio: spotCheckPlans.ratio,
          inspectorsPerTask: spotCheckPlans.inspectorsPerTask,
          dueOn: spotCheckPlans.dueOn,
          seed: spotCheckPlans.seed,
          candidateCount: spotCheckPlans.candidateCount,
          drawnCount: spotCheckPlans.drawnCount,
          createdAt: spotCheckPlans.createdAt,
        },
        createdByName: users.name,
        departmentName: departments.name,
        closedCount: sql<number>`(SELECT count(*)::int FROM inspection_tasks t WHERE t.plan_id = ${spotCheckPlans.id} AND t.status = '已完成')`,
      })
      .from(spotCheckPlans)
      .innerJoin(users, eq(users.id, spotCheckPlans.createdBy))
      .leftJoin(departments, eq(departments.code, sql`${spotCheckPlans.filter}->>'department'`))
      .$dynamic();
  }

  async get(actor: Actor, id: string): Promise<TSpotCheckPlan> {
    const [row] = await this.listRows().where(and(eq(spotCheckPlans.id, id), await this.visible(actor)));
    if (!row) throw new AppError(AppErrorCode.NOT_FOUND, '抽查计划不存在');
    // each institution's credit level when the plan drew: only that part of the recorded pool (a province's is MBs)
    const [{ levels } = { levels: null }] = await this.db
      .select({ levels: sql<Record<string, TCreditLevel> | null>`${spotCheckPlans.pool} -> 'levels'` })
      .from(spotCheckPlans)
      .where(eq(spotCheckPlans.id, id));
    const today = beijingDay(this.deps.clock());
    const tasks = await this.db
      .select({
        t: {
          id: inspectionTasks.id,
          institutionId: inspectionTasks.institutionId,
          department: inspectionTasks.department,
          status: inspectionTasks.status,
          outcome: inspectionTasks.outcome,
          dueOn: inspectionTasks.dueOn,
          rectifyDeadline: inspectionTasks.rectifyDeadline,
          closedAt: inspectionTasks.closedAt,
        },
        name: institutions.name,
        uscc: institutions.uscc,
        departmentName: departments.name,
        inspectors: sql<string[] | null>`(SELECT array_agg(u.name ORDER BY u.name) FROM users u WHERE u.id = ANY(${inspectionTasks.inspectors}))`,
      })
      .from(inspectionTasks)
      .innerJoin(institutions, eq(institutions.id, inspectionTasks.institutionId))
      .leftJoin(departments, eq(departments.code, inspectionTasks.department))
      .where(eq(inspectionTasks.planId, id))
      .orderBy(asc(inspectionTasks.department), asc(institutions.name), asc(inspectionTasks.id));
    return {
      ...toListItem(row),
      tasks: tasks.map((r) => ({
        id: r.t.id,
        institutionId: r.t.institutionId,
        institutionName: r.name,
        uscc: r.uscc,
        department: r.t.department,
        departmentName: r.departmentName ?? r.t.department,
        creditLevel: levels?.[r.t.institutionId] ?? null,
        inspectors: r.inspectors ?? [],
        status: r.t.status,
        outcome: r.t.outcome,
        overdue: isOverdue(r.t, today),
        closedAt: r.t.closedAt?.toISOString() ?? null,
      })),
    };
  }

  /** 复核抽取: the draw again from the recorded seed and pool, compared with the plan's tasks. */
  async replay(actor: Actor, id: string): Promise<TSpotCheckReplay> {
    const [plan] = await this.db.select().from(spotCheckPlans).where(and(eq(spotCheckPlans.id, id), await this.visible(actor)));
    if (!plan) throw new AppError(AppErrorCode.NOT_FOUND, '抽查计划不存在');
    const again = draw(plan.seed, plan.pool, plan.ratio, plan.inspectorsPerTask);
    const tasks = await this.db.select({ institutionId: inspectionTasks.institutionId, inspectors: inspectionTasks.inspectors }).from(inspectionTasks).where(eq(inspectionTasks.planId, id));
    const key = (d: Pick<Drawn, 'institutionId' | 'inspectors'>) => `${d.institutionId}:${[...d.inspectors].sort().join(',')}`;
    const recorded = new Set(tasks.map(key));
    const matches = again.length === tasks.length && again.every((d) => recorded.has(key(d)));
    return {
      matches,
      drawn: again.length,
      message: matches
        ? `按记录的随机种子（${plan.seed}）和候选名单（${plan.candidateCount}个机构）重新抽取，抽中的${again.length}个机构及检查人员与本计划一致。`
        : `按记录的随机种子（${plan.seed}）重新抽取的结果与本计划的任务不一致，请联系系统管理员核查。`,
    };
  }
}

function toListItem(r: {
  p: { id: string; name: string; filter: TSpotCheckFilter; ratio: number; inspectorsPerTask: number; dueOn: string; seed: string; candidateCount: number; drawnCount: number; createdAt: Date };
  createdByName: string;
  departmentName: string | null;
  closedCount: number;
}): TSpotCheckPlanListItem {
  return { ...r.p, filter: { ...r.p.filter, departmentName: r.departmentName }, closedCount: r.closedCount, createdAt: r.p.createdAt.toISOString(), createdByName: r.createdByName };
}
