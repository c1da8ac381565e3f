import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppErrorCode, IMPORT_MAX_BYTES } from '@jhrm/contracts';
import type { AppDeps } from '../deps';
import { AppError } from './app-error';
import { requestMeta } from './routes';
import { isZip } from './sheets';
import { assertClean, cleanFileName } from './uploads';

/** An uploaded spreadsheet, in memory. */
export interface UploadedSheet {
  name: string;
  data: Buffer;
}

const MB = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);

/** The one spreadsheet of a multipart form, in memory (10 MB at most), scanned before it is parsed. */
export async function readSheetUpload(req: FastifyRequest, deps: AppDeps): Promise<UploadedSheet> {
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

