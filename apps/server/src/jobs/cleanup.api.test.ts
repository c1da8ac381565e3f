import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness';
import { LocalBlobStore } from '../lib/blob-store';
import { files } from '../modules/files/files.table';
import { tusLocks } from '../modules/materials/tus.table';
import { runCleanup } from './cleanup';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ demo: false });
});
afterAll(() => ctx?.close());

const HOUR = 60 * 60_000;
const blobPath = (sha: string) => path.join(ctx.deps.config.blobDir, sha.slice(0, 2), sha.slice(2, 4), sha);

async function putBlob(content: string, ageMs: number): Promise<string> {
  const { sha256 } = await ctx.deps.blobs.put(Readable.from([Buffer.from(content)]), 1024);
  await age(blobPath(sha256), ageMs);
  return sha256;
}

async function age(p: string, ageMs: number) {
  const t = new Date(ctx.clock().getTime() - ageMs);
  await utimes(p, t, t);
}

async function touchFile(p: string, ageMs: number) {
  await mkdir(path.dirname(p), { recursive: true });
  await writeFile(p, 'x');
  await age(p, ageMs);
}

describe('cleanup job', () => {
  it('removes unreferenced blobs, old temp files and stale partial uploads, and keeps everything else', async () => {
    const referenced = await putBlob('referenced material', 48 * HOUR);
    const orphan = await putBlob('deleted material', 2 * HOUR);
    // stored moments ago: its files row may be about to commit
    const inFlight = await putBlob('upload in flight', 5 * 60_000);
    await ctx.database.db.insert(files).values({ ownerType: 'application_material', ownerId: randomUUID(), slot: '企业章程', sha256: referenced, size: 19, mime: 'application/pdf', name: '章程.pdf', createdAt: ctx.clock() });

    const root = ctx.deps.config.blobDir;
    await touchFile(path.join(root, 'tmp', 'old-interrupted-put'), 25 * HOUR);
    await touchFile(path.join(root, 'tmp', 'recent-put'), 1 * HOUR);
    const uploads = path.join(root, 'uploads');
    // abandoned 8 days ago: data and its metadata go together
    await touchFile(path.join(uploads, 'aaa111'), 8 * 24 * HOUR);
    await touchFile(path.join(uploads, 'aaa111.json'), 8 * 24 * HOUR);
    // created 9 days ago but still receiving data 3 days ago: kept, metadata included
    await touchFile(path.join(uploads, 'bbb222.json'), 9 * 24 * HOUR);
    await touchFile(path.join(uploads, 'bbb222'), 3 * 24 * HOUR);
    // a folder entry whose newest file is old
    await touchFile(path.join(uploads, 'ccc333', 'part-1'), 10 * 24 * HOUR);
    await age(path.join(uploads, 'ccc333'), 10 * 24 * HOUR);

    // an upload's lock whose lease ran out (its process died) and one still held
    await ctx.database.db.insert(tusLocks).values([
      { id: 'lapsed', owner: 'dead-process', expiresAt: sql`now() - interval '1 minute'` },
      { id: 'held', owner: 'live-process', expiresAt: sql`now() + interval '10 seconds'` },
    ]);

    const listed: string[] = [];
    for await (const sha of ctx.deps.blobs.list()) listed.push(sha);
    expect(listed.sort()).toEqual([referenced, orphan, inFlight].sort());

    const logged: object[] = [];
    const result = await runCleanup(ctx.deps, { log: { info: (obj) => logged.push(obj) } });
    expect(result).toEqual({ blobs: 1, tmp: 1, uploads: 3, uploadLocks: 1, rateLimits: 0 });
    expect((await ctx.database.db.select().from(tusLocks)).map((l) => l.id)).toEqual(['held']);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ blobs: 1, tmp: 1, uploads: 3 });

    expect(existsSync(blobPath(referenced))).toBe(true);
    expect(existsSync(blobPath(orphan))).toBe(false);
    expect(existsSync(blobPath(inFlight))).toBe(true);
    expect(existsSync(path.join(root, 'tmp', 'old-interrupted-put'))).toBe(false);
    expect(existsSync(path.join(root, 'tmp', 'recent-put'))).toBe(true);
    expect(existsSync(path.join(uploads, 'aaa111'))).toBe(false);
    expect(existsSync(path.join(uploads, 'aaa111.json'))).toBe(false);
    expect(existsSync(path.join(uploads, 'bbb222'))).toBe(true);
    expect(existsSync(path.join(uploads, 'bbb222.json'))).toBe(true);
    expect(existsSync(path.join(uploads, 'ccc333'))).toBe(false);

    // the referenced blob still reads; a second run finds nothing more to do
    expect(await ctx.deps.blobs.size(referenced)).toBe(19);
    expect(await runCleanup(ctx.deps)).toEqual({ blobs: 0, tmp: 0, uploads: 0, uploadLocks: 0, rateLimits: 0 });
  });

  it('copes with a store that has no folders yet', async () => {
    const blobDir = path.join(await mkdtemp(path.join(tmpdir(), 'jhrm-empty-')), 'blobs');
    const deps = { ...ctx.deps, config: { ...ctx.deps.config, blobDir }, blobs: new LocalBlobStore(blobDir) };
    expect(await runCleanup(deps)).toEqual({ blobs: 0, tmp: 0, uploads: 0, uploadLocks: 0, rateLimits: 0 });
  });
});
