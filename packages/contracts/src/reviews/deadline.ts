/**
 * The decision limit of 条例 第十九条: 20 working days from submission. Working days are Monday to
 * Friday (public holidays are not modelled). Dates are calendar days in Beijing time, `YYYY-MM-DD`.
 */
import { beijingDay } from '../dates';

export const DECISION_WORKING_DAYS = 20;

const MS_PER_DAY = 86_400_000;

const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isWeekend = (ms: number) => {
  const d = new Date(ms).getUTCDay();
  return d === 0 || d === 6;
};

/** The day `n` working days after `day` (the submission day itself does not count). */
export function addWorkingDays(day: string, n: number): string {
  let ms = toUtc(day);
  let left = n;
  while (left > 0) {
    ms += MS_PER_DAY;
    if (!isWeekend(ms)) left -= 1;
  }
  return fromUtc(ms);
}

/** The last day to decide a submission made at `submittedAt`. */
export function decisionDueOn(submittedAt: Date, workingDays = DECISION_WORKING_DAYS): string {
  return addWorkingDays(beijingDay(submittedAt), workingDays);
}

/**
 * Working days left from `today` until `dueOn`: 0 on the due day itself. Past it, the negative
 * number of working days since (at least 1, so a weekend right after the due day is overdue too).
 */
export function workingDaysLeft(today: string, dueOn: string): number {
  const from = toUtc(today);
  const to = toUtc(dueOn);
  let count = 0;
  if (from <= to) {
    for (let ms = from + MS_PER_DAY; ms <= to; ms += MS_PER_DAY) if (!isWeekend(ms)) count += 1;
    return count;
  }
  for (let ms = to + MS_PER_DAY; ms <= from; ms += MS_PER_DAY) if (!isWeekend(ms)) count += 1;
  return -Math.max(1, count);
}
