/** How often the header's bell asks for the unread count. */
export const UNREAD_POLL_MS = 60_000;
/**
 * Polling stops after this long without a key press, click, scroll or touch: every request keeps the
 * session alive, and a tab left open must still reach the session's idle limit.
 */
export const POLL_WHILE_ACTIVE_MS = 5 * 60_000;

let last = Date.now();
if (typeof window !== 'undefined') {
  const touch = () => {
    last = Date.now();
  };
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const) window.addEventListener(type, touch, { passive: true, capture: true });
}

/** The poll interval now: every minute while someone is at the page, not at all otherwise. */
export function pollInterval(now: number, lastActive: number): number | false {
  return now - lastActive < POLL_WHILE_ACTIVE_MS ? UNREAD_POLL_MS : false;
}

/** When the user last pressed a key, clicked, scrolled or touched this page. */
export const lastActivity = () => last;
