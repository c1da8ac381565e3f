import { createRequire } from 'node:module';
import { inArray, sql } from 'drizzle-orm';
import { beijingDay, type TCalendarDayKind } from '@jhrm/contracts';
import type { Db } from '../../db/client';
import { workCalendarDays, workCalendarSeededYears } from './calendar.table';

const require = createRequire(import.meta.url);

/** chinese-days' published data file (README: dist/chinese-days.json): day → "English,中文,n". */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface PackageCalendarDay {
  date: string;
  kind: TCalendarDayKind;
  name: string;
}

/** Every exception day chinese-days knows (休: its holidays, 班: its 调休 working weekend days), by year. */
export function packageCalendar(): { source: string; years: Map<number, PackageCalendarDay[]> } {
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const { version } = require('chinese-days/package.json') as { version: string };
  const years = new Map<number, PackageCalendarDay[]>();
  const add = (kind: TCalendarDayKind, entries: Record<string, string>) => {
    for (const [date, label] of Object.entries(entries)) {
      const name = label.split(',')[1]?.trim() || label;
      const year = Number(date.slice(0, 4));
      years.set(year, [...(years.get(year) ?? []), { date, kind, name }]);
    }
  };
  add('休', data.holidays);
  add('班', data.workdays);
  return { source: `chinese-days@${version}`, years };
}

/**
 * The public holidays whose dates the law fixes (《全国年节及纪念日放假办法》 第二条: 元旦 1 January,
 * 劳动节 1–2 May, 国庆节 1–3 October). For a year the package does not cover yet they are certain
 * before the State Council publishes its arrangement (which adds the lunar holidays, bridge days
 * and 调休); the administrator completes the year in 节假日设置.
 */
export function statutoryFixedDays(year: number): PackageCalendarDay[] {
  const day = (md: string, name: string): PackageCalendarDay => ({ date: `${year}-${md}`, kind: '休', name });
  return [day('01-01', '元旦'), day('05-01', '劳动节'), day('05-02', '劳动节'), day('10-01', '国庆节'), day('10-02', '国庆节'), day('10-03', '国庆节')];
}

export const STATUTORY_SOURCE = '放假办法（固定日期）';

/**
 * Seeds each year chinese-days covers that was never seeded from it (a newer package brings new years
 * at the next start); a year already seeded from the package stays as administrators left it. The
 * years after the package's last, up to next year, get the fixed-date holidays until a package covers
 * them. Idempotent.
 */
export async function seedWorkCalendar(db: Db, now: Date): Promise<number[]> {
  const { source, years } = packageCalendar();
  const lastCovered = Math.max(...years.keys());
  const nextYear = Number(beijingDay(now).slice(0, 4)) + 1;
  const provisional = new Map<number, PackageCalendarDay[]>();
  for (let y = lastCovered + 1; y <= nextYear; y++) provisional.set(y, statutoryFixedDays(y));
  const all = [...years.keys(), ...provisional.keys()];
  return db.transaction(async (tx) => {
    const seeded = await tx.select().from(workCalendarSeededYears).where(inArray(workCalendarSeededYears.year, all));
    const seededFrom = new Map(seeded.map((s) => [s.year, s.source]));
    // from the package: never seeded, or seeded only with the fixed-date holidays
    const fromPackage = [...years.keys()].filter((y) => !seededFrom.has(y) || seededFrom.get(y) === STATUTORY_SOURCE);
    const fromLaw = [...provisional.keys()].filter((y) => !seededFrom.has(y));
    const fresh = [...fromPackage, ...fromLaw].sort();
    if (!fresh.length) return [];
    const rows = [...fromPackage.flatMap((y) => years.get(y)!), ...fromLaw.flatMap((y) => provisional.get(y)!)].map((d) => ({
      day: d.date,
      kind: d.kind,
      name: d.name,
      updatedBy: null,
      updatedAt: now,
    }));
    // a day already there (an administrator's, or a fixed-date holiday) keeps its value
    for (let i = 0; i < rows.length; i += 500) await tx.insert(workCalendarDays).values(rows.slice(i, i + 500)).onConflictDoNothing({ target: workCalendarDays.day });
    const markers = [...fromPackage.map((year) => ({ year, source })), ...fromLaw.map((year) => ({ year, source: STATUTORY_SOURCE }))];
    await tx
      .insert(workCalendarSeededYears)
      .values(markers.map((m) => ({ ...m, seededAt: now })))
      .onConflictDoUpdate({ target: workCalendarSeededYears.year, set: { source: sql`excluded.source`, seededAt: now } });
    return fresh;
  });
}
