import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TNotification, TPage, TRegisterDetail, TStatisticsUrgeResult } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { createInstitution } from '../../test/licences';
import { createReviewer } from '../../test/people';
import { DEMO_UNIT } from '../../seed/demo';
import { units, users } from '../accounts/accounts.table';
import { applications } from '../applications/applications.table';
import { auditLog } from '../audit/audit.table';
import { writeSetting } from '../admin/settings.service';
import { statisticsReports } from '../statistics/statistics.table';
import { StatisticsAnalysisService } from './analysis.service';
import { reportReminders } from './report-reminders.table';

/**
 * 年度报告 (业务基本情况) beyond the guide: reminders before the filing deadline (a daily job, each
 * stage once), 催报 after it (a reviewer's area, once a day per institution, 消息中心 and SMS), and
 * the register saying whether last year's report was filed. The clock starts on 2026-11-26: the
 * 服务年度 is 2025.
 *   长春 (220100): 长春未报 (no report), 长春已报 (2025 approved)
 *   吉林市 (220200): 吉林未报 (no report)
 */
let ctx: TestContext;
let changchun: TestClient;
let jilin: TestClient;
let province: TestClient;
const ids: Record<string, string> = {};

const login = async (account: string) => {
  const c = ctx.client();
  await c.login(account);
  return c;
};
const deadline = async (monthDay: string) => {
  const [admin] = await ctx.database.db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  await writeSetting(ctx.database.db, 'statistics.reportDeadline', monthDay, admin!.id, ctx.clock());
};
/** the unit's messages of one kind, newest first, read as the 法人 (signed in afresh: the clock moves) */
const unitMessages = async (kind: string) => {
  const legal = await login('demo_legal');
  const res = await legal.get('/api/notifications?pageSize=100');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as TPage<TNotification>).items.filter((m) => m.kind === kind);
};
const urge = (c: TestClient, year = 2025) => c.post(`/api/statistics-analysis/urge?year=${year}`, {});

beforeAll(async () => {
  ctx = await createTestContext();
  await createReviewer(ctx, '220100', 'r_changchun');
  await createReviewer(ctx, '220200', 'r_jilin');
  await createReviewer(ctx, '220000', 'r_province');
  for (const [key, department] of [
    ['长春未报', '220100'],
    ['长春已报', '220100'],
    ['吉林未报', '220200'],
  ] as const) {
    ids[key] = (await createInstitution(ctx, { name: `吉林省${key}人力资源有限公司`, department })).institution.id;
  }
  // 长春已报's 2025 report, approved
  const { db } = ctx.database;
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.uscc, DEMO_UNIT.uscc));
  const now = ctx.clock();
  const [app] = await db
    .insert(applications)
    .values({ unitId: unit!.id, type: '统计', institutionId: ids['长春已报']!, status: '审核通过', department: '220100', createdAt: now, updatedAt: now })
    .returning();
  await db.insert(statisticsReports).values({
    applicationId: app!.id,
    institutionId: ids['长春已报']!,
    serviceYear: 2025,
    name: '吉林省长春已报人力资源有限公司',
    uscc: 'x',
    department: '220100',
    scopes: ['职业介绍'],
    fillerPhoneEnc: ctx.deps.pii.encrypt('13144440009'),
    filledOn: '2026-02-01',
    createdAt: now,
    updatedAt: now,
  });
});
afterAll(() => ctx?.close());
beforeEach(async () => {
  await ctx.database.db.delete(reportReminders);
});

describe('reminders before the filing deadline', () => {
  const run = async () => {
    await ctx.database.db.transaction((tx) => ctx.deps.jobs.send(tx, 'report-reminders', {}));
    expect(await ctx.runJobs('report-reminders')).toBe(1);
  };

  it('tells the units of licensed institutions without a report once within 30 days of the deadline and once within 7, also when the job runs twice at once', async () => {
    await deadline('12-31');
    const before = (await unitMessages('statistics.reminder')).length;
    // 2026-11-26: 35 days before 2026-12-31, nothing yet
    await run();
    expect(await unitMessages('statistics.reminder')).toHaveLength(before);

    ctx.clock.advance(6 * 24 * 3600_000); // 2026-12-02: 29 days left
    await run();
    await Promise.all([run(), run(), new StatisticsAnalysisService(ctx.deps).sendReportReminders()]);
    const first = (await unitMessages('statistics.reminder')).slice(0, -before || undefined);
    // the demo unit has the three institutions: two without a report, each named once (the 法人's own messages)
    expect(first.map((m) => m.body).sort()).toEqual(
      [
        '“吉林省长春未报人力资源有限公司”的2025年度人力资源市场业务基本情况请于12月31日前报送（人力资源市场统计 → 业务基本情况录入）。',
        '“吉林省吉林未报人力资源有限公司”的2025年度人力资源市场业务基本情况请于12月31日前报送（人力资源市场统计 → 业务基本情况录入）。',
      ].sort(),
    );
    expect(first[0]).toMatchObject({ title: '年度报告报送提醒：2025年度业务基本情况', link: '/hr/annual-reports/entry' });
    const rows = await ctx.database.db.select().from(reportReminders).where(eq(reportReminders.stage, 'before-30'));
    expect(rows.map((r) => r.institutionId).sort()).toEqual([ids['长春未报'], ids['吉林未报']].sort());

    ctx.clock.advance(20 * 24 * 3600_000); // 2026-12-22: 9 days left, still the 30-day stage
    await run();
    expect(await ctx.database.db.select().from(reportReminders).where(eq(reportReminders.stage, 'before-7'))).toEqual([]);
    ctx.clock.advance(3 * 24 * 3600_000); // 2026-12-25: 6 days left
    await run();
    await run();
    expect((await ctx.database.db.select().from(reportReminders).where(eq(reportReminders.stage, 'before-7'))).length).toBe(2);
    ctx.clock.advance(-29 * 24 * 3600_000);
  });
});

describe('催报 after the deadline', () => {
  // signed in afresh: the reminders' test moved the clock past the sessions' idle limit
  beforeEach(async () => {
    await deadline('03-31');
    [changchun, jilin, province] = (await Promise.all(['r_changchun', 'r_jilin', 'r_province'].map(login))) as [TestClient, TestClient, TestClient];
  });

  it('refuses 催报 before the deadline, saying when it opens', async () => {
    await deadline('12-31');
    const res = await urge(changchun);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('2025年度业务基本情况的报送截止日期为2026年12月31日，截止日期之后才能催报；截止日期之前系统会自动提醒未报送的单位');
    expect(await ctx.database.db.select().from(reportReminders)).toEqual([]);
  });

  it("tells the reviewer's area's missing institutions once a day, by 消息中心 and SMS to the 法人, and audits it", async () => {
    const smsBefore = ctx.deps.outbox!.read().sms.length;
    const res = await urge(changchun);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ year: 2025, urged: 1, alreadyToday: 0 } satisfies TStatisticsUrgeResult);
    const [msg] = await unitMessages('statistics.urge');
    expect(msg).toMatchObject({
      title: '催报：2025年度业务基本情况',
      body: '“吉林省长春未报人力资源有限公司”尚未报送2025年度人力资源市场业务基本情况，报送截止日期（2026年3月31日）已过，请尽快报送。',
    });
    expect(await ctx.runJobs('sms')).toBe(1);
    const sms = ctx.deps.outbox!.read().sms;
    expect(sms.length).toBe(smsBefore + 1);
    expect(sms[0]!.text).toContain('“吉林省长春未报人力资源有限公司”尚未报送2025年度');

    // again the same day, by anyone whose area covers it: nothing new
    const again = await urge(changchun);
    expect(again.json()).toEqual({ year: 2025, urged: 0, alreadyToday: 1 });
    // 吉林市's reviewer urges its own only
    expect((await urge(jilin)).json()).toEqual({ year: 2025, urged: 1, alreadyToday: 0 });
    // the province covers both, already urged today
    expect((await urge(province)).json()).toMatchObject({ urged: 0, alreadyToday: 2 });
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'statistics.urged'));
    expect(audits.map((a) => a.detail)).toContainEqual({ year: 2025, area: '220100', urged: 1, missing: 1 });

    // the next day it may go out again
    ctx.clock.advance(24 * 3600_000);
    const nextDay = await login('r_changchun');
    expect((await urge(nextDay)).json()).toEqual({ year: 2025, urged: 1, alreadyToday: 0 });
    ctx.clock.advance(-24 * 3600_000);
  });

  it('urges once when two reviewers press at the same moment', async () => {
    const [a, b] = await Promise.all([urge(changchun), urge(province)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const rows = await ctx.database.db
      .select()
      .from(reportReminders)
      .where(and(eq(reportReminders.institutionId, ids['长春未报']!), sql`${reportReminders.stage} LIKE 'urge-%'`));
    expect(rows).toHaveLength(1);
  });

  it('refuses a unit account', async () => {
    const legal = await login('demo_legal');
    expect((await urge(legal)).statusCode).toBe(403);
  });
});

describe('the register', () => {
  it("says whether last year's report was filed", async () => {
    const anyone = ctx.client();
    const entry = async (key: string) => (await anyone.get(`/api/public/register/${ids[key]}`)).json() as TRegisterDetail;
    expect((await entry('长春已报')).lastReport).toEqual({ year: 2025, filed: true });
    expect((await entry('长春未报')).lastReport).toEqual({ year: 2025, filed: false });
  });
});
