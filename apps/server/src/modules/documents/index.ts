import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { TEMPLATES, type TTemplateKey } from '@jhrm/contracts';
import { sendOwnPdf, ZInlineQuery } from '../../lib/downloads';
import { zod } from '../../lib/routes';
import { actorOf } from '../../plugins/auth';
import type { AppDeps } from '../../deps';
import { APPLICATION_READERS } from '../materials';
import { applicationRead } from '../applications/applications.access';
import { DocumentsService } from './documents.service';

const TEMPLATE_KEYS = Object.keys(TEMPLATES) as [TTemplateKey, ...TTemplateKey[]];

export async function documentsRoutes(app: FastifyInstance, deps: AppDeps) {
  const documents = new DocumentsService(deps);

  zod(app).get('/api/applications/:id/templates/:key', {
    config: { access: APPLICATION_READERS, staffRead: applicationRead('template.generated') },
    schema: {
      tags: ['documents'],
      summary: '材料模板下载 / 登记预览：按单位已填写的内容生成 PDF（?inline=1 在浏览器中打开）',
      params: z.object({ id: z.uuid('编号格式不正确'), key: z.enum(TEMPLATE_KEYS, { error: '模板不存在' }) }),
      querystring: ZInlineQuery,
    },
    handler: async (req, reply) => {
      const { pdf, fileName } = await documents.template(actorOf(req), req.params.id, req.params.key);
      return sendOwnPdf(reply, pdf, fileName, { inline: req.query.inline === '1' });
    },
  });
}
