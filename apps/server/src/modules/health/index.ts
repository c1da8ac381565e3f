import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppErrorCode } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';

export async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  zod(app).get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: '健康检查（含数据库）',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), time: z.string() }) },
    },
    handler: async (req) => {
      try {
        await deps.database.db.execute(sql`SELECT 1`);
      } catch (err) {
        req.log.error({ err }, 'health check: database unreachable');
        throw new AppError(AppErrorCode.UNAVAILABLE, '数据库不可用');
      }
      return { status: 'ok' as const, database: deps.database.engine, time: deps.clock().toISOString() };
    },
  });
}
