import type { Config } from './config';
import type { Database } from './db/client';
import type { BlobStore } from './lib/blob-store';
import { createBlobStore } from './lib/s3-blob-store';
import { PiiCipher } from './lib/crypto';
import { ClamdScanner, NoScanner, type MalwareScanner } from './lib/malware-scan';
import { DevOutbox, HttpSmsGateway, type SmsGateway } from './lib/sms';
import { Metrics, countingUploads } from './lib/metrics';
import { AuditLog } from './modules/audit/audit.service';
import { JobQueue } from './jobs/queue';
import { SessionService } from './modules/accounts/sessions.service';
import { WorkCalendarStore } from './modules/calendar/calendar.store';
import type { UsccUsedByOtherUnit } from './modules/accounts/uscc-ownership';
import { usccUsedByOtherUnit } from './modules/institutions/uscc-owner';
import { registerRecordKinds } from './modules/record-kinds/register';
import type { RenewedLicence } from './modules/documents/documents.service';
import { renewedLicence } from './modules/record-kinds/renewal';
import { registerCreditKind } from './modules/credit/register';
import { registerStatisticsKind } from './modules/statistics';
import { creditLevelsOf, creditRatingOf } from './modules/credit-ratings/credit-ratings.repository';
import type { DbOrTx } from './db/client';
import type { TCreditLevel, TCreditRating } from '@jhrm/contracts';

/** What the app needs from the outside world; tests build it with a fresh database and a controllable clock. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: () => Date;
  pii: PiiCipher;
  audit: AuditLog;
  sessions: SessionService;
  /** the work calendar (节假日设置) due dates and 剩余工作日 count with, cached per process */
  calendar: WorkCalendarStore;
  sms: SmsGateway;
  /** outside production only: every SMS and captcha answer, for people and tests */
  outbox: DevOutbox | null;
  blobs: BlobStore;
  /** every upload passes it before it is stored (lib/uploads.ts, video, imports) */
  scanner: MalwareScanner;
  /** the PostgreSQL job queue (pg-boss, decision 0041): SMS after decisions, the scheduled jobs */
  jobs: JobQueue;
  /** this process's Prometheus metrics, served on METRICS_PORT when set (decision 0036) */
  metrics: Metrics;
  /**
   * Questions a lower module asks a higher one, answered here at composition so that modules import
   * one way only (apps/server/README.md, decision 0021).
   */
  hooks: ModuleHooks;
}

export interface ModuleHooks {
  /** accounts (法人注册) asks institutions whether another unit's institution carries a code */
  usccUsedByOtherUnit: UsccUsedByOtherUnit;
  /** documents (the 延续申请表) asks record-kinds which licence a 延续 renews and its 有效期至 before it */
  renewedLicence: RenewedLicence;
  /** inspections (the 核查 task page) asks credit-ratings, which reads its tables, for an institution's 信用等级 (decision 0048) */
  creditRatingOf: (db: DbOrTx, institutionId: string, today: string) => Promise<TCreditRating | null>;
  /** inspections (a 抽查 plan's draw) asks for the institutions' levels and 抽查 weights (decisions 0048, 0049) */
  creditLevelsOf: (db: DbOrTx, institutionIds: string[], today: string) => Promise<Map<string, { level: TCreditLevel; weight: number }>>;
}

export function createDeps(config: Config, database: Database, clock: () => Date = () => new Date()): AppDeps {
  // the application kinds the engine serves (decision 0022)
  registerRecordKinds();
  registerCreditKind();
  registerStatisticsKind();
  const outbox = config.env === 'production' ? null : new DevOutbox(clock);
  const metrics = new Metrics(database);
  const jobs = new JobQueue(database, { everyMinute: config.jobsEveryMinute });
  metrics.watchQueue(() => jobs.depth());
  return {
    config,
    database,
    clock,
    pii: new PiiCipher(config.secrets.pii),
    audit: new AuditLog(config.secrets.auditKey, clock),
    sessions: new SessionService(database.db, config, clock),
    calendar: new WorkCalendarStore(database.db),
    sms: config.sms ? new HttpSmsGateway(config.sms.url, config.sms.token) : outbox!,
    outbox,
    blobs: countingUploads(createBlobStore(config), metrics),
    scanner: config.clamd ? new ClamdScanner(config.clamd) : new NoScanner(),
    jobs,
    metrics,
    hooks: { usccUsedByOtherUnit, renewedLicence, creditRatingOf, creditLevelsOf },
  };
}
