import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { S3Config } from '../config';

export const isNotFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

/**
 * The objects under `S3_PREFIX` in the configured bucket, named relative to that prefix: the one place
 * that builds the S3 client and turns names into keys. The blob store (`<sha256>`) and the resumable
 * upload store (`tus/<uploadId>/…`, decision 0040) both keep their objects through it.
 */
export class S3Objects {
  readonly client: S3Client;

  constructor(private readonly opts: S3Config) {
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

  get bucket(): string {
    return this.opts.bucket;
  }

  key(name: string): string {
    return `${this.opts.prefix}${name}`;
  }

  /** Uploads a local file of `size` bytes (a known length: no chunked encoding, which some servers refuse). */
  async putFile(name: string, file: string, size: number): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.opts.bucket, Key: this.key(name), Body: createReadStream(file), ContentLength: size, ContentType: 'application/octet-stream' }));
  }

  /** Copies the object onto itself, which refreshes its LastModified. */
  async touch(name: string): Promise<void> {
    const Key = this.key(name);
    await this.client.send(
      new CopyObjectCommand({ Bucket: this.opts.bucket, Key, CopySource: `${this.opts.bucket}/${encodeURIComponent(Key).replace(/%2F/g, '/')}`, MetadataDirective: 'REPLACE', ContentType: 'application/octet-stream' }),
    );
  }

  /** Streams the object (or one byte range of it); a missing object fails the stream with `code: 'ENOENT'`. */
  get(name: string, range?: { start: number; end: number }): Readable {
    const out = new PassThrough();
    this.client.send(new GetObjectCommand({ Bucket: this.opts.bucket, Key: this.key(name), Range: range ? `bytes=${range.start}-${range.end}` : undefined })).then(
      (res) => {
        const body = res.Body as Readable;
        body.on('error', (err) => out.destroy(err));
        // the reader went away: stop the download
        out.on('close', () => body.destroy());
        body.pipe(out);
      },
      (err: unknown) => out.destroy(isNotFound(err) ? Object.assign(new Error(`object ${name} not found`), { code: 'ENOENT' }) : (err as Error)),
    );
    return out;
  }

  async size(name: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.opts.bucket, Key: this.key(name) }));
      return head.ContentLength ?? null;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async delete(name: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.opts.bucket, Key: this.key(name) }));
  }

  /** Every object whose name starts with `under`, page by page, with its name and when it was last written. */
  async *list(under = ''): AsyncIterable<{ name: string; lastModified: Date | undefined }> {
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.opts.bucket, Prefix: this.key(under), ContinuationToken }));
      for (const o of page.Contents ?? []) {
        if (!o.Key?.startsWith(this.opts.prefix)) continue;
        yield { name: o.Key.slice(this.opts.prefix.length), lastModified: o.LastModified };
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  /** Stops the client's connections (tests, shutdown). */
  close(): void {
    this.client.destroy();
  }
}
