import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ACCOUNT_STATUS_TEXT,
  FIELD_DICTIONARIES,
  REVIEWER_LIST_TITLES as REVIEWER_T,
  reviewerDepartmentText,
  type TReviewer,
  ZAdminDepartment,
  ZAppeal,
  ZCalendarDate,
  ZCalendarDay,
  ZCalendarYearQuery,
  ZSetCalendarDayRequest,
  ZChangeReviewerDepartmentRequest,
  ZCreateDepartmentRequest,
  ZCreateReviewerRequest,
  ZDepartmentCode,
  ZDictionary,
  ZHandleAppealRequest,
  ZInitialPassword,
  ZOk,
  ZPage,
  ZPageQuery,
  ZReviewer,
  ZReviewerExportQuery,
  ZReviewerQuery,
  ZSettingItem,
  ZUpdateDepartmentRequest,
  ZUpdateSettingRequest,
} from '@jhrm/contracts';
import { requestMeta, zod } from '../../lib/routes';
import { sendStoredFile } from '../../lib/downloads';
import { sendListExport, streamListExport, type ExportColumn } from '../../lib/list-export';
import type { AppDeps } from '../../deps';
import { AppealsService, appealRead } from '../accounts/appeals.service';
import { CalendarAdminService } from '../calendar/calendar.service';
import { DepartmentsService } from './departments.service';
import { ReviewersService } from './reviewers.service';
import { SettingsAdminService } from './settings-admin.service';

const ADMIN = { access: ['admin'] } as const;
const ZId = z.object({ id: z.uuid('编号格式不正确') });
/** Initial passwords are in these answers: no cache may keep them. */
const NO_STORE = 'no-store';

/** 审核人员管理 as the table shows it (操作 aside): 手机号码 masked as the list masks it. */
const REVIEWER_EXPORT_COLUMNS: ExportColumn<TReviewer>[] = [
  { header: REVIEWER_T.name, value: (r) => r.name, width: 14 },
  { header: REVIEWER_T.account, value: (r) => r.account, width: 20 },
  { header: REVIEWER_T.phone, value: (r) => r.phone, width: 16 },
  { header: REVIEWER_T.department, value: (r) => reviewerDepartmentText(r.department), width: 36 },
  { header: REVIEWER_T.status, value: (r) => ACCOUNT_STATUS_TEXT[r.status] },
  { header: REVIEWER_T.mustChangePassword, value: (r) => r.mustChangePassword },
  { header: REVIEWER_T.passwordChangedAt, value: (r) => new Date(r.passwordChangedAt), width: 18 },
  { header: REVIEWER_T.createdAt, value: (r) => new Date(r.createdAt), width: 18 },
];

export async function adminRoutes(app: FastifyInstance, deps: AppDeps) {
  const appeals = new AppealsService(deps);
  const departments = new DepartmentsService(deps);
  const reviewers = new ReviewersService(deps);
  const settings = new SettingsAdminService(deps);
  const calendar = new CalendarAdminService(deps);
  const r = zod(app);

  r.get('/api/admin/appeals', {
    // appellants' accounts, USCCs, contacts and descriptions
    config: { access: ['admin'], staffRead: { action: 'appeal.listed' } },
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
    config: { access: ['admin'], staffRead: appealRead },
    schema: { tags: ['admin'], summary: '下载申诉附件', params: z.object({ id: z.uuid(), fileId: z.uuid() }) },
    handler: async (req, reply) => sendStoredFile(reply, deps.blobs, await appeals.attachment(req.params.id, req.params.fileId)),
  });

  r.post('/api/admin/appeals/:id/handle', {
    config: { access: ['admin'] },
    schema: { tags: ['admin'], summary: '处理申诉：回复，或重置法人密码 / 更换法人手机号（结果以短信发送给申诉人）', params: z.object({ id: z.uuid() }), body: ZHandleAppealRequest, response: { 200: ZOk } },
    handler: async (req) => {
      await appeals.handle(req.auth!.user, req.params.id, req.body, requestMeta(req));
      return { ok: true as const };
    },
  });

  // ── 审批部门 ───────────────────────────────────────────────────────────────────

  r.get('/api/admin/departments', {
    config: ADMIN,
    schema: { tags: ['admin'], summary: '审批部门（全部，含已停用；带审核人员数与待审核数）', response: { 200: z.array(ZAdminDepartment) } },
    handler: async () => departments.list(),
  });

  r.post('/api/admin/departments', {
    config: ADMIN,
    schema: { tags: ['admin'], summary: '新增下级审批部门（GB/T 2260 编码）', body: ZCreateDepartmentRequest, response: { 200: ZOk } },
    handler: async (req) => {
      await departments.create(req.auth!.user, req.body, requestMeta(req));
      return { ok: true as const };
    },
  });

  r.put('/api/admin/departments/:code', {
    config: ADMIN,
    schema: {
      tags: ['admin'],
      summary: '修改审批部门名称，停用或启用（有待审核申请的部门不能停用）',
      params: z.object({ code: ZDepartmentCode }),
      body: ZUpdateDepartmentRequest,
      response: { 200: ZOk },
    },
    handler: async (req) => {
      await departments.update(req.auth!.user, req.params.code, req.body, requestMeta(req));
      return { ok: true as const };
    },
  });

  // ── 审核人员 ───────────────────────────────────────────────────────────────────

  r.get('/api/admin/reviewers', {
    config: ADMIN,
    schema: { tags: ['admin'], summary: '审核人员列表（手机号码脱敏）', querystring: ZReviewerQuery, response: { 200: ZPage(ZReviewer) } },
    handler: async (req) => reviewers.list(req.query),
  });

  r.get('/api/admin/reviewers/export', {
    // staff accounts' names and masked phones leave in a file: who exported which is recorded like the other staff exports
    config: { ...ADMIN, staffRead: { action: 'reviewer.list.exported' } },
    schema: { tags: ['admin'], summary: '导出审核人员列表（当前查询条件的全部结果，手机号码脱敏，XLSX）', querystring: ZReviewerExportQuery },
    handler: async (req, reply) =>
      sendListExport(reply, '审核人员', streamListExport('审核人员管理', REVIEWER_EXPORT_COLUMNS, reviewers.exportPages(req.query)), deps.clock()),
  });

  r.post('/api/admin/reviewers', {
    config: ADMIN,
    schema: { tags: ['admin'], summary: '新增审核人员（返回一次性显示的初始密码）', body: ZCreateReviewerRequest, response: { 200: ZInitialPassword } },
    handler: async (req, reply) => {
      reply.header('cache-control', NO_STORE);
      return reviewers.create(req.auth!.user, req.body, requestMeta(req));
    },
  });

  for (const [action, status] of [['disable', 'disabled'], ['enable', 'active']] as const) {
    r.post(`/api/admin/reviewers/:id/${action}`, {
      config: ADMIN,
      schema: { tags: ['admin'], summary: action === 'disable' ? '停用审核人员（立即退出登录）' : '启用审核人员', params: ZId, response: { 200: ZOk } },
      handler: async (req) => {
        await reviewers.setStatus(req.auth!.user, req.params.id, status, requestMeta(req));
        return { ok: true as const };
      },
    });
  }

  r.post('/api/admin/reviewers/:id/reset-password', {
    config: ADMIN,
    schema: { tags: ['admin'], summary: '重置审核人员密码（返回一次性显示的初始密码）', params: ZId, response: { 200: ZInitialPassword } },
    handler: async (req, reply) => {
      reply.header('cache-control', NO_STORE);
      return reviewers.resetPassword(req.auth!.user, req.params.id, requestMeta(req));
    },
  });

  r.put('/api/admin/reviewers/:id/department', {
    config: ADMIN,
    schema: { tags: ['admin'], summary: '调整审核人员所属审批部门', params: ZId, body: ZChangeReviewerDepartmentRequest, response: { 200: ZOk } },
    handler: async (req) => {
      await reviewers.changeDepartment(req.auth!.user, req.params.id, req.body.departmentCode, requestMeta(req));
      return { ok: true as const };
    },
  });

  // ── 系统设置与数据字典 ──────────────────────────────────────────────────────────

  r.get('/api/admin/settings', {
    config: ADMIN,
    schema: { tags: ['admin'], summary: '系统设置（当前值与默认值）', response: { 200: z.array(ZSettingItem) } },
    handler: async () => settings.list(),
  });

  r.put('/api/admin/settings/:key', {
    config: ADMIN,
    schema: { tags: ['admin'], summary: '修改系统设置（按设置项规则校验）', params: z.object({ key: z.string().max(100) }), body: ZUpdateSettingRequest, response: { 200: ZSettingItem } },
    handler: async (req) => settings.update(req.auth!.user, req.params.key, req.body.value, requestMeta(req)),
  });

  r.get('/api/admin/dictionaries', {
    config: ADMIN,
    schema: { tags: ['admin'], summary: '数据字典（国家标准与操作指南规定的选项，只读）', response: { 200: z.array(ZDictionary) } },
    handler: async () => [...FIELD_DICTIONARIES],
  });

  // ── 节假日设置 ─────────────────────────────────────────────────────────────────

  r.get('/api/admin/calendar', {
    config: ADMIN,
    schema: { tags: ['admin'], summary: '节假日设置：一年的放假日与调休上班日', querystring: ZCalendarYearQuery, response: { 200: z.array(ZCalendarDay) } },
    handler: async (req) => calendar.list(req.query.year),
  });

  r.put('/api/admin/calendar/:date', {
    config: ADMIN,
    schema: {
      tags: ['admin'],
      summary: '添加或修改一天（休：放假；班：调休上班，仅限周六、周日）；此后提交的申请按新日历计算办理期限',
      params: z.object({ date: ZCalendarDate }),
      body: ZSetCalendarDayRequest,
      response: { 200: ZCalendarDay },
    },
    handler: async (req) => calendar.set(req.auth!.user, req.params.date, req.body, requestMeta(req)),
  });

  r.delete('/api/admin/calendar/:date', {
    config: ADMIN,
    schema: { tags: ['admin'], summary: '删除一天（恢复为普通的工作日或周末）', params: z.object({ date: ZCalendarDate }), response: { 200: ZOk } },
    handler: async (req) => {
      await calendar.remove(req.auth!.user, req.params.date, requestMeta(req));
      return { ok: true as const };
    },
  });
}
