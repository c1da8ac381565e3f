import type { FastifyInstance } from 'fastify';
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import {
  ESTABLISHMENT,
  ZAnyApplicationDetail,
  ZCreateApplicationRequest,
  ZRecordDraft,
  ZSaveContentRequest,
  ZSaveRecordRequest,
  ZSubmitRequest,
  ZVersionRequest,
} from '@jhrm/contracts';
import { ANY_USER, UNIT_USERS, zod } from '../../lib/routes';
import { actorOf } from '../../plugins/auth';
import type { AppDeps } from '../../deps';
import { departments } from '../accounts/accounts.table';
import { applicationRead, readableApplication } from './applications.access';
import { ApplicationsService } from './applications.service';

const ZId = z.object({ id: z.uuid('编号格式不正确') });

export async function applicationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = new ApplicationsService(deps);
  const r = zod(app);

  r.get('/api/departments', {
    config: { access: ANY_USER },
    schema: {
      tags: ['applications'],
      summary: '审批部门列表（默认只含在用部门，可供提交；includeInactive=true 时含已停用部门，用于显示历史记录）',
      querystring: z.object({ includeInactive: z.enum(['true', 'false']).optional() }),
      response: {
        200: z.array(z.object({ code: z.string(), name: z.string(), level: z.string(), parentCode: z.string().nullable(), active: z.boolean() })),
      },
    },
    handler: async (req) => {
      const rows = await deps.database.db.select().from(departments).orderBy(asc(departments.code));
      const codeOf = new Map(rows.map((d) => [d.id, d.code]));
      // a deactivated department is offered no more; its active sub-departments cannot exist (DepartmentsService)
      return rows
        .filter((d) => d.active || req.query.includeInactive === 'true')
        .map((d) => ({ code: d.code, name: d.name, level: d.level, parentCode: d.parentId ? (codeOf.get(d.parentId) ?? null) : null, active: d.active }));
    },
  });

  r.post('/api/applications/establishments', {
    config: { access: ['agent'] },
    schema: { tags: ['applications'], summary: '人力资源服务机构设立审批：新建并保存草稿', body: ZRecordDraft, response: { 200: ZAnyApplicationDetail } },
    handler: async (req) => service.create(actorOf(req), ESTABLISHMENT.name, req.body),
  });

  r.post('/api/applications', {
    config: { access: ['agent'] },
    schema: { tags: ['applications'], summary: '新建并保存任一申请类型的草稿（内容由该类型校验）', body: ZCreateApplicationRequest, response: { 200: ZAnyApplicationDetail } },
    handler: async (req) => service.create(actorOf(req), req.body.type, req.body.content),
  });

  r.put('/api/applications/:id/content', {
    config: { access: ['agent'] },
    schema: { tags: ['applications'], summary: '保存任一申请类型的内容（须带加载时的 version）', params: ZId, body: ZSaveContentRequest, response: { 200: ZAnyApplicationDetail } },
    handler: async (req) => service.save(actorOf(req), req.params.id, req.body.version, req.body.content),
  });

  r.get('/api/applications/:id', {
    config: { access: [...UNIT_USERS, 'reviewer', 'admin'], staffRead: applicationRead('application.viewed') },
    schema: { tags: ['applications'], summary: '申请详情', params: ZId, response: { 200: ZAnyApplicationDetail } },
    handler: async (req) => {
      const actor = actorOf(req);
      await readableApplication(deps.database.db, actor, req.params.id);
      return service.detail(req.params.id, actor);
    },
  });

  r.put('/api/applications/:id/record', {
    config: { access: ['agent'] },
    schema: { tags: ['applications'], summary: '保存（可保存未填完的表单；须带加载时的 version）', params: ZId, body: ZSaveRecordRequest, response: { 200: ZAnyApplicationDetail } },
    handler: async (req) => {
      const { version, ...draft } = req.body;
      return service.save(actorOf(req), req.params.id, version, draft);
    },
  });

  r.post('/api/applications/:id/submit', {
    config: { access: ['agent'] },
    schema: { tags: ['applications'], summary: '提交（选择审批部门；同一 requestKey 只提交一次）', params: ZId, body: ZSubmitRequest, response: { 200: ZAnyApplicationDetail } },
    handler: async (req) => service.submit(actorOf(req), req.params.id, req.body),
  });

  r.post('/api/applications/:id/withdraw', {
    config: { access: ['agent'] },
    schema: { tags: ['applications'], summary: '撤回（审批部门受理前）', params: ZId, body: ZVersionRequest, response: { 200: ZAnyApplicationDetail } },
    handler: async (req) => service.withdraw(actorOf(req), req.params.id, req.body.version),
  });

  r.post('/api/applications/:id/clear', {
    config: { access: ['agent'] },
    schema: { tags: ['applications'], summary: '清空表单', params: ZId, body: ZVersionRequest, response: { 200: ZAnyApplicationDetail } },
    handler: async (req) => service.clear(actorOf(req), req.params.id, req.body.version),
  });
}
