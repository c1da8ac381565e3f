import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, DbOrTx, RawSql } from '../db/client';

/** pg-boss' tables live in a schema of their own, created by our migration 0031 (decision 0041). */
export const JOB_SCHEMA = 'pgboss';

/**
 * Every queue: what it does, when it runs by itself (cron, Beijing time), how long a run may take
 * before it counts as dead (a process killed mid-run: pg-boss' maintenance fails it after this and
 * it runs again elsewhere), and how often a failure is retried with doubling delays.
 */
export const QUEUES = {
  /** expired sessions out of the table (the session cache forgets them on its own) */
  'session-purge': { cron: '*/10 * * * *', expireInSeconds: 120, retryLimit: 2, retryDelay: 30 },
  /** orphaned blobs, temp files, abandoned uploads (jobs/cleanup.ts) */
  cleanup: { cron: '17 * * * *', expireInSeconds: 30 * 60, retryLimit: 2, retryDelay: 300 },
  /** 办理期限 reminders to the department's reviewers (ReviewsService.sendDeadlineReminders) */
  'deadline-reminders': { cron: '30 7 * * *', expireInSeconds: 10 * 60, retryLimit: 3, retryDelay: 300 },
  /** 业务基本情况 reminders before the filing deadline (StatisticsAnalysisService.sendReportReminders) */
  'report-reminders': { cron: '0 8 * * *', expireInSeconds: 10 * 60, retryLimit: 3, retryDelay: 300 },
  /** 有效期至 reminders to the licence holders, 90 / 30 / 7 days before (sendExpiryReminders, decision 0047) */
  'licence-expiry-reminders': { cron: '0 8 * * *', expireInSeconds: 10 * 60, retryLimit: 3, retryDelay: 300 },
  /** one text message; the gateway failing is retried for about four hours (30 s, 1 min, … 2 h) */
  sms: { cron: null, expireInSeconds: 60, retryLimit: 9, retryDelay: 30 },
} as const;

export type QueueName = keyof typeof QUEUES;

export type JobHandler = (job: { id: string; data: Record<string, unknown> }) => Promise<unknown>;

/**
 * pg-boss' database interface over a Drizzle transaction: a job sent with it commits or rolls back
 * with the transaction. pg-boss' statements use each `$n` more than once, which Drizzle's `sql` cannot
 * say, so they go to the transaction's own connection (node-postgres' client or PGlite's transaction
 * handle; both answer `query(text, values)` with `{ rows }`).
 */
export function rawSqlOf(tx: DbOrTx): RawSql {
  const client = (tx as unknown as { session?: { client?: { query?: unknown } } }).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('rawSqlOf: not a Drizzle transaction on node-postgres or PGlite');
  const query = client.query as (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
  return { executeSql: (text, values) => query.call(client, text, values) };
}

/**
 * The one job queue (pg-boss on the app's own database, decision 0041). Every process can send;
 * a process that `work`s also takes jobs and keeps the schedule, and each job runs in one process
 * only (pg-boss fetches with FOR UPDATE SKIP LOCKED and creates one job per cron slot).
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    private readonly database: Database,
    private readonly opts: { everyMinute?: boolean; maintenanceIntervalSeconds?: number } = {},
  ) {
    this.boss = new PgBoss({
      db: database.raw as PgBoss.Db,
      schema: JOB_SCHEMA,
      // our migrations create the schema (one history, in backups and templates alike)
      migrate: false,
      supervise: true,
      schedule: true,
      maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 60,
      // finished jobs stay a week to be looked at, then go
      archiveCompletedAfterSeconds: 24 * 3600,
      deleteAfterDays: 7,
    });
  }

  /** Queues exist (created idempotently; their retry policy follows this build's QUEUES). */
  private async ensureQueues(): Promise<void> {
    for (const [name, q] of Object.entries(QUEUES)) {
      const policy = { retryLimit: q.retryLimit, retryDelay: q.retryDelay, retryBackoff: true, expireInSeconds: q.expireInSeconds };
      await this.boss.createQueue(name, { name, ...policy });
      await this.boss.updateQueue(name, { name, ...policy });
    }
  }

  /**
   * Starts taking jobs: the schedule of every queue with a cron, and one worker per handler.
   * `log` hears every run ("job finished" with its id, or the failure).
   */
  async work(handlers: Record<QueueName, JobHandler>, log: FastifyBaseLogger, count: (job: string, run: () => Promise<unknown>) => Promise<unknown>): Promise<void> {
    this.boss.on('error', (err) => log.warn({ err }, 'job queue error'));
    await this.boss.start();
    this.started = true;
    await this.ensureQueues();
    for (const [name, q] of Object.entries(QUEUES) as [QueueName, (typeof QUEUES)[QueueName]][]) {
      // one job per name and minute, enforced by pg-boss' unique singleton index: a slot's job sent late
      // (its send-it job delayed by a restart) and the next slot's cannot both land in one minute
      if (q.cron) await this.boss.schedule(name, this.opts.everyMinute ? '* * * * *' : q.cron, {}, { tz: 'Asia/Shanghai', singletonKey: name, singletonSeconds: 60 });
      else await this.boss.unschedule(name).catch(() => undefined);
      const handler = handlers[name];
      await this.boss.work(name, { pollingIntervalSeconds: name === 'sms' ? 2 : 5, batchSize: 1 }, async ([job]) => {
        if (!job) return;
        const started = Date.now();
        try {
          await count(name, () => handler({ id: job.id, data: (job.data ?? {}) as Record<string, unknown> }));
        } catch (err) {
          log.warn({ err, job: name, jobId: job.id }, 'job failed (it is retried)');
          throw err;
        }
        log.info({ job: name, jobId: job.id, ms: Date.now() - started }, 'job finished');
      });
    }
  }

  /** Queues a job inside the caller's transaction: it exists exactly when the transaction commits. */
  async send(tx: DbOrTx, name: QueueName, data: Record<string, unknown>): Promise<void> {
    await this.boss.send(name, data, { db: rawSqlOf(tx) as PgBoss.Db });
  }

  /** Queues many jobs of one queue inside the caller's transaction, in one statement. */
  async sendMany(tx: DbOrTx, name: QueueName, data: Record<string, unknown>[]): Promise<void> {
    if (data.length) await this.boss.insert(data.map((d) => ({ name, data: d })), { db: rawSqlOf(tx) as PgBoss.Db });
  }

  /**
   * Runs what is waiting in one queue now, in this process, as a worker would (tests, and a shell
   * without workers): each job completes, or fails back to the queue for its retry. Returns the
   * number of jobs that completed.
   */
  async runPending(name: QueueName, handler: JobHandler): Promise<number> {
    let done = 0;
    for (;;) {
      const [job] = await this.boss.fetch<Record<string, unknown>>(name, { batchSize: 1 });
      if (!job) return done;
      try {
        await handler({ id: job.id, data: job.data ?? {} });
      } catch (err) {
        await this.boss.fail(name, job.id, { message: err instanceof Error ? err.message : String(err) });
        continue;
      }
      await this.boss.complete(name, job.id);
      done++;
    }
  }

  /**
   * pg-boss' maintenance now: jobs active past their expiry (their process died) fail back to the
   * queue for a retry; old jobs are archived. Workers run it every `maintenanceIntervalSeconds`.
   */
  async maintain(): Promise<void> {
    await this.boss.maintain();
  }

  /** Jobs waiting (created or due for retry) per queue, for the metrics. */
  async depth(): Promise<{ queue: string; waiting: number; failed: number }[]> {
    const { rows } = await this.database.raw.executeSql(
      `SELECT name, count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS waiting, count(*) FILTER (WHERE state = 'failed')::int AS failed
         FROM ${JOB_SCHEMA}.job GROUP BY name`,
    );
    return (rows as { name: string; waiting: number; failed: number }[]).map((r) => ({ queue: r.name, waiting: r.waiting, failed: r.failed }));
  }

  /** Stops taking jobs; a job still running after `timeoutMs` is failed back to the queue (and retried elsewhere). */
  async stop(timeoutMs = 5000): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false });
  }
}
