import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import { S3Objects } from '../lib/s3-objects';
import { files } from '../modules/files/files.table';
import { deleteExpiredUploadLocks, sweepBucketUploads } from '../modules/materials/tus-bucket-store';
import { deleteExpiredRateLimits } from '../modules/rate-limits/rate-limit.store';

/** A blob younger than this is never swept: its upload may not have committed its files row yet. */
export const BLOB_GRACE_MS = 60 * 60_000;
/** Temp files of the BlobStore (a put interrupted by a crash). */
export const TMP_MAX_AGE_MS = 24 * 60 * 60_000;
/** Partial resumable (tus) video uploads nobody resumed. */
export const UPLOAD_MAX_AGE_MS = 7 * 24 * 60 * 60_000;

const BATCH = 500;

export interface CleanupResult {
  /** blobs no files row refers to */
  blobs: number;
  /** temp files under blobs/tmp */
  tmp: number;
  /** partial uploads under blobs/uploads, and with S3 the bucket's (their row and chunk objects) */
  uploads: number;
  /** resumable uploads' lock rows whose lease has run out */
  uploadLocks: number;
  /** request rate-limit counters whose window has passed */
  rateLimits: number;
}

interface Log {
  info(obj: object, msg: string): void;
}

type CleanupDeps = Pick<AppDeps, 'database' | 'blobs' | 'config' | 'clock'>;

/**
 * Frees disk: blobs that no file row references (deleted materials and videos), temp files
 * left by interrupted writes, abandoned partial video uploads (on disk, or in the bucket with their
 * rows), lapsed upload locks, and rate-limit counters past their window. Safe to run while the app
 * serves requests and on several app servers at once.
 */
export async function runCleanup(deps: CleanupDeps, opts: { log?: Log } = {}): Promise<CleanupResult> {
  const started = Date.now();
  const now = deps.clock().getTime();
  const result: CleanupResult = {
    blobs: await sweepUnreferencedBlobs(deps, new Date(now - BLOB_GRACE_MS)),
    tmp: await sweepOldEntries(path.join(deps.config.blobDir, 'tmp'), now - TMP_MAX_AGE_MS),
    uploads: (await sweepOldEntries(path.join(deps.config.blobDir, 'uploads'), now - UPLOAD_MAX_AGE_MS)) + (await sweepAbandonedBucketUploads(deps, now)),
    uploadLocks: await deleteExpiredUploadLocks(deps.database.db),
    rateLimits: await deleteExpiredRateLimits(deps.database.db),
  };
  opts.log?.info({ ...result, ms: Date.now() - started }, 'cleanup: removed unreferenced blobs, old temp files, stale uploads and locks, and expired rate-limit counters');
  return result;
}

/** With S3: uploads in progress untouched for 7 days, and chunk objects of uploads no longer there (after the blobs' grace). */
async function sweepAbandonedBucketUploads(deps: CleanupDeps, now: number): Promise<number> {
  if (!deps.config.s3) return 0;
  const objects = new S3Objects(deps.config.s3);
  try {
    return await sweepBucketUploads(deps.database.db, objects, { abandonedBefore: new Date(now - UPLOAD_MAX_AGE_MS), strayBefore: new Date(now - BLOB_GRACE_MS) });
  } finally {
    objects.close();
  }
}

async function sweepUnreferencedBlobs(deps: CleanupDeps, modifiedBefore: Date): Promise<number> {
  const { db } = deps.database;
  let removed = 0;
  const flush = async (batch: string[]) => {
    const rows = await db.selectDistinct({ sha256: files.sha256 }).from(files).where(inArray(files.sha256, batch));
    const referenced = new Set(rows.map((r) => r.sha256));
    for (const sha of batch) {
      if (referenced.has(sha)) continue;
      await deps.blobs.delete(sha);
      removed++;
    }
  };
  let batch: string[] = [];
  // Only blobs last written before the grace period are listed: writing the same bytes again
  // (a new upload of an identical file) refreshes the blob, so it is not taken from under it.
  for await (const sha of deps.blobs.list({ modifiedBefore })) {
    batch.push(sha);
    if (batch.length >= BATCH) {
      await flush(batch);
      batch = [];
    }
  }
  if (batch.length) await flush(batch);
  return removed;
}

/** Newest modification time in a file or folder tree. */
async function newestMtime(p: string): Promise<number> {
  const st = await stat(p);
  let newest = st.mtimeMs;
  if (st.isDirectory()) {
    for (const name of await readdir(p)) newest = Math.max(newest, await newestMtime(path.join(p, name)).catch(() => 0));
  }
  return newest;
}

/**
 * Removes the entries of `dir` not touched since `before`. Entries sharing a stem (`<id>` and
 * `<id>.json`, as the tus file store writes them) go together, judged by the newest of them, so
 * an upload still receiving data keeps its metadata file.
 */
async function sweepOldEntries(dir: string, before: number): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const stem = name.split('.')[0] || name;
    groups.set(stem, [...(groups.get(stem) ?? []), name]);
  }
  let removed = 0;
  for (const group of groups.values()) {
    const newest = Math.max(...(await Promise.all(group.map((n) => newestMtime(path.join(dir, n)).catch(() => Infinity)))));
    if (newest >= before) continue;
    for (const n of group) {
      await rm(path.join(dir, n), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
