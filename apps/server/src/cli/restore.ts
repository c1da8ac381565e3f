/**
 * `npm run restore -- --from <目录>`: a backup of `npm run backup` into the empty database at
 * DATABASE_URL and the file store under DATA_DIR; then checks every file the database names. Start
 * the server afterwards with the same keys, and run `npm run audit:verify`.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../config';
import { readMigrations } from '../db/migrate';
import { createBlobStore } from '../lib/s3-blob-store';
import { BackupError, restore } from '../jobs/backup';

let from: string | undefined;
try {
  from = parseArgs({ options: { from: { type: 'string' } } }).values.from;
} catch (err) {
  console.error(`参数错误：${(err as Error).message}（用法：npm run restore -- --from <备份目录>）`);
  process.exit(1);
}
if (!from) {
  console.error('请用 --from 指定备份目录，例如：DATABASE_URL=postgres://…/新数据库 npm run restore -- --from /backup/jhrm-2026-12-06');
  process.exit(1);
}
try {
  const config = loadConfig();
  const r = await restore({ databaseUrl: config.databaseDirectUrl ?? config.databaseUrl, blobs: createBlobStore(config), from: path.resolve(from), knownMigrations: readMigrations().map((m) => m.tag) });
  console.log(`恢复完成：备份时间 ${r.manifest.createdAt}，文件 ${r.blobs.count} 个，已核对数据库登记的 ${r.filesChecked} 个文件均可读取。`);
  console.log('下一步：用备份时的同一组密钥启动服务，并运行 npm run audit:verify 核对审计日志。');
} catch (err) {
  console.error(err instanceof BackupError ? `恢复失败：${err.message}` : err);
  process.exit(1);
}
