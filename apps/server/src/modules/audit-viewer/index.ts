import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZAuditEntry, ZAuditQuery, ZAuditVerifyResult, ZPage } from '@jhrm/contracts';
import { zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { AuditViewerService } from './audit-viewer.service';

const ADMIN = { access: ['admin'] } as const;

/** 系统管理 › 审计日志: the admin's search of the log and the verification of its chain. */
export async function auditViewerRoutes(app: FastifyInstance, deps: AppDeps) {
  const audit = new AuditViewerService(deps);
  const r = zod(app);

  r.get('/api/admin/audit', {
    // the log names units, accounts and addresses: who searched it is recorded too
    config: { ...ADMIN, staffRead: { action: 'audit.searched' } },
    schema: { tags: ['admin'], summary: '审计日志（按时间倒序，可筛选；含操作名称与对象名称）', querystring: ZAuditQuery, response: { 200: ZPage(ZAuditEntry) } },
    handler: async (req) => audit.list(req.query),
  });

  r.get('/api/admin/audit/actions', {
    config: ADMIN,
    schema: { tags: ['admin'], summary: '审计日志中出现过的操作类型', response: { 200: z.array(z.string()) } },
    handler: async () => audit.actions(),
  });

  r.get('/api/admin/audit/verify', {
    config: { ...ADMIN, rateLimit: { max: 6, timeWindow: '1 minute' } },
    schema: { tags: ['admin'], summary: '校验审计日志哈希链（遍历全部记录，耗时与记录数成正比）', response: { 200: ZAuditVerifyResult } },
    handler: async () => audit.verify(),
  });
}
