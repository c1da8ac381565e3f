import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZDecisionRequest, ZDecisionResponse, ZPage, ZReviewDetail, ZReviewInboxItem, ZReviewInboxQuery, ZReviewExportQuery, ZReviewTodo } from '@jhrm/contracts';
import { zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { applicationRead } from '../applications/applications.access';
import { ReviewsService } from './reviews.service';
import { actorOf } from '../../plugins/auth';
import { sendListExport, streamListExport } from '../../lib/list-export';
import { reviewExportColumns } from './review-export';

const ZId = z.object({ id: z.uuid('编号格式不正确') });

/** 审核: the reviewer's inbox, the submission (opening it is 受理), and the decision. */
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
    schema: { tags: ['reviews'], summary: '审核详情（首次打开待审核的申请即受理，单位不能再撤回）', params: ZId, response: { 200: ZReviewDetail } },
    handler: async (req) => service.open(actorOf(req), req.params.id),
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
