import { readdirSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TVideo } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness';
import { cutOffPatch, sha256, tusHelpers, tusMetadata } from '../../test/tus';
import { createDemoApplication } from '../../test/fixtures';
import { buildMp4 } from './mp4-builder';
import { createOtherUnitAgent, createReviewer } from '../../test/people';
import { applications } from '../applications/applications.table';
import { auditLog } from '../audit/audit.table';
import { files } from '../files/files.table';
import { CHECKSUM_FAILED, MP4_ONLY, VIDEO_UPLOAD_PATH } from './video.service';

/** small enough that a test can cross it */
const MAX_VIDEO_BYTES = 256 * 1024;

let ctx: TestContext;
let agent: TestClient;
beforeAll(async () => {
  ctx = await createTestContext({ config: { maxVideoBytes: MAX_VIDEO_BYTES } });
  agent = ctx.client();
  await agent.login('demo_agent');
});
afterAll(() => ctx?.close());

const { tusRequest, create, patch, uploadVideo } = tusHelpers(() => ctx);

async function videosOf(c: TestClient, appId: string): Promise<TVideo[]> {
  const res = await c.get(`/api/applications/${appId}/video`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const videoRows = (appId: string) => ctx.database.db.select().from(files).where(and(eq(files.ownerType, 'application_video'), eq(files.ownerId, appId)));
const uploadsDir = () => path.join(ctx.deps.config.blobDir, 'uploads');
/** whether the upload area still holds anything of the upload at `url` (its bytes or its .json) */
const uploadKept = (url: string) => readdirSync(uploadsDir()).some((f) => f.startsWith(url.split('/').pop()!));

describe('视频上传 by tus: create, chunks, offset, finish', () => {
  it('uploads an MP4 in two chunks; HEAD shows the offset between them; the video is listed with its duration and audited', async () => {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4({ mdatBytes: 20_000 });
    const created = await create(agent, application.id, file);
    expect(created.statusCode, created.body).toBe(201);
    const url = created.headers.location as string;
    expect(url).toMatch(new RegExp(`^${VIDEO_UPLOAD_PATH}/[0-9a-f]{32}$`));
    expect(created.headers['tus-resumable']).toBe('1.0.0');
    expect(created.headers['access-control-allow-origin']).toBeUndefined();

    const half = 9_000;
    const first = await patch(agent, url, 0, file.subarray(0, half));
    expect(first.statusCode, first.body).toBe(204);
    expect(first.headers['upload-offset']).toBe(String(half));

    const head = await tusRequest(agent, 'HEAD', url);
    expect(head.statusCode).toBe(200);
    expect(head.headers['upload-offset']).toBe(String(half));
    expect(head.headers['upload-length']).toBe(String(file.length));
    expect(head.headers['cache-control']).toBe('no-store');

    // a chunk at the wrong offset changes nothing
    const wrong = await patch(agent, url, 100, file.subarray(100, 200));
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json()).toMatchObject({ code: 'CONFLICT' });

    const last = await patch(agent, url, half, file.subarray(half));
    expect(last.statusCode, last.body).toBe(204);
    expect(last.headers['upload-offset']).toBe(String(file.length));
    const fileId = last.headers['x-video-file-id'] as string;

    const videos = await videosOf(agent, application.id);
    expect(videos).toEqual([
      { id: fileId, name: '办公场所视频.mp4', size: file.length, mime: 'video/mp4', uploadedAt: ctx.clock().toISOString(), durationSeconds: 5, sha256: sha256(file) },
    ]);
    // moved into the BlobStore, nothing left in the upload area, the upload URL is gone
    expect(await ctx.deps.blobs.size(sha256(file))).toBe(file.length);
    expect(uploadKept(url)).toBe(false);
    expect((await tusRequest(agent, 'HEAD', url)).statusCode).toBe(404);

    const [audit] = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'video.uploaded'), eq(auditLog.targetId, application.id)));
    expect(audit).toMatchObject({ actorAccount: 'demo_agent', targetType: 'application' });
    expect(audit!.detail).toMatchObject({ fileId, name: '办公场所视频.mp4', size: file.length, sha256: sha256(file), durationSeconds: 5 });
  });

  it('resumes an interrupted upload from the offset HEAD reports, and finishes with a matching hash', async () => {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4({ mdatBytes: 150_000 });
    const created = await create(agent, application.id, file, { filename: '场所视频（续传）.mp4' });
    const url = created.headers.location as string;

    // a real connection that dies in the middle of its PATCH
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const sent = 100_000;
    await cutOffPatch(agent, port, url, 0, file.length, file.subarray(0, sent));

    // what arrived before the cut is kept; HEAD says where to go on (the server notices the cut on its own
    // time: up to 10 s on a loaded machine, where 2.5 s once was not enough)
    let offset = -1;
    for (let i = 0; i < 200; i++) {
      const head = await tusRequest(agent, 'HEAD', url);
      expect(head.statusCode).toBe(200);
      const now = Number(head.headers['upload-offset']);
      if (now === offset && now > 0) break;
      offset = now;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(sent);

    // over a kept-alive connection, a refused chunk (wrong offset) leaves the connection usable
    const base = `http://127.0.0.1:${port}${url}`;
    const auth = { 'tus-resumable': '1.0.0', 'x-csrf-token': agent.cookies.get('jhrm_csrf')!, cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    const refused = await fetch(base, { method: 'PATCH', headers: { ...auth, 'upload-offset': '1', 'content-type': 'application/offset+octet-stream' }, body: Buffer.alloc(4 * 1024 * 1024) });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'CONFLICT' });
    const again = await fetch(base, { method: 'HEAD', headers: auth, signal: AbortSignal.timeout(5000) });
    expect(again.headers.get('upload-offset')).toBe(String(offset));

    const rest = await patch(agent, url, offset, file.subarray(offset));
    expect(rest.statusCode, rest.body).toBe(204);
    const [video] = await videosOf(agent, application.id);
    expect(video).toMatchObject({ name: '场所视频（续传）.mp4', size: file.length, sha256: sha256(file), durationSeconds: 5 });
  });

  it('accepts the whole file in the creation request (creation-with-upload)', async () => {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4({ mvhdVersion: 1, timescale: 90_000, duration: 90_000 * 12 });
    const res = await tusRequest(
      agent,
      'POST',
      VIDEO_UPLOAD_PATH,
      {
        'upload-length': String(file.length),
        'upload-metadata': tusMetadata({ applicationId: application.id, filename: 'a.mp4', sha256: sha256(file) }),
        'content-type': 'application/offset+octet-stream',
      },
      file,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBeDefined();
    expect(res.headers['x-video-file-id']).toBeDefined();
    expect((await videosOf(agent, application.id))[0]!.durationSeconds).toBe(12);
  });

  it('keeps several videos, the latest first', async () => {
    const { application } = await createDemoApplication(ctx);
    await uploadVideo(agent, application.id, buildMp4({ mdatBytes: 100 }), { filename: '第一段.mp4' });
    ctx.clock.advanceMinutes(5);
    await uploadVideo(agent, application.id, buildMp4({ mdatBytes: 200, duration: 7000 }), { filename: '第二段.mp4' });
    const videos = await videosOf(agent, application.id);
    expect(videos.map((v) => [v.name, v.durationSeconds])).toEqual([
      ['第二段.mp4', 7],
      ['第一段.mp4', 5],
    ]);
  });
});

describe('视频上传 refusals', () => {
  it('refuses a file whose hash does not match the one the client sent, and deletes the upload', async () => {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4({ mdatBytes: 5000 });
    const { res, url } = await uploadVideo(agent, application.id, file, { sha: sha256(Buffer.from('something else')), chunks: 2 });
    expect(res.statusCode).toBe(460);
    expect(res.json()).toEqual({ code: 'VALIDATION', message: CHECKSUM_FAILED });
    expect(await videoRows(application.id)).toHaveLength(0);
    expect((await tusRequest(agent, 'HEAD', url)).statusCode).toBe(404);
    expect(uploadKept(url)).toBe(false);
  });

  it('refuses what is not an MP4 by its content, whatever its name: a PDF, a QuickTime movie, a truncated MP4', async () => {
    const { application } = await createDemoApplication(ctx);
    const whole = buildMp4({ mdatBytes: 3000 });
    const samples = [
      Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
      buildMp4({ majorBrand: 'qt  ', compatibleBrands: ['qt  '] }),
      whole.subarray(0, whole.length - 500),
    ];
    for (const file of samples) {
      const { res, url } = await uploadVideo(agent, application.id, file, { filename: '视频.mp4' });
      expect(res.statusCode, res.body).toBe(415);
      expect(res.json()).toEqual({ code: 'UNSUPPORTED_MEDIA', message: MP4_ONLY });
      expect(uploadKept(url)).toBe(false);
    }
    expect(await videoRows(application.id)).toHaveLength(0);
  });

  it('answers 413 when Upload-Length is over the limit, and when a chunk goes past the declared length', async () => {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4({ mdatBytes: 100 });
    const before = readdirSync(uploadsDir()).length;
    const tooBig = await create(agent, application.id, file, { length: MAX_VIDEO_BYTES + 1 });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '视频文件不能超过 256 KB，请压缩后再上传' });
    expect(readdirSync(uploadsDir())).toHaveLength(before);

    const created = await create(agent, application.id, file);
    const over = await patch(agent, created.headers.location as string, 0, Buffer.concat([file, Buffer.alloc(10)]));
    expect(over.statusCode).toBe(413);
    expect(over.json().code).toBe('PAYLOAD_TOO_LARGE');
    await tusRequest(agent, 'DELETE', created.headers.location as string);
  });

  it('refuses bad metadata with a Chinese message', async () => {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4();
    const noSha = await tusRequest(agent, 'POST', VIDEO_UPLOAD_PATH, { 'upload-length': String(file.length), 'upload-metadata': tusMetadata({ applicationId: application.id, filename: 'a.mp4' }) });
    expect(noSha.statusCode).toBe(400);
    expect(noSha.json()).toMatchObject({ code: 'VALIDATION', message: '请提供文件的 SHA-256 校验值' });
    const badSha = await create(agent, application.id, file, { sha: 'abc' });
    expect(badSha.json().message).toBe('文件校验值（SHA-256）格式不正确');
    const garbled = await tusRequest(agent, 'POST', VIDEO_UPLOAD_PATH, { 'upload-length': '10', 'upload-metadata': 'applicationId not base64!,,' });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json().message).toBe('上传信息（Upload-Metadata）格式不正确');
    const noLength = await tusRequest(agent, 'POST', VIDEO_UPLOAD_PATH, { 'upload-defer-length': '1', 'upload-metadata': tusMetadata({ applicationId: application.id, filename: 'a.mp4', sha256: sha256(file) }) });
    expect(noLength.statusCode).toBe(400);
    const noTus = await ctx.app.inject({ method: 'HEAD', url: `${VIDEO_UPLOAD_PATH}/${'0'.repeat(32)}`, cookies: Object.fromEntries(agent.cookies) });
    expect(noTus.statusCode).toBe(404);
    // a path that looks like one is cut to its last part
    const { res } = await uploadVideo(agent, application.id, file, { filename: 'C:\\Users\\张三\\视频\\场所.mp4' });
    expect(res.statusCode).toBe(204);
    expect((await videosOf(agent, application.id))[0]!.name).toBe('场所.mp4');
  });

  it('refuses to create an upload for an application that cannot be edited (待审核, 审核通过), and stops one whose application was submitted meanwhile', async () => {
    const file = buildMp4();
    for (const status of ['待审核', '审核通过'] as const) {
      const { application } = await createDemoApplication(ctx, status);
      const res = await create(agent, application.id, file);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(status) });
    }
    const editable = await createDemoApplication(ctx, '审核不通过');
    expect((await uploadVideo(agent, editable.application.id, file)).res.statusCode).toBe(204);

    // submitted between two chunks: the next chunk is refused, and so is the last step of a finished one
    const { application } = await createDemoApplication(ctx);
    const created = await create(agent, application.id, file);
    const url = created.headers.location as string;
    expect((await patch(agent, url, 0, file.subarray(0, 100))).statusCode).toBe(204);
    await ctx.database.db.update(applications).set({ status: '待审核', department: '220000' }).where(eq(applications.id, application.id));
    const refused = await patch(agent, url, 100, file.subarray(100));
    expect(refused.statusCode).toBe(409);
    expect(await videoRows(application.id)).toHaveLength(0);
  });

  it('lets only agents upload (the legal person gets 403), and wants the CSRF header', async () => {
    const { application } = await createDemoApplication(ctx);
    const legal = ctx.client();
    await legal.login('demo_legal');
    expect((await create(legal, application.id, buildMp4())).statusCode).toBe(403);
    const noCsrf = await ctx.app.inject({
      method: 'POST',
      url: VIDEO_UPLOAD_PATH,
      cookies: Object.fromEntries(agent.cookies),
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': tusMetadata({ applicationId: application.id, filename: 'a.mp4', sha256: 'a'.repeat(64) }) },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF');
  });
});

describe('tenant isolation', () => {
  it("answers 404 to another unit's agent on HEAD, PATCH and DELETE of an upload, and on the application's videos", async () => {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4({ mdatBytes: 4000 });
    const created = await create(agent, application.id, file);
    const url = created.headers.location as string;
    expect((await patch(agent, url, 0, file.subarray(0, 1000))).statusCode).toBe(204);

    const { account } = await createOtherUnitAgent(ctx, 'video_other_agent');
    const other = ctx.client();
    await other.login(account);
    const head = await tusRequest(other, 'HEAD', url);
    expect(head.statusCode).toBe(404);
    expect(head.headers['upload-offset']).toBeUndefined();
    const theirPatch = await patch(other, url, 1000, file.subarray(1000));
    expect(theirPatch.statusCode).toBe(404);
    expect(theirPatch.json()).toEqual({ code: 'NOT_FOUND', message: '上传不存在或已过期，请重新上传' });
    expect((await tusRequest(other, 'DELETE', url)).statusCode).toBe(404);
    expect((await create(other, application.id, file)).statusCode).toBe(404);

    // untouched: the owner goes on where it stopped
    expect((await tusRequest(agent, 'HEAD', url)).headers['upload-offset']).toBe('1000');
    const done = await patch(agent, url, 1000, file.subarray(1000));
    expect(done.statusCode).toBe(204);
    const fileId = done.headers['x-video-file-id'] as string;
    expect((await other.get(`/api/applications/${application.id}/video`)).statusCode).toBe(404);
    expect((await other.get(`/api/applications/${application.id}/video/${fileId}`)).statusCode).toBe(404);
    expect((await other.request('DELETE', `/api/applications/${application.id}/video/${fileId}`)).statusCode).toBe(404);
    // a video is reachable only through its own application
    const second = await createDemoApplication(ctx);
    expect((await agent.get(`/api/applications/${second.application.id}/video/${fileId}`)).statusCode).toBe(404);
  });

  it('lets the owner terminate an unfinished upload (DELETE)', async () => {
    const { application } = await createDemoApplication(ctx);
    const created = await create(agent, application.id, buildMp4());
    const url = created.headers.location as string;
    expect((await tusRequest(agent, 'DELETE', url)).statusCode).toBe(204);
    expect((await tusRequest(agent, 'HEAD', url)).statusCode).toBe(404);
    expect(uploadKept(url)).toBe(false);
  });
});

describe('视频播放 with byte ranges', () => {
  let appId: string;
  let fileId: string;
  let file: Buffer;
  const playUrl = () => `/api/applications/${appId}/video/${fileId}`;

  beforeAll(async () => {
    const { application } = await createDemoApplication(ctx);
    appId = application.id;
    file = buildMp4({ mdatBytes: 10_000 });
    const { res } = await uploadVideo(agent, appId, file, { filename: '办公场所 视频.mp4' });
    fileId = res.headers['x-video-file-id'] as string;
  });

  it('sends the whole file inline, typed, never sniffed, with Accept-Ranges', async () => {
    const res = await agent.get(playUrl());
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(file)).toBe(true);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['content-length']).toBe(String(file.length));
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(`inline; filename="____ __.mp4"; filename*=UTF-8''${encodeURIComponent('办公场所 视频.mp4')}`);
  });

  it('answers bytes=0-99 with 206 and exactly those 100 bytes', async () => {
    const res = await agent.get(playUrl(), { range: 'bytes=0-99' });
    expect(res.statusCode).toBe(206);
    expect(res.rawPayload.equals(file.subarray(0, 100))).toBe(true);
    expect(res.headers['content-range']).toBe(`bytes 0-99/${file.length}`);
    expect(res.headers['content-length']).toBe('100');
  });

  it('answers an open range and a suffix range (the last 500 bytes)', async () => {
    const open = await agent.get(playUrl(), { range: `bytes=${file.length - 10}-` });
    expect(open.statusCode).toBe(206);
    expect(open.rawPayload.equals(file.subarray(file.length - 10))).toBe(true);
    const suffix = await agent.get(playUrl(), { range: 'bytes=-500' });
    expect(suffix.statusCode).toBe(206);
    expect(suffix.headers['content-range']).toBe(`bytes ${file.length - 500}-${file.length - 1}/${file.length}`);
    expect(suffix.rawPayload.equals(file.subarray(file.length - 500))).toBe(true);
    const past = await agent.get(playUrl(), { range: `bytes=100-${file.length + 1000}` });
    expect(past.headers['content-range']).toBe(`bytes 100-${file.length - 1}/${file.length}`);
  });

  it('answers 416 to a range past the end, and sends the whole file for a range it does not serve', async () => {
    const res = await agent.get(playUrl(), { range: `bytes=${file.length}-` });
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${file.length}`);
    expect(res.json().code).toBe('VALIDATION');
    expect((await agent.get(playUrl(), { range: 'bytes=-0' })).statusCode).toBe(416);
    expect((await agent.get(playUrl(), { range: 'bytes=0-1,5-6' })).statusCode).toBe(200);
    expect((await agent.get(playUrl(), { range: 'items=0-1' })).statusCode).toBe(200);
    expect((await agent.get(playUrl(), { range: 'bytes=0-1', 'if-range': '"stale"' })).statusCode).toBe(200);
    expect((await agent.get(playUrl(), { range: 'bytes=0-1', 'if-range': `"${sha256(file)}"` })).statusCode).toBe(206);
  });

  it("lets the reviewer of the addressed department play a submitted application's video, audited; another department's reviewer gets 404", async () => {
    await ctx.database.db.update(applications).set({ status: '待审核', department: '220000' }).where(eq(applications.id, appId));
    const reviewer = ctx.client();
    await reviewer.login('demo_reviewer');
    expect((await videosOf(reviewer, appId)).map((v) => v.id)).toEqual([fileId]);
    const res = await reviewer.get(playUrl(), { range: 'bytes=0-' });
    expect(res.statusCode).toBe(206);
    const actions = (await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, appId))).map((a) => [a.action, a.actorAccount]);
    expect(actions).toEqual(expect.arrayContaining([
      ['video.listed', 'demo_reviewer'],
      ['video.played', 'demo_reviewer'],
    ]));

    const { account } = await createReviewer(ctx, '220100', 'video_reviewer_cc');
    const elsewhere = ctx.client();
    await elsewhere.login(account);
    expect((await elsewhere.get(playUrl())).statusCode).toBe(404);
    await ctx.database.db.update(applications).set({ status: '待提交', department: null }).where(eq(applications.id, appId));
  });
});

describe('视频删除', () => {
  it('deletes a video of an editable application, audited; refuses once submitted', async () => {
    const { application } = await createDemoApplication(ctx);
    const { res } = await uploadVideo(agent, application.id, buildMp4());
    const fileId = res.headers['x-video-file-id'] as string;
    const url = `/api/applications/${application.id}/video/${fileId}`;

    const { res: res2 } = await uploadVideo(agent, application.id, buildMp4({ mdatBytes: 77 }));
    const keep = res2.headers['x-video-file-id'] as string;
    const del = await agent.request('DELETE', url);
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toEqual({ ok: true });
    expect((await videosOf(agent, application.id)).map((v) => v.id)).toEqual([keep]);
    expect((await agent.get(url)).statusCode).toBe(404);
    expect((await agent.request('DELETE', url)).statusCode).toBe(404);
    const [audit] = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'video.deleted'), eq(auditLog.targetId, application.id)));
    expect(audit!.detail).toMatchObject({ fileId });

    await ctx.database.db.update(applications).set({ status: '待审核', department: '220000' }).where(eq(applications.id, application.id));
    const refused = await agent.request('DELETE', `/api/applications/${application.id}/video/${keep}`);
    expect(refused.statusCode).toBe(409);
    expect(await videoRows(application.id)).toHaveLength(1);
  });
});
