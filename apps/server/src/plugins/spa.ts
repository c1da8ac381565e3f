import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { AppErrorCode } from '@jhrm/contracts';
import { AppError } from '../lib/app-error';

/**
 * Serves the built SPA with history fallback: a GET outside /api gets the file it names, or
 * index.html when it names none; anything unknown under /api is a JSON 404. Files are sent from
 * the not-found handler (`serve: false`), so no route exists that lacks an access declaration.
 */
async function spa(app: FastifyInstance, opts: { webDist?: string }) {
  const dist = opts.webDist;
  const hasSpa = !!dist && existsSync(path.join(dist, 'index.html'));
  // preCompressed: the build's .br/.gz copy when Accept-Encoding allows it, with Vary (decision 0019)
  if (hasSpa) await app.register(fastifyStatic, { root: dist, serve: false, preCompressed: true });

  app.setNotFoundHandler(async (req, reply) => {
    let url: string;
    try {
      url = decodeURIComponent(req.url.split('?')[0]!);
    } catch {
      throw new AppError(AppErrorCode.NOT_FOUND, '页面不存在');
    }
    if (hasSpa && (req.method === 'GET' || req.method === 'HEAD') && !url.startsWith('/api')) {
      const file = path.normalize(url).replace(/^([/\\])+/, '');
      const abs = path.join(dist, file);
      if (file && abs.startsWith(dist + path.sep) && existsSync(abs) && statSync(abs).isFile()) {
        // hashed assets never change; everything else revalidates
        const immutable = file.startsWith(`assets${path.sep}`);
        reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        return reply.sendFile(file, { cacheControl: false });
      }
      if (!path.extname(url)) return reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
      throw new AppError(AppErrorCode.NOT_FOUND, '文件不存在');
    }
    throw new AppError(AppErrorCode.NOT_FOUND, url.startsWith('/api') ? '接口不存在' : '页面不存在');
  });
}

export const spaPlugin = fp(spa);
