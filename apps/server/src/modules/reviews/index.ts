import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZAcceptanceRequest, ZDecisionRequest, ZDecisionResponse, ZPage, ZReviewDetail, ZReviewInboxItem, ZReviewInboxQuery, ZReviewExportQuery, ZReviewTodo } from '@jhrm/contracts';
import { zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { applicationRead } from '../applications/applications.access';
import { ReviewsService } from './reviews.service';
import { actorOf } from '../../plugins/auth';
import { sendListExport, streamListExport } from '../../lib/list-export';
import { reviewExportColumns } from './review-export';
import { sendOwnPdf, ZInlineQuery } from '../../lib/downloads';
import { APPLICATION_READERS } from '../materials';

const ZId = z.object({ id: z.uuid('编号格式不正确') });

/** 审核: the reviewer's inbox, the submission (opening it only reads), 受理 / 不予受理 / 补正 with their notices, and the decision. */
export async function reviewsRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = new ReviewsService(deps);
  const r = zod(app);

  r.get('/api/reviews', {
    // the inbox shows units' institutions: a search across units, recorded with its conditions
    config: { access: ['reviewer'], staffRead: { action: 'review.listed' } },
    schema: {
      tags: ['reviews'],
      summary: '审核列表（本审批部门；待审核按办理期限排序，已审核按审核时间倒序）',
      querystring: ZReviewInboxQuery,
      response: { 200: ZPage(ZReviewInboxItem) },
    },
    handler: async (req) => service.inbox(actorOf(req), req.query),
  });

  r.get('/api/reviews/export', {
    // every row of the search, as the list: recorded with its conditions before the file leaves
    config: { access: ['reviewer'], staffRead: { action: 'review.list.exported' } },
    schema: { tags: ['reviews'], summary: '导出审核列表（本审批部门，当前查询条件的全部结果，XLSX）', querystring: ZReviewExportQuery },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const q = req.query;
      const stream = streamListExport(q.tab, reviewExportColumns(q.tab), async (page, pageSize) => (await service.inbox(actor, { ...q, page, pageSize })).items);
      return sendListExport(reply, `审核管理_${q.tab}`, stream, deps.clock());
    },
  });

  r.get('/api/reviews/todo', {
    // counts only, no unit's data: not a staff read
    config: { access: ['reviewer'] },
    schema: { tags: ['reviews'], summary: '待办（本审批部门的待审核、3个工作日内到期（含已超期）、已超期件数）', response: { 200: ZReviewTodo } },
    handler: async (req) => service.todo(actorOf(req)),
  });

  r.get('/api/reviews/:id', {
    config: { access: ['reviewer'], staffRead: applicationRead('application.viewed') },
    schema: { tags: ['reviews'], summary: '审核详情（打开只是查看，不受理）', params: ZId, response: { 200: ZReviewDetail } },
    handler: async (req) => service.open(actorOf(req), req.params.id),
  });

  r.post('/api/reviews/:id/acceptance', {
    config: { access: ['reviewer'] },
    schema: {
      tags: ['reviews'],
      summary: '受理 / 不予受理（须填写理由）/ 补正（须一次性列明全部补正内容），并出具受理通知书、不予受理通知书或补正告知书',
      params: ZId,
      body: ZAcceptanceRequest,
      response: { 200: ZDecisionResponse },
    },
    handler: async (req) => service.acceptance(actorOf(req), req.params.id, req.body),
  });

  r.get('/api/applications/:id/acceptances/:acceptanceId/notice', {
    config: { access: APPLICATION_READERS, staffRead: applicationRead('acceptance.notice.downloaded') },
    schema: {
      tags: ['reviews'],
      summary: '下载受理通知书 / 不予受理通知书 / 补正告知书（PDF；本单位的申请，或本审批部门的审核人员）',
      params: z.object({ id: z.uuid('编号格式不正确'), acceptanceId: z.uuid('编号格式不正确') }),
      querystring: ZInlineQuery,
    },
    handler: async (req, reply) => {
      const { pdf, fileName } = await service.notice(actorOf(req), req.params.id, req.params.acceptanceId);
      return sendOwnPdf(reply, pdf, fileName, { inline: req.query.inline === '1' });
    },
  });

  r.post('/api/reviews/:id/decision', {
    config: { access: ['reviewer'] },
    schema: {
      tags: ['reviews'],
      summary: '审核通过 / 审核不通过（不通过须填写审核意见；许可类设立审核通过即核发许可证）',
      params: ZId,
      body: ZDecisionRequest,
      response: { 200: ZDecisionResponse },
    },
    handler: async (req) => service.decide(actorOf(req), req.params.id, req.body),
  });
}
