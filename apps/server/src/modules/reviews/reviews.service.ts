import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import {
  AppErrorCode,
  acceptanceKinds,
  acceptanceNotice,
  actionContext,
  addWorkingDays,
  allowedActions,
  decisionDueOn,
  hasAcceptanceStep,
  issuerName,
  beijingDay,
  beijingDayRange,
  findTransition,
  decisionNotice,
  kindDeclaration,
  reviewTargetLabel,
  REVIEW_TODO_DUE_SOON_DAYS,
  workingDaysLeft,
  type WorkCalendar,
  type TAcceptanceDecision,
  type TAcceptanceRequest,
  type TCorrectionItemView,
  type TDecisionRequest,
  type TDecisionResponse,
  type TFieldError,
  type TPage,
  type TReviewDecision,
  type TReviewDetail,
  type TReviewInboxItem,
  type TReviewInboxQuery,
  type TReviewNote,
  type TReviewTodo,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { formatBeijing } from '../../lib/time';
import { uniqueViolation } from '../../lib/pg-errors';
import { queryRows, type DbOrTx } from '../../db/client';
import type { AppDeps } from '../../deps';
import { units, users } from '../accounts/accounts.table';
import { readableApplication, reviewerDepartment, type ApplicationRow } from '../applications/applications.access';
import { applicationSubmissions, applications } from '../applications/applications.table';
import type { Actor } from '../accounts/actor';
import { allowedTransition, fire } from '../applications/transitions';
import { AWAITING_DECISION, DRAFT } from '../applications/states';
import { institutions } from '../institutions/institutions.table';
import { licenceOfApplication, type LicenceRow } from '../licences/licences.service';
import { kindAdapter, type ApprovalOutcome, type NoteLists } from '../applications/kinds';
import { applicationMaterials } from '../materials/materials.service';
import { notifyReviewersOfNames, notifyUnit } from '../notifications/notifications.service';
import { deadlineReminders } from './deadline-reminders.table';
import { departmentNames, listDecisions } from '../applications/decisions.repository';
import { applicationReviews } from '../applications/decisions.table';
import { applicationAcceptances } from '../applications/acceptances.table';
import { listAcceptances } from '../applications/acceptances.repository';
import { acceptanceNoticeFileName, renderAcceptanceNotice } from '../documents/acceptance-notice';
import { likeEscape } from '../../lib/like';
import { creditRatingOf } from '../credit-ratings/credit-ratings.repository';

type SubmissionRow = typeof applicationSubmissions.$inferSelect;

/** The word of each notice's number: 220000受字〔2026〕第0001号, 220000不受字…, 220000补字… */
const NOTICE_WORDS: Record<TAcceptanceDecision, string> = { 受理: '受', 不予受理: '不受', 补正: '补' };

/**
 * The reviewer workbench (审核): the department's inbox, reading a submission, the acceptance
 * decision (受理 / 不予受理 / 补正, decision 0034) with its notice, and the decision with its
 * consequences — the institution's status, the licence, the unit's messages.
 */
export class ReviewsService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  private today(): string {
    return beijingDay(this.deps.clock());
  }

  private daysLeft(calendar: WorkCalendar, app: Pick<ApplicationRow, 'status' | 'dueOn'>): number | null {
    return app.status === AWAITING_DECISION && app.dueOn ? workingDaysLeft(calendar, this.today(), app.dueOn) : null;
  }

  /** At most `maxDaysLeft` working days left (-1: overdue) ⇔ due before the (N+1)th working day from today. */
  private dueWithin(calendar: WorkCalendar, maxDaysLeft: number): SQL {
    return lt(applications.dueOn, addWorkingDays(calendar, this.today(), maxDaysLeft + 1));
  }

  /**
   * The 主页's 待办: the department's 待审核, and those the inbox's 剩余工作日 filter finds at
   * REVIEW_TODO_DUE_SOON_DAYS and at -1 (overdue), in one statement with the inbox's own conditions.
   */
  async todo(actor: Actor): Promise<TReviewTodo> {
    const dept = await reviewerDepartment(this.db, actor.user);
    if (!dept) return { pending: 0, toAccept: 0, dueSoon: 0, overdue: 0 };
    const calendar = await this.deps.calendar.get();
    const [row] = await this.db
      .select({
        pending: sql<number>`count(*)::int`,
        toAccept: sql<number>`(count(*) FILTER (WHERE ${notYetAccepted()}))::int`,
        dueSoon: sql<number>`(count(*) FILTER (WHERE ${this.dueWithin(calendar, REVIEW_TODO_DUE_SOON_DAYS)}))::int`,
        overdue: sql<number>`(count(*) FILTER (WHERE ${this.dueWithin(calendar, -1)}))::int`,
      })
      .from(applications)
      .where(awaitingIn(dept.code));
    return { pending: row?.pending ?? 0, toAccept: row?.toAccept ?? 0, dueSoon: row?.dueSoon ?? 0, overdue: row?.overdue ?? 0 };
  }

  /**
   * The daily 办理期限 reminder (the job queue's `deadline-reminders`): every department's reviewers
   * get one 消息中心 message naming the applications that have just come within
   * REVIEW_TODO_DUE_SOON_DAYS working days of their deadline, and one naming those just overdue.
   * Each application is named once per deadline and stage (deadline_reminders), so a second run, in
   * this process or another, sends nothing new.
   */
  async sendDeadlineReminders(): Promise<{ dueSoon: number; overdue: number }> {
    const calendar = await this.deps.calendar.get();
    const now = this.deps.clock();
    const overdue = this.dueWithin(calendar, -1);
    const stages = [
      { stage: 'overdue', due: overdue, filter: -1, text: '已超过办理期限' },
      { stage: 'due-soon', due: and(this.dueWithin(calendar, REVIEW_TODO_DUE_SOON_DAYS), sql`NOT ${overdue}`)!, filter: REVIEW_TODO_DUE_SOON_DAYS, text: `将在${REVIEW_TODO_DUE_SOON_DAYS}个工作日内到期` },
    ];
    const sent = { dueSoon: 0, overdue: 0 };
    for (const { stage, due, filter, text } of stages) {
      const named = await this.db.transaction(async (tx) => {
        const rows = await queryRows<{ department: string; name: string }>(
          tx,
          sql`WITH fresh AS (
                INSERT INTO ${deadlineReminders} (application_id, due_on, stage, sent_at)
                SELECT ${applications.id}, ${applications.dueOn}, ${stage}, ${now.toISOString()}::timestamptz
                  FROM ${applications}
                 WHERE ${applications.status} = ${AWAITING_DECISION} AND ${applications.dueOn} IS NOT NULL AND ${due}
                ON CONFLICT DO NOTHING
                RETURNING application_id)
              SELECT a.department, i.name
                FROM fresh JOIN applications a ON a.id = fresh.application_id JOIN institutions i ON i.id = a.institution_id
               ORDER BY a.department, a.due_on, i.name`,
        );
        await notifyReviewersOfNames(tx, now, rows, (shown, count) => ({
          kind: 'review.deadline',
          title: `办理期限提醒：${count}件申请${text}`,
          body: `${shown}${count}件申请${text}，请及时处理。`,
          link: `/hr/reviews/pending?maxDaysLeft=${filter}`,
        }));
        return rows.length;
      });
      if (stage === 'overdue') sent.overdue = named;
      else sent.dueSoon = named;
    }
    return sent;
  }

  /** 待审核 (by deadline) or 已审核 (decided by this department, newest first), of the reviewer's department only. */
  async inbox(actor: Actor, q: TReviewInboxQuery): Promise<TPage<TReviewInboxItem>> {
    const dept = await reviewerDepartment(this.db, actor.user);
    const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    if (!dept) return empty;

    // decided here: a decision on the merits, or 不予受理 (final as well)
    const decidedHere = sql`(EXISTS (SELECT 1 FROM application_reviews r WHERE r.application_id = ${applications.id} AND r.department = ${dept.code})
      OR EXISTS (SELECT 1 FROM application_acceptances a WHERE a.application_id = ${applications.id} AND a.department = ${dept.code} AND a.decision = '不予受理'))`;
    const where: SQL[] = [q.tab === '待审核' ? awaitingIn(dept.code) : and(eq(applications.department, dept.code), decidedHere)!];
    // any declared kind (the query schema refuses others)
    if (q.type) where.push(eq(applications.type, q.type));
    if (q.accepted === '待受理') where.push(notYetAccepted());
    if (q.accepted === '已受理') where.push(sql`NOT ${notYetAccepted()}`);
    if (q.name) where.push(ilike(institutions.name, `%${likeEscape(q.name)}%`));
    if (q.uscc) where.push(eq(institutions.uscc, q.uscc));
    const submitted = beijingDayRange(q.submittedFrom, q.submittedTo);
    if (submitted.start) where.push(gte(applications.submittedAt, submitted.start));
    if (submitted.end) where.push(lt(applications.submittedAt, submitted.end));
    const calendar = await this.deps.calendar.get();
    if (q.maxDaysLeft !== undefined) where.push(eq(applications.status, AWAITING_DECISION), this.dueWithin(calendar, q.maxDaysLeft));
    const filter = and(...where);
    const order =
      q.tab === '待审核'
        ? [asc(applications.dueOn), asc(applications.submittedAt), asc(applications.id)]
        : [
            sql`coalesce((SELECT max(r.decided_at) FROM application_reviews r WHERE r.application_id = ${applications.id} AND r.department = ${dept.code}),
              (SELECT max(a.decided_at) FROM application_acceptances a WHERE a.application_id = ${applications.id} AND a.department = ${dept.code} AND a.decision = '不予受理')) DESC`,
            desc(applications.id),
          ];

    const [rows, [total]] = await Promise.all([
      this.db
        .select({ app: applications, name: institutions.name, uscc: institutions.uscc })
        .from(applications)
        .innerJoin(institutions, eq(institutions.id, applications.institutionId))
        .where(filter)
        .orderBy(...order)
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      // every application has its institution: the count joins it only to filter on its name or USCC
      // (joined, a department's thousands of matches made PostgreSQL hash every institution)
      q.name || q.uscc
        ? this.db
            .select({ n: sql<number>`count(*)::int` })
            .from(applications)
            .innerJoin(institutions, eq(institutions.id, applications.institutionId))
            .where(filter)
        : this.db.select({ n: sql<number>`count(*)::int` }).from(applications).where(filter),
    ]);
    const ids = rows.map((r) => r.app.id);
    const [subs, decisions, refusals] = ids.length
      ? await Promise.all([
          this.db
            .select({ applicationId: applicationSubmissions.applicationId, round: applicationSubmissions.round, kind: sql<string | null>`${applicationSubmissions.snapshot}->'kind'->>'kind'`,
              // a kind that counts a legal limit for reporting freezes how late it came (变更)
              lateDays: sql<number | null>`(${applicationSubmissions.snapshot}->>'lateDays')::int`,
            })
            .from(applicationSubmissions)
            .where(inArray(applicationSubmissions.applicationId, ids))
            .orderBy(asc(applicationSubmissions.round)),
          this.db
            .select({ applicationId: applicationReviews.applicationId, decision: applicationReviews.decision, decidedAt: applicationReviews.decidedAt, opinion: applicationReviews.opinion })
            .from(applicationReviews)
            .where(inArray(applicationReviews.applicationId, ids))
            .orderBy(asc(applicationReviews.round)),
          this.db
            .select({ applicationId: applicationAcceptances.applicationId, decision: applicationAcceptances.decision, decidedAt: applicationAcceptances.decidedAt, opinion: applicationAcceptances.reason })
            .from(applicationAcceptances)
            .where(and(inArray(applicationAcceptances.applicationId, ids), eq(applicationAcceptances.decision, '不予受理'))),
        ])
      : [[], [], []];
    // ascending order: the last one seen per application is the latest
    const latestSub = new Map(subs.map((s) => [s.applicationId, s]));
    const latestDecision = new Map<string, { decision: '审核通过' | '审核不通过' | '不予受理'; decidedAt: Date; opinion: string | null }>([
      ...decisions.map((d) => [d.applicationId, d] as const),
      // 不予受理 is final: nothing is decided after it
      ...refusals.map((d) => [d.applicationId, { ...d, decision: '不予受理' as const }] as const),
    ]);

    return {
      total: total?.n ?? 0,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map(({ app, name, uscc }) => {
        const sub = latestSub.get(app.id);
        const d = latestDecision.get(app.id);
        const daysLeft = this.daysLeft(calendar, app);
        return {
          id: app.id,
          type: app.type,
          institutionId: app.institutionId,
          institutionName: name,
          uscc,
          kind: sub?.kind === '许可' || sub?.kind === '备案' ? sub.kind : null,
          status: app.status,
          round: sub?.round ?? 0,
          submittedAt: app.submittedAt?.toISOString() ?? null,
          acceptedAt: app.acceptedAt?.toISOString() ?? null,
          acceptance: hasAcceptanceStep(app.type),
          dueOn: app.dueOn,
          daysLeft,
          overdue: daysLeft !== null && daysLeft < 0,
          lastDecision: d ? { decision: d.decision, decidedAt: d.decidedAt.toISOString(), opinion: d.opinion } : null,
          lateDays: sub?.lateDays ?? null,
          procedure: app.procedure,
        };
      }),
    };
  }

  /**
   * Reading a submission (the route records the staff read). Opening only reads: 受理 is the
   * reviewer's explicit decision (acceptance()). Reviewers of other departments get 404 from readableApplication.
   */
  async open(actor: Actor, id: string): Promise<TReviewDetail> {
    await readableApplication(this.db, actor, id);
    return this.detail(this.db, id);
  }

  /** The application as the reviewer decides on it: the latest submission, frozen, and every round. */
  async detail(db: DbOrTx, id: string): Promise<TReviewDetail> {
    // the cached calendar (read on its own; every caller passes the pool, not a transaction)
    const calendar = await this.deps.calendar.get();
    const [row] = await db
      .select({ app: applications, institution: institutions, unitName: units.name, acceptedByName: users.name })
      .from(applications)
      .innerJoin(institutions, eq(institutions.id, applications.institutionId))
      .innerJoin(units, eq(units.id, applications.unitId))
      .leftJoin(users, eq(users.id, applications.acceptedBy))
      .where(eq(applications.id, id));
    if (!row) throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权查看');
    const { app, institution } = row;
    const [subs, decisions, materials, licence, acceptances, creditRating] = await Promise.all([
      db
        .select({ sub: applicationSubmissions, submittedByName: users.name })
        .from(applicationSubmissions)
        .leftJoin(users, eq(users.id, applicationSubmissions.submittedBy))
        .where(eq(applicationSubmissions.applicationId, id))
        .orderBy(asc(applicationSubmissions.round)),
      listDecisions(db, id, { reviewerNames: true }),
      applicationMaterials(db, app),
      licenceOfApplication(db, id),
      listAcceptances(db, id, { reviewerNames: true }),
      creditRatingOf(db, app.institutionId, beijingDay(this.deps.clock())),
    ]);
    const latest = subs.at(-1)?.sub;
    const adapter = kindAdapter(app.type);
    const review = await adapter.review(db, this.deps, app, latest ? adapter.openSnapshot(this.deps, latest.snapshot) : null);
    const names = await departmentNames(db, [...subs.map((s) => s.sub.department), app.department ?? '']);
    const daysLeft = this.daysLeft(calendar, app);
    const department = app.department ?? latest?.department ?? '';
    return {
      id: app.id,
      type: app.type,
      status: app.status,
      version: app.version,
      institutionId: app.institutionId,
      institutionName: review.name ?? institution.name,
      uscc: review.uscc ?? institution.uscc,
      unitName: row.unitName,
      department,
      departmentName: names.get(department) ?? department,
      round: latest?.round ?? 0,
      submittedAt: (latest?.submittedAt ?? app.submittedAt ?? app.createdAt).toISOString(),
      acceptedAt: app.acceptedAt?.toISOString() ?? null,
      acceptedByName: app.acceptedAt ? row.acceptedByName : null,
      acceptance: hasAcceptanceStep(app.type),
      procedure: app.procedure,
      acceptances,
      dueOn: app.dueOn,
      daysLeft,
      overdue: daysLeft !== null && daysLeft < 0,
      actions: allowedActions(app.status, 'reviewer', actionContext(app)),
      materials,
      rounds: subs.map(({ sub, submittedByName }) => ({
        round: sub.round,
        submittedAt: sub.submittedAt.toISOString(),
        submittedByName,
        department: sub.department,
        departmentName: names.get(sub.department) ?? sub.department,
        decision: decisions.find((d) => d.round === sub.round) ?? null,
      })),
      licence: licence ? licenceSummary(licence) : null,
      content: review.content,
      creditRating,
    };
  }

  /**
   * 审核通过 / 审核不通过 on the current round, in one transaction: the decision, the application's
   * state, the institution, the licence (approval of a 设立), the unit's messages and the audit
   * entry. Then one SMS to the agent who submitted.
   */
  async decide(actor: Actor, id: string, req: TDecisionRequest): Promise<TDecisionResponse> {
    const decision = req.decision as TReviewDecision;
    await this.db.transaction(async (tx) => {
      const { app, dept } = await this.lockForStep(tx, actor, id, decision);
      const [latest] = await tx.select().from(applicationSubmissions).where(eq(applicationSubmissions.applicationId, id)).orderBy(desc(applicationSubmissions.round)).limit(1);
      await this.checkDecidable(tx, app, decision, latest, actor);
      if (app.version !== req.version) {
        throw new AppError(AppErrorCode.CONFLICT, '该申请已发生变化（可能已被撤回后重新提交），请刷新页面后再审核', undefined, { currentVersion: app.version });
      }
      await this.decideIn(tx, actor, app, dept, latest!, { decision, opinion: req.opinion, notes: req.notes ?? [], issuedOn: req.licence?.issuedOn });
    });
    return this.detail(this.db, id);
  }

  /**
   * The decision on the merits inside the caller's transaction (decide(), and 受理 of a 告知承诺
   * application, which approves at once: decision 0043): the decision row, the state, what the kind puts
   * in force, the unit's message and the SMS queued with it.
   */
  private async decideIn(
    tx: DbOrTx,
    actor: Actor,
    app: ApplicationRow,
    dept: { code: string; name: string },
    latest: SubmissionRow,
    req: { decision: TReviewDecision; opinion?: string; notes: TReviewNote[]; issuedOn?: string },
  ): Promise<void> {
    const decision = req.decision;
    const id = app.id;
    const adapter = kindAdapter(app.type);
    const snapshot: unknown = adapter.openSnapshot(this.deps, latest.snapshot);
    const notes = this.checkNotes(app.type, adapter.noteLists?.(snapshot), req.notes);
    const now = this.deps.clock();
    const issuedOn = req.issuedOn;
    if (issuedOn && issuedOn > beijingDay(now)) {
      throw new AppError(AppErrorCode.VALIDATION, '发证日期不能晚于今天', [{ path: 'licence.issuedOn', message: '发证日期不能晚于今天' }]);
    }

    try {
      await tx.insert(applicationReviews).values({
        applicationId: id,
        submissionId: latest.id,
        round: latest.round,
        decision,
        opinion: req.opinion || null,
        notes,
        department: dept.code,
        reviewerId: actor.user.id,
        decidedAt: now,
      });
    } catch (err) {
      if (uniqueViolation(err)) throw new AppError(AppErrorCode.CONFLICT, '本轮申请已有审核结论，请刷新页面查看');
      throw err;
    }
    const ctx = { deps: this.deps, tx, actor, department: dept.code, issuedOn, now };
    const outcome: ApprovalOutcome = {};
    await fire(this.deps, tx, app, decision, actor, {
      // deciding implies having opened it
      set: { decidedAt: now, decidedBy: actor.user.id, acceptedAt: app.acceptedAt ?? now, acceptedBy: app.acceptedBy ?? actor.user.id },
      audit: { round: latest.round, department: dept.code, opinion: req.opinion || null, notes: notes.map((n) => n.key) },
      // what the kind's decision puts in force (an approval's licence), before the kind's afterTransition
      effects: async (decided) => {
        if (decision === '审核通过') Object.assign(outcome, await adapter.approve?.(ctx, decided, snapshot));
        else await adapter.reject?.(ctx, decided, snapshot);
        return outcome.audit;
      },
    });

    const notice = decisionNotice(kindDeclaration(app.type), {
      decision,
      name: adapter.subjectName(snapshot),
      departmentName: dept.name,
      decidedAt: formatBeijing(now),
      round: latest.round,
      opinion: req.opinion,
      notes: notes.length,
      outcome: outcome.notice,
    });
    await notifyUnit(tx, now, { unitId: app.unitId, kind: 'application.decision', title: notice.title, body: notice.body, link: `/hr/institutions/${app.institutionId}/view` });
    await this.queueSms(tx, latest.submittedBy, notice.sms);
  }

  /**
   * The application a reviewer's step (a decision, 受理 / 不予受理 / 补正) is about, locked for the
   * step's transaction, with the reviewer's department. Another department's application, or a draft
   * never submitted, does not exist for this reviewer (404); one its unit has withdrawn (撤回) since the
   * reviewer opened it is a 409 saying so.
   */
  private async lockForStep(tx: DbOrTx, actor: Actor, id: string, step: string): Promise<{ app: ApplicationRow; dept: { code: string; name: string } }> {
    const dept = await reviewerDepartment(tx, actor.user);
    const [app] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
    if (!app || !dept || app.department !== dept.code) throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权查看');
    if (app.status === DRAFT) {
      if (app.submittedAt) throw new AppError(AppErrorCode.CONFLICT, `申请单位已撤回该申请，不能${step}。请刷新页面`);
      throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权查看');
    }
    return { app, dept };
  }

  /**
   * The SMS to the agent who submitted the round, queued in the decision's transaction (the job queue
   * sends it, retrying a failing gateway with back-off): it goes out exactly when the decision stands.
   * The job carries the phone encrypted, as the users table does.
   */
  private async queueSms(tx: DbOrTx, submittedBy: string | null, text: string): Promise<void> {
    const [agent] = submittedBy ? await tx.select({ phoneEnc: users.phoneEnc }).from(users).where(eq(users.id, submittedBy)) : [];
    if (agent?.phoneEnc) await this.deps.jobs.send(tx, 'sms', { phoneEnc: agent.phoneEnc, text });
  }

  /**
   * 受理 / 不予受理 / 补正 on the current round of a kind with the acceptance step (decision 0034), in
   * one transaction: the state through fire() (a conditional UPDATE on the state and on 受理 not yet
   * recorded, so of two reviewers, or of 受理 and the unit's 撤回, exactly one wins and the other gets a
   * 409), the decision with its numbered notice, the clock (受理 starts the decision limit, 补正 and
   * 不予受理 stop it), the unit's messages and the audit entry. Then one SMS to the agent who submitted.
   */
  async acceptance(actor: Actor, id: string, req: TAcceptanceRequest): Promise<TDecisionResponse> {
    const calendar = await this.deps.calendar.get();
    await this.db.transaction(async (tx) => {
      const { app, dept } = await this.lockForStep(tx, actor, id, req.decision);
      allowedTransition(app, req.decision, actor);
      const [latest] = await tx.select().from(applicationSubmissions).where(eq(applicationSubmissions.applicationId, id)).orderBy(desc(applicationSubmissions.round)).limit(1);
      if (!latest) throw new AppError(AppErrorCode.CONFLICT, '该申请没有提交记录，不能受理');
      const adapter = kindAdapter(app.type);
      const kind = kindDeclaration(app.type);
      const snapshot: unknown = adapter.openSnapshot(this.deps, latest.snapshot);
      const items: TCorrectionItemView[] =
        req.decision === '补正' ? this.checkItems(app.type, adapter.noteLists?.(snapshot), req.items ?? []) : [];
      const reason = req.decision === '受理' ? null : (req.reason ?? null);
      const now = this.deps.clock();
      const dueOn = req.decision === '受理' && kind.decisionLimitDays !== null ? decisionDueOn(calendar, now, kind.decisionLimitDays) : null;
      const noticeNumber = await nextNoticeNumber(tx, dept.code, req.decision, now);
      // 告知承诺 (decision 0043): 受理 is also the approval, in this transaction
      const promise = req.decision === '受理' && app.procedure === '告知承诺';
      const moved = await fire(this.deps, tx, app, req.decision, actor, {
        set:
          req.decision === '受理'
            ? { acceptedAt: now, acceptedBy: actor.user.id, dueOn }
            : req.decision === '补正'
              ? { dueOn: null }
              : { dueOn: null, decidedAt: now, decidedBy: actor.user.id },
        audit: {
          round: latest.round,
          department: dept.code,
          noticeNumber,
          ...(reason ? { reason } : {}),
          ...(items.length ? { items: items.map((i) => (i.label ? `${i.label}：${i.message}` : i.message)) } : {}),
          ...(dueOn ? { dueOn } : {}),
          ...(promise ? { procedure: '告知承诺' } : {}),
        },
      });
      const subjectName = adapter.subjectName(snapshot);
      await tx.insert(applicationAcceptances).values({
        applicationId: id,
        round: latest.round,
        decision: req.decision,
        reason,
        items,
        department: dept.code,
        issuerName: issuerName(dept),
        noticeNumber,
        subjectName,
        submittedAt: latest.submittedAt,
        dueOn,
        decidedBy: actor.user.id,
        decidedAt: now,
      });
      const notice = acceptanceNotice(kind, {
        decision: req.decision,
        name: subjectName,
        departmentName: issuerName(dept),
        decidedAt: formatBeijing(now),
        noticeNumber,
        reason: reason ?? undefined,
        items: items.length,
        dueOn: promise ? null : dueOn,
      });
      await notifyUnit(tx, now, { unitId: app.unitId, kind: 'application.acceptance', title: notice.title, body: notice.body, link: `/hr/institutions/${app.institutionId}/view` });
      // one SMS: for 告知承诺 the decision's, which names the licence
      if (promise) await this.decideIn(tx, actor, moved, dept, latest, { decision: '审核通过', opinion: '依告知承诺制，受理即作出准予许可决定。', notes: [] });
      else await this.queueSms(tx, latest.submittedBy, notice.sms);
    });
    return this.detail(this.db, id);
  }

  /**
   * A notice of an acceptance decision (受理通知书 / 不予受理通知书 / 补正告知书) as a PDF, for whoever may
   * read the application: its unit, a reviewer of its department, an administrator (404 otherwise).
   */
  async notice(actor: Actor, id: string, acceptanceId: string): Promise<{ pdf: Buffer; fileName: string }> {
    const app = await readableApplication(this.db, actor, id);
    const [row] = await this.db
      .select({ a: applicationAcceptances, unitName: units.name })
      .from(applicationAcceptances)
      .innerJoin(units, eq(units.id, sql`${app.unitId}::uuid`))
      .where(and(eq(applicationAcceptances.id, acceptanceId), eq(applicationAcceptances.applicationId, id)));
    if (!row) throw new AppError(AppErrorCode.NOT_FOUND, '通知书不存在或无权查看');
    const { a } = row;
    const kind = kindDeclaration(app.type);
    const pdf = await renderAcceptanceNotice({
      decision: a.decision,
      noticeNumber: a.noticeNumber,
      issuerName: a.issuerName,
      unitName: row.unitName,
      institutionName: a.subjectName,
      what: `${kind.notice.subject}${kind.notice.what}`,
      submittedOn: beijingDay(a.submittedAt),
      decidedOn: beijingDay(a.decidedAt),
      dueOn: a.dueOn,
      reason: a.reason,
      items: a.items,
      createdAt: a.decidedAt,
    });
    return { pdf, fileName: acceptanceNoticeFileName(a.decision, a.subjectName) };
  }

  /** 补正's items: those naming a field or material checked as a decision's notes are (canonical label); free text as written. */
  private checkItems(type: string, rows: NoteLists | undefined, items: TAcceptanceRequest['items'] & object): TCorrectionItemView[] {
    const targeted = items.flatMap((item, i) => (item.target && item.key ? [{ i, note: { target: item.target, key: item.key, label: item.label, message: item.message } }] : []));
    const checked = this.checkNotes(type, rows, targeted.map((t) => t.note), (n) => `items.${targeted[n]!.i}.key`);
    const byIndex = new Map(targeted.map((t, n) => [t.i, checked[n]!]));
    return items.map((item, i) => {
      const note = byIndex.get(i);
      return note ? { target: note.target, key: note.key, label: note.label, message: note.message } : { target: null, key: null, label: item.label, message: item.message };
    });
  }

  /** The state machine allows the decision now, on a round nobody has decided yet. */
  private async checkDecidable(tx: DbOrTx, app: ApplicationRow, decision: TReviewDecision, latest: SubmissionRow | undefined, actor: Actor) {
    const t = findTransition(app.status, decision);
    if (!t || !t.by.includes(actor.user.role)) {
      const [done] = latest
        ? await tx
            .select({ decision: applicationReviews.decision, decidedAt: applicationReviews.decidedAt })
            .from(applicationReviews)
            .where(and(eq(applicationReviews.applicationId, app.id), eq(applicationReviews.round, latest.round)))
        : [];
      if (done) throw new AppError(AppErrorCode.CONFLICT, `本轮申请已于 ${formatBeijing(done.decidedAt)} 作出审核结论（${done.decision}），请刷新页面查看`);
      throw new AppError(AppErrorCode.CONFLICT, `当前状态为“${app.status}”，不能${decision}`);
    }
    if (!latest) throw new AppError(AppErrorCode.CONFLICT, '该申请没有提交记录，不能审核');
    // a kind with the acceptance step is decided only once accepted (409 naming 受理 otherwise)
    allowedTransition(app, decision, actor);
  }

  /** Each note names what the kind's declaration lets a reviewer annotate (a field, a list row, a material slot); the label shown is the canonical one. */
  private checkNotes(type: string, rows: NoteLists | undefined, notes: TReviewNote[], pathOf: (i: number) => string = (i) => `notes.${i}.key`): TReviewNote[] {
    const errors: TFieldError[] = [];
    const lists = rows?.lists ?? {};
    const rowName = rows?.rowName;
    const seen = new Set<string>();
    const checked = notes.map((n, i) => {
      const label = reviewTargetLabel(n.target, n.key, type, lists, rowName);
      if (!label) {
        errors.push({ path: pathOf(i), message: n.target === 'material' ? `第${i + 1}条意见：该申请没有“${n.key}”这项材料` : `第${i + 1}条意见：“${n.key}”不是申请表中的字段` });
      } else if (seen.has(`${n.target}:${n.key}`)) {
        errors.push({ path: pathOf(i), message: `第${i + 1}条意见：“${label}”已有意见，请合并为一条` });
      }
      seen.add(`${n.target}:${n.key}`);
      return { target: n.target, key: n.key, label: label ?? n.key, message: n.message };
    });
    if (errors.length) throw new AppError(AppErrorCode.VALIDATION, errors.length > 1 ? `有${errors.length}条单项意见需要修改` : errors[0]!.message, errors);
    return checked;
  }

}

/** 待审核 of a kind with the acceptance step, not accepted yet: 待受理. */
function notYetAccepted(): SQL {
  return and(isNull(applications.acceptedAt), inArray(applications.type, acceptanceKinds()))!;
}

/** The next number of a notice of the department, decision and year (Beijing): 220000受字〔2026〕第0001号. */
async function nextNoticeNumber(tx: DbOrTx, department: string, decision: TAcceptanceDecision, now: Date): Promise<string> {
  const prefix = `${department}${NOTICE_WORDS[decision]}字〔${beijingDay(now).slice(0, 4)}〕第`;
  // numbers are given one at a time per prefix: a second reviewer's decision waits for this transaction
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${prefix}))`);
  const [row] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM application_acceptances WHERE notice_number LIKE ${`${likeEscape(prefix)}%`}`);
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}号`;
}

/** 待审核 addressed to the department: the inbox's and the 待办's scope. */
function awaitingIn(departmentCode: string): SQL {
  return and(eq(applications.department, departmentCode), eq(applications.status, AWAITING_DECISION))!;
}

export function licenceSummary(l: LicenceRow) {
  return { id: l.id, number: l.number, kind: l.kind, status: l.status, issuedOn: l.issuedOn, departmentName: l.departmentName, validUntil: l.validUntil, reissuedOn: l.reissuedOn };
}
