import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ZInspectionBacklog,
  ZInspectionCloseRequest,
  ZInspectionListItem,
  ZInspectionListQuery,
  ZInspectionResultRequest,
  ZInspectionRevokeRequest,
  ZInspectionTask,
  ZInspectionTodo,
  ZPage,
  ZUnitInspections,
  ZSpotCheckFilter,
  ZSpotCheckListQuery,
  ZSpotCheckPlan,
  ZSpotCheckPlanListItem,
  ZSpotCheckPlanRequest,
  ZSpotCheckPreview,
  ZSpotCheckReplay,
  ZSpotCheckScope,
} from '@jhrm/contracts';
import { sendStoredFile, ZInlineQuery } from '../../lib/downloads';
import { CONSUMES_MULTIPART, zod } from '../../lib/routes';
import { documentFormOf } from '../../lib/uploads';
import { actorOf } from '../../plugins/auth';
import type { StaffRead } from '../../plugins/staff-reads';
import type { AppDeps } from '../../deps';
import { inspectionTasks, spotCheckPlans } from './inspections.table';
import { InspectionsService } from './inspections.service';
import { SpotChecksService } from './spot-checks.service';
import { eq } from 'drizzle-orm';

const ZId = z.object({ id: z.uuid('编号格式不正确') });
const ZFileParams = ZId.extend({ fileId: z.uuid('编号格式不正确') });

/** A reviewer's or admin's read of one task (a unit's data): audited. */
const taskRead: StaffRead = {
  action: 'inspection.viewed',
  target: async (db, params) => {
    const [row] = await db.select({ unitId: inspectionTasks.unitId }).from(inspectionTasks).where(eq(inspectionTasks.id, params.id!));
    return row ? { type: 'inspection', id: params.id!, unitId: row.unitId } : null;
  },
};

/** An administrator's read of one 抽查 plan (it names institutions and inspectors): audited. */
const planRead: StaffRead = {
  action: 'spot_check.viewed',
  target: async (db, params) => {
    const [row] = await db.select({ id: spotCheckPlans.id }).from(spotCheckPlans).where(eq(spotCheckPlans.id, params.id!));
    return row ? { type: 'spot_check_plan', id: row.id, unitId: null } : null;
  },
};

/**
 * 核查任务 of 告知承诺 licences (decision 0043) and 双随机抽查 (decision 0049): the reviewer's workbench, the
 * admin's backlog and 抽查计划, the unit's view.
 */
export async function inspectionsRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = new InspectionsService(deps);
  const spotChecks = new SpotChecksService(deps);
  const r = zod(app);

  r.get('/api/spot-checks/scope', {
    config: { access: ['admin', 'reviewer'] },
    schema: { tags: ['inspections'], summary: '本人可否制定抽查计划及可抽查的审批部门（管理员：全省；市级审批部门：本市及所辖县）', response: { 200: ZSpotCheckScope } },
    handler: async (req) => {
      const { own: _own, codes: _codes, ...scope } = await spotChecks.scope(actorOf(req));
      return scope;
    },
  });

  r.get('/api/spot-checks', {
    config: { access: ['admin', 'reviewer'], staffRead: { action: 'spot_check.viewed' } },
    schema: { tags: ['inspections'], summary: '双随机抽查计划列表（管理员：全部；市级审批部门：本部门制定的）', querystring: ZSpotCheckListQuery, response: { 200: ZPage(ZSpotCheckPlanListItem) } },
    handler: async (req) => spotChecks.list(actorOf(req), req.query),
  });

  r.post('/api/spot-checks/preview', {
    config: { access: ['admin', 'reviewer'] },
    schema: { tags: ['inspections'], summary: '按抽查范围和比例预估候选机构数与抽取数', body: ZSpotCheckFilter.extend({ ratio: ZSpotCheckPlanRequest.shape.ratio }), response: { 200: ZSpotCheckPreview } },
    handler: async (req) => spotChecks.preview(actorOf(req), req.body),
  });

  r.post('/api/spot-checks', {
    config: { access: ['admin', 'reviewer'] },
    schema: { tags: ['inspections'], summary: '创建抽查计划并随机抽取机构和检查人员（随机种子记录在计划中）', body: ZSpotCheckPlanRequest, response: { 200: ZSpotCheckPlan } },
    handler: async (req) => spotChecks.create(actorOf(req), req.body),
  });

  r.get('/api/spot-checks/:id', {
    config: { access: ['admin', 'reviewer'], staffRead: planRead },
    schema: { tags: ['inspections'], summary: '抽查计划详情：抽中的机构、检查人员和结果', params: ZId, response: { 200: ZSpotCheckPlan } },
    handler: async (req) => spotChecks.get(actorOf(req), req.params.id),
  });

  r.get('/api/spot-checks/:id/replay', {
    config: { access: ['admin', 'reviewer'], staffRead: planRead },
    schema: { tags: ['inspections'], summary: '复核抽取：按记录的随机种子和候选名单重新抽取并与本计划比对', params: ZId, response: { 200: ZSpotCheckReplay } },
    handler: async (req) => spotChecks.replay(actorOf(req), req.params.id),
  });

  r.get('/api/inspections', {
    config: { access: ['reviewer', 'admin'], staffRead: { action: 'inspection.viewed' } },
    schema: { tags: ['inspections'], summary: '核查任务列表（审核人员：本审批部门；管理员：全部）', querystring: ZInspectionListQuery, response: { 200: ZPage(ZInspectionListItem) } },
    handler: async (req) => service.list(actorOf(req), req.query),
  });

  r.get('/api/inspections/todo', {
    config: { access: ['reviewer'] },
    schema: { tags: ['inspections'], summary: '待办：本审批部门的待核查、整改中、已逾期件数', response: { 200: ZInspectionTodo } },
    handler: async (req) => service.todo(actorOf(req)),
  });

  r.get('/api/inspections/backlog', {
    config: { access: ['admin'] },
    schema: { tags: ['inspections'], summary: '各审批部门未办结的核查任务（待核查、整改中、已逾期）', response: { 200: ZInspectionBacklog } },
    handler: async () => service.backlog(),
  });

  r.get('/api/inspections/:id', {
    config: { access: ['reviewer', 'admin'], staffRead: taskRead },
    schema: { tags: ['inspections'], summary: '核查任务详情', params: ZId, response: { 200: ZInspectionTask } },
    handler: async (req) => service.get(actorOf(req), req.params.id),
  });

  r.post('/api/inspections/:id/result', {
    config: { access: ['reviewer'] },
    schema: { tags: ['inspections'], summary: '核查结论（属实：办结；不属实：限期整改）', params: ZId, body: ZInspectionResultRequest, response: { 200: ZInspectionTask } },
    handler: async (req) => service.result(actorOf(req), req.params.id, req.body),
  });

  r.post('/api/inspections/:id/rectified', {
    config: { access: ['reviewer'] },
    schema: { tags: ['inspections'], summary: '整改完成（办结）', params: ZId, body: ZInspectionCloseRequest, response: { 200: ZInspectionTask } },
    handler: async (req) => service.rectified(actorOf(req), req.params.id, req.body),
  });

  r.post('/api/inspections/:id/revoke', {
    config: { access: ['reviewer'] },
    schema: { tags: ['inspections'], summary: '撤销许可（整改期限届满未整改）', params: ZId, body: ZInspectionRevokeRequest, response: { 200: ZInspectionTask } },
    handler: async (req) => service.revoke(actorOf(req), req.params.id, req.body),
  });

  r.post('/api/inspections/:id/photos', {
    config: { access: ['reviewer'] },
    schema: { tags: ['inspections'], consumes: CONSUMES_MULTIPART, summary: '上传核查照片（multipart，JPG/PNG/PDF，按内容判断并做安全检查）', params: ZId, response: { 200: ZInspectionTask } },
    handler: async (req) => service.uploadPhotos(actorOf(req), req.params.id, documentFormOf(req, deps)),
  });

  r.get('/api/inspections/:id/photos/:fileId', {
    config: { access: ['reviewer', 'admin'], staffRead: taskRead },
    schema: { tags: ['inspections'], summary: '查看/下载核查照片', params: ZFileParams, querystring: ZInlineQuery },
    handler: async (req, reply) => sendStoredFile(reply, deps.blobs, await service.photo(actorOf(req), req.params.id, req.params.fileId), { inline: req.query.inline === '1' }),
  });

  r.get('/api/institutions/:id/inspections', {
    config: { access: ['agent', 'legal'] },
    schema: { tags: ['inspections'], summary: '本单位机构的核查情况与失信记录', params: ZId, response: { 200: ZUnitInspections } },
    handler: async (req) => service.unitView(actorOf(req), req.params.id),
  });
}
