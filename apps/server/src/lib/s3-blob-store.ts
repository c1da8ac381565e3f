import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Config, S3Config } from '../config';
import { LocalBlobStore, receiveToFile, stagedFile, syncedFileOfSize, type BlobStore, type StagedBlob, type StoredBlob } from './blob-store';

export interface S3BlobStoreOptions extends S3Config {
  /** local folder where uploads are received and checked before they go to the bucket */
  tmpDir: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

const isNotFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

/**
 * Blobs in S3-compatible object storage, shared by every app process (decision 0038). Uploads are
 * received into a local temp file first (hashing, the malware scan, quarantine), as on disk; `commit`
 * puts the file into the bucket under its sha256 and deletes the temp file.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;

  constructor(private readonly opts: S3BlobStoreOptions) {
    this.client = new S3Client({
      endpoint: opts.endpoint,
      region: opts.region,
      forcePathStyle: opts.forcePathStyle,
      credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
      // checksums only where the API requires them: many S3-compatible servers reject the SDK's
      // default CRC32 trailers on uploads, and the bytes are verified by their sha256 anyway
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('invalid blob id');
    return `${this.opts.prefix}${sha256}`;
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
    this.key(sha256);
    await syncedFileOfSize(file, size);
    return stagedFile(file, sha256, size, (f) => this.place(f, sha256, size));
  }

  /**
   * Uploads (then deletes the received file) unless the bucket holds these bytes already; then their LastModified is refreshed (a copy
   * onto itself) so the cleanup job's grace period covers the row about to refer to them.
   */
  private async place(file: string, sha256: string, size: number): Promise<void> {
    const Key = this.key(sha256);
    if ((await this.size(sha256)) === size) {
      await this.client.send(
        new CopyObjectCommand({ Bucket: this.opts.bucket, Key, CopySource: `${this.opts.bucket}/${encodeURIComponent(Key).replace(/%2F/g, '/')}`, MetadataDirective: 'REPLACE', ContentType: 'application/octet-stream' }),
      );
    } else {
      await this.client.send(new PutObjectCommand({ Bucket: this.opts.bucket, Key, Body: createReadStream(file), ContentLength: size, ContentType: 'application/octet-stream' }));
    }
    await rm(file, { force: true });
  }

  get(sha256: string, range?: { start: number; end: number }): Readable {
    const out = new PassThrough();
    const Key = this.key(sha256);
    this.client.send(new GetObjectCommand({ Bucket: this.opts.bucket, Key, Range: range ? `bytes=${range.start}-${range.end}` : undefined })).then(
      (res) => {
        const body = res.Body as Readable;
        body.on('error', (err) => out.destroy(err));
        // the reader went away: stop the download
        out.on('close', () => body.destroy());
        body.pipe(out);
      },
      (err: unknown) => out.destroy(isNotFound(err) ? Object.assign(new Error(`blob ${sha256} not found`), { code: 'ENOENT' }) : (err as Error)),
    );
    return out;
  }

  async size(sha256: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.opts.bucket, Key: this.key(sha256) }));
      return head.ContentLength ?? null;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async delete(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.opts.bucket, Key: this.key(sha256) }));
  }

  async *list(opts: { modifiedBefore?: Date } = {}): AsyncIterable<string> {
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.opts.bucket, Prefix: this.opts.prefix, ContinuationToken }));
      for (const o of page.Contents ?? []) {
        const name = o.Key ? path.posix.basename(o.Key) : '';
        if (!SHA256.test(name) || o.Key !== `${this.opts.prefix}${name}`) continue;
        if (opts.modifiedBefore && o.LastModified && o.LastModified >= opts.modifiedBefore) continue;
        yield name;
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  /** Stops the client's connections (tests, shutdown). */
  close(): void {
    this.client.destroy();
  }
}

/** The store the configuration names: the bucket when S3_BUCKET is set, else the local disk. */
export function createBlobStore(config: Pick<Config, 'blobDir' | 's3'>): BlobStore {
  return config.s3 ? new S3BlobStore({ ...config.s3, tmpDir: path.join(config.blobDir, 'tmp') }) : new LocalBlobStore(config.blobDir);
}
