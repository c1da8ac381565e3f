/**
 * `npm run backup -- --out <目录>`: the database at DATABASE_URL (pg_dump) and every file of the file
 * store under DATA_DIR, into a new folder with a manifest. Exit code 0 when written, 1 when not.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../config';
import { createBlobStore } from '../lib/s3-blob-store';
import { backup, BackupError } from '../jobs/backup';

let out: string | undefined;
try {
  out = parseArgs({ options: { out: { type: 'string' } } }).values.out;
} catch (err) {
  console.error(`参数错误：${(err as Error).message}（用法：npm run backup -- --out <备份目录>）`);
  process.exit(1);
}
if (!out) {
  console.error('请用 --out 指定备份目录（一个新目录），例如：npm run backup -- --out /backup/jhrm-2026-12-06');
  process.exit(1);
}
try {
  const config = loadConfig();
  const started = Date.now();
  const m = await backup({ databaseUrl: config.databaseDirectUrl ?? config.databaseUrl, blobs: createBlobStore(config), out: path.resolve(out) });
  console.log(`备份完成：${path.resolve(out)}（数据库迁移 ${m.migrations.length} 个，文件 ${m.blobs.count} 个，共 ${(m.blobs.bytes / 1024 ** 2).toFixed(1)} MiB，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）。`);
  console.log('注意：密钥（JHRM_PII_*、JHRM_AUDIT_KEY）不在备份中，请另行妥善保管；恢复时需要同一组密钥。');
} catch (err) {
  console.error(err instanceof BackupError ? `备份失败：${err.message}` : err);
  process.exit(1);
}
