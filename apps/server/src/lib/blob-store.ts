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
    const tmpDir = path.join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
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
      await pipeline(input, meter, createWriteStream(tmp, { flags: 'wx' }));
      const fh = await open(tmp, 'r+');
      await fh.sync();
      await fh.close();
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    return { ...this.staged(tmp, hash.digest('hex'), size), head: Buffer.concat(heads) };
  }

  async stageFile(file: string, sha256: string, size: number): Promise<StagedBlob> {
    this.pathOf(sha256); // refuses a malformed id before anything moves
    const fh = await open(file, 'r+');
    try {
      if ((await fh.stat()).size !== size) throw new Error(`stageFile: ${file} is not ${size} bytes`);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return this.staged(file, sha256, size);
  }

  private staged(file: string, sha256: string, size: number): StagedBlob {
    let state: 'staged' | 'committed' | 'discarded' = 'staged';
    return {
      sha256,
      size,
      read: (range) => createReadStream(file, range),
      commit: async () => {
        if (state !== 'staged') throw new Error(`commit of a ${state} blob`);
        await this.place(file, sha256, size);
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
    try {
      return (await stat(this.pathOf(sha256))).size;
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
