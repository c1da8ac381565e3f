/**
 * `npm run audit:verify [-- --log <file>]`: walks the audit chain of the configured database
 * (DATABASE_URL, or PGlite under DATA_DIR), checks every checkpoint anchoring its head, and with
 * `--log` also the checkpoints found in a JSON log stream (the copy kept outside the database).
 * Reports the first problem. Exit code 0 when intact, 2 when not, 1 when it cannot run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { formatBeijing } from '../lib/time';
import { checkpointsFromLog, verifyAuditLog } from '../modules/audit/audit-checkpoints';

let logFile: string | undefined;
try {
  logFile = parseArgs({ options: { log: { type: 'string' } } }).values.log;
} catch (err) {
  console.error(`参数错误：${(err as Error).message}（用法：npm run audit:verify -- --log <日志文件>）`);
  process.exit(1);
}
if (logFile && !existsSync(logFile)) {
  console.error(`没有找到日志文件：${logFile}`);
  process.exit(1);
}
const config = loadConfig();
const pgliteDir = path.join(config.dataDir, 'pg');
if (!config.databaseUrl && !existsSync(pgliteDir)) {
  console.error(`没有找到数据库：${pgliteDir} 不存在（请先运行 npm start，或设置 DATA_DIR / DATABASE_URL）。`);
  process.exit(1);
}
const logCheckpoints = logFile ? checkpointsFromLog(readFileSync(logFile, 'utf8')) : [];
const database = await openDatabase({ url: config.databaseUrl, pgliteDir });
try {
  const r = await verifyAuditLog(database.db, config.secrets.auditKey, { logCheckpoints });
  const anchor = r.lastCheckpoint
    ? `最近的检查点：${formatBeijing(r.lastCheckpoint.at)}，锚定第 ${r.lastCheckpoint.seq} 号记录；其后 ${r.unanchored} 条记录尚无检查点（只有日志流中更新的检查点能证明其后没有记录被删除）。`
    : `尚无检查点（${r.unanchored} 条记录未被锚定）。`;
  const fromLog = logFile ? `已核对日志流中的 ${logCheckpoints.length} 个检查点。` : '未提供日志流（--log），只核对了数据库中的检查点。';
  if (r.ok) {
    console.log(`审计日志完整：共 ${r.count} 条记录，哈希链与检查点校验通过。\n${anchor}\n${fromLog}`);
  } else {
    console.error(`审计日志校验失败：第 ${r.brokenAt} 号记录处——${r.reason}（哈希链已校验 ${r.count} 条）\n${anchor}`);
    process.exitCode = 2;
  }
} finally {
  await database.close();
}
