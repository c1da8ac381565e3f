import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZAppeal, ZHandleAppealRequest, ZOk, ZPage, ZPageQuery } from '@jhrm/contracts';
import { requestMeta, zod } from '../../lib/routes';
import { sendStoredFile } from '../../lib/downloads';
import type { AppDeps } from '../../deps';
import { AppealsService } from '../accounts/appeals.service';

export async function adminRoutes(app: FastifyInstance, deps: AppDeps) {
  const appeals = new AppealsService(deps);
  const r = zod(app);

  r.get('/api/admin/appeals', {
    config: { access: ['admin'] },
    schema: {
      tags: ['admin'],
      summary: '账号申诉列表',
      querystring: ZPageQuery.extend({ status: z.enum(['待处理', '已处理']).optional() }),
      response: { 200: ZPage(ZAppeal) },
    },
    handler: async (req) => {
      const { page, pageSize, status } = req.query;
      return { ...(await appeals.list(status, page, pageSize)), page, pageSize };
    },
  });

  r.get('/api/admin/appeals/:id/files/:fileId', {
    config: { access: ['admin'] },
    schema: { tags: ['admin'], summary: '下载申诉附件', params: z.object({ id: z.uuid(), fileId: z.uuid() }) },
    handler: async (req, reply) => sendStoredFile(reply, deps.blobs, await appeals.attachment(req.params.id, req.params.fileId)),
  });

  r.post('/api/admin/appeals/:id/handle', {
    config: { access: ['admin'] },
    schema: { tags: ['admin'], summary: '处理申诉（回复以短信发送给申诉人）', params: z.object({ id: z.uuid() }), body: ZHandleAppealRequest, response: { 200: ZOk } },
    handler: async (req) => {
      await appeals.handle(req.auth!.user, req.params.id, req.body.reply, requestMeta(req));
      return { ok: true as const };
    },
  });
}
