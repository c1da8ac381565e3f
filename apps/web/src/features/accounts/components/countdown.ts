/** Whole seconds left until `endsAt` (ms since epoch) at `now`, never negative. */
export function secondsLeft(endsAt: number | null, now: number): number {
  if (endsAt === null) return 0;
  return Math.max(0, Math.ceil((endsAt - now) / 1000));
}

/** Text of the 获取验证码 button: the guide's label, or the cool-down (60秒后重新获取). */
export function smsButtonLabel(seconds: number): string {
  return seconds > 0 ? `${seconds}秒后重新获取` : '获取验证码';
}

/**
 * The wait the server asked for in a RATE_LIMITED message ('验证码发送过于频繁，请42秒后再试'),
 * so the button can count down from there; null when the message names no seconds.
 */
export function retryAfterSeconds(message: string): number | null {
  const m = /请\s*(\d{1,4})\s*秒后/.exec(message);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  return n > 0 ? n : null;
}
