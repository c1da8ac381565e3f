import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZCreditInstitution, ZCreditListItem, ZCreditQuery, ZPage } from '@jhrm/contracts';
import { sessionUnitId } from '../../plugins/auth';
import { UNIT_USERS, zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { creditYear } from './credit.kind';
import { creditInstitutions, queryCredit } from './credit.repository';

/**
 * 人力资源诚信体系管理 (guide 3): the unit's 诚信示范 applications (查询) and the institutions it may
 * apply for (新增). Creating, saving and submitting go through the engine's generic routes
 * (`POST /api/applications {type: '诚信示范'}` …), reviewing through the workbench.
 */
export async function creditRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = zod(app);
  const db = deps.database.db;

  r.get('/api/credit', {
    config: { access: UNIT_USERS },
    schema: { tags: ['credit'], summary: '人力资源诚信示范机构查询（本单位）', querystring: ZCreditQuery, response: { 200: ZPage(ZCreditListItem) } },
    handler: async (req) => {
      const { items, total } = await queryCredit(db, sessionUnitId(req), req.query);
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  r.get('/api/credit/institutions', {
    config: { access: UNIT_USERS },
    schema: {
      tags: ['credit'],
      summary: '人力资源诚信示范机构新增：可申请的机构（本单位审核通过、未注销）及其本年度申请',
      response: { 200: z.object({ year: z.number().int(), items: z.array(ZCreditInstitution) }) },
    },
    handler: async (req) => {
      const year = creditYear(deps.clock());
      return { year, items: await creditInstitutions(db, sessionUnitId(req), year) };
    },
  });
}
