import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCalendarDay, TPage, TReviewInboxItem } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { acceptSubmission, submitEstablishment } from '../../test/submissions';
import { auditLog } from '../audit/audit.table';
import { packageCalendar, seedWorkCalendar, STATUTORY_SOURCE } from './calendar.seed';
import { workCalendarDays, workCalendarSeededYears } from './calendar.table';

let ctx: TestContext;
let admin: TestClient;
let agent: TestClient;
let reviewer: TestClient;

async function signIn() {
  admin = ctx.client();
  await admin.login('demo_admin');
  agent = ctx.client();
  await agent.login('demo_agent');
  reviewer = ctx.client();
  await reviewer.login('demo_reviewer');
}

beforeAll(async () => {
  ctx = await createTestContext();
  await signIn();
});
afterAll(() => ctx?.close());

const year = async (y: number | string) => {
  const res = await admin.get(`/api/admin/calendar?year=${y}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TCalendarDay[];
};
const put = (c: TestClient, date: string, body: unknown) => c.request('PUT', `/api/admin/calendar/${date}`, body);
const del = (c: TestClient, date: string) => c.request('DELETE', `/api/admin/calendar/${date}`);
const auditOf = (action: string, date: string) => ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, date)));

describe('节假日设置 (admin calendar)', () => {
  it('is seeded from chinese-days for every year it covers, 2004 to 2026, and 2027 with the fixed-date holidays', async () => {
    const { years } = packageCalendar();
    expect(Math.min(...years.keys())).toBe(2004);
    expect(Math.max(...years.keys())).toBe(2026);
    const seeded = await ctx.database.db.select().from(workCalendarSeededYears).orderBy(workCalendarSeededYears.year);
    // the seed runs on the real clock: up to next year
    const nextYear = new Date().getFullYear() + 1;
    expect(seeded.map((s) => s.year)).toEqual(Array.from({ length: nextYear - 2004 + 1 }, (_, i) => 2004 + i));
    expect(seeded.find((s) => s.year === 2026)!.source).toBe('chinese-days@1.5.7');
    expect(seeded.find((s) => s.year === 2027)!.source).toBe(STATUTORY_SOURCE);

    const days = await year(2026);
    expect(days).toHaveLength(years.get(2026)!.length);
    expect(days.find((d) => d.date === '2026-01-01')).toMatchObject({ kind: '休', name: '元旦', updatedBy: null });
    // 春节 2026: Saturday 14 February is worked (调休), 15–23 February are off
    expect(days.find((d) => d.date === '2026-02-14')).toMatchObject({ kind: '班', name: '春节' });
    expect(days.filter((d) => d.name === '春节' && d.kind === '休').map((d) => d.date)).toEqual([
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    ]);
    expect((await year(2004)).length).toBeGreaterThan(0);
    // the package does not cover 2027 yet: only the days the law fixes, the administrator adds the rest
    expect((await year(2027)).map((d) => [d.date, d.kind, d.name, d.updatedBy])).toEqual([
      ['2027-01-01', '休', '元旦', null],
      ['2027-05-01', '休', '劳动节', null],
      ['2027-05-02', '休', '劳动节', null],
      ['2027-10-01', '休', '国庆节', null],
      ['2027-10-02', '休', '国庆节', null],
      ['2027-10-03', '休', '国庆节', null],
    ]);
  });

  it('replaces a year seeded with the fixed-date holidays once the package covers it, and leaves package years alone', async () => {
    const db = ctx.database.db;
    // as if 2026 had been seeded before the package covered it, and an administrator had removed a day of 2025
    await db.update(workCalendarSeededYears).set({ source: STATUTORY_SOURCE }).where(eq(workCalendarSeededYears.year, 2026));
    await db.delete(workCalendarDays).where(inArray(workCalendarDays.day, ['2026-02-14', '2025-01-01']));
    expect(await seedWorkCalendar(db, new Date())).toEqual([2026]);
    expect((await year(2026)).find((d) => d.date === '2026-02-14')).toMatchObject({ kind: '班', name: '春节' });
    expect((await year(2025)).find((d) => d.date === '2025-01-01')).toBeUndefined();
    const [marker] = await db.select().from(workCalendarSeededYears).where(eq(workCalendarSeededYears.year, 2026));
    expect(marker!.source).toBe('chinese-days@1.5.7');
    expect(await seedWorkCalendar(db, new Date())).toEqual([]);
    await db.insert(workCalendarDays).values({ day: '2025-01-01', kind: '休', name: '元旦', updatedAt: new Date() });
  });

  it('adds, changes and removes a day, auditing each change', async () => {
    const added = await put(admin, '2027-02-08', { kind: '休', name: ' 春节 ' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ date: '2027-02-08', kind: '休', name: '春节', updatedBy: 'demo_admin' });
    expect((await auditOf('calendar.day.added', '2027-02-08'))[0]).toMatchObject({ actorAccount: 'demo_admin', targetType: 'calendar_day', detail: { date: '2027-02-08', from: null, to: { kind: '休', name: '春节' } } });

    // a 调休 Saturday, renamed afterwards
    expect((await put(admin, '2027-02-20', { kind: '班', name: '春' })).statusCode).toBe(200);
    const renamed = await put(admin, '2027-02-20', { kind: '班', name: '春节' });
    expect(renamed.json()).toMatchObject({ kind: '班', name: '春节' });
    expect((await auditOf('calendar.day.updated', '2027-02-20'))[0]!.detail).toEqual({ date: '2027-02-20', from: { kind: '班', name: '春' }, to: { kind: '班', name: '春节' } });
    // the same values again change nothing and are not audited
    await put(admin, '2027-02-20', { kind: '班', name: '春节' });
    expect(await auditOf('calendar.day.updated', '2027-02-20')).toHaveLength(1);

    expect((await year(2027)).slice(0, 3).map((d) => [d.date, d.kind, d.name])).toEqual([
      ['2027-01-01', '休', '元旦'],
      ['2027-02-08', '休', '春节'],
      ['2027-02-20', '班', '春节'],
    ]);

    const removed = await del(admin, '2027-02-20');
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await auditOf('calendar.day.removed', '2027-02-20'))[0]!.detail).toEqual({ date: '2027-02-20', from: { kind: '班', name: '春节' } });
    expect((await year(2027)).map((d) => d.date)).not.toContain('2027-02-20');
    expect((await del(admin, '2027-02-08')).statusCode).toBe(200);
    const again = await del(admin, '2027-02-20');
    expect(again.statusCode).toBe(404);
    expect(again.json().message).toBe('该日期未设置为节假日或调休上班日');
  });

  it('refuses bad input with a 400 in Chinese, changing nothing', async () => {
    const cases: [string, unknown, string][] = [
      ['2027-13-01', { kind: '休', name: '元旦' }, '日期不存在'],
      ['2027-02-30', { kind: '休', name: '元旦' }, '日期不存在'],
      ['20270101', { kind: '休', name: '元旦' }, '日期格式应为 YYYY-MM-DD'],
      ['2027-01-05', { kind: '假', name: '元旦' }, '类型应为“休”（放假）或“班”（调休上班）'],
      ['2027-01-05', { name: '元旦' }, '类型应为“休”（放假）或“班”（调休上班）'],
      ['2027-01-05', { kind: '休', name: '  ' }, '请填写节日名称'],
      ['2027-01-05', { kind: '休' }, '请填写节日名称'],
      ['2027-01-05', { kind: '休', name: '节'.repeat(21) }, '节日名称不能超过20个字'],
      // Tuesday: a weekday is a working day already
      ['2027-01-05', { kind: '班', name: '元旦' }, '调休上班日应为周六或周日（周一至周五本就是工作日）'],
    ];
    for (const [date, body, message] of cases) {
      const res = await put(admin, date, body);
      expect(res.statusCode, `${date} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().message, `${date} ${JSON.stringify(body)}`).toBe(message);
    }
    for (const q of ['abc', '1999', '2100', '2026.5', '']) {
      const res = await admin.get(`/api/admin/calendar?year=${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().message).toMatch(/年份/);
    }
    expect((await del(admin, 'tomorrow')).statusCode).toBe(400);
    expect((await year(2027)).map((d) => d.date)).toEqual(['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03']);
  });

  it('is for administrators only', async () => {
    for (const c of [agent, reviewer]) {
      expect((await c.get('/api/admin/calendar?year=2026')).statusCode).toBe(403);
      expect((await put(c, '2027-01-04', { kind: '休', name: '元旦' })).statusCode).toBe(403);
      expect((await del(c, '2027-01-01')).statusCode).toBe(403);
    }
    expect((await ctx.client().get('/api/admin/calendar?year=2026')).statusCode).toBe(401);
    expect((await year(2027)).map((d) => d.date)).toEqual(['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03']);
  });
});

describe('due dates and 剩余工作日 follow the calendar', () => {
  const inboxItem = async (id: string, query = '') => {
    const res = await reviewer.get(`/api/reviews${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as TPage<TReviewInboxItem>).items.find((i) => i.id === id);
  };

  it('moves a due date off 元旦 2027 and the holiday the administrator added, and counts working days left with the calendar', async () => {
    // Friday 2026-12-04: weekdays only, the 20th working day would be 元旦 2027 (a Friday)
    ctx.clock.advance(Date.parse('2026-12-04T09:00:00+08:00') - ctx.clock().getTime());
    await signIn();
    const submitted = await submitEstablishment(ctx, agent);
    // before 受理: 5 working days to decide on it; the decision limit counts from 受理 (decision 0034)
    expect(submitted.dueOn).toBe('2026-12-11');
    const app = await acceptSubmission(ctx, reviewer, submitted.id);
    expect(app.dueOn).toBe('2027-01-04');
    expect(await inboxItem(app.id)).toMatchObject({ dueOn: '2027-01-04', daysLeft: 20, overdue: false });
    expect(await inboxItem(app.id, 'maxDaysLeft=20')).toBeDefined();

    // 元旦 removed again: the stored due date stays, but one more working day lies before it
    expect((await del(admin, '2027-01-01')).statusCode).toBe(200);
    expect(await inboxItem(app.id)).toMatchObject({ dueOn: '2027-01-04', daysLeft: 21 });
    expect(await inboxItem(app.id, 'maxDaysLeft=20')).toBeUndefined();
    const detail = await reviewer.get(`/api/reviews/${app.id}`);
    expect(detail.json()).toMatchObject({ dueOn: '2027-01-04', daysLeft: 21 });

    // a holiday added inside the window shortens what is left at once
    expect((await put(admin, '2026-12-31', { kind: '休', name: '测试假日' })).statusCode).toBe(200);
    expect((await put(admin, '2027-01-01', { kind: '休', name: '元旦' })).statusCode).toBe(200);
    expect(await inboxItem(app.id)).toMatchObject({ daysLeft: 19 });
    expect(await inboxItem(app.id, 'maxDaysLeft=19')).toBeDefined();
    // and the next submission's decision limit (from its 受理) skips both
    const next = await acceptSubmission(ctx, reviewer, (await submitEstablishment(ctx, agent)).id);
    expect(next.dueOn).toBe('2027-01-05');
  });
});
