import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppErrorCode, type TErrorBody, type TFieldError } from '@jhrm/contracts';
import { AppError, HTTP_STATUS } from '../lib/app-error';

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

/** `/body/account` → `account`; `/0/name` → `0.name`: the path a form uses for its field. */
function fieldPath(instancePath: string | undefined): string {
  return (instancePath ?? '').replace(/^\//, '').split('/').filter(Boolean).join('.');
}

export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    let status: number;
    let body: TErrorBody;
    if (error instanceof AppError) {
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
