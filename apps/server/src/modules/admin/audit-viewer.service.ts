import { and, count, desc, eq, gte, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { beijingDayRange, type TAuditEntry, type TAuditQuery, type TAuditVerifyResult, type TPage } from '@jhrm/contracts';
import { queryRows } from '../../db/client';
import { likeEscape } from '../../lib/like';
import type { AppDeps } from '../../deps';
import { units } from '../accounts/accounts.table';
import { auditLog } from '../audit/audit.table';
import { verifyAuditLog } from '../audit/audit-checkpoints';

/** The start of a Beijing calendar day. */

/**
 * 审计日志 for administrators: filtered pages, newest first, and the verification of the whole
 * hash chain. The log is append-only; nothing here writes to it.
 */
export class AuditViewerService {
  /** one verification at a time: a second request while one runs gets the same answer */
  private running: Promise<TAuditVerifyResult> | null = null;

  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  async list(q: TAuditQuery): Promise<TPage<TAuditEntry>> {
    const where: SQL[] = [];
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
    const [rows, [total]] = await Promise.all([
      this.db
        .select({ log: auditLog, unitName: units.name, unitUscc: units.uscc })
        .from(auditLog)
        .leftJoin(units, eq(units.id, auditLog.unitId))
        .where(cond)
        .orderBy(desc(auditLog.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      this.db.select({ n: count() }).from(auditLog).where(cond),
    ]);
    return {
      items: rows.map(({ log, unitName, unitUscc }) => ({
        id: log.id,
        at: log.at.toISOString(),
        actorAccount: log.actorAccount,
        actorRole: log.actorRole,
        unitId: log.unitId,
        unitName,
        unitUscc,
        action: log.action,
        targetType: log.targetType,
        targetId: log.targetId,
        detail: log.detail,
        ip: log.ip,
      })),
      total: total?.n ?? 0,
      page: q.page,
      pageSize: q.pageSize,
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
