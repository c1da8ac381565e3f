import { describe, expect, it } from 'vitest';
import { POLL_WHILE_ACTIVE_MS, UNREAD_POLL_MS, pollInterval } from './poll';

describe('unread-count polling', () => {
  it('polls every minute while the user is active and stops when idle, so the session can expire', () => {
    expect(pollInterval(10_000, 0)).toBe(UNREAD_POLL_MS);
    expect(pollInterval(POLL_WHILE_ACTIVE_MS + 1, 0)).toBe(false);
  });
});
