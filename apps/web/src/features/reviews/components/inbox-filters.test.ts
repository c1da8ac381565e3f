import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { toInboxFilters } from './ReviewInbox';

describe('toInboxFilters', () => {
  it('leaves blanks out and sends the date range as two days', () => {
    expect(toInboxFilters({})).toEqual({});
    expect(toInboxFilters({ name: '  ', uscc: '', submitted: null })).toEqual({});
    expect(
      toInboxFilters({ type: '设立', name: ' 博润 ', uscc: '91220101ma17brun15', submitted: [dayjs('2026-11-02'), dayjs('2026-11-26')], maxDaysLeft: -1 }),
    ).toEqual({ type: '设立', name: '博润', uscc: '91220101MA17BRUN15', submittedFrom: '2026-11-02', submittedTo: '2026-11-26', maxDaysLeft: -1 });
  });

  it('keeps an open-ended range', () => {
    expect(toInboxFilters({ submitted: [null, dayjs('2026-11-26')] })).toEqual({ submittedTo: '2026-11-26' });
  });
});
