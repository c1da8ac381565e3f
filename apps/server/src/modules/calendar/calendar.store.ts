import { workCalendar, type WorkCalendar } from '@jhrm/contracts';
import type { Db } from '../../db/client';
import { workCalendarDays } from './calendar.table';

/** How long a process trusts its copy when another process may have edited the calendar. */
export const CALENDAR_CACHE_MS = 60_000;

/**
 * The work calendar (节假日设置) as due dates and 剩余工作日 need it: all exception days, loaded once
 * and kept per process. An edit refreshes it at once in the process that made it (`invalidate`);
 * other processes reload within `CALENDAR_CACHE_MS` (decision 0030).
 */
export class WorkCalendarStore {
  private cached: { calendar: WorkCalendar; loadedAt: number } | null = null;
  private loading: Promise<WorkCalendar> | null = null;
  private epoch = 0;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<WorkCalendar> {
    if (this.cached && this.now() - this.cached.loadedAt < CALENDAR_CACHE_MS) return this.cached.calendar;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** After an edit: the next `get` reads the database again. */
  invalidate(): void {
    this.epoch += 1;
    this.cached = null;
    this.loading = null;
  }

  private async load(): Promise<WorkCalendar> {
    const epoch = this.epoch;
    const loadedAt = this.now();
    const rows = await this.db.select({ date: workCalendarDays.day, kind: workCalendarDays.kind }).from(workCalendarDays);
    const calendar = workCalendar(rows);
    // a load that raced an edit is used once but not kept
    if (epoch === this.epoch) this.cached = { calendar, loadedAt };
    return calendar;
  }
}
