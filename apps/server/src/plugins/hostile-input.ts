import type { FastifyInstance, FastifyRequest, FastifySchema, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Multipart } from '@fastify/multipart';
import { AppErrorCode } from '@jhrm/contracts';
import { AppError } from '../lib/app-error';
import { CONSUMES_MULTIPART } from '../lib/routes';
import { assertCleanField, BROKEN_MULTIPART_MESSAGE, decodeUtf8, findHostileText, findHostileUrl, hostileBodyError, hostileUrlError, NOT_UTF8_MESSAGE } from '../lib/hostile-text';

declare module 'fastify' {
  interface FastifyInstance {
    /** routes that read a multipart body (schema `consumes: ['multipart/form-data']`), for the hostile-input test and the docs */
    multipartRoutes: { method: string; url: string }[];
  }
}

const consumesMultipart = (schema: FastifySchema | undefined) => schema?.consumes?.includes(CONSUMES_MULTIPART[0]) ?? false;

/** RFC 2046: 1 to 70 characters from a small set, not ending in a space; browsers use about 40. */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

function validBoundary(contentType: string | undefined): boolean {
  const m = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const boundary = m?.[1] ?? m?.[2];
  return boundary !== undefined && BOUNDARY.test(boundary);
}

async function* checkedParts(parts: AsyncIterableIterator<Multipart>): AsyncIterableIterator<Multipart> {
  for await (const part of parts) {
    assertCleanField(part.fieldname, part.type === 'field' ? String(part.value ?? '') : undefined);
    yield part;
  }
}

/**
 * Hostile text is refused on every route before any handler runs: the URL (path and query string)
 * on arrival, the parsed body before validation. JSON must be valid UTF-8, not repaired into U+FFFD.
 * A multipart body reaches only routes that declare they read one, with a boundary RFC 2046
 * allows; its fields are checked as the route reads them, and file names are cleaned (lib/uploads).
 */
export const hostileInputPlugin = fp(async (app: FastifyInstance) => {
  app.decorate('multipartRoutes', []);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (consumesMultipart(route.schema)) for (const method of [route.method].flat()) app.multipartRoutes.push({ method, url: route.url });
  });

  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const text = decodeUtf8(body as Buffer);
    if (text === null) return done(new AppError(AppErrorCode.VALIDATION, NOT_UTF8_MESSAGE), undefined);
    return parseJson(req, text, done);
  });

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const found = findHostileUrl(req.url, req.routeOptions.url);
    if (found.length > 0) throw hostileUrlError(found);
  });

  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (req.isMultipart()) {
      if (!consumesMultipart(req.routeOptions.schema)) {
        throw new AppError(AppErrorCode.UNSUPPORTED_MEDIA, '此接口不接受表单文件上传（multipart/form-data），请按接口说明提交');
      }
      if (!validBoundary(req.headers['content-type'])) throw new AppError(AppErrorCode.VALIDATION, BROKEN_MULTIPART_MESSAGE);
      // every reader iterates req.parts(): its fields are checked as they stream in, whoever reads them
      const parts = req.parts.bind(req);
      req.parts = (options) => checkedParts(parts(options));
      return;
    }
    if (req.body === undefined || req.body === null) return;
    const found = findHostileText(req.body);
    if (found.length > 0) throw hostileBodyError(found);
  });
});
