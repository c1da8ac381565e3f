import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZMaterialSlot, ZMaterials, ZOk } from '@jhrm/contracts';
import { sendStoredFile } from '../../lib/downloads';
import { CONSUMES_MULTIPART, zod } from '../../lib/routes';
import { documentFormOf } from '../../lib/uploads';
import { actorOf } from '../../plugins/auth';
import type { AppDeps } from '../../deps';
import { applicationRead } from '../applications/applications.access';
import { MAX_FILES_PER_UPLOAD, MaterialsService } from './materials.service';

/** Who may read an application's materials; readableApplication narrows it to the right unit / department. */
export const APPLICATION_READERS = ['agent', 'legal', 'reviewer', 'admin'] as const;

const ZAppId = z.object({ id: z.uuid('编号格式不正确') });
const ZFileParams = ZAppId.extend({ fileId: z.uuid('编号格式不正确') });
const ZInlineQuery = z.object({ inline: z.enum(['0', '1']).optional() });

export async function materialsRoutes(app: FastifyInstance, deps: AppDeps) {
  const materials = new MaterialsService(deps);
  const r = zod(app);

  r.get('/api/applications/:id/materials', {
    config: { access: APPLICATION_READERS, staffRead: applicationRead('material.listed') },
    schema: { tags: ['materials'], summary: '申请的附件材料（各材料项及已上传文件、视频）', params: ZAppId, response: { 200: ZMaterials } },
    handler: async (req) => materials.list(actorOf(req), req.params.id),
  });

  r.post('/api/applications/:id/materials/:slot', {
    config: { access: ['agent'] },
    schema: {
      tags: ['materials'],
      consumes: CONSUMES_MULTIPART,
      summary: `文件上传（multipart，可多个文件，每个不超过20 MB，PDF/JPG/PNG 按内容判断；每次最多${MAX_FILES_PER_UPLOAD}个）`,
      params: ZAppId.extend({ slot: z.string().min(1).max(100) }),
      response: { 200: ZMaterialSlot },
    },
    handler: async (req) => materials.upload(actorOf(req), req.params.id, req.params.slot, documentFormOf(req, deps)),
  });

  r.get('/api/applications/:id/materials/files/:fileId', {
    config: { access: APPLICATION_READERS, staffRead: applicationRead('material.downloaded') },
    schema: { tags: ['materials'], summary: '文件下载（?inline=1 为查看文件）', params: ZFileParams, querystring: ZInlineQuery },
    handler: async (req, reply) => sendStoredFile(reply, deps.blobs, await materials.file(actorOf(req), req.params.id, req.params.fileId), { inline: req.query.inline === '1' }),
  });

  r.delete('/api/applications/:id/materials/files/:fileId', {
    config: { access: ['agent'] },
    schema: { tags: ['materials'], summary: '文件删除', params: ZFileParams, response: { 200: ZOk } },
    handler: async (req) => {
      await materials.remove(actorOf(req), req.params.id, req.params.fileId);
      return { ok: true as const };
    },
  });
}
