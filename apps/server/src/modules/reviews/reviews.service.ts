import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import {
  APPLICATION_TYPES,
  AppErrorCode,
  addWorkingDays,
  allowedActions,
  beijingDay,
  beijingDayRange,
  findTransition,
  reviewTargetLabel,
  workingDaysLeft,
  type TApplicationType,
  type TDecisionRequest,
  type TDecisionResponse,
  type TFieldError,
  type TPage,
  type TReviewDecision,
  type TReviewDetail,
  type TReviewInboxItem,
  type TReviewInboxQuery,
  type TReviewNote,
} from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { formatBeijing } from '../../lib/time';
import { uniqueViolation } from '../../lib/pg-errors';
import type { DbOrTx } from '../../db/client';
import type { PiiCipher } from '../../lib/crypto';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../accounts/sessions.service';
import { units, users } from '../accounts/accounts.table';
import { auditApplication, readableApplication, reviewerDepartment, type ApplicationRow } from '../applications/applications.access';
import { applicationSubmissions, applications } from '../applications/applications.table';
import type { Actor } from '../accounts/actor';
import { syncInstitution } from '../institutions/sync-institution';
import { fire } from '../applications/transitions';
import { AWAITING_DECISION, DRAFT } from '../applications/states';
import { usccTakenByOtherUnit } from '../institutions/uscc-owner';
import { openRecord, readRecord, type FullRecord } from '../institutions/records.repository';
import { institutions } from '../institutions/institutions.table';
import { issueLicence, licenceOfApplication, supersedeAndReissue, voidLicence, type LicenceRow } from '../licences/licences.service';
import { applicationMaterials } from '../materials/materials.service';
import { notifyUnit } from '../notifications/notifications.service';
import { departmentNames, listDecisions } from '../applications/decisions.repository';
import { applicationReviews } from '../applications/decisions.table';
import { likeEscape } from '../../lib/like';

type SubmissionRow = typeof applicationSubmissions.$inferSelect;

/** What a submission froze (applications.service.ts writes it on 提交). */
interface Snapshot {
  record: FullRecord;
  materials?: Record<string, number>;
  kind?: { kind: '许可' | '备案'; because: string[] };
}

/** A submission's snapshot with its sealed personal data opened (records.repository sealRecord). */
function snapshotOf(pii: PiiCipher, s: SubmissionRow): Snapshot {
  const raw = s.snapshot as unknown as Snapshot;
  return { ...raw, record: openRecord(pii, raw.record) };
}

const LICENCE_NAMES = { 许可: '人力资源服务许可证', 备案: '人力资源服务备案凭证' } as const;

/** The start of a Beijing calendar day, as an instant. */

const EMPTY_RECORD: FullRecord = { basic: {}, report: {}, staff: [], facilities: [], integrity: {}, fees: [], educationCounts: { postgraduate: 0, bachelor: 0, collegeOrBelow: 0 } };

/**
 * The reviewer workbench (审核): the department's inbox, opening a submission (受理), and the
 * decision with its consequences — the institution's status, the licence, the unit's messages.
 */
export class ReviewsService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  private today(): string {
    return beijingDay(this.deps.clock());
  }

  private daysLeft(app: Pick<ApplicationRow, 'status' | 'dueOn'>): number | null {
    return app.status === AWAITING_DECISION && app.dueOn ? workingDaysLeft(this.today(), app.dueOn) : null;
  }

  /** 待审核 (by deadline) or 已审核 (decided by this department, newest first), of the reviewer's department only. */
  async inbox(actor: Actor, q: TReviewInboxQuery): Promise<TPage<TReviewInboxItem>> {
    const dept = await reviewerDepartment(this.db, actor.user);
    const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    if (!dept) return empty;

    const decidedHere = sql`EXISTS (SELECT 1 FROM application_reviews r WHERE r.application_id = ${applications.id} AND r.department = ${dept.code})`;
    const where: SQL[] = [eq(applications.department, dept.code)];
    where.push(q.tab === '待审核' ? eq(applications.status, AWAITING_DECISION) : decidedHere);
    if (q.type) {
      // 统计 / 诚信 are reviewed here once those domains exist; until then they match nothing
      if (!(APPLICATION_TYPES as readonly string[]).includes(q.type)) return empty;
      where.push(eq(applications.type, q.type as TApplicationType));
    }
    if (q.name) where.push(ilike(institutions.name, `%${likeEscape(q.name)}%`));
    if (q.uscc) where.push(eq(institutions.uscc, q.uscc));
    const submitted = beijingDayRange(q.submittedFrom, q.submittedTo);
    if (submitted.start) where.push(gte(applications.submittedAt, submitted.start));
    if (submitted.end) where.push(lt(applications.submittedAt, submitted.end));
    if (q.maxDaysLeft !== undefined) {
      // at most N working days left ⇔ due before the (N+1)th working day from today
      where.push(eq(applications.status, AWAITING_DECISION), lt(applications.dueOn, addWorkingDays(this.today(), q.maxDaysLeft + 1)));
    }
    const filter = and(...where);
    const order =
      q.tab === '待审核'
        ? [asc(applications.dueOn), asc(applications.submittedAt), asc(applications.id)]
        : [sql`(SELECT max(r.decided_at) FROM application_reviews r WHERE r.application_id = ${applications.id} AND r.department = ${dept.code}) DESC`, desc(applications.id)];

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
    const [subs, decisions] = ids.length
      ? await Promise.all([
          this.db
            .select({ applicationId: applicationSubmissions.applicationId, round: applicationSubmissions.round, kind: sql<string | null>`${applicationSubmissions.snapshot}->'kind'->>'kind'` })
            .from(applicationSubmissions)
            .where(inArray(applicationSubmissions.applicationId, ids))
            .orderBy(asc(applicationSubmissions.round)),
          this.db
            .select({ applicationId: applicationReviews.applicationId, decision: applicationReviews.decision, decidedAt: applicationReviews.decidedAt, opinion: applicationReviews.opinion })
            .from(applicationReviews)
            .where(inArray(applicationReviews.applicationId, ids))
            .orderBy(asc(applicationReviews.round)),
        ])
      : [[], []];
    // ascending order: the last one seen per application is the latest
    const latestSub = new Map(subs.map((s) => [s.applicationId, s]));
    const latestDecision = new Map(decisions.map((d) => [d.applicationId, d]));

    return {
      total: total?.n ?? 0,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map(({ app, name, uscc }) => {
        const sub = latestSub.get(app.id);
        const d = latestDecision.get(app.id);
        const daysLeft = this.daysLeft(app);
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
          dueOn: app.dueOn,
          daysLeft,
          overdue: daysLeft !== null && daysLeft < 0,
          lastDecision: d ? { decision: d.decision, decidedAt: d.decidedAt.toISOString(), opinion: d.opinion } : null,
        };
      }),
    };
  }

  /**
   * 受理 and read: the first time a reviewer of the responsible department opens a 待审核
   * submission it is accepted (once; the unit can no longer 撤回). Reviewers of other
   * departments get 404 from readableApplication.
   */
  async open(actor: Actor, id: string): Promise<TReviewDetail> {
    const user = actor.user;
    const app = await readableApplication(this.db, actor, id);
    if (app.status === AWAITING_DECISION && !app.acceptedAt) {
      await this.db.transaction(async (tx) => {
        const [accepted] = await tx
          .update(applications)
          .set({ acceptedAt: this.deps.clock(), acceptedBy: user.id })
          .where(and(eq(applications.id, id), eq(applications.status, AWAITING_DECISION), isNull(applications.acceptedAt)))
          .returning({ id: applications.id });
        if (accepted) await auditApplication(this.deps, tx, actor, 'application.accepted', app, { department: app.department });
      });
    }
    return this.detail(this.db, id);
  }

  /** The application as the reviewer decides on it: the latest submission, frozen, and every round. */
  async detail(db: DbOrTx, id: string): Promise<TReviewDetail> {
    const [row] = await db
      .select({ app: applications, institution: institutions, unitName: units.name, acceptedByName: users.name })
      .from(applications)
      .innerJoin(institutions, eq(institutions.id, applications.institutionId))
      .innerJoin(units, eq(units.id, applications.unitId))
      .leftJoin(users, eq(users.id, applications.acceptedBy))
      .where(eq(applications.id, id));
    if (!row) throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权查看');
    const { app, institution } = row;
    const [subs, decisions, materials, licence] = await Promise.all([
      db
        .select({ sub: applicationSubmissions, submittedByName: users.name })
        .from(applicationSubmissions)
        .leftJoin(users, eq(users.id, applicationSubmissions.submittedBy))
        .where(eq(applicationSubmissions.applicationId, id))
        .orderBy(asc(applicationSubmissions.round)),
      listDecisions(db, id, { reviewerNames: true }),
      applicationMaterials(db, app),
      licenceOfApplication(db, id),
    ]);
    const latest = subs.at(-1)?.sub;
    const snapshot = latest ? snapshotOf(this.deps.pii, latest) : null;
    const record = snapshot?.record ?? (await readRecord(db, this.deps.pii, app.recordId));
    const names = await departmentNames(db, [...subs.map((s) => s.sub.department), app.department ?? '']);
    const kind = snapshot?.kind ?? { kind: (institution.kind as '许可' | '备案' | null) ?? '备案', because: [] };
    const current = app.type === '变更' && institution.currentRecordId ? await readRecord(db, this.deps.pii, institution.currentRecordId) : null;
    const daysLeft = this.daysLeft(app);
    const department = app.department ?? latest?.department ?? '';
    return {
      id: app.id,
      type: app.type,
      status: app.status,
      version: app.version,
      institutionId: app.institutionId,
      institutionName: record.basic?.name ?? institution.name,
      uscc: record.basic?.uscc ?? institution.uscc,
      unitName: row.unitName,
      department,
      departmentName: names.get(department) ?? department,
      round: latest?.round ?? 0,
      submittedAt: (latest?.submittedAt ?? app.submittedAt ?? app.createdAt).toISOString(),
      acceptedAt: app.acceptedAt?.toISOString() ?? null,
      acceptedByName: app.acceptedAt ? row.acceptedByName : null,
      dueOn: app.dueOn,
      daysLeft,
      overdue: daysLeft !== null && daysLeft < 0,
      kind,
      actions: allowedActions(app.status, 'reviewer', app.acceptedAt !== null),
      issuesOnApproval: app.type === '注销' ? null : kind.kind,
      record: { ...EMPTY_RECORD, ...record },
      current,
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
    };
  }

  /**
   * 审核通过 / 审核不通过 on the current round, in one transaction: the decision, the application's
   * state, the institution, the licence (approval of a 设立), the unit's messages and the audit
   * entry. Then one SMS to the agent who submitted.
   */
  async decide(actor: Actor, id: string, req: TDecisionRequest): Promise<TDecisionResponse> {
    const decision = req.decision as TReviewDecision;
    const sms = await this.db.transaction(async (tx) => {
      const dept = await reviewerDepartment(tx, actor.user);
      const [app] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
      // another department's (or a never submitted) application does not exist for this reviewer
      if (!app || !dept || app.department !== dept.code || app.status === DRAFT) throw new AppError(AppErrorCode.NOT_FOUND, '申请不存在或无权查看');
      const [latest] = await tx.select().from(applicationSubmissions).where(eq(applicationSubmissions.applicationId, id)).orderBy(desc(applicationSubmissions.round)).limit(1);
      await this.checkDecidable(tx, app, decision, latest, actor.user);
      if (app.version !== req.version) {
        throw new AppError(AppErrorCode.CONFLICT, '该申请已发生变化（可能已被撤回后重新提交），请刷新页面后再审核', undefined, { currentVersion: app.version });
      }
      const snapshot = snapshotOf(this.deps.pii, latest!);
      const notes = this.checkNotes(app.type, snapshot.record, req.notes ?? []);
      const now = this.deps.clock();
      const issuedOn = req.licence?.issuedOn;
      if (issuedOn && issuedOn > beijingDay(now)) {
        throw new AppError(AppErrorCode.VALIDATION, '发证日期不能晚于今天', [{ path: 'licence.issuedOn', message: '发证日期不能晚于今天' }]);
      }

      try {
        await tx.insert(applicationReviews).values({
          applicationId: id,
          submissionId: latest!.id,
          round: latest!.round,
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
      const approval: { licence: LicenceRow | null } = { licence: null };
      await fire(this.deps, tx, app, decision, actor, {
        // deciding implies having opened it
        set: { decidedAt: now, decidedBy: actor.user.id, acceptedAt: app.acceptedAt ?? now, acceptedBy: app.acceptedBy ?? actor.user.id },
        audit: { round: latest!.round, department: dept.code, opinion: req.opinion || null, notes: notes.map((n) => n.key) },
        effects: async (decided) => {
          if (decision !== '审核通过') return;
          const licence = await this.applyApproval(tx, decided, snapshot, dept.code, issuedOn, actor.user.id, now);
          approval.licence = licence;
          return licence ? { licenceId: licence.id, licenceNumber: licence.number } : {};
        },
      });
      const issued = approval.licence;

      const name = snapshot.record.basic?.name ?? '';
      const what = `${app.type}申请`;
      const licenceText = issued ? `${LICENCE_NAMES[issued.kind]}已核发，编号${issued.number}。` : '';
      await notifyUnit(tx, now, {
        unitId: app.unitId,
        kind: 'application.decision',
        title: `${decision}：${name}`,
        body:
          `${dept.name}于${formatBeijing(now)}对“${name}”的${what}（第${latest!.round}轮）作出审核结论：${decision}。` +
          (req.opinion ? `审核意见：${req.opinion}` : '') +
          (notes.length ? `${req.opinion ? '；' : ''}另有${notes.length}项具体意见已标注在相应字段或材料旁。` : '') +
          licenceText +
          (decision === '审核不通过' ? '请按意见修改后重新提交。' : ''),
        link: `/hr/institutions/${app.institutionId}/view`,
      });
      const [agent] = latest!.submittedBy
        ? await tx.select({ phoneEnc: users.phoneEnc }).from(users).where(eq(users.id, latest!.submittedBy))
        : [];
      const phone = agent?.phoneEnc ? this.deps.pii.decrypt(agent.phoneEnc) : null;
      const text =
        `【吉林智慧人社】您单位“${name}”的人力资源服务机构${what}${decision === '审核通过' ? '已审核通过' : '未通过审核'}。` +
        licenceText +
        `请登录吉林人力资源市场管理查看${decision === '审核不通过' ? '审核意见并修改后重新提交' : '详情'}。`;
      return phone ? { phone, text } : null;
    });

    let smsFailed = false;
    if (sms) {
      try {
        await this.deps.sms.send(sms.phone, sms.text);
      } catch {
        // the decision and the in-app messages stand; the reviewer is told the SMS did not go out
        smsFailed = true;
      }
    }
    return { ...(await this.detail(this.db, id)), smsFailed };
  }

  /** The state machine allows the decision now, on a round nobody has decided yet. */
  private async checkDecidable(tx: DbOrTx, app: ApplicationRow, decision: TReviewDecision, latest: SubmissionRow | undefined, user: SessionUser) {
    const t = findTransition(app.status, decision);
    if (!t || !t.by.includes(user.role)) {
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
  }

  /** Each note names a field of the record or a material slot of the type; the label shown is the canonical one. */
  private checkNotes(type: TApplicationType, record: FullRecord, notes: TReviewNote[]): TReviewNote[] {
    const errors: TFieldError[] = [];
    const lists = { staff: record.staff?.length ?? 0, facilities: record.facilities?.length ?? 0, fees: record.fees?.length ?? 0 };
    const rowName = (list: 'staff' | 'facilities' | 'fees', i: number) =>
      list === 'staff' ? record.staff?.[i]?.name : list === 'facilities' ? record.facilities?.[i]?.name : record.fees?.[i]?.business;
    const seen = new Set<string>();
    const checked = notes.map((n, i) => {
      const label = reviewTargetLabel(n.target, n.key, type, lists, rowName);
      if (!label) {
        errors.push({ path: `notes.${i}.key`, message: n.target === 'material' ? `第${i + 1}条意见：该申请没有“${n.key}”这项材料` : `第${i + 1}条意见：“${n.key}”不是申请表中的字段` });
      } else if (seen.has(`${n.target}:${n.key}`)) {
        errors.push({ path: `notes.${i}.key`, message: `第${i + 1}条意见：“${label}”已有意见，请合并为一条` });
      }
      seen.add(`${n.target}:${n.key}`);
      return { target: n.target, key: n.key, label: label ?? n.key, message: n.message };
    });
    if (errors.length) throw new AppError(AppErrorCode.VALIDATION, errors.length > 1 ? `有${errors.length}条单项意见需要修改` : errors[0]!.message, errors);
    return checked;
  }

  /**
   * What approval puts in force, by type: 设立 — the institution is established with the submitted
   * record and gets its licence (许可) or 备案凭证; 变更 — the record becomes the new version and the
   * licence is re-issued; 注销 — the institution is cancelled and its licence voided.
   */
  private async applyApproval(tx: DbOrTx, app: ApplicationRow, snapshot: Snapshot, department: string, issuedOn: string | undefined, userId: string, now: Date): Promise<LicenceRow | null> {
    const kind = snapshot.kind?.kind ?? '备案';
    const issue = { kind, institutionId: app.institutionId, unitId: app.unitId, applicationId: app.id, record: snapshot.record, department, issuedOn, issuedBy: userId };
    if (app.type === '设立') {
      // its 审核状态 follows the application (applications/transitions.ts)
      await tx.update(institutions).set({ currentRecordId: app.recordId, kind, updatedAt: now }).where(eq(institutions.id, app.institutionId));
      return issueLicence(tx, this.deps, issue);
    }
    if (app.type === '变更') {
      // another unit may have registered the changed code since it was submitted
      if (await usccTakenByOtherUnit(tx, snapshot.record.basic?.uscc, app.unitId)) {
        throw new AppError(AppErrorCode.CONFLICT, '变更后的统一社会信用代码已属于其他单位，不能审核通过。请选择审核不通过，并在意见中请单位核对该代码', [
          { path: 'decision', message: '变更后的统一社会信用代码已属于其他单位' },
        ]);
      }
      await tx.update(institutions).set({ currentRecordId: app.recordId, updatedAt: now }).where(eq(institutions.id, app.institutionId));
      await syncInstitution(tx, this.deps, app.institutionId, snapshot.record);
      return (await supersedeAndReissue(tx, this.deps, issue)).licence;
    }
    await tx.update(institutions).set({ cancelStatus: '注销', updatedAt: now }).where(eq(institutions.id, app.institutionId));
    await voidLicence(tx, this.deps, { institutionId: app.institutionId });
    return null;
  }
}


export function licenceSummary(l: LicenceRow) {
  return { id: l.id, number: l.number, kind: l.kind, status: l.status, issuedOn: l.issuedOn, departmentName: l.departmentName };
}
