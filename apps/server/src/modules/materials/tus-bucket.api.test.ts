import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '@tus/server';
import { buildApp } from '../../app';
import { createDeps } from '../../deps';
import { runCleanup } from '../../jobs/cleanup';
import { S3BlobStore } from '../../lib/s3-blob-store';
import { S3Objects } from '../../lib/s3-objects';
import { createDemoApplication } from '../../test/fixtures';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { startS3 } from '../../test/s3';
import { cutOffPatch, sha256, tusHelpers } from '../../test/tus';
import { auditLog } from '../audit/audit.table';
import { files } from '../files/files.table';
import { buildMp4 } from './mp4-builder';
import { BucketTusStore } from './tus-bucket-store';
import { tusLocks, tusUploadChunks, tusUploads } from './tus.table';

/**
 * Two app processes on one database and one bucket (decision 0040), as behind nginx without upload
 * affinity: any chunk of an upload may reach either.
 */
const ACQUIRE_TIMEOUT_MS = 4000;

let s3: Awaited<ReturnType<typeof startS3>>;
let ctx: TestContext;
let appB: FastifyInstance;
let agent: TestClient;
/** the bucket seen directly, not through the app */
let bucket: S3BlobStore;
let objects: S3Objects;
beforeAll(async () => {
  s3 = await startS3();
  const { tmpDir: _tmp, ...options } = s3.options('jhrm/');
  const uploadLock = { acquireTimeoutMs: ACQUIRE_TIMEOUT_MS };
  ctx = await createTestContext({ config: { s3: options, uploadLock } });
  // the second process: same keys, database and bucket; its own local disk
  const depsB = createDeps({ ...ctx.deps.config, blobDir: mkdtempSync(path.join(tmpdir(), 'jhrm-blobs-b-')) }, ctx.database, ctx.clock);
  appB = await buildApp(depsB);
  await appB.ready();
  bucket = new S3BlobStore(s3.options('jhrm/'));
  objects = new S3Objects(options);
  agent = ctx.client();
  await agent.login('demo_agent');
});
afterAll(async () => {
  bucket?.close();
  objects?.close();
  await appB?.close();
  await ctx?.close();
  await s3?.close();
});

const viaA = tusHelpers(() => ctx);
const viaB = tusHelpers(() => ({ ...ctx, app: appB }));

const idOf = (url: string) => url.split('/').pop()!;
async function objectsOf(url: string): Promise<string[]> {
  const names: string[] = [];
  for await (const o of objects.list(`tus/${idOf(url)}/`)) names.push(o.name);
  return names;
}
const chunkRows = (url: string) => ctx.database.db.select().from(tusUploadChunks).where(eq(tusUploadChunks.uploadId, idOf(url))).orderBy(tusUploadChunks.offset);
const uploadRow = async (url: string) => (await ctx.database.db.select().from(tusUploads).where(eq(tusUploads.id, idOf(url))))[0];

async function offsetVia(helpers: typeof viaA, url: string): Promise<number> {
  const head = await helpers.tusRequest(agent, 'HEAD', url);
  expect(head.statusCode, head.body).toBe(200);
  return Number(head.headers['upload-offset']);
}

async function readBlob(sha: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of bucket.get(sha)) parts.push(b as Buffer);
  return Buffer.concat(parts);
}

describe('a resumable upload across two app processes on the bucket', () => {
  it('creates and takes the first chunk on A, the HEAD and the other chunks on B; the stored video is the source and plays by range on A', async () => {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4({ mdatBytes: 300_000 });
    const created = await viaA.create(agent, application.id, file, { filename: '跨进程上传.mp4' });
    expect(created.statusCode, created.body).toBe(201);
    const url = created.headers.location as string;
    const third = Math.ceil(file.length / 3);

    const first = await viaA.patch(agent, url, 0, file.subarray(0, third));
    expect(first.statusCode, first.body).toBe(204);
    // nothing on A's disk: the state is a row, the bytes an object in the bucket
    expect(await uploadRow(url)).toMatchObject({ size: file.length, offset: third });
    expect(await objectsOf(url)).toHaveLength(1);

    expect(await offsetVia(viaB, url)).toBe(third);
    const second = await viaB.patch(agent, url, third, file.subarray(third, 2 * third));
    expect(second.statusCode, second.body).toBe(204);
    const last = await viaB.patch(agent, url, 2 * third, file.subarray(2 * third));
    expect(last.statusCode, last.body).toBe(204);
    const fileId = last.headers['x-video-file-id'] as string;
    expect(fileId).toBeDefined();

    const stored = await readBlob(sha256(file));
    expect(sha256(stored)).toBe(sha256(file));
    const [row] = await ctx.database.db.select().from(files).where(eq(files.id, fileId));
    expect(row).toMatchObject({ sha256: sha256(file), size: file.length, name: '跨进程上传.mp4' });
    const [audit] = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'video.uploaded'), eq(auditLog.targetId, application.id)));
    expect(audit!.detail).toMatchObject({ fileId, sha256: sha256(file) });

    // the upload is gone from both: row, chunks, objects; its URL answers 404 on either process
    expect(await uploadRow(url)).toBeUndefined();
    expect(await chunkRows(url)).toEqual([]);
    expect(await objectsOf(url)).toEqual([]);
    expect((await viaA.tusRequest(agent, 'HEAD', url)).statusCode).toBe(404);
    expect((await viaB.tusRequest(agent, 'HEAD', url)).statusCode).toBe(404);

    const play = await agent.get(`/api/applications/${application.id}/video/${fileId}`, { range: 'bytes=1000-65535' });
    expect(play.statusCode).toBe(206);
    expect(play.rawPayload.equals(file.subarray(1000, 65536))).toBe(true);
  });

  it('lets exactly one of two PATCHes at the same offset, on A and on B at once, advance the upload; the other is refused in Chinese', async () => {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4({ mdatBytes: 200_000 });
    const url = (await viaA.create(agent, application.id, file)).headers.location as string;
    const half = 100_000;
    expect((await viaA.patch(agent, url, 0, file.subarray(0, 50_000))).statusCode).toBe(204);

    const [a, b] = await Promise.all([viaA.patch(agent, url, 50_000, file.subarray(50_000, half)), viaB.patch(agent, url, 50_000, file.subarray(50_000, half))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([204, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json()).toEqual({ code: 'CONFLICT', message: '上传进度与服务器不一致，请刷新页面后继续上传' });
    expect(await offsetVia(viaB, url)).toBe(half);
    expect((await chunkRows(url)).map((c) => [c.offset, c.size])).toEqual([
      [0, 50_000],
      [50_000, 50_000],
    ]);
    expect(await objectsOf(url)).toHaveLength(2);

    const rest = await viaB.patch(agent, url, half, file.subarray(half));
    expect(rest.statusCode, rest.body).toBe(204);
    expect(sha256(await readBlob(sha256(file)))).toBe(sha256(file));
  });

  it('records a chunk and advances the offset in one conditional statement: of two writers at one offset (no lock) one wins, the other leaves nothing', async () => {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4({ mdatBytes: 20_000 });
    const url = (await viaA.create(agent, application.id, file)).headers.location as string;
    const id = idOf(url);
    const stores = [0, 1].map(
      () => new BucketTusStore({ db: ctx.database.db, objects, tmpDir: mkdtempSync(path.join(tmpdir(), 'jhrm-tus-race-')), clock: ctx.clock }),
    );
    const chunk = file.subarray(0, 8000);
    const results = await Promise.allSettled(stores.map((s) => s.write(Readable.from([chunk]), id, 0)));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'fulfilled')).toMatchObject({ value: 8000 });
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: ERRORS.INVALID_OFFSET });
    expect((await uploadRow(url))!.offset).toBe(8000);
    expect(await chunkRows(url)).toHaveLength(1);
    // the loser's object was deleted again
    expect(await objectsOf(url)).toEqual([(await chunkRows(url))[0]!.objectName]);
    // a write from a stale offset changes nothing
    await expect(stores[0]!.write(Readable.from([chunk]), id, 0)).rejects.toBe(ERRORS.INVALID_OFFSET);
    expect((await uploadRow(url))!.offset).toBe(8000);
    await viaA.tusRequest(agent, 'DELETE', url);
  });
});

describe('the upload lock in PostgreSQL across processes', () => {
  async function startedUpload() {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4({ mdatBytes: 30_000 });
    const url = (await viaA.create(agent, application.id, file)).headers.location as string;
    expect((await viaA.patch(agent, url, 0, file.subarray(0, 10_000))).statusCode).toBe(204);
    return { file, url };
  }
  const leaveLease = (url: string, expires: ReturnType<typeof sql>) => ctx.database.db.insert(tusLocks).values({ id: idOf(url), owner: 'process-killed-9', expiresAt: expires });

  it('takes over at once a lease whose holder died and whose time has run out', async () => {
    const { file, url } = await startedUpload();
    await leaveLease(url, sql`now() - interval '1 second'`);
    const started = Date.now();
    const res = await viaB.patch(agent, url, 10_000, file.subarray(10_000, 20_000));
    expect(res.statusCode, res.body).toBe(204);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await offsetVia(viaA, url)).toBe(20_000);
    // released after the request: no row left behind
    expect(await ctx.database.db.select().from(tusLocks).where(eq(tusLocks.id, idOf(url)))).toEqual([]);
    expect((await viaB.tusRequest(agent, 'DELETE', url)).statusCode).toBe(204);
    expect(await objectsOf(url)).toEqual([]);
  });

  it('waits for a dead holder no longer than what is left of its lease', async () => {
    const { file, url } = await startedUpload();
    // the holder renewed its lease, then was killed: 1.5 s of it are left
    await leaveLease(url, sql`now() + interval '1500 milliseconds'`);
    const started = Date.now();
    const res = await viaB.patch(agent, url, 10_000, file.subarray(10_000));
    const waited = Date.now() - started;
    expect(res.statusCode, res.body).toBe(204);
    expect(waited).toBeGreaterThanOrEqual(1200);
    expect(waited).toBeLessThan(ACQUIRE_TIMEOUT_MS);
    expect(res.headers['x-video-file-id']).toBeDefined();
  });

  it('answers 423 in Chinese, not a 5xx, when the upload stays locked past the wait, and changes nothing', async () => {
    const { file, url } = await startedUpload();
    await ctx.database.db.insert(tusLocks).values({ id: idOf(url), owner: 'a-live-process', expiresAt: sql`now() + interval '60 seconds'` });
    const res = await viaB.patch(agent, url, 10_000, file.subarray(10_000, 20_000));
    expect(res.statusCode).toBe(423);
    expect(res.json()).toEqual({ code: 'LOCKED', message: '该视频正在上传中，请稍后再试' });
    // the waiter asked the holder to let go
    const [lock] = await ctx.database.db.select().from(tusLocks).where(eq(tusLocks.id, idOf(url)));
    expect(lock).toMatchObject({ owner: 'a-live-process', releaseRequested: true });
    await ctx.database.db.delete(tusLocks).where(eq(tusLocks.id, idOf(url)));
    expect(await offsetVia(viaA, url)).toBe(10_000);
    expect((await viaA.tusRequest(agent, 'DELETE', url)).statusCode).toBe(204);
  });
});

describe('a PATCH cut off mid-way', () => {
  it('keeps what arrived as one chunk, so the offset is what the bucket holds; the upload goes on from there through the other process', async () => {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4({ mdatBytes: 400_000 });
    const url = (await viaA.create(agent, application.id, file)).headers.location as string;
    expect((await viaA.patch(agent, url, 0, file.subarray(0, 50_000))).statusCode).toBe(204);

    const address = await appB.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const sent = 200_000;
    await cutOffPatch(agent, port, url, 50_000, file.length - 50_000, file.subarray(50_000, 50_000 + sent));

    // HEAD on A waits for B's lock, so it sees the chunk B committed from what arrived
    let offset = -1;
    for (let i = 0; i < 50; i++) {
      const now = await offsetVia(viaA, url);
      if (now === offset && now > 50_000) break;
      offset = now;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(offset).toBeGreaterThan(50_000);
    expect(offset).toBeLessThanOrEqual(50_000 + sent);
    const chunks = await chunkRows(url);
    expect(chunks.reduce((n, c) => n + c.size, 0)).toBe(offset);
    for (const c of chunks) expect(await objects.size(c.objectName)).toBe(c.size);

    const rest = await viaA.patch(agent, url, offset, file.subarray(offset));
    expect(rest.statusCode, rest.body).toBe(204);
    expect(sha256(await readBlob(sha256(file)))).toBe(sha256(file));
  });
});

describe('cleanup of the bucket uploads', () => {
  it('deletes uploads untouched for 7 days with their objects, and objects of uploads that have no row after the grace; keeps the rest', async () => {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4({ mdatBytes: 30_000 });
    const abandoned = (await viaA.create(agent, application.id, file)).headers.location as string;
    expect((await viaA.patch(agent, abandoned, 0, file.subarray(0, 10_000))).statusCode).toBe(204);
    const recent = (await viaA.create(agent, application.id, file)).headers.location as string;
    expect((await viaB.patch(agent, recent, 0, file.subarray(0, 10_000))).statusCode).toBe(204);

    const now = Date.now();
    const day = 24 * 60 * 60_000;
    await ctx.database.db.update(tusUploads).set({ updatedAt: new Date(now - 8 * day) }).where(eq(tusUploads.id, idOf(abandoned)));
    await ctx.database.db.update(tusUploads).set({ updatedAt: new Date(now - 6 * day) }).where(eq(tusUploads.id, idOf(recent)));
    // a chunk object whose PATCH never got to its statement, of an upload removed since
    const strayFile = path.join(mkdtempSync(path.join(tmpdir(), 'jhrm-stray-')), 'chunk');
    writeFileSync(strayFile, 'stray bytes');
    await objects.putFile(`tus/${'e'.repeat(32)}/0000000000000000-deadbeef`, strayFile, 11);

    // now: the stray object is within the hour's grace (its PATCH might still be committing)
    const first = await runCleanup({ ...ctx.deps, clock: () => new Date(now) });
    expect(first.uploads).toBe(1);
    expect(await uploadRow(abandoned)).toBeUndefined();
    expect(await objectsOf(abandoned)).toEqual([]);
    expect(await uploadRow(recent)).toBeDefined();
    expect(await objectsOf(recent)).toHaveLength(1);
    expect(await objectsOf(`/${'e'.repeat(32)}`)).toHaveLength(1);
    expect((await viaA.tusRequest(agent, 'HEAD', abandoned)).statusCode).toBe(404);

    const later = await runCleanup({ ...ctx.deps, clock: () => new Date(now + 2 * 60 * 60_000) });
    expect(later.uploads).toBe(1);
    expect(await objectsOf(`/${'e'.repeat(32)}`)).toEqual([]);
    expect(await objectsOf(recent)).toHaveLength(1);
    // the blobs of finished videos are not the tus sweep's
    expect(later.blobs).toBe(0);
    expect(await offsetVia(viaB, recent)).toBe(10_000);
  });
});
