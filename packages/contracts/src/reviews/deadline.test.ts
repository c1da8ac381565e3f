import { describe, expect, it } from 'vitest';
import { beijingDay } from '../dates';
import { addWorkingDays, decisionDueOn, workingDaysLeft } from './deadline';

describe('decision deadline (20 working days)', () => {
  it('skips weekends', () => {
    // 2026-11-27 is a Friday
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-27', 5)).toBe('2026-12-04');
    // from a Saturday the next working day is Monday
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30');
  });

  it('gives four calendar weeks for a submission on a working day', () => {
    expect(decisionDueOn(new Date('2026-11-26T02:00:00Z'))).toBe('2026-12-24');
  });

  it('uses the Beijing calendar day of the submission', () => {
    // 2026-11-26 17:00 UTC is already Friday 27th in Beijing
    expect(beijingDay(new Date('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
    expect(decisionDueOn(new Date('2026-11-26T17:00:00Z'))).toBe('2026-12-25');
  });

  it('counts working days left, zero on the due day and negative when overdue', () => {
    expect(workingDaysLeft('2026-11-26', '2026-12-24')).toBe(20);
    expect(workingDaysLeft('2026-11-27', '2026-11-30')).toBe(1);
    expect(workingDaysLeft('2026-12-24', '2026-12-24')).toBe(0);
    expect(workingDaysLeft('2026-12-28', '2026-12-24')).toBe(-2);
    // the weekend right after a Friday due day is overdue by 1, and so is the Monday
    expect(workingDaysLeft('2026-11-28', '2026-11-27')).toBe(-1);
    expect(workingDaysLeft('2026-11-29', '2026-11-27')).toBe(-1);
    expect(workingDaysLeft('2026-11-30', '2026-11-27')).toBe(-1);
    expect(workingDaysLeft('2026-12-01', '2026-11-27')).toBe(-2);
  });

  it('round-trips: the due day is exactly n working days ahead', () => {
    for (const start of ['2026-01-01', '2026-02-14', '2026-06-30', '2026-12-31']) {
      for (const n of [1, 3, 7, 20, 45]) expect(workingDaysLeft(start, addWorkingDays(start, n))).toBe(n);
    }
  });
});
