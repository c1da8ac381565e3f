import type { FastifyInstance } from 'fastify';
import { asc } from 'drizzle-orm';
import { ZImportBatch, ZImportReport, ZImportResult, ZPage, ZPageQuery } from '@jhrm/contracts';
import { sendGenerated, XLSX_TYPE } from '../../lib/downloads';
import { CONSUMES_MULTIPART, requestMeta, zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { departments } from '../accounts/accounts.table';
import { readSheetUpload } from '../../lib/sheet-upload';
import { ImportsService } from './imports.service';
import { TEMPLATE_NAME, templateCsv, templateXlsx } from './imports.template';

const ADMIN = ['admin'] as const;

export async function importsRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = new ImportsService(deps);
  const r = zod(app);

  r.get('/api/admin/imports/template.xlsx', {
    config: { access: ADMIN },
    schema: { tags: ['imports'], summary: '下载导入模板（XLSX，含填写说明）' },
    handler: async (_req, reply) => {
      const depts = await deps.database.db.select({ code: departments.code, name: departments.name, active: departments.active }).from(departments).orderBy(asc(departments.code));
      const body = await templateXlsx(depts.filter((d) => d.active));
      return sendGenerated(reply, `${TEMPLATE_NAME}.xlsx`, XLSX_TYPE, body);
    },
  });

  r.get('/api/admin/imports/template.csv', {
    config: { access: ADMIN },
    schema: { tags: ['imports'], summary: '下载导入模板（CSV，UTF-8 带 BOM）' },
    handler: async (_req, reply) => sendGenerated(reply, `${TEMPLATE_NAME}.csv`, 'text/csv; charset=utf-8', templateCsv()),
  });

  r.post('/api/admin/imports/dry-run', {
    config: { access: ADMIN },
    schema: { tags: ['imports'], summary: '校验导入文件（逐行报告，不写入任何数据）', consumes: CONSUMES_MULTIPART, response: { 200: ZImportReport } },
    handler: async (req) => service.dryRun(await readSheetUpload(req, deps)),
  });

  r.post('/api/admin/imports', {
    config: { access: ADMIN },
    schema: { tags: ['imports'], summary: '导入机构（全部成功或全部不导入）', consumes: CONSUMES_MULTIPART, response: { 200: ZImportResult } },
    handler: async (req) => service.import(req.auth!.user, await readSheetUpload(req, deps), requestMeta(req)),
  });

  r.get('/api/admin/imports', {
    config: { access: ADMIN },
    schema: { tags: ['imports'], summary: '导入记录', querystring: ZPageQuery, response: { 200: ZPage(ZImportBatch) } },
    handler: async (req) => ({ ...(await service.listBatches(req.query.page, req.query.pageSize)), page: req.query.page, pageSize: req.query.pageSize }),
  });
}
