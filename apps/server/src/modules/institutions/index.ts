import type { FastifyInstance } from 'fastify';
import { ZInstitutionListItem, ZPage, ZPageQuery } from '@jhrm/contracts';
import { sessionUnitId } from '../../plugins/auth';
import { UNIT_USERS, zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { listUnitInstitutions } from './institutions.repository';

export async function institutionsRoutes(app: FastifyInstance, deps: AppDeps) {
  zod(app).get('/api/institutions', {
    config: { access: UNIT_USERS },
    schema: {
      tags: ['institutions'],
      summary: '本单位人力资源服务机构列表',
      querystring: ZPageQuery,
      response: { 200: ZPage(ZInstitutionListItem) },
    },
    handler: async (req) => {
      const { page, pageSize } = req.query;
      const { items, total } = await listUnitInstitutions(deps.database.db, sessionUnitId(req), page, pageSize);
      return { items, total, page, pageSize };
    },
  });
}
