import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { DataStore, ERRORS, Upload } from '@tus/server';
import { queryRows, type Db } from '../../db/client';
import type { S3Objects } from '../../lib/s3-objects';
import type { CompleteUpload, VideoUploadStore } from './tus-stores';
import { tusLocks, tusUploadChunks, tusUploads } from './tus.table';

/** Where the chunks of upload `id` live, under S3_PREFIX. */
const chunkFolder = (id: string) => `tus/${id}/`;
/** Offsets padded so that the names list in byte order (16 digits: up to 9 PB). */
const chunkName = (id: string, offset: number) => `${chunkFolder(id)}${String(offset).padStart(16, '0')}-${randomBytes(4).toString('hex')}`;

export interface BucketTusStoreOptions {
  db: Db;
  objects: S3Objects;
  /** local folder where a PATCH body and a finished upload are put together (`<blobDir>/tmp`) */
  tmpDir: string;
  clock: () => Date;
}

/**
 * tus' DataStore on the bucket (decision 0040), so that any app process can take any request of an
 * upload: its state is a row of `tus_uploads`, and each PATCH's bytes one object
 * `tus/<id>/<offset>-<random>` listed in `tus_upload_chunks`.
 *
 * A PATCH body goes to a local temp file first and into the bucket (PutObject with a known length)
 * only once it has ended. Then one statement records the chunk and advances the offset, only while
 * the offset is still the one the write started from: two writers at one offset cannot both advance
 * it, and an object whose statement did not win is deleted again. A body cut off mid-way keeps what
 * arrived (as tus' file store does): those bytes are the client's from that offset on, so the offset
 * stays true to what is stored, and a slow link does not lose a whole 8 MiB chunk each time it drops.
 * A process killed before the statement leaves at most an object no chunk row names (deleted with
 * its upload, or by the cleanup job).
 */
export class BucketTusStore extends DataStore implements VideoUploadStore {
  constructor(private readonly opts: BucketTusStoreOptions) {
    super();
    // no creation-defer-length (the size is required on creation), no expiration (the cleanup job's)
    this.extensions = ['creation', 'creation-with-upload', 'termination'];
  }

  private get db() {
    return this.opts.db;
  }

  override async create(upload: Upload): Promise<Upload> {
    const now = this.opts.clock();
    await this.db.insert(tusUploads).values({ id: upload.id, size: upload.size ?? 0, offset: 0, metadata: upload.metadata ?? {}, createdAt: now, updatedAt: now });
    upload.creation_date = now.toISOString();
    upload.offset = 0;
    return upload;
  }

  override async getUpload(id: string): Promise<Upload> {
    const [row] = await this.db.select().from(tusUploads).where(eq(tusUploads.id, id));
    if (!row) throw ERRORS.FILE_NOT_FOUND;
    return new Upload({
      id: row.id,
      size: row.size,
      offset: row.offset,
      metadata: row.metadata,
      creation_date: row.createdAt.toISOString(),
      storage: { type: 's3', path: this.opts.objects.key(chunkFolder(id)), bucket: this.opts.objects.bucket },
    });
  }

  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    await mkdir(this.opts.tmpDir, { recursive: true });
    const file = path.join(this.opts.tmpDir, `tus-${id}-${offset}-${randomBytes(4).toString('hex')}`);
    try {
      let cut: unknown;
      const out = createWriteStream(file, { flags: 'wx' });
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          if (!out.write(chunk)) await once(out, 'drain');
        }
      } catch (err) {
        // our own disk failed: keep nothing; the client's body ended early: keep what arrived
        if (out.errored) throw err;
        cut = err;
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      const size = (await stat(file)).size;
      const advanced = size > 0 ? await this.commit(id, offset, file, size) : offset;
      if (cut) throw cut;
      return advanced;
    } finally {
      await rm(file, { force: true });
    }
  }

  /** Puts the received bytes into the bucket, then records them and advances the offset in one statement. */
  private async commit(id: string, offset: number, file: string, size: number): Promise<number> {
    const name = chunkName(id, offset);
    await this.opts.objects.putFile(name, file, size);
    const rows = await queryRows<{ upload_id: string }>(
      this.db,
      sql`WITH advanced AS (
            UPDATE tus_uploads SET "offset" = "offset" + ${size}, updated_at = ${this.opts.clock().toISOString()}
            WHERE id = ${id} AND "offset" = ${offset} AND "offset" + ${size} <= size
            RETURNING id
          )
          INSERT INTO tus_upload_chunks (upload_id, "offset", size, object_name)
          SELECT id, ${offset}, ${size}, ${name} FROM advanced
          RETURNING upload_id`,
    );
    if (rows.length === 1) return offset + size;
    // another writer advanced the offset first (or the upload is gone): ours is not part of it
    await this.opts.objects.delete(name).catch(() => undefined);
    throw ERRORS.INVALID_OFFSET;
  }

  /** Reads the chunks in order into one local file, hashing as they stream; `null` unless they add up to the upload. */
  async completeFile(upload: Upload): Promise<CompleteUpload | null> {
    const chunks = await this.db.select().from(tusUploadChunks).where(eq(tusUploadChunks.uploadId, upload.id)).orderBy(asc(tusUploadChunks.offset));
    let end = 0;
    for (const c of chunks) {
      if (c.offset !== end) return null;
      end += c.size;
    }
    if (end !== upload.size) return null;
    await mkdir(this.opts.tmpDir, { recursive: true });
    const file = path.join(this.opts.tmpDir, `tus-${upload.id}-complete-${randomBytes(4).toString('hex')}`);
    const hash = createHash('sha256');
    const objects = this.opts.objects;
    async function* bytes() {
      for (const c of chunks) {
        let n = 0;
        for await (const b of objects.get(c.objectName) as AsyncIterable<Buffer>) {
          n += b.length;
          hash.update(b);
          yield b;
        }
        if (n !== c.size) throw new Error(`tus chunk ${c.objectName}: ${n} bytes, recorded ${c.size}`);
      }
    }
    try {
      await pipeline(Readable.from(bytes()), createWriteStream(file, { flags: 'wx' }));
    } catch (err) {
      await rm(file, { force: true });
      throw err;
    }
    return { file, sha256: hash.digest('hex') };
  }

  /** Termination (tus DELETE): the row first, so the upload is gone at once; then its objects. */
  override async remove(id: string): Promise<void> {
    const deleted = await this.db.delete(tusUploads).where(eq(tusUploads.id, id)).returning({ id: tusUploads.id });
    if (deleted.length === 0) throw ERRORS.FILE_NOT_FOUND;
    await deleteChunkObjects(this.opts.objects, id);
  }

  async discard(id: string): Promise<void> {
    await this.remove(id).catch(() => undefined);
  }
}

/** Deletes every object under the upload's folder, recorded chunks and strays alike; returns how many. */
async function deleteChunkObjects(objects: S3Objects, id: string): Promise<number> {
  const names: string[] = [];
  for await (const o of objects.list(chunkFolder(id))) names.push(o.name);
  for (const name of names) await objects.delete(name);
  return names.length;
}

/**
 * The cleanup job's part (jobs/cleanup.ts): uploads whose row was not touched since `abandonedBefore`
 * (the row, then its objects), and objects under `tus/` of uploads that have no row any more, last
 * written before `strayBefore` (a process killed between PutObject and its statement, or between a
 * row's deletion and its objects'). Returns the uploads removed.
 */
export async function sweepBucketUploads(db: Db, objects: S3Objects, opts: { abandonedBefore: Date; strayBefore: Date }): Promise<number> {
  let removed = 0;
  const stale = await db.select({ id: tusUploads.id }).from(tusUploads).where(lt(tusUploads.updatedAt, opts.abandonedBefore));
  for (const { id } of stale) {
    // only if still untouched: a chunk may have arrived since the select
    const deleted = await db
      .delete(tusUploads)
      .where(and(eq(tusUploads.id, id), lt(tusUploads.updatedAt, opts.abandonedBefore)))
      .returning({ id: tusUploads.id });
    if (deleted.length === 0) continue;
    await deleteChunkObjects(objects, id);
    removed++;
  }
  // strays: the newest object of each upload folder decides
  const folders = new Map<string, { names: string[]; newest: number }>();
  for await (const o of objects.list('tus/')) {
    const id = o.name.split('/')[1];
    if (!id) continue;
    const f = folders.get(id) ?? { names: [], newest: 0 };
    f.names.push(o.name);
    f.newest = Math.max(f.newest, o.lastModified?.getTime() ?? Infinity);
    folders.set(id, f);
  }
  const ids = [...folders.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    const live = new Set((await db.select({ id: tusUploads.id }).from(tusUploads).where(inArray(tusUploads.id, batch))).map((r) => r.id));
    for (const id of batch) {
      const f = folders.get(id)!;
      if (live.has(id) || f.newest >= opts.strayBefore.getTime()) continue;
      for (const name of f.names) await objects.delete(name);
      removed++;
    }
  }
  return removed;
}

/** Lock rows whose lease has run out (by the database's clock), in either mode; returns how many. */
export async function deleteExpiredUploadLocks(db: Db): Promise<number> {
  const deleted = await db.delete(tusLocks).where(lt(tusLocks.expiresAt, sql`now()`)).returning({ id: tusLocks.id });
  return deleted.length;
}
