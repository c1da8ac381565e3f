import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATERIAL_SLOTS } from '@jhrm/contracts';
import { createTestContext, type TestClient, type TestContext } from '../test/harness';
import { createDemoApplication } from '../test/fixtures';
import { multipart, SAMPLE } from '../test/multipart';
import { startS3 } from '../test/s3';
import { sha256, tusHelpers } from '../test/tus';
import { buildMp4 } from '../modules/materials/mp4-builder';
import { S3BlobStore } from './s3-blob-store';

let s3: Awaited<ReturnType<typeof startS3>>;
let ctx: TestContext;
let agent: TestClient;
/** the bucket seen directly, not through the app */
let bucket: S3BlobStore;
let stopped = false;
beforeAll(async () => {
  s3 = await startS3();
  const { tmpDir: _tmp, ...options } = s3.options('jhrm/');
  // the app configured as S3_BUCKET … would configure it
  ctx = await createTestContext({ config: { s3: options } });
  bucket = new S3BlobStore(s3.options('jhrm/'));
  agent = ctx.client();
  await agent.login('demo_agent');
});
afterAll(async () => {
  bucket?.close();
  await ctx?.close();
  if (!stopped) await s3?.close();
});

const { uploadVideo } = tusHelpers(() => ctx);

describe('the server on S3-compatible object storage', () => {
  it('stores an uploaded material in the bucket and serves it back', async () => {
    const { application } = await createDemoApplication(ctx);
    const slot = MATERIAL_SLOTS['设立'][0]!.name;
    const body = multipart([{ name: 'files', filename: `${slot}.pdf`, content: SAMPLE.pdf, type: 'application/pdf' }]);
    const up = await agent.request('POST', `/api/applications/${application.id}/materials/${encodeURIComponent(slot)}`, body.payload, { 'content-type': body.contentType });
    expect(up.statusCode, up.body).toBe(200);
    expect(await bucket.size(sha256(SAMPLE.pdf))).toBe(SAMPLE.pdf.length);
    const list = await agent.get(`/api/applications/${application.id}/materials`);
    const fileId = JSON.stringify(list.json()).match(/"id":"([0-9a-f-]{36})","name":"[^"]*\.pdf"/)?.[1];
    expect(fileId).toBeDefined();
    const down = await agent.get(`/api/applications/${application.id}/materials/files/${fileId}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(SAMPLE.pdf)).toBe(true);
  });

  it('takes a resumable video upload into the bucket and plays it by byte range', async () => {
    const { application } = await createDemoApplication(ctx);
    const file = buildMp4({ mdatBytes: 50_000 });
    const { res } = await uploadVideo(agent, application.id, file, { chunks: 3 });
    expect(res.statusCode, res.body).toBe(204);
    expect(await bucket.size(sha256(file))).toBe(file.length);
    const fileId = res.headers['x-video-file-id'] as string;
    const play = await agent.get(`/api/applications/${application.id}/video/${fileId}`, { range: 'bytes=100-1099' });
    expect(play.statusCode).toBe(206);
    expect(play.rawPayload.equals(file.subarray(100, 1100))).toBe(true);
    expect(play.headers['content-range']).toBe(`bytes 100-1099/${file.length}`);
  });

  it('is ready only while the bucket answers', async () => {
    expect((await agent.get('/api/health/ready')).statusCode).toBe(200);
    await s3.close();
    stopped = true;
    const down = await agent.get('/api/health/ready');
    expect(down.statusCode).toBe(503);
    expect(down.json().message).toBe('服务未就绪：文件存储不可用');
  });
});
