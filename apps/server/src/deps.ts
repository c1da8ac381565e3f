import type { Config } from './config';
import type { Database } from './db/client';
import { PiiCipher } from './lib/crypto';
import { AuditLog } from './modules/audit/audit.service';
import { SessionService } from './modules/sessions/sessions.service';

/** What the app needs from the outside world; tests build it with a fresh database and a controllable clock. */
export interface AppDeps {
  config: Config;
  database: Database;
  clock: () => Date;
  pii: PiiCipher;
  audit: AuditLog;
  sessions: SessionService;
}

export function createDeps(config: Config, database: Database, clock: () => Date = () => new Date()): AppDeps {
  return {
    config,
    database,
    clock,
    pii: new PiiCipher(config.secrets.pii),
    audit: new AuditLog(config.secrets.auditKey, clock),
    sessions: new SessionService(database.db, config, clock),
  };
}
