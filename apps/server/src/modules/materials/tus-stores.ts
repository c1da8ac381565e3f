import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import type { DataStore, Upload } from '@tus/server';

/** A finished upload's bytes as one file on this server's disk, with their SHA-256. */
export interface CompleteUpload {
  file: string;
  sha256: string;
}

/**
 * What the video service needs of a tus store beyond tus' DataStore: the finished upload as one local
 * file (the checks and `BlobStore.stageFile` read it there), and removal of everything the upload left.
 * `FileStore` on the local disk (`npm start`), `BucketTusStore` when uploads go to the bucket.
 */
export interface VideoUploadStore extends DataStore {
  /** The complete upload's bytes as one local file, hashed while read; `null` when the upload is gone. */
  completeFile(upload: Upload): Promise<CompleteUpload | null>;
  /** Deletes the upload and its bytes (refused, or taken into the BlobStore); never throws. */
  discard(id: string): Promise<void>;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), hash);
  return hash.digest('hex');
}

/**
 * tus' FileStore in `<blobDir>/uploads`: one process (`npm start`). No tus expiration extension: with
 * it, a creation-with-upload that finishes (and is moved out of the store) is looked up again
 * afterwards and answered 404. Abandoned uploads are the cleanup job's (untouched for 7 days).
 */
export class DiskTusStore extends FileStore implements VideoUploadStore {
  constructor(directory: string) {
    // FileStore creates its directory in the background and throws from a callback on failure
    mkdirSync(directory, { recursive: true });
    super({ directory });
  }

  async completeFile(upload: Upload): Promise<CompleteUpload | null> {
    const file = path.join(this.directory, upload.id);
    try {
      return { file, sha256: await sha256OfFile(file) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async discard(id: string): Promise<void> {
    // the bytes may already have moved into the BlobStore: then only the metadata is left
    await this.remove(id).catch(() => this.configstore.delete(id).catch(() => undefined));
  }
}
