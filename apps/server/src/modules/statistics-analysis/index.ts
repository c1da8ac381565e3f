import type { FastifyInstance } from 'fastify';
import { ZPage, ZStatisticsUrgeResult, ZStatisticsDashboard, ZStatisticsMissingItem, ZStatisticsMissingQuery, ZStatisticsYearQuery, statisticsExportName } from '@jhrm/contracts';
import { zod } from '../../lib/routes';
import { contentDisposition, XLSX_TYPE } from '../../lib/downloads';
import type { AppDeps } from '../../deps';
import { actorOf } from '../../plugins/auth';
import { StatisticsAnalysisService } from './analysis.service';

const TAGS = ['statistics-analysis'];
const STAFF = ['reviewer', 'admin'] as const;

/**
 * 统计分析: reviewers (their department's area) and admins (the province). Every answer holds
 * units' figures, so each read is a staff read, recorded with its conditions.
 */
export async function statisticsAnalysisRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = new StatisticsAnalysisService(deps);
  const r = zod(app);

  r.get('/api/statistics-analysis', {
    config: { access: STAFF, staffRead: { action: 'statistics.analysis.viewed' } },
    schema: {
      tags: TAGS,
      summary: '统计分析：本辖区审核通过的业务基本情况报告主要指标（按服务年度同比、按地区、按机构类型）',
      querystring: ZStatisticsYearQuery,
      response: { 200: ZStatisticsDashboard },
    },
    handler: async (req) => service.dashboard(actorOf(req), req.query.year),
  });

  r.get('/api/statistics-analysis/missing', {
    config: { access: STAFF, staffRead: { action: 'statistics.missing.listed' } },
    schema: { tags: TAGS, summary: '本辖区持证机构中该服务年度未报送业务基本情况的机构', querystring: ZStatisticsMissingQuery, response: { 200: ZPage(ZStatisticsMissingItem) } },
    handler: async (req) => service.missing(actorOf(req), req.query),
  });

  r.post('/api/statistics-analysis/urge', {
    config: { access: STAFF },
    schema: {
      tags: TAGS,
      summary: '一键催报：报送截止日期之后，向本辖区该服务年度未报送业务基本情况的持证机构发送催报（消息中心和短信，每机构每天至多一次）',
      querystring: ZStatisticsYearQuery,
      response: { 200: ZStatisticsUrgeResult },
    },
    handler: async (req) => service.urge(actorOf(req), req.query.year),
  });

  r.get('/api/statistics-analysis/export', {
    config: { access: STAFF, staffRead: { action: 'statistics.exported' } },
    schema: { tags: TAGS, summary: '导出：该服务年度本辖区审核通过的报告（每份一行，全部字段）及汇总（XLSX）', querystring: ZStatisticsYearQuery },
    handler: async (req, reply) => {
      const { year, stream } = await service.export(actorOf(req), req.query.year);
      return reply
        .header('Content-Type', XLSX_TYPE)
        .header('Content-Disposition', contentDisposition(statisticsExportName(year)))
        .header('X-Content-Type-Options', 'nosniff')
        .send(stream);
    },
  });
}
