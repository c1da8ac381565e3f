import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { asc } from 'drizzle-orm';
import { AppErrorCode, IMPORT_MAX_BYTES, ZImportBatch, ZImportReport, ZImportResult, ZPage, ZPageQuery } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { cleanFileName } from '../../lib/uploads';
import { contentDisposition } from '../../lib/downloads';
import { CONSUMES_MULTIPART, requestMeta, zod } from '../../lib/routes';
import { assertClean } from '../../lib/uploads';
import type { AppDeps } from '../../deps';
import { departments } from '../accounts/accounts.table';
import { isZip } from './imports.parse';
import { ImportsService, type UploadedSheet } from './imports.service';
import { TEMPLATE_NAME, templateCsv, templateXlsx } from './imports.template';

const ADMIN = ['admin'] as const;
const MB = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);

/** The one spreadsheet of a multipart form, in memory (10 MB at most), scanned before it is parsed. */
async function readUpload(req: FastifyRequest, deps: AppDeps): Promise<UploadedSheet> {
  if (!req.isMultipart()) throw new AppError(AppErrorCode.UNSUPPORTED_MEDIA, '请以表单方式上传文件（multipart/form-data）');
  let upload: UploadedSheet | null = null;
  try {
    for await (const part of req.parts({ limits: { files: 1, fileSize: IMPORT_MAX_BYTES, fields: 5, fieldSize: 1000 } })) {
      if (part.type !== 'file') continue;
      const data = await part.toBuffer();
      upload = { name: cleanFileName(part.filename, isZip(data) ? 'xlsx' : 'csv'), data };
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(AppErrorCode.PAYLOAD_TOO_LARGE, `文件超过 ${MB} MB，请拆分为多个文件后再导入`);
    if (code === 'FST_FILES_LIMIT') throw new AppError(AppErrorCode.VALIDATION, '每次只能上传一个文件');
    throw err;
  }
  if (!upload) throw new AppError(AppErrorCode.VALIDATION, '请选择要导入的 XLSX 或 CSV 文件', [{ path: 'file', message: '请选择文件' }]);
  const { data } = upload;
  const sha256 = createHash('sha256').update(data).digest('hex');
  const open = (r: { start: number; end: number }) => Readable.from([data.subarray(r.start, r.end + 1)]);
  await assertClean(deps, req.log, { name: upload.name, size: data.length, sha256, open }, { user: req.auth!.user, ip: requestMeta(req).ip });
  return upload;
}

export async function importsRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = new ImportsService(deps);
  const r = zod(app);

  r.get('/api/admin/imports/template.xlsx', {
    config: { access: ADMIN },
    schema: { tags: ['imports'], summary: '下载导入模板（XLSX，含填写说明）' },
    handler: async (_req, reply) => {
      const depts = await deps.database.db.select({ code: departments.code, name: departments.name, active: departments.active }).from(departments).orderBy(asc(departments.code));
      const body = await templateXlsx(depts.filter((d) => d.active));
      return reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', contentDisposition(`${TEMPLATE_NAME}.xlsx`))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'no-store')
        .send(body);
    },
  });

  r.get('/api/admin/imports/template.csv', {
    config: { access: ADMIN },
    schema: { tags: ['imports'], summary: '下载导入模板（CSV，UTF-8 带 BOM）' },
    handler: async (_req, reply) =>
      reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', contentDisposition(`${TEMPLATE_NAME}.csv`))
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'no-store')
        .send(templateCsv()),
  });

  r.post('/api/admin/imports/dry-run', {
    config: { access: ADMIN },
    schema: { tags: ['imports'], summary: '校验导入文件（逐行报告，不写入任何数据）', consumes: CONSUMES_MULTIPART, response: { 200: ZImportReport } },
    handler: async (req) => service.dryRun(await readUpload(req, deps)),
  });

  r.post('/api/admin/imports', {
    config: { access: ADMIN },
    schema: { tags: ['imports'], summary: '导入机构（全部成功或全部不导入）', consumes: CONSUMES_MULTIPART, response: { 200: ZImportResult } },
    handler: async (req) => service.import(req.auth!.user, await readUpload(req, deps), requestMeta(req)),
  });

  r.get('/api/admin/imports', {
    config: { access: ADMIN },
    schema: { tags: ['imports'], summary: '导入记录', querystring: ZPageQuery, response: { 200: ZPage(ZImportBatch) } },
    handler: async (req) => ({ ...(await service.listBatches(req.query.page, req.query.pageSize)), page: req.query.page, pageSize: req.query.pageSize }),
  });
}
