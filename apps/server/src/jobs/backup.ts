import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../db/client';
import { LocalBlobStore, type BlobStore } from '../lib/blob-store';

/**
 * Backup and restore of a PostgreSQL deployment (`npm run backup`, `npm run restore`): the database
 * as a pg_dump archive and every blob of the file store, in one folder with a manifest. Blobs are
 * copied through the `BlobStore` interface, so the same code serves any store. The keys
 * (JHRM_PII_*, JHRM_AUDIT_KEY) are not part of a backup: they are kept apart, as the README says.
 */

export class BackupError extends Error {}

export interface BackupManifest {
  format: 'jhrm-backup-1';
  createdAt: string;
  /** the migrations the database had: a restore refuses a build that lacks one of them */
  migrations: string[];
  database: { file: 'database.dump'; format: 'pg_dump custom' };
  blobs: { count: number; bytes: number };
}

const MANIFEST = 'manifest.json';
const DUMP = 'database.dump';
/** a blob of any size fits: the store checks sizes when uploads come in, not here */
const ANY_SIZE = Number.MAX_SAFE_INTEGER;

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => reject(new BackupError(`无法运行 ${command}（${err.message}）：请安装 PostgreSQL 客户端（Debian：apt install postgresql-client）`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} 失败（退出码 ${code}）：${stderr.trim()}`))));
  });
}

/** Copies every blob of `from` that `to` lacks; returns how many blobs and bytes `from` holds. */
async function copyBlobs(from: BlobStore, to: BlobStore): Promise<{ count: number; bytes: number }> {
  let count = 0;
  let bytes = 0;
  for await (const sha of from.list()) {
    const size = await from.size(sha);
    if (size === null) continue; // removed since it was listed
    if ((await to.size(sha)) !== size) {
      const stored = await to.put(from.get(sha), ANY_SIZE);
      if (stored.sha256 !== sha) throw new BackupError(`文件 ${sha} 的内容与其校验值不符，备份中止`);
    }
    count++;
    bytes += size;
  }
  return { count, bytes };
}

function requirePostgres(databaseUrl: string | undefined): string {
  if (!databaseUrl) {
    throw new BackupError('备份与恢复用于 PostgreSQL（设置 DATABASE_URL）。嵌入式数据库（PGlite）请先停止 npm start，再复制整个 DATA_DIR 目录。');
  }
  return databaseUrl;
}

/**
 * Writes a backup of the database at `databaseUrl` and of `blobs` into the new folder `out`. The dump
 * comes first: a blob is in the store before the row that refers to it commits, so every file the
 * dump names is there when the blobs are copied afterwards.
 */
export async function backup(opts: { databaseUrl: string | undefined; blobs: BlobStore; out: string }): Promise<BackupManifest> {
  const url = requirePostgres(opts.databaseUrl);
  await mkdir(opts.out, { recursive: true });
  if ((await readdir(opts.out)).length) throw new BackupError(`备份目录 ${opts.out} 不是空的：请指定一个新目录`);
  const database = await openDatabase({ url, poolSize: 1 });
  let migrations: string[];
  try {
    const [ours] = await queryRows<{ found: boolean }>(database.db, sql`SELECT to_regclass('schema_migrations') IS NOT NULL AS found`);
    if (!ours!.found) throw new BackupError('该数据库中没有本系统的数据（没有 schema_migrations 表）：请检查 DATABASE_URL');
    migrations = (await queryRows<{ tag: string }>(database.db, sql`SELECT tag FROM schema_migrations ORDER BY tag`)).map((r) => r.tag);
  } finally {
    await database.close();
  }
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${path.join(opts.out, DUMP)}`, `--dbname=${url}`]);
  const blobs = await copyBlobs(opts.blobs, new LocalBlobStore(path.join(opts.out, 'blobs')));
  const manifest: BackupManifest = { format: 'jhrm-backup-1', createdAt: new Date().toISOString(), migrations, database: { file: DUMP, format: 'pg_dump custom' }, blobs };
  await writeFile(path.join(opts.out, MANIFEST), JSON.stringify(manifest, null, 2));
  return manifest;
}

export interface RestoreResult {
  manifest: BackupManifest;
  blobs: { count: number; bytes: number };
  /** files rows checked: each one's blob is in the store with its size (every blob copied was hashed on the way in) */
  filesChecked: number;
}

/**
 * Restores the backup in `from` into the empty database at `databaseUrl` and into `blobs`, then checks
 * that every file the database names reads back whole. Refuses a database that already holds tables
 * and a backup with migrations this build does not know.
 */
export async function restore(opts: { databaseUrl: string | undefined; blobs: BlobStore; from: string; knownMigrations: string[] }): Promise<RestoreResult> {
  const url = requirePostgres(opts.databaseUrl);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(opts.from, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${opts.from} 不是备份目录（缺少或无法读取 ${MANIFEST}）`);
  }
  if (manifest.format !== 'jhrm-backup-1') throw new BackupError(`不认识的备份格式：${String(manifest.format)}`);
  const unknown = manifest.migrations.filter((m) => !opts.knownMigrations.includes(m));
  if (unknown.length) throw new BackupError(`备份来自更新的版本（含本版本没有的数据库迁移 ${unknown.join('、')}）：请用该版本或更新的版本恢复`);

  const database = await openDatabase({ url, poolSize: 2 });
  try {
    const [tables] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    if (tables!.n > 0) throw new BackupError('目标数据库不是空的：请恢复到一个新建的空数据库');
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, path.join(opts.from, manifest.database.file)]);
    const blobs = await copyBlobs(new LocalBlobStore(path.join(opts.from, 'blobs')), opts.blobs);
    const referenced = await queryRows<{ sha256: string; size: string | number }>(database.db, sql`SELECT DISTINCT sha256, size FROM files`);
    const missing: string[] = [];
    for (const f of referenced) {
      if ((await opts.blobs.size(f.sha256)) !== Number(f.size)) missing.push(f.sha256);
    }
    if (missing.length) throw new BackupError(`恢复后有 ${missing.length} 个文件缺失或大小不符（例如 ${missing[0]}）`);
    return { manifest, blobs, filesChecked: referenced.length };
  } finally {
    await database.close();
  }
}
