import { describe, expect, it } from 'vitest';
import { beijingDay } from '../dates';
import { addWorkingDays, decisionDueOn, workCalendar, workingDaysLeft, type TCalendarDayKind } from './deadline';

/** No exception days: Monday to Friday. */
const weekdays = workCalendar([]);

const days = (kind: TCalendarDayKind, ...dates: string[]) => dates.map((date) => ({ date, kind }));

/**
 * 2026's 元旦 and 春节 as chinese-days 1.5.7 (the package the server seeds from) has them: 元旦 1–3
 * January with Sunday 4 January worked; 春节 15–23 February with Saturdays 14 and 28 February worked.
 * 2027-01-01 (a Friday) is 元旦 as an administrator enters it: the package does not cover 2027 yet.
 */
const calendar = workCalendar([
  ...days('休', '2026-01-01', '2026-01-02', '2026-01-03'),
  ...days('班', '2026-01-04'),
  ...days('休', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'),
  ...days('班', '2026-02-14', '2026-02-28'),
  ...days('休', '2027-01-01'),
]);

describe('work calendar', () => {
  it('is Monday to Friday unless a day is an exception', () => {
    expect(weekdays.isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(weekdays.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false); // 元旦, a Friday
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // 春节 调休, a Saturday
    expect(calendar.isWorkingDay('2026-02-21')).toBe(false); // 春节 on a Saturday stays off
  });
});

describe('decision deadline (20 working days)', () => {
  it('skips weekends', () => {
    // 2026-11-27 is a Friday
    expect(addWorkingDays(weekdays, '2026-11-27', 1)).toBe('2026-11-30');
    expect(addWorkingDays(weekdays, '2026-11-27', 5)).toBe('2026-12-04');
    // from a Saturday the next working day is Monday
    expect(addWorkingDays(weekdays, '2026-11-28', 1)).toBe('2026-11-30');
  });

  it('gives four calendar weeks for a submission on a working day', () => {
    expect(decisionDueOn(calendar, new Date('2026-11-26T02:00:00Z'))).toBe('2026-12-24');
  });

  it('uses the Beijing calendar day of the submission', () => {
    // 2026-11-26 17:00 UTC is already Friday 27th in Beijing
    expect(beijingDay(new Date('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
    expect(decisionDueOn(calendar, new Date('2026-11-26T17:00:00Z'))).toBe('2026-12-25');
  });

  it('moves a due date that would fall on 元旦 2027 past it', () => {
    // submitted Friday 2026-12-04: weekdays only, the 20th working day is Friday 2027-01-01
    expect(decisionDueOn(weekdays, new Date('2026-12-04T09:00:00+08:00'))).toBe('2027-01-01');
    expect(decisionDueOn(calendar, new Date('2026-12-04T09:00:00+08:00'))).toBe('2027-01-04');
    expect(workingDaysLeft(calendar, '2026-12-31', '2027-01-04')).toBe(1);
    expect(workingDaysLeft(weekdays, '2026-12-31', '2027-01-04')).toBe(2);
  });

  it('skips 元旦 2026 and counts its 调休 Sunday', () => {
    // Wednesday 2025-12-31: Thursday to Saturday off, Sunday 4 January worked
    expect(addWorkingDays(calendar, '2025-12-31', 1)).toBe('2026-01-04');
    expect(addWorkingDays(calendar, '2025-12-31', 2)).toBe('2026-01-05');
  });

  it('skips 春节 and counts its 调休 Saturdays', () => {
    // Friday 13 February → Saturday 14 (worked) → after the holiday, Tuesday 24
    expect(addWorkingDays(calendar, '2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays(calendar, '2026-02-13', 2)).toBe('2026-02-24');
    // 24–27 February are 4 working days, Saturday 28 the 5th
    expect(addWorkingDays(calendar, '2026-02-23', 5)).toBe('2026-02-28');
    expect(addWorkingDays(weekdays, '2026-02-23', 5)).toBe('2026-03-02');
    // submitted on Thursday 5 February: 7 working days to the holiday (6, 9–13, 14), 13 after it (24–28, 2–6, 9–11 March)
    expect(decisionDueOn(calendar, new Date('2026-02-05T10:00:00+08:00'))).toBe('2026-03-11');
    expect(decisionDueOn(weekdays, new Date('2026-02-05T10:00:00+08:00'))).toBe('2026-03-05');
    expect(workingDaysLeft(calendar, '2026-02-13', '2026-02-24')).toBe(2);
  });

  it('counts working days left, zero on the due day and negative when overdue', () => {
    expect(workingDaysLeft(calendar, '2026-11-26', '2026-12-24')).toBe(20);
    expect(workingDaysLeft(calendar, '2026-11-27', '2026-11-30')).toBe(1);
    expect(workingDaysLeft(calendar, '2026-12-24', '2026-12-24')).toBe(0);
    expect(workingDaysLeft(calendar, '2026-12-28', '2026-12-24')).toBe(-2);
    // the weekend right after a Friday due day is overdue by 1, and so is the Monday
    expect(workingDaysLeft(calendar, '2026-11-28', '2026-11-27')).toBe(-1);
    expect(workingDaysLeft(calendar, '2026-11-29', '2026-11-27')).toBe(-1);
    expect(workingDaysLeft(calendar, '2026-11-30', '2026-11-27')).toBe(-1);
    expect(workingDaysLeft(calendar, '2026-12-01', '2026-11-27')).toBe(-2);
    // 元旦 right after a Thursday due day is overdue by 1 too
    expect(workingDaysLeft(calendar, '2027-01-01', '2026-12-31')).toBe(-1);
    expect(workingDaysLeft(calendar, '2027-01-04', '2026-12-31')).toBe(-1);
  });

  it('round-trips: the due day is exactly n working days ahead', () => {
    for (const start of ['2026-01-01', '2026-02-14', '2026-06-30', '2026-12-31']) {
      for (const n of [1, 3, 7, 20, 45]) expect(workingDaysLeft(calendar, start, addWorkingDays(calendar, start, n))).toBe(n);
    }
  });
});
