import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobTooLargeError, LocalBlobStore, type BlobStore } from './blob-store';
import { S3BlobStore } from './s3-blob-store';
import { startS3 } from '../test/s3';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
async function listAll(store: BlobStore, opts?: { modifiedBefore?: Date }): Promise<string[]> {
  const out: string[] = [];
  for await (const s of store.list(opts)) out.push(s);
  return out.sort();
}

let s3: Awaited<ReturnType<typeof startS3>>;
let s3Store: S3BlobStore;
beforeAll(async () => {
  s3 = await startS3();
  s3Store = new S3BlobStore(s3.options());
});
afterAll(async () => {
  s3Store?.close();
  await s3?.close();
});

/** The same suite for every store: what the rest of the server relies on. */
describe.each([
  ['local disk', () => new LocalBlobStore(mkdtempSync(path.join(tmpdir(), 'jhrm-blobs-')))],
  ['S3-compatible object storage', () => s3Store],
])('BlobStore on %s', (_name, make: () => BlobStore) => {
  let store: BlobStore;
  beforeAll(() => {
    store = make();
  });

  it('stores bytes under their sha256, reads them back whole and by byte range, and keeps one copy of equal bytes', async () => {
    const bytes = randomBytes(300_000);
    const stored = await store.put(Readable.from([bytes]), 1 << 20);
    expect(stored).toMatchObject({ sha256: sha(bytes), size: bytes.length });
    expect(stored.head.equals(bytes.subarray(0, stored.head.length))).toBe(true);
    expect(stored.head.length).toBeGreaterThan(0);
    expect(await store.size(stored.sha256)).toBe(bytes.length);
    expect((await read(store.get(stored.sha256))).equals(bytes)).toBe(true);
    // a range as video playback asks for it: both ends inclusive
    expect((await read(store.get(stored.sha256, { start: 1000, end: 1999 }))).equals(bytes.subarray(1000, 2000))).toBe(true);
    expect((await read(store.get(stored.sha256, { start: bytes.length - 10, end: bytes.length - 1 }))).equals(bytes.subarray(-10))).toBe(true);
    const again = await store.put(Readable.from([Buffer.from(bytes)]), 1 << 20);
    expect(again.sha256).toBe(stored.sha256);
    expect((await listAll(store)).filter((s) => s === stored.sha256)).toHaveLength(1);
  });

  it('keeps staged bytes out of sight until commit, and a discarded stage leaves nothing', async () => {
    const bytes = randomBytes(5000);
    const staged = await store.stage(Readable.from([bytes]), 1 << 20);
    expect(staged.sha256).toBe(sha(bytes));
    expect((await read(staged.read({ start: 0, end: 99 }))).equals(bytes.subarray(0, 100))).toBe(true);
    expect(await store.size(staged.sha256)).toBeNull();
    expect(await listAll(store)).not.toContain(staged.sha256);
    await staged.commit();
    expect(await store.size(staged.sha256)).toBe(5000);
    await expect(staged.commit()).rejects.toThrow(/committed/);

    const other = randomBytes(100);
    const dropped = await store.stage(Readable.from([other]), 1 << 20);
    await dropped.discard();
    expect(await store.size(dropped.sha256)).toBeNull();
  });

  it('refuses bytes past the limit and keeps none of them', async () => {
    const bytes = randomBytes(2048);
    const before = await listAll(store);
    await expect(store.put(Readable.from([bytes.subarray(0, 1024), bytes.subarray(1024)]), 1500)).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(await listAll(store)).toEqual(before);
    expect(await store.size(sha(bytes))).toBeNull();
  });

  it('takes a finished resumable upload from its file, and deletes a blob', async () => {
    const bytes = randomBytes(70_000);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'jhrm-upload-')), 'upload');
    writeFileSync(file, bytes);
    await expect(store.stageFile(file, sha(bytes), bytes.length + 1)).rejects.toThrow(/not/);
    const staged = await store.stageFile(file, sha(bytes), bytes.length);
    await staged.commit();
    expect(existsSync(file)).toBe(false);
    expect((await read(store.get(sha(bytes)))).equals(bytes)).toBe(true);
    await store.delete(sha(bytes));
    expect(await store.size(sha(bytes))).toBeNull();
    await expect(read(store.get(sha(bytes)))).rejects.toThrow();
  });

  it('lists only blobs written before a time, for the cleanup grace period', async () => {
    const bytes = randomBytes(64);
    const { sha256 } = await store.put(Readable.from([bytes]), 1024);
    expect(await listAll(store, { modifiedBefore: new Date(Date.now() + 60_000) })).toContain(sha256);
    expect(await listAll(store, { modifiedBefore: new Date(Date.now() - 60 * 60_000) })).not.toContain(sha256);
  });

  it('refuses a malformed blob id', async () => {
    expect(() => store.get('../../etc/passwd')).toThrow(/invalid blob id/);
    await expect(store.size('not-a-hash')).rejects.toThrow(/invalid blob id/);
  });
});
