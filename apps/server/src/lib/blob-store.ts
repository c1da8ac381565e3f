import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

export interface StoredBlob {
  sha256: string;
  size: number;
  /** the first bytes, for type sniffing */
  head: Buffer;
}

/** Where file bytes live, addressed by their SHA-256. Local disk by default; S3 for several app servers. */
export interface BlobStore {
  /** Streams `input` into the store; rejects with BlobTooLargeError past `maxBytes`. */
  put(input: Readable, maxBytes: number): Promise<StoredBlob>;
  get(sha256: string, range?: { start: number; end: number }): Readable;
  size(sha256: string): Promise<number | null>;
  delete(sha256: string): Promise<void>;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob larger than ${maxBytes} bytes`);
  }
}

const HEAD_BYTES = 64;

/**
 * Local disk: write to a temp file while hashing, fsync, then rename into `ab/cd/<sha256>`.
 * A crash leaves at most a temp file (swept by the cleanup job), never a half-written blob.
 */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string) {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid blob id');
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(input: Readable, maxBytes: number): Promise<StoredBlob> {
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
      const sha256 = hash.digest('hex');
      const dest = this.pathOf(sha256);
      await mkdir(path.dirname(dest), { recursive: true });
      await rename(tmp, dest);
      return { sha256, size, head: Buffer.concat(heads) };
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
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
}
