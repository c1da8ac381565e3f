import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { TNotification, TPage } from '@jhrm/contracts';
import { createTestContext, TEST_ENGINE, type TestClient, type TestContext } from '../test/harness';
import { createReviewer } from '../test/people';
import { licensedDraft, submitEstablishment } from '../test/submissions';
import { openDatabase, queryRows, type Database } from '../db/client';
import { jobHandlers } from './handlers';
import { JOB_SCHEMA, JobQueue } from './queue';

/**
 * The one PostgreSQL job queue (decision 0041): jobs commit with the transaction that sends them,
 * a failing SMS gateway is retried with back-off, each job runs once however many processes take
 * jobs, a job whose process died mid-run runs again, and the daily 办理期限 reminder tells each
 * reviewer once.
 */

let ctx: TestContext;
let agent: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  await createReviewer(ctx, '220300', 'reviewer_siping');
  agent = ctx.client();
  await agent.login('demo_agent');
});
afterAll(() => ctx?.close());

type JobRow = { id: string; state: string; retry_count: number; delay_s: number };
const jobsOf = (name: string) =>
  queryRows<JobRow>(
    ctx.database.db,
    sql`SELECT id, state::text, retry_count, extract(epoch FROM start_after - now())::int AS delay_s FROM pgboss.job WHERE name = ${name} ORDER BY created_on`,
  );
const clear = (name: string) => ctx.database.db.execute(sql`DELETE FROM pgboss.job WHERE name = ${name}`);
const smsJob = { phoneEnc: '', text: '【吉林智慧人社】测试短信' };

describe('sending', () => {
  it('queues a job only when the transaction that sent it commits', async () => {
    await clear('sms');
    const phoneEnc = ctx.deps.pii.encrypt('13900000001');
    await expect(
      ctx.database.db.transaction(async (tx) => {
        await ctx.deps.jobs.send(tx, 'sms', { ...smsJob, phoneEnc });
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await jobsOf('sms')).toEqual([]);

    await ctx.database.db.transaction((tx) => ctx.deps.jobs.send(tx, 'sms', { ...smsJob, phoneEnc }));
    expect(await jobsOf('sms')).toMatchObject([{ state: 'created' }]);
    // the phone is in the queue's table encrypted, as in the users table
    const [stored] = await queryRows<{ data: string }>(ctx.database.db, sql`SELECT data::text FROM pgboss.job WHERE name = 'sms'`);
    expect(stored!.data).not.toContain('13900000001');
    expect(await ctx.runJobs('sms')).toBe(1);
    expect(ctx.deps.outbox!.read().sms[0]).toMatchObject({ phone: '13900000001', text: smsJob.text });
    expect(await jobsOf('sms')).toMatchObject([{ state: 'completed' }]);
  });

  it('retries an SMS the gateway refuses, waiting longer each time, and sends it once the gateway answers', async () => {
    await clear('sms');
    const phoneEnc = ctx.deps.pii.encrypt('13900000002');
    await ctx.database.db.transaction((tx) => ctx.deps.jobs.send(tx, 'sms', { ...smsJob, phoneEnc }));
    let up = false;
    const sent: string[] = [];
    const handler = jobHandlers(
      {
        ...ctx.deps,
        sms: {
          send: async (phone) => {
            if (!up) throw new Error('SMS gateway answered 503');
            sent.push(phone);
          },
        },
      },
      ctx.app.log,
    ).sms;

    expect(await ctx.deps.jobs.runPending('sms', handler)).toBe(0);
    const [first] = await jobsOf('sms');
    // pg-boss counts a retry when the job is taken again
    expect(first).toMatchObject({ state: 'retry', retry_count: 0 });
    // back-off: not before 30 s (retryDelay), so a second pass now finds nothing due
    expect(first!.delay_s).toBeGreaterThanOrEqual(15);
    expect(await ctx.deps.jobs.runPending('sms', handler)).toBe(0);
    expect((await jobsOf('sms'))[0]!.retry_count).toBe(0);

    // its time comes (a second ago: pg-boss takes jobs due strictly before now(), and PGlite's clock may
    // read the same instant twice), the gateway still refuses: the next wait is longer
    await ctx.database.db.execute(sql`UPDATE pgboss.job SET start_after = now() - interval '1 second' WHERE name = 'sms'`);
    expect(await ctx.deps.jobs.runPending('sms', handler)).toBe(0);
    const [second] = await jobsOf('sms');
    expect(second).toMatchObject({ state: 'retry', retry_count: 1 });
    expect(second!.delay_s).toBeGreaterThan(first!.delay_s);

    up = true;
    await ctx.database.db.execute(sql`UPDATE pgboss.job SET start_after = now() - interval '1 second' WHERE name = 'sms'`);
    expect(await ctx.deps.jobs.runPending('sms', handler)).toBe(1);
    expect(sent).toEqual(['13900000002']);
    expect(await jobsOf('sms')).toMatchObject([{ state: 'completed', retry_count: 2 }]);
  });
});

describe('several processes', () => {
  it('runs each job once when two queues take jobs from one database at the same time', async () => {
    await clear('cleanup');
    // a second "process": its own queue object (and on PostgreSQL its own connection pool)
    const second: Database = TEST_ENGINE === 'postgres' ? await openDatabase({ url: ctx.database.url!, poolSize: 3 }) : ctx.database;
    try {
      const other = new JobQueue(second);
      await ctx.database.db.transaction(async (tx) => {
        for (let i = 0; i < 30; i++) await ctx.deps.jobs.send(tx, 'cleanup', { n: i });
      });
      const ran: number[] = [];
      const handler = async ({ data }: { data: Record<string, unknown> }) => {
        await new Promise((r) => setTimeout(r, 5));
        ran.push(data.n as number);
      };
      const [a, b] = await Promise.all([ctx.deps.jobs.runPending('cleanup', handler), other.runPending('cleanup', handler)]);
      expect(a + b).toBe(30);
      expect(ran.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    } finally {
      if (second !== ctx.database) await second.close();
    }
  });

  it('runs a job again when the process that took it died before finishing', async () => {
    await clear('cleanup');
    await ctx.database.db.transaction((tx) => ctx.deps.jobs.send(tx, 'cleanup', { n: 'x' }));
    // a worker takes it and is killed: the job stays active with nobody working on it
    const dead = new PgBoss({ db: ctx.database.raw as PgBoss.Db, schema: JOB_SCHEMA, migrate: false });
    const [taken] = await dead.fetch('cleanup');
    expect(taken).toBeDefined();
    expect(await ctx.deps.jobs.runPending('cleanup', async () => undefined)).toBe(0);
    expect((await jobsOf('cleanup'))[0]!.state).toBe('active');

    // past its expiry (30 min for cleanup) the maintenance any live process runs fails it back to the queue
    await ctx.database.db.execute(sql`UPDATE pgboss.job SET started_on = now() - interval '31 minutes' WHERE name = 'cleanup'`);
    await ctx.deps.jobs.maintain();
    expect((await jobsOf('cleanup'))[0]).toMatchObject({ state: 'retry', retry_count: 0 });
    await ctx.database.db.execute(sql`UPDATE pgboss.job SET start_after = now() - interval '1 second' WHERE name = 'cleanup'`);
    const ran: unknown[] = [];
    expect(await ctx.deps.jobs.runPending('cleanup', async ({ id }) => void ran.push(id))).toBe(1);
    expect(ran).toEqual([taken!.id]);
  });
});

describe('办理期限 reminders', () => {
  // signed in afresh each time: the clock moves days between looks
  const messagesOf = async (account: string) => {
    const c = ctx.client();
    await c.login(account);
    const res = await c.get('/api/notifications?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as TPage<TNotification>).items.filter((m) => m.kind === 'review.deadline');
  };
  const reviewerMessages = () => messagesOf('reviewer_siping');
  const remind = async () => {
    await ctx.database.db.transaction((tx) => ctx.deps.jobs.send(tx, 'deadline-reminders', {}));
    expect(await ctx.runJobs('deadline-reminders')).toBe(1);
  };

  it('tells the department’s reviewers once when an application comes within 3 working days, and once when it is overdue', async () => {
    // submitted Thursday 2026-11-26: 受理 is due in 5 working days, on Thursday 2026-12-03
    const app = await submitEstablishment(ctx, agent, { department: '220300', draft: licensedDraft('吉林省期限提醒职业介绍有限公司') });
    expect(app.dueOn).toBe('2026-12-03');
    await remind();
    expect(await reviewerMessages()).toEqual([]);

    // Monday: 3 working days left — twice the job, in parallel too, one message
    ctx.clock.advance(4 * 24 * 3600_000);
    await remind();
    await Promise.all([remind(), remind()]);
    const soon = await reviewerMessages();
    expect(soon).toHaveLength(1);
    expect(soon[0]).toMatchObject({
      title: '办理期限提醒：1件申请将在3个工作日内到期',
      body: '“吉林省期限提醒职业介绍有限公司”1件申请将在3个工作日内到期，请及时处理。',
      link: '/hr/reviews/pending?maxDaysLeft=3',
    });
    // nobody else's reviewers hear of it
    expect(await messagesOf('demo_reviewer')).toEqual([]);

    // Friday 2026-12-04: overdue
    ctx.clock.advance(4 * 24 * 3600_000);
    await remind();
    await remind();
    const all = await reviewerMessages();
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({ title: '办理期限提醒：1件申请已超过办理期限', link: '/hr/reviews/pending?maxDaysLeft=-1' });
  });
});
