/**
 * `npm run audit:verify`: walks the audit chain of the configured database (DATABASE_URL, or
 * PGlite under DATA_DIR) and reports the first broken link. Exit code 0 when intact, 2 when broken.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { verifyAuditChain } from '../modules/audit/audit.service';

const config = loadConfig();
const pgliteDir = path.join(config.dataDir, 'pg');
if (!config.databaseUrl && !existsSync(pgliteDir)) {
  console.error(`没有找到数据库：${pgliteDir} 不存在（请先运行 npm start，或设置 DATA_DIR / DATABASE_URL）。`);
  process.exit(1);
}
const database = await openDatabase({ url: config.databaseUrl, pgliteDir });
try {
  const result = await verifyAuditChain(database.db, config.secrets.auditKey);
  if (result.ok) {
    console.log(`审计日志完整：共 ${result.count} 条记录，哈希链校验通过。`);
  } else {
    console.error(`审计日志校验失败：第 ${result.brokenAt} 号记录处断链（已校验 ${result.count} 条）——${result.reason}`);
    process.exitCode = 2;
  }
} finally {
  await database.close();
}
