import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config, S3Config } from '../config';
import { LocalBlobStore, receiveToFile, stagedFile, syncedFileOfSize, type BlobStore, type StagedBlob, type StoredBlob } from './blob-store';
import { S3Objects } from './s3-objects';

export interface S3BlobStoreOptions extends S3Config {
  /** local folder where uploads are received and checked before they go to the bucket */
  tmpDir: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Blobs in S3-compatible object storage, shared by every app process (decision 0038). Uploads are
 * received into a local temp file first (hashing, the malware scan, quarantine), as on disk; `commit`
 * puts the file into the bucket under its sha256 and deletes the temp file.
 */
export class S3BlobStore implements BlobStore {
  private readonly objects: S3Objects;

  constructor(private readonly opts: S3BlobStoreOptions) {
    this.objects = new S3Objects(opts);
  }

  /** the object's name under the prefix: the sha256 itself, checked */
  private name(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('invalid blob id');
    return sha256;
  }

  async put(input: Readable, maxBytes: number): Promise<StoredBlob> {
    const staged = await this.stage(input, maxBytes);
    await staged.commit();
    return { sha256: staged.sha256, size: staged.size, head: staged.head };
  }

  async stage(input: Readable, maxBytes: number): Promise<StagedBlob & { head: Buffer }> {
    const received = await receiveToFile(this.opts.tmpDir, input, maxBytes);
    return { ...stagedFile(received.file, received.sha256, received.size, (f) => this.place(f, received.sha256, received.size)), head: received.head };
  }

  async stageFile(file: string, sha256: string, size: number): Promise<StagedBlob> {
    this.name(sha256);
    await syncedFileOfSize(file, size);
    return stagedFile(file, sha256, size, (f) => this.place(f, sha256, size));
  }

  /**
   * Uploads (then deletes the received file) unless the bucket holds these bytes already; then their LastModified is refreshed (a copy
   * onto itself) so the cleanup job's grace period covers the row about to refer to them.
   */
  private async place(file: string, sha256: string, size: number): Promise<void> {
    const name = this.name(sha256);
    if ((await this.objects.size(name)) === size) await this.objects.touch(name);
    else await this.objects.putFile(name, file, size);
    await rm(file, { force: true });
  }

  get(sha256: string, range?: { start: number; end: number }): Readable {
    return this.objects.get(this.name(sha256), range);
  }

  async size(sha256: string): Promise<number | null> {
    return this.objects.size(this.name(sha256));
  }

  async delete(sha256: string): Promise<void> {
    await this.objects.delete(this.name(sha256));
  }

  /** The blobs only: other objects under the prefix (uploads in progress under `tus/`) are not listed. */
  async *list(opts: { modifiedBefore?: Date } = {}): AsyncIterable<string> {
    for await (const o of this.objects.list()) {
      if (!SHA256.test(o.name)) continue;
      if (opts.modifiedBefore && o.lastModified && o.lastModified >= opts.modifiedBefore) continue;
      yield o.name;
    }
  }

  /** Stops the client's connections (tests, shutdown). */
  close(): void {
    this.objects.close();
  }
}

/** The store the configuration names: the bucket when S3_BUCKET is set, else the local disk. */
export function createBlobStore(config: Pick<Config, 'blobDir' | 's3'>): BlobStore {
  return config.s3 ? new S3BlobStore({ ...config.s3, tmpDir: path.join(config.blobDir, 'tmp') }) : new LocalBlobStore(config.blobDir);
}
