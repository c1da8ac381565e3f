import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { AppErrorCode, calendarDayProblem, type TCalendarDay, type TSetCalendarDayRequest } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../accounts/sessions.service';
import type { RequestMeta } from '../accounts/accounts.service';
import { users } from '../accounts/accounts.table';
import { workCalendarDays } from './calendar.table';

/** 节假日设置: the administrator views a year's exception days and adds, changes or removes one; every change is audited. */
export class CalendarAdminService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  async list(year: number): Promise<TCalendarDay[]> {
    const rows = await this.db
      .select({ date: workCalendarDays.day, kind: workCalendarDays.kind, name: workCalendarDays.name, updatedAt: workCalendarDays.updatedAt, updatedBy: users.account })
      .from(workCalendarDays)
      .leftJoin(users, eq(users.id, workCalendarDays.updatedBy))
      .where(and(gte(workCalendarDays.day, `${year}-01-01`), lte(workCalendarDays.day, `${year}-12-31`)))
      .orderBy(asc(workCalendarDays.day));
    return rows.map((r) => ({ ...r, updatedBy: r.updatedBy ?? null, updatedAt: r.updatedAt.toISOString() }));
  }

  /** Adds the day, or changes its kind or name. */
  async set(admin: SessionUser, date: string, body: TSetCalendarDayRequest, meta: RequestMeta): Promise<TCalendarDay> {
    const problem = calendarDayProblem(date, body.kind);
    if (problem) throw new AppError(AppErrorCode.VALIDATION, problem, [{ path: 'kind', message: problem }]);
    const now = this.deps.clock();
    await this.db.transaction(async (tx) => {
      const [before] = await tx.select({ kind: workCalendarDays.kind, name: workCalendarDays.name }).from(workCalendarDays).where(eq(workCalendarDays.day, date)).for('update');
      if (before && before.kind === body.kind && before.name === body.name) return;
      await tx
        .insert(workCalendarDays)
        .values({ day: date, kind: body.kind, name: body.name, updatedBy: admin.id, updatedAt: now })
        .onConflictDoUpdate({ target: workCalendarDays.day, set: { kind: body.kind, name: body.name, updatedBy: admin.id, updatedAt: now } });
      await this.deps.audit.record(tx, {
        action: before ? 'calendar.day.updated' : 'calendar.day.added',
        actorId: admin.id,
        actorAccount: admin.account,
        actorRole: admin.role,
        targetType: 'calendar_day',
        targetId: date,
        ip: meta.ip,
        detail: { date, from: before ?? null, to: { kind: body.kind, name: body.name } },
      });
    });
    this.deps.calendar.invalidate();
    return (await this.list(Number(date.slice(0, 4)))).find((d) => d.date === date)!;
  }

  /** Removes the day: it is then an ordinary day (a working day from Monday to Friday). */
  async remove(admin: SessionUser, date: string, meta: RequestMeta): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [removed] = await tx.delete(workCalendarDays).where(eq(workCalendarDays.day, date)).returning({ kind: workCalendarDays.kind, name: workCalendarDays.name });
      if (!removed) throw new AppError(AppErrorCode.NOT_FOUND, '该日期未设置为节假日或调休上班日');
      await this.deps.audit.record(tx, {
        action: 'calendar.day.removed',
        actorId: admin.id,
        actorAccount: admin.account,
        actorRole: admin.role,
        targetType: 'calendar_day',
        targetId: date,
        ip: meta.ip,
        detail: { date, from: removed },
      });
    });
    this.deps.calendar.invalidate();
  }
}
