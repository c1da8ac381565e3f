import { and, count, desc, eq, gte, like, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  ROLE_LABELS,
  SETTINGS,
  auditActionName,
  beijingDayRange,
  isDeclaredKind,
  kindDeclaration,
  type TAuditEntry,
  type TAuditQuery,
  type TAuditExportQuery,
  type TAuditVerifyResult,
  type TPage,
  type TRole,
} from '@jhrm/contracts';
import { queryRows } from '../../db/client';
import { likeEscape } from '../../lib/like';
import type { ExportPages } from '../../lib/list-export';
import type { AppDeps } from '../../deps';
import { appeals, departments, units, users } from '../accounts/accounts.table';
import { applications } from '../applications/applications.table';
import { auditLog } from '../audit/audit.table';
import { verifyAuditLog } from '../audit/audit-checkpoints';
import { importBatches } from '../imports/imports.table';
import { institutions } from '../institutions/institutions.table';
import { licences } from '../licences/licences.table';
import { practitioners } from '../practitioners/practitioners.table';

const UUID_RE = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** The lookups behind 对象: one alias per object type an entry may name. */
const targetUser = alias(users, 'target_user');
const targetUnit = alias(units, 'target_unit');
const targetInstitution = alias(institutions, 'target_institution');
const targetApplication = alias(applications, 'target_application');
const applicationInstitution = alias(institutions, 'application_institution');
const targetAppeal = alias(appeals, 'target_appeal');
const targetLicence = alias(licences, 'target_licence');
const targetDepartment = alias(departments, 'target_department');
const targetPractitioner = alias(practitioners, 'target_practitioner');
const practitionerInstitution = alias(institutions, 'practitioner_institution');
const targetImport = alias(importBatches, 'target_import');

interface ObjectColumns {
  userAccount: string | null;
  userRole: string | null;
  unitName: string | null;
  institutionName: string | null;
  applicationType: string | null;
  applicationInstitution: string | null;
  appealAccount: string | null;
  appealUscc: string | null;
  licenceNumber: string | null;
  licenceInstitution: string | null;
  departmentName: string | null;
  practitionerName: string | null;
  practitionerInstitution: string | null;
  importFileName: string | null;
}

/**
 * What 对象 calls the entry's object now, from the row's lookups; null when it is unknown or gone
 * (the viewer then shows the id). An account is named by its login name and role only: the
 * holder's name is personal data the log's viewer did not show before.
 */
export function objectName(type: string | null, id: string | null, o: ObjectColumns): string | null {
  switch (type) {
    case 'user':
      return o.userAccount && `${o.userAccount}（${ROLE_LABELS[o.userRole as TRole] ?? o.userRole}）`;
    case 'unit':
      return o.unitName;
    case 'institution':
      return o.institutionName;
    case 'application':
      if (!o.applicationInstitution || !o.applicationType) return null;
      return `${o.applicationInstitution} · ${isDeclaredKind(o.applicationType) ? kindDeclaration(o.applicationType).notice.what : o.applicationType}`;
    case 'appeal':
      return o.appealAccount && `${o.appealAccount}（${o.appealUscc}）的申诉`;
    case 'licence':
      return o.licenceNumber && `${o.licenceNumber}（${o.licenceInstitution}）`;
    case 'department':
      return o.departmentName;
    case 'setting':
      return id && Object.hasOwn(SETTINGS, id) ? SETTINGS[id as keyof typeof SETTINGS].label : null;
    case 'practitioner':
      return o.practitionerName && `${o.practitionerName}（${o.practitionerInstitution}）`;
    case 'import_batch':
      return o.importFileName;
    default:
      return null;
  }
}

/**
 * 审计日志 for administrators: filtered pages, newest first, with each entry's object named, and
 * the verification of the whole hash chain. The log is append-only; nothing here writes to it.
 * A read model above the modules whose objects the log names (decision 0029).
 */
export class AuditViewerService {
  /** one verification at a time: a second request while one runs gets the same answer */
  private running: Promise<TAuditVerifyResult> | null = null;

  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  /**
   * 审计日志, a page. `upTo` keeps the entries written after that id out (an export's pages stay
   * put while the log grows at its top); `noTotal` skips the count (an export's later pages).
   */
  async list(q: TAuditQuery, opts: { upTo?: number; noTotal?: boolean } = {}): Promise<TPage<TAuditEntry>> {
    const where: SQL[] = [];
    if (opts.upTo !== undefined) where.push(lte(auditLog.id, opts.upTo));
    const range = beijingDayRange(q.from, q.to);
    if (range.start) where.push(gte(auditLog.at, range.start));
    if (range.end) where.push(lt(auditLog.at, range.end));
    // `auth` finds every auth.* action; `auth.login` just that one
    if (q.action) where.push(or(eq(auditLog.action, q.action), like(auditLog.action, `${likeEscape(q.action)}.%`))!);
    if (q.actorAccount) where.push(sql`lower(${auditLog.actorAccount}) = lower(${q.actorAccount})`);
    if (q.targetType) where.push(eq(auditLog.targetType, q.targetType));
    if (q.targetId) where.push(eq(auditLog.targetId, q.targetId));
    if (q.unitUscc) {
      const [unit] = await this.db.select({ id: units.id }).from(units).where(eq(units.uscc, q.unitUscc.toUpperCase()));
      if (!unit) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      where.push(eq(auditLog.unitId, unit.id));
    }
    const cond = where.length ? and(...where) : undefined;
    // the page first, then one primary-key (or unique) lookup per object type for its rows only
    const page = this.db.select().from(auditLog).where(cond).orderBy(desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize).as('page');
    /** the entry's target id as a uuid when it names an object of `type` (other ids never reach the cast) */
    const uuidOf = (type: string) => sql`CASE WHEN ${page.targetType} = ${type} AND ${page.targetId} ~ ${UUID_RE} THEN ${page.targetId}::uuid END`;
    const isType = (type: string) => sql`${page.targetType} = ${type}`;
    const [rows, [total]] = await Promise.all([
      this.db
        .select({
          log: {
            id: page.id,
            at: page.at,
            actorAccount: page.actorAccount,
            actorRole: page.actorRole,
            unitId: page.unitId,
            action: page.action,
            targetType: page.targetType,
            targetId: page.targetId,
            detail: page.detail,
            ip: page.ip,
          },
          unitName: units.name,
          unitUscc: units.uscc,
          o: {
            userAccount: targetUser.account,
            userRole: targetUser.role,
            unitName: targetUnit.name,
            institutionName: targetInstitution.name,
            applicationType: targetApplication.type,
            applicationInstitution: applicationInstitution.name,
            appealAccount: targetAppeal.account,
            appealUscc: targetAppeal.uscc,
            licenceNumber: targetLicence.number,
            licenceInstitution: targetLicence.institutionName,
            departmentName: targetDepartment.name,
            practitionerName: targetPractitioner.name,
            practitionerInstitution: practitionerInstitution.name,
            importFileName: targetImport.fileName,
          },
        })
        .from(page)
        .leftJoin(units, eq(units.id, page.unitId))
        .leftJoin(targetUser, eq(targetUser.id, uuidOf('user')))
        .leftJoin(targetUnit, eq(targetUnit.id, uuidOf('unit')))
        .leftJoin(targetInstitution, eq(targetInstitution.id, uuidOf('institution')))
        .leftJoin(targetApplication, eq(targetApplication.id, uuidOf('application')))
        .leftJoin(applicationInstitution, eq(applicationInstitution.id, targetApplication.institutionId))
        .leftJoin(targetAppeal, eq(targetAppeal.id, uuidOf('appeal')))
        .leftJoin(targetLicence, eq(targetLicence.id, uuidOf('licence')))
        .leftJoin(targetDepartment, and(isType('department'), eq(targetDepartment.code, page.targetId)))
        .leftJoin(targetPractitioner, eq(targetPractitioner.id, uuidOf('practitioner')))
        .leftJoin(practitionerInstitution, eq(practitionerInstitution.id, targetPractitioner.institutionId))
        .leftJoin(targetImport, eq(targetImport.id, uuidOf('import_batch')))
        .orderBy(desc(page.id)),
      opts.noTotal ? [{ n: 0 }] : this.db.select({ n: count() }).from(auditLog).where(cond),
    ]);
    return {
      items: rows.map(({ log, unitName, unitUscc, o }) => ({
        id: log.id,
        at: log.at.toISOString(),
        actorAccount: log.actorAccount,
        actorRole: log.actorRole,
        unitId: log.unitId,
        unitName,
        unitUscc,
        action: log.action,
        actionName: auditActionName(log.action),
        targetType: log.targetType,
        targetId: log.targetId,
        objectName: objectName(log.targetType, log.targetId, o),
        detail: log.detail,
        ip: log.ip,
      })),
      total: total?.n ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** 导出: the list's pages for the filters, as the log stood when the export began. */
  exportPages(q: TAuditExportQuery): ExportPages<TAuditEntry> {
    let upTo: Promise<number> | undefined;
    return async (page, pageSize) => {
      upTo ??= this.db
        .select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)`.mapWith(Number) })
        .from(auditLog)
        .then((r) => r[0]?.id ?? 0);
      return (await this.list({ ...q, page, pageSize }, { upTo: await upTo, noTotal: true })).items;
    };
  }

  /**
   * The distinct actions recorded so far, for the filter. A loose index scan over
   * audit_log_action_idx: one index probe per distinct action, however long the log.
   */
  async actions(): Promise<string[]> {
    const rows = await queryRows<{ a: string }>(
      this.db,
      sql`WITH RECURSIVE t(a) AS (
            SELECT min(action) FROM audit_log
            UNION ALL
            SELECT (SELECT min(action) FROM audit_log WHERE action > t.a) FROM t WHERE t.a IS NOT NULL
          )
          SELECT a FROM t WHERE a IS NOT NULL`,
    );
    return rows.map((r) => r.a);
  }

  /**
   * Walks the whole chain and its checkpoints (verifyAuditLog reads both in id order, 1000 rows per
   * query, so memory stays flat): cost is one HMAC-SM3 per row, linear in the log's length.
   */
  verify(): Promise<TAuditVerifyResult> {
    this.running ??= this.runVerification().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runVerification(): Promise<TAuditVerifyResult> {
    const started = performance.now();
    const r = await verifyAuditLog(this.db, this.deps.config.secrets.auditKey);
    return {
      ok: r.ok,
      count: r.count,
      brokenAt: r.brokenAt,
      // a break in the chain: rows before it all verified, so it is the (count + 1)-th
      brokenPosition: r.problem === 'tampered' || r.problem === 'removed' ? r.count + 1 : null,
      reason: r.reason,
      problem: r.problem,
      lastCheckpoint: r.lastCheckpoint && { seq: r.lastCheckpoint.seq, at: r.lastCheckpoint.at.toISOString() },
      unanchored: r.unanchored,
      checkedAt: this.deps.clock().toISOString(),
      durationMs: Math.round(performance.now() - started),
    };
  }
}
