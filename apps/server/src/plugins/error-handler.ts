import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppErrorCode, type TAppErrorCode, type TErrorBody, type TFieldError } from '@jhrm/contracts';
import { AppError, HTTP_STATUS } from '../lib/app-error';
import { BROKEN_MULTIPART_MESSAGE } from '../lib/hostile-text';
import { unstorableText } from '../lib/pg-errors';

/** Fastify's own 4xx errors, in the words a person should read. */
const FRAMEWORK_MESSAGES: Record<number, [string, string]> = {
  400: [AppErrorCode.VALIDATION, '请求格式不正确'],
  404: [AppErrorCode.NOT_FOUND, '请求的资源不存在'],
  405: [AppErrorCode.NOT_FOUND, '不支持该请求方法'],
  406: [AppErrorCode.VALIDATION, '不支持的响应格式'],
  413: [AppErrorCode.PAYLOAD_TOO_LARGE, '提交的内容过大'],
  415: [AppErrorCode.UNSUPPORTED_MEDIA, '不支持的内容类型'],
  429: [AppErrorCode.RATE_LIMITED, '操作过于频繁，请稍后再试'],
};

/** @fastify/multipart's refusals by code: limits on parts and fields are the sender's mistake (400), not size (413). */
const MULTIPART_ERRORS: Record<string, [TAppErrorCode, string]> = {
  FST_PARTS_LIMIT: [AppErrorCode.VALIDATION, '表单内容过多，请减少后重新提交'],
  FST_FILES_LIMIT: [AppErrorCode.VALIDATION, '一次上传的文件过多，请分批上传'],
  FST_FIELDS_LIMIT: [AppErrorCode.VALIDATION, '表单字段过多，请按页面提交'],
  FST_REQ_FILE_TOO_LARGE: [AppErrorCode.PAYLOAD_TOO_LARGE, '上传的文件过大'],
  FST_PROTO_VIOLATION: [AppErrorCode.VALIDATION, '表单字段名无效'],
  FST_INVALID_JSON_FIELD_ERROR: [AppErrorCode.VALIDATION, '表单字段不是有效的 JSON'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [AppErrorCode.UNSUPPORTED_MEDIA, '请以表单方式提交（multipart/form-data）'],
  FST_MP_PREMATURE_CLOSE: [AppErrorCode.VALIDATION, '上传中断，请重新提交'],
};

/**
 * busboy (under @fastify/multipart) throws plain Errors without a code for bodies it cannot parse:
 * a missing, empty or over-long boundary, a truncated body, a malformed part header. Recognised by
 * message, on multipart requests only; the generated hostile-input test fails if a release rewords them.
 */
const BUSBOY_MESSAGES = [
  /^Multipart: Boundary not found$/,
  /^Boundary required$/,
  /^The needle cannot/,
  /^Unexpected end of (multipart data|form)$/,
  /terminated early due to unexpected end of multipart data$/,
  /^Malformed part header$/,
];

function multipartRefusal(error: Error & { code?: string }, isMultipart: boolean): [number, TErrorBody] | null {
  const known = error.code ? MULTIPART_ERRORS[error.code] : undefined;
  if (known) return [HTTP_STATUS[known[0]], { code: known[0], message: known[1] }];
  if (isMultipart && !error.code && BUSBOY_MESSAGES.some((re) => re.test(error.message))) {
    return [400, { code: AppErrorCode.VALIDATION, message: BROKEN_MULTIPART_MESSAGE }];
  }
  return null;
}

/** `/body/account` → `account`; `/0/name` → `0.name`: the path a form uses for its field. */
function fieldPath(instancePath: string | undefined): string {
  return (instancePath ?? '').replace(/^\//, '').split('/').filter(Boolean).join('.');
}

export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    let status: number;
    let body: TErrorBody;
    const multipart = error instanceof AppError ? null : multipartRefusal(error, req.isMultipart?.() ?? false);
    if (multipart) {
      [status, body] = multipart;
    } else if (error instanceof AppError) {
      status = HTTP_STATUS[error.code];
      body = {
        code: error.code,
        message: error.message,
        ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
        ...(error.details ? { details: error.details } : {}),
      };
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const fieldErrors: TFieldError[] = error.validation.map((v) => ({ path: fieldPath(v.instancePath), message: v.message ?? '格式不正确' }));
      status = 400;
      const message = fieldErrors.length > 1 ? `有${fieldErrors.length}处填写有误，请按提示修改` : (fieldErrors[0]?.message ?? '输入有误');
      body = { code: AppErrorCode.VALIDATION, message, fieldErrors };
    } else if (!isResponseSerializationError(error) && error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      const [code, message] = FRAMEWORK_MESSAGES[status] ?? [AppErrorCode.VALIDATION, '请求无效'];
      body = { code, message };
    } else if (unstorableText(error)) {
      // an input check missed a place: still the sender's text, so a 400 (and a log line to find the place)
      req.log.warn({ err: error }, 'database refused text an input check let through');
      status = 400;
      body = { code: AppErrorCode.VALIDATION, message: '提交的内容包含无法保存的字符（如控制字符），请删除后重试' };
    } else {
      // Anything else is our fault: log it whole, tell the client nothing about the internals.
      req.log.error({ err: error }, 'unhandled error');
      status = 500;
      body = { code: AppErrorCode.INTERNAL, message: '系统繁忙，请稍后再试' };
    }
    if (status >= 400 && status < 500) req.log.info({ code: body.code, status }, 'request refused');
    return reply.status(status).type('application/json; charset=utf-8').send(body);
  });
});
