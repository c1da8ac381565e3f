import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { S3BlobStoreOptions } from '../lib/s3-blob-store';

/** s3rver ships no types: the part of its API the tests use. */
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverCtor = new (opts: { port: number; address: string; silent: boolean; directory: string; configureBuckets: { name: string }[] }) => S3rverInstance;

/**
 * An S3-compatible server in this process (s3rver, from npm), on a free port, with one bucket; its
 * objects live in a temp folder removed by `close`. The S3 store's options for it come with it.
 */
export async function startS3(bucket = 'jhrm-test'): Promise<{ options(prefix?: string): S3BlobStoreOptions; close(): Promise<void> }> {
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverCtor;
  const directory = mkdtempSync(path.join(tmpdir(), 'jhrm-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    options: (prefix = 'blobs/') => ({
      bucket,
      prefix,
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      // s3rver's fixed credentials
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
      tmpDir: mkdtempSync(path.join(tmpdir(), 'jhrm-s3-tmp-')),
    }),
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
