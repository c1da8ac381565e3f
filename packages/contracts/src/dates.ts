/** Calendar days as people in Jilin live them: Beijing time (UTC+8, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar day of an instant, as `YYYY-MM-DD`. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** 2020-01-05 → 2020年1月5日, as forms and certificates print dates ('' for none or not a date). */
export function chineseDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/**
 * The instants a range of Beijing calendar days covers, for filters: `start` is the first day's
 * midnight, `end` the midnight after the last day (exclusive). Either end may be open.
 */
export function beijingDayRange(from?: string, to?: string): { start?: Date; end?: Date } {
  const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
  return {
    ...(from ? { start: midnight(from) } : {}),
    ...(to ? { end: new Date(midnight(to).getTime() + 86_400_000) } : {}),
  };
}
