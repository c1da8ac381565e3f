import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZOk, ZVideo } from '@jhrm/contracts';
import { ANY_USER, zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { applicationRead } from '../applications/applications.access';
import { VIDEO_UPLOAD_PATH, VideoService, formatBytes } from './video.service';
import { tusRequestOf } from './tus-request';
import { actorOf } from '../../plugins/auth';

const ZAppId = z.object({ id: z.uuid('编号格式不正确') });
const ZVideoParams = ZAppId.extend({ fileId: z.uuid('编号格式不正确') });

/** The tus methods a client uses (creation, core, termination); OPTIONS discovery is not needed same-origin. */
const TUS_METHODS = ['POST', 'HEAD', 'PATCH', 'DELETE'] as const;

/** 视频材料 (场所视频光盘): tus upload, list, playback with ranges, deletion. */
export async function videoRoutes(app: FastifyInstance, deps: AppDeps) {
  const video = new VideoService(deps, app.log);
  app.addHook('onClose', () => video.close());
  const r = zod(app);

  // tus reads the PATCH body itself, streamed: Fastify must leave it unread (and unbounded by bodyLimit)
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));

  const tusSummary = `视频上传（tus 1.0.0 断点续传；Upload-Metadata: applicationId, filename, sha256；MP4，不超过 ${formatBytes(deps.config.maxVideoBytes)}）`;
  app.route({
    method: [...TUS_METHODS],
    url: VIDEO_UPLOAD_PATH,
    config: { access: ['agent'] },
    schema: { tags: ['materials'], summary: tusSummary },
    handler: (req, reply) => video.handleTus(actorOf(req), tusRequestOf(req), reply, undefined),
  });
  app.route<{ Params: { uploadId: string } }>({
    method: [...TUS_METHODS],
    url: `${VIDEO_UPLOAD_PATH}/:uploadId`,
    config: { access: ['agent'] },
    schema: { tags: ['materials'], summary: tusSummary },
    handler: (req, reply) => video.handleTus(actorOf(req), tusRequestOf(req), reply, req.params.uploadId),
  });

  r.get('/api/applications/:id/video', {
    config: { access: ANY_USER, staffRead: applicationRead('video.listed') },
    schema: { tags: ['materials'], summary: '申请的视频材料（最新的在前）', params: ZAppId, response: { 200: z.array(ZVideo) } },
    handler: async (req) => video.list(actorOf(req), req.params.id),
  });

  r.get('/api/applications/:id/video/:fileId', {
    // a player's later ranges continue the same viewing: only the first (from byte 0) is recorded
    config: { access: ANY_USER, staffRead: applicationRead('video.played') },
    schema: { tags: ['materials'], summary: '视频播放（支持 Range 分段请求）', params: ZVideoParams },
    handler: async (req, reply) => video.play(actorOf(req), { range: req.headers.range, ifRange: req.headers['if-range']?.toString() }, reply, req.params.id, req.params.fileId),
  });

  r.delete('/api/applications/:id/video/:fileId', {
    config: { access: ['agent'] },
    schema: { tags: ['materials'], summary: '视频删除', params: ZVideoParams, response: { 200: ZOk } },
    handler: async (req) => {
      await video.remove(actorOf(req), req.params.id, req.params.fileId);
      return { ok: true as const };
    },
  });
}
