/**
 * The decision limit of 条例 第十九条: 20 working days from submission. A working day is what the
 * work calendar says: Monday to Friday unless it is a public holiday (法定节假日, kind 休), plus the
 * weekend days worked in exchange (调休上班, kind 班). The calendar's exception days live in the
 * database (节假日设置); the arithmetic here is pure and takes the calendar as an argument. Dates
 * are calendar days in Beijing time, `YYYY-MM-DD`.
 */
import { beijingDay } from '../dates';

export const DECISION_WORKING_DAYS = 20;

/** 休: a public holiday (no work, even on a weekday); 班: a weekend day worked (调休上班). */
export const CALENDAR_DAY_KINDS = ['休', '班'] as const;
export type TCalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export const CALENDAR_DAY_KIND_LABELS: Record<TCalendarDayKind, string> = { 休: '放假', 班: '调休上班' };

/** Which days are working days. */
export interface WorkCalendar {
  isWorkingDay(day: string): boolean;
}

const MS_PER_DAY = 86_400_000;

const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The calendar with these exception days; every other day is a working day from Monday to Friday. */
export function workCalendar(exceptions: Iterable<{ date: string; kind: TCalendarDayKind }>): WorkCalendar {
  const kinds = new Map<string, TCalendarDayKind>();
  for (const e of exceptions) kinds.set(e.date, e.kind);
  return {
    isWorkingDay(day: string) {
      const kind = kinds.get(day);
      if (kind) return kind === '班';
      const weekday = new Date(toUtc(day)).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
  };
}

const working = (calendar: WorkCalendar, ms: number) => calendar.isWorkingDay(fromUtc(ms));

/** The day `n` working days after `day` (the submission day itself does not count). */
export function addWorkingDays(calendar: WorkCalendar, day: string, n: number): string {
  let ms = toUtc(day);
  let left = n;
  while (left > 0) {
    ms += MS_PER_DAY;
    if (working(calendar, ms)) left -= 1;
  }
  return fromUtc(ms);
}

/** The last day to decide a submission made at `submittedAt`. */
export function decisionDueOn(calendar: WorkCalendar, submittedAt: Date, workingDays = DECISION_WORKING_DAYS): string {
  return addWorkingDays(calendar, beijingDay(submittedAt), workingDays);
}

/**
 * Working days left from `today` until `dueOn`: 0 on the due day itself. Past it, the negative
 * number of working days since (at least 1, so a weekend or holiday right after the due day is
 * overdue too).
 */
export function workingDaysLeft(calendar: WorkCalendar, today: string, dueOn: string): number {
  const from = toUtc(today);
  const to = toUtc(dueOn);
  let count = 0;
  if (from <= to) {
    for (let ms = from + MS_PER_DAY; ms <= to; ms += MS_PER_DAY) if (working(calendar, ms)) count += 1;
    return count;
  }
  for (let ms = to + MS_PER_DAY; ms <= from; ms += MS_PER_DAY) if (working(calendar, ms)) count += 1;
  return -Math.max(1, count);
}

/** 剩余工作日 as the inbox (and its 导出) says it: 已超期N个工作日, 今日到期, 剩余N个工作日; nothing once decided. */
export function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return '';
  if (daysLeft < 0) return `已超期${-daysLeft}个工作日`;
  if (daysLeft === 0) return '今日到期';
  return `剩余${daysLeft}个工作日`;
}
