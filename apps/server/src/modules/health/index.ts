import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppErrorCode } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { zod } from '../../lib/routes';
import { queryRows } from '../../db/client';
import { readMigrations } from '../../db/migrate';
import type { AppDeps } from '../../deps';

/** The bytes the readiness check keeps in the blob store (content-addressed: always the same blob). */
const PROBE = Buffer.from('jhrm readiness probe\n');

const CHECK_LABELS = { database: '数据库', migrations: '数据库迁移', blobs: '文件存储' } as const;
type Check = keyof typeof CHECK_LABELS;

export async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = zod(app);
  r.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: '健康检查（进程存活，含数据库）',
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

  // the committed migrations this build expects, read once
  const expected = readMigrations().map((m) => m.tag);
  let probeSha: string | null = null;

  const checks: Record<Check, () => Promise<void>> = {
    database: async () => {
      await deps.database.db.execute(sql`SELECT 1`);
    },
    migrations: async () => {
      const rows = await queryRows<{ tag: string }>(deps.database.db, sql`SELECT tag FROM schema_migrations`);
      const applied = new Set(rows.map((row) => row.tag));
      const missing = expected.filter((tag) => !applied.has(tag));
      if (missing.length) throw new Error(`migrations not applied: ${missing.join(', ')}`);
    },
    blobs: async () => {
      // a read of the probe blob; written again when missing (the hourly cleanup takes unreferenced
      // blobs), so a store that can neither be read nor written fails here
      if (probeSha && (await deps.blobs.size(probeSha)) === PROBE.length) return;
      probeSha = (await deps.blobs.put(Readable.from([PROBE]), PROBE.length)).sha256;
      if ((await deps.blobs.size(probeSha)) !== PROBE.length) throw new Error('blob store probe unreadable after writing');
    },
  };

  r.get('/api/health/ready', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: '就绪检查（数据库、数据库迁移、文件存储），供负载均衡判断是否转发请求',
      response: { 200: z.object({ status: z.literal('ready'), checks: z.object({ database: z.literal('ok'), migrations: z.literal('ok'), blobs: z.literal('ok') }) }) },
    },
    handler: async (req) => {
      const failed: Check[] = [];
      // one after another: the migrations check needs the database the first one checks
      for (const name of Object.keys(checks) as Check[]) {
        try {
          await checks[name]();
        } catch (err) {
          req.log.error({ err, check: name }, 'readiness check failed');
          failed.push(name);
        }
      }
      if (failed.length) throw new AppError(AppErrorCode.UNAVAILABLE, `服务未就绪：${failed.map((c) => CHECK_LABELS[c]).join('、')}不可用`, undefined, { failed });
      return { status: 'ready' as const, checks: { database: 'ok' as const, migrations: 'ok' as const, blobs: 'ok' as const } };
    },
  });
}
