import { useCallback, useEffect, useState } from 'react';
import { secondsLeft } from './countdown';

/**
 * A seconds countdown (e.g. the 60 s SMS resend cool-down). It counts against the clock, not
 * against ticks, so a throttled background tab still shows the right number when it wakes.
 */
export function useCountdown(now: () => number = Date.now) {
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [seconds, setSeconds] = useState(0);

  const start = useCallback(
    (duration: number) => {
      const end = now() + duration * 1000;
      setEndsAt(end);
      setSeconds(secondsLeft(end, now()));
    },
    [now],
  );

  useEffect(() => {
    if (endsAt === null) return;
    const timer = window.setInterval(() => {
      const left = secondsLeft(endsAt, now());
      setSeconds(left);
      if (left === 0) setEndsAt(null);
    }, 250);
    return () => window.clearInterval(timer);
  }, [endsAt, now]);

  return { seconds, running: seconds > 0, start };
}
