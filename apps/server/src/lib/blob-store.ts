import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

export interface StoredBlob {
  sha256: string;
  size: number;
  /** the first bytes, for type sniffing */
  head: Buffer;
}

/**
 * Bytes received but not part of the store yet (quarantine): `get`, `size` and `list` do not see
 * them until `commit`. Uploads stay here while they are checked (type, malware scan) and until the
 * row that refers to them is about to commit, so a refused upload leaves nothing behind.
 */
export interface StagedBlob {
  sha256: string;
  size: number;
  /** the staged bytes, for the malware scan */
  read(range?: { start: number; end: number }): Readable;
  /** Moves the bytes into the store under their sha256: the last step of the transaction that records them. */
  commit(): Promise<void>;
  /** Deletes the staged bytes; does nothing once they are committed. */
  discard(): Promise<void>;
}

/** Where file bytes live, addressed by their SHA-256. Local disk by default; S3 for several app servers. */
export interface BlobStore {
  /** Streams `input` into the store (stage, then commit); rejects with BlobTooLargeError past `maxBytes`. */
  put(input: Readable, maxBytes: number): Promise<StoredBlob>;
  /** Streams `input` into quarantine while hashing it; past `maxBytes` rejects with BlobTooLargeError and keeps nothing. */
  stage(input: Readable, maxBytes: number): Promise<StagedBlob & { head: Buffer }>;
  /**
   * Takes a complete file already on the server's disk (a finished resumable upload) into
   * quarantine under the `sha256` the caller computed: `commit` moves it rather than copying,
   * `discard` deletes it.
   */
  stageFile(file: string, sha256: string, size: number): Promise<StagedBlob>;
  get(sha256: string, range?: { start: number; end: number }): Readable;
  size(sha256: string): Promise<number | null>;
  delete(sha256: string): Promise<void>;
  /**
   * Every stored blob's sha256 (for the cleanup job); with `modifiedBefore`, only blobs last
   * written before then, so a blob just stored for an upload still in flight is never listed.
   */
  list(opts?: { modifiedBefore?: Date }): AsyncIterable<string>;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob larger than ${maxBytes} bytes`);
  }
}

const HEAD_BYTES = 64;

/**
 * Streams `input` into a new temp file under `tmpDir` while hashing it and keeping its first bytes,
 * then fsyncs it; past `maxBytes` (or on any error) deletes it and rejects. Every store stages this
 * way: the malware scan reads the bytes, and the sha256 that names a blob is known only at the end.
 */
export async function receiveToFile(tmpDir: string, input: Readable, maxBytes: number): Promise<{ file: string; sha256: string; size: number; head: Buffer }> {
  await mkdir(tmpDir, { recursive: true });
  const file = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  const heads: Buffer[] = [];
  let headLen = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      size += chunk.length;
      if (size > maxBytes) return cb(new BlobTooLargeError(maxBytes));
      if (headLen < HEAD_BYTES) {
        heads.push(chunk.subarray(0, HEAD_BYTES - headLen));
        headLen += Math.min(chunk.length, HEAD_BYTES - headLen);
      }
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(input, meter, createWriteStream(file, { flags: 'wx' }));
    const fh = await open(file, 'r+');
    await fh.sync();
    await fh.close();
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
  return { file, sha256: hash.digest('hex'), size, head: Buffer.concat(heads) };
}

/** Checks that `file` holds `size` bytes and fsyncs it (a finished resumable upload about to be staged). */
export async function syncedFileOfSize(file: string, size: number): Promise<void> {
  const fh = await open(file, 'r+');
  try {
    if ((await fh.stat()).size !== size) throw new Error(`stageFile: ${file} is not ${size} bytes`);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * A received file in quarantine: `commit` hands it to `place` (which takes it into the store and
 * removes the file) once; `discard` deletes it. Both stores stage through this.
 */
export function stagedFile(file: string, sha256: string, size: number, place: (file: string) => Promise<void>): StagedBlob {
  let state: 'staged' | 'committed' | 'discarded' = 'staged';
  return {
    sha256,
    size,
    read: (range) => createReadStream(file, range),
    commit: async () => {
      if (state !== 'staged') throw new Error(`commit of a ${state} blob`);
      await place(file);
      state = 'committed';
    },
    discard: async () => {
      if (state !== 'staged') return;
      state = 'discarded';
      await rm(file, { force: true });
    },
  };
}

/**
 * Local disk: write to a temp file under `tmp/` while hashing, fsync, then (on commit) rename into
 * `ab/cd/<sha256>`. A crash leaves at most a temp file (swept by the cleanup job), never a
 * half-written blob.
 */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string) {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid blob id');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(input: Readable, maxBytes: number): Promise<StoredBlob> {
    const staged = await this.stage(input, maxBytes);
    await staged.commit();
    return { sha256: staged.sha256, size: staged.size, head: staged.head };
  }

  async stage(input: Readable, maxBytes: number): Promise<StagedBlob & { head: Buffer }> {
    const received = await receiveToFile(path.join(this.root, 'tmp'), input, maxBytes);
    return { ...stagedFile(received.file, received.sha256, received.size, (f) => this.place(f, received.sha256, received.size)), head: received.head };
  }

  async stageFile(file: string, sha256: string, size: number): Promise<StagedBlob> {
    this.pathOf(sha256); // refuses a malformed id before anything moves
    await syncedFileOfSize(file, size);
    return stagedFile(file, sha256, size, (f) => this.place(f, sha256, size));
  }

  /**
   * Renames into `ab/cd/<sha256>` (same file system: `tmp/` and `uploads/` live under the root).
   * Bytes already stored under that hash are kept, and their mtime refreshed so the cleanup job's
   * `modifiedBefore` grace period covers the row about to refer to them.
   */
  private async place(file: string, sha256: string, size: number): Promise<void> {
    const dest = this.pathOf(sha256);
    const existing = await stat(dest).catch(() => null);
    if (existing?.size === size) {
      const now = new Date();
      await utimes(dest, now, now);
      await rm(file, { force: true });
      return;
    }
    await mkdir(path.dirname(dest), { recursive: true });
    await rename(file, dest);
  }

  get(sha256: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.pathOf(sha256), range);
  }

  async size(sha256: string): Promise<number | null> {
    const file = this.pathOf(sha256);
    try {
      return (await stat(file)).size;
    } catch {
      return null;
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  /** Walks `ab/cd/<sha256>` only: `tmp/` and other folders under the root are not blobs. */
  async *list(opts: { modifiedBefore?: Date } = {}): AsyncIterable<string> {
    const hex2 = /^[0-9a-f]{2}$/;
    const subdirs = async (dir: string) => {
      try {
        return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() && hex2.test(e.name)).map((e) => e.name);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
    };
    for (const a of (await subdirs(this.root)).sort()) {
      for (const b of (await subdirs(path.join(this.root, a))).sort()) {
        const dir = path.join(this.root, a, b);
        let names: string[];
        try {
          names = await readdir(dir);
        } catch {
          continue; // removed meanwhile
        }
        for (const name of names.sort()) {
          if (!/^[0-9a-f]{64}$/.test(name) || !name.startsWith(a + b)) continue;
          if (opts.modifiedBefore) {
            const st = await stat(path.join(dir, name)).catch(() => null);
            if (!st || st.mtime >= opts.modifiedBefore) continue;
          }
          yield name;
        }
      }
    }
  }
}
