import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { formatDateTime } from './format-datetime';

describe('formatDateTime', () => {
  it('shows an API timestamp in local time, to the minute or the second', () => {
    const iso = '2026-03-05T01:02:03.000Z';
    expect(formatDateTime(iso)).toBe(dayjs(iso).format('YYYY-MM-DD HH:mm'));
    expect(formatDateTime(iso, true)).toMatch(/^2026-03-0[45] \d\d:02:03$/);
  });

  it('shows nothing for a missing value and keeps an unparseable one', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
