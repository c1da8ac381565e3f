import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZPage, ZStatisticsInstitution, ZStatisticsQuery, ZStatisticsRow } from '@jhrm/contracts';
import { UNIT_USERS, zod } from '../../lib/routes';
import { actorOf } from '../../plugins/auth';
import type { AppDeps } from '../../deps';
import { registerKind } from '../applications/kinds';
import { statisticsKind } from './statistics.kind';
import { StatisticsService } from './statistics.service';

const TAGS = ['statistics'];

/** The 统计 kind joins the engine (called at composition, deps.ts; registering twice is harmless). */
export function registerStatisticsKind(): void {
  registerKind(statisticsKind);
}

/**
 * 人力资源市场统计 (guide 2): the institutions a unit reports on and its reports. A report itself is
 * an application of the 统计 kind: created, saved, submitted and read through /api/applications.
 */
export async function statisticsRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = new StatisticsService(deps);
  const r = zod(app);

  r.get('/api/statistics/institutions', {
    config: { access: UNIT_USERS },
    schema: { tags: TAGS, summary: '业务基本情况录入：本单位审核通过且未注销的机构，及新报表的预填值', response: { 200: z.array(ZStatisticsInstitution) } },
    handler: async (req) => service.institutions(actorOf(req)),
  });

  r.get('/api/statistics/reports', {
    config: { access: UNIT_USERS },
    schema: { tags: TAGS, summary: '业务基本情况查询（服务年度、填表日期、审批状态；填表人联系电话脱敏）', querystring: ZStatisticsQuery, response: { 200: ZPage(ZStatisticsRow) } },
    handler: async (req) => service.list(actorOf(req), req.query),
  });
}
