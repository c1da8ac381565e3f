import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AppErrorCode,
  beijingDay,
  creditTitle,
  REGISTER_TITLES as T,
  ZRegisterDepartment,
  ZRegisterDetail,
  ZRegisterExportQuery,
  ZRegisterPage,
  ZRegisterQuery,
  type TRegisterItem,
} from '@jhrm/contracts';
import { sendListExport, streamListExport, type ExportColumn } from '../../lib/list-export';
import { AppError } from '../../lib/app-error';
import { PUBLIC_READ_RATE_LIMIT, zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { registerDepartments, registerEntry, registerPage, searchRegister } from './register.repository';

/** The register as the table shows it: a licence no longer in force says its status beside its number. */
const EXPORT_COLUMNS: ExportColumn<TRegisterItem>[] = [
  { header: T.name, value: (r) => r.name, width: 40 },
  { header: T.uscc, value: (r) => r.uscc, width: 22 },
  { header: T.legalRep, value: (r) => r.legalRep, width: 14 },
  { header: T.licence, value: (r) => (r.licenceNumber ? (r.licenceStatus && r.licenceStatus !== '有效' ? `${r.licenceNumber}（${r.licenceStatus}）` : r.licenceNumber) : '—'), width: 30 },
  { header: T.kind, value: (r) => r.kind },
  { header: T.scopes, value: (r) => r.scopes.join('、'), width: 40 },
  { header: T.departmentName, value: (r) => r.departmentName, width: 28 },
  { header: T.status, value: (r) => r.status },
  { header: T.creditYears, value: (r) => r.creditYears.map(creditTitle).join('、'), width: 28 },
  { header: T.creditLevel, value: (r) => r.creditLevel ?? '' },
];

/** 导出 reads up to the whole register: fewer a minute than the list's pages. */
const EXPORT_RATE_LIMIT = { max: 5, timeWindow: '1 minute' } as const;

/** 人力资源服务机构公示查询 (条例 第二十二条): no login, no personal data beyond the legal representative's name. */
export async function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = zod(app);
  const db = deps.database.db;

  r.get('/api/public/register', {
    config: { access: 'public', rateLimit: PUBLIC_READ_RATE_LIMIT },
    schema: { tags: ['register'], summary: '人力资源服务机构公示查询', querystring: ZRegisterQuery, response: { 200: ZRegisterPage } },
    handler: async (req) => {
      const { items, total, totalCapped } = await searchRegister(db, req.query, beijingDay(deps.clock()));
      return { items, total, totalCapped, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  r.get('/api/public/register/export', {
    config: { access: 'public', rateLimit: EXPORT_RATE_LIMIT },
    schema: { tags: ['register'], summary: '导出公示查询（当前查询条件的全部结果，XLSX）', querystring: ZRegisterExportQuery },
    handler: async (req, reply) => {
      const user = req.auth?.user;
      await deps.audit.record(db, {
        action: 'register.exported',
        actorId: user?.id ?? null,
        actorAccount: user?.account ?? null,
        actorRole: user?.role ?? null,
        ip: req.ip,
        detail: Object.keys(req.query).length ? { query: req.query } : {},
      });
      const stream = streamListExport('公示查询', EXPORT_COLUMNS, (page, pageSize) => registerPage(db, { ...req.query, page, pageSize }, beijingDay(deps.clock())));
      return sendListExport(reply, '人力资源服务机构公示', stream, deps.clock());
    },
  });

  r.get('/api/public/register/departments', {
    config: { access: 'public', rateLimit: PUBLIC_READ_RATE_LIMIT },
    schema: { tags: ['register'], summary: '公示查询：审批部门（筛选项）', response: { 200: z.array(ZRegisterDepartment) } },
    handler: async () => registerDepartments(db),
  });

  r.get('/api/public/register/:institutionId', {
    config: { access: 'public', rateLimit: PUBLIC_READ_RATE_LIMIT },
    schema: {
      tags: ['register'],
      summary: '公示查询：机构详情（变更记录、许可证记录）',
      params: z.object({ institutionId: z.uuid('机构编号格式不正确') }),
      response: { 200: ZRegisterDetail },
    },
    handler: async (req) => {
      const entry = await registerEntry(db, req.params.institutionId, beijingDay(deps.clock()));
      if (!entry) throw new AppError(AppErrorCode.NOT_FOUND, '未找到该机构的公示信息');
      return entry;
    },
  });
}
