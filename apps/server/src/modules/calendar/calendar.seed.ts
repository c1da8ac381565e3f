import { createRequire } from 'node:module';
import { inArray } from 'drizzle-orm';
import type { TCalendarDayKind } from '@jhrm/contracts';
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
 * Seeds each year chinese-days covers that was never seeded before (a newer package brings new
 * years at the next start); a year already seeded stays as administrators left it. Idempotent.
 */
export async function seedWorkCalendar(db: Db, now: Date): Promise<number[]> {
  const { source, years } = packageCalendar();
  return db.transaction(async (tx) => {
    const seeded = await tx.select({ year: workCalendarSeededYears.year }).from(workCalendarSeededYears).where(inArray(workCalendarSeededYears.year, [...years.keys()]));
    const done = new Set(seeded.map((s) => s.year));
    const fresh = [...years.keys()].filter((y) => !done.has(y)).sort();
    if (!fresh.length) return [];
    const rows = fresh.flatMap((y) => years.get(y)!).map((d) => ({ day: d.date, kind: d.kind, name: d.name, updatedBy: null, updatedAt: now }));
    // a day an administrator entered before its year was in the package keeps the administrator's value
    for (let i = 0; i < rows.length; i += 500) await tx.insert(workCalendarDays).values(rows.slice(i, i + 500)).onConflictDoNothing({ target: workCalendarDays.day });
    await tx.insert(workCalendarSeededYears).values(fresh.map((year) => ({ year, source, seededAt: now }))).onConflictDoNothing();
    return fresh;
  });
}
