import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppErrorCode, ZRegisterDepartment, ZRegisterDetail, ZRegisterPage, ZRegisterQuery } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { PUBLIC_READ_RATE_LIMIT, zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { registerDepartments, registerEntry, searchRegister } from './register.repository';

/** 人力资源服务机构公示查询 (条例 第二十二条): no login, no personal data beyond the legal representative's name. */
export async function registerRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = zod(app);
  const db = deps.database.db;

  r.get('/api/public/register', {
    config: { access: 'public', rateLimit: PUBLIC_READ_RATE_LIMIT },
    schema: { tags: ['register'], summary: '人力资源服务机构公示查询', querystring: ZRegisterQuery, response: { 200: ZRegisterPage } },
    handler: async (req) => {
      const { items, total, totalCapped } = await searchRegister(db, req.query);
      return { items, total, totalCapped, page: req.query.page, pageSize: req.query.pageSize };
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
      const entry = await registerEntry(db, req.params.institutionId);
      if (!entry) throw new AppError(AppErrorCode.NOT_FOUND, '未找到该机构的公示信息');
      return entry;
    },
  });
}
