import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AUDIT_LOG_TITLES as T, auditActorText, auditObjectText, ZAuditEntry, ZAuditExportQuery, ZAuditQuery, ZAuditVerifyResult, ZPage, type TAuditEntry } from '@jhrm/contracts';
import { sendListExport, streamListExport, type ExportColumn } from '../../lib/list-export';
import { formatBeijing } from '../../lib/time';
import { zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { AuditViewerService } from './audit-viewer.service';

const ADMIN = { access: ['admin'] } as const;

/** 审计日志 as the table shows it (详情 aside): the time to the second, as the table does. */
const EXPORT_COLUMNS: ExportColumn<TAuditEntry>[] = [
  { header: T.at, value: (e) => formatBeijing(new Date(e.at), true), width: 20 },
  { header: T.action, value: (e) => e.actionName, width: 24 },
  { header: T.actor, value: auditActorText, width: 26 },
  { header: T.target, value: auditObjectText, width: 44 },
  { header: T.unit, value: (e) => e.unitName, width: 32 },
  { header: T.ip, value: (e) => e.ip, width: 16 },
];

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

  r.get('/api/admin/audit/export', {
    // the file holds what the list shows; who exported what is recorded like a search
    config: { ...ADMIN, staffRead: { action: 'audit.exported' } },
    schema: { tags: ['admin'], summary: '导出审计日志（当前查询条件的全部结果，按时间倒序，XLSX）', querystring: ZAuditExportQuery },
    handler: async (req, reply) => sendListExport(reply, '审计日志', streamListExport('审计日志', EXPORT_COLUMNS, audit.exportPages(req.query)), deps.clock()),
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
