import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppErrorCode, beijingDay, ZLicenceVerification, ZLicenceVerifyQuery, ZUnitLicence, ZUnitLicenceQuery } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { sendOwnPdf, ZInlineQuery } from '../../lib/downloads';
import { PUBLIC_READ_RATE_LIMIT, UNIT_USERS, zod } from '../../lib/routes';
import { sessionUnitId } from '../../plugins/auth';
import type { StaffRead } from '../../plugins/staff-reads';
import type { AppDeps } from '../../deps';
import { certificateFileName, renderCertificate } from './licences.documents';
import { departmentCode, findLicence, unitLicences, verifyLicence } from './licences.repository';

const NOT_FOUND_MESSAGE = '许可证不存在或无权查看';

/**
 * A licence as someone may read it: the unit its institution belongs to, a reviewer of the
 * department that issued it, an admin. Anyone else gets 404, as if it did not exist.
 */
async function readableLicence(deps: AppDeps, req: FastifyRequest, id: string) {
  const db = deps.database.db;
  const user = req.auth!.user;
  const found = await findLicence(db, id);
  if (!found) throw new AppError(AppErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE);
  const staff = user.role === 'admin' || (user.role === 'reviewer' && (await departmentCode(db, user.departmentId)) === found.licence.department);
  const owner = (user.role === 'legal' || user.role === 'agent') && user.unitId === found.ownerUnitId;
  if (!staff && !owner) throw new AppError(AppErrorCode.NOT_FOUND, NOT_FOUND_MESSAGE);
  return found;
}

/** A staff download of a unit's licence (SPEC §9), audited by plugins/staff-reads. */
const licenceRead: StaffRead = {
  action: 'licence.downloaded',
  target: async (db, params) => {
    const found = await findLicence(db, params.id!);
    return found ? { type: 'licence', id: found.licence.id, unitId: found.ownerUnitId, detail: { number: found.licence.number } } : null;
  },
};

export async function licencesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = zod(app);

  r.get('/api/licences', {
    config: { access: UNIT_USERS },
    schema: {
      tags: ['licences'],
      summary: '本单位机构的许可证/备案凭证（最新在前）',
      querystring: ZUnitLicenceQuery,
      response: { 200: z.array(ZUnitLicence) },
    },
    handler: async (req) => {
      const list = await unitLicences(deps.database.db, sessionUnitId(req), req.query.institutionId, beijingDay(deps.clock()));
      if (!list) throw new AppError(AppErrorCode.NOT_FOUND, '机构不存在或无权查看');
      return list;
    },
  });

  r.get('/api/licences/:id/pdf', {
    config: { access: [...UNIT_USERS, 'reviewer', 'admin'], staffRead: licenceRead },
    schema: {
      tags: ['licences'],
      summary: '许可证下载 / 打印：人力资源服务许可证/备案凭证 PDF（含核验二维码；?inline=1 在浏览器中打开）',
      params: z.object({ id: z.uuid('编号格式不正确') }),
      querystring: ZInlineQuery,
    },
    handler: async (req, reply) => {
      const { licence, successorNumber } = await readableLicence(deps, req, req.params.id);
      const publicBaseUrl = deps.config.publicBaseUrlFromRequest ? `${req.protocol}://${req.host}` : deps.config.publicBaseUrl;
      const pdf = await renderCertificate({ licence, successorNumber, publicBaseUrl, createdAt: deps.clock(), today: beijingDay(deps.clock()) });
      return sendOwnPdf(reply, pdf, certificateFileName(licence), { inline: req.query.inline === '1' });
    },
  });

  r.get('/api/public/licences/verify', {
    config: { access: 'public', rateLimit: PUBLIC_READ_RATE_LIMIT },
    schema: {
      tags: ['licences'],
      summary: '许可证/备案凭证核验（公开；每次核验计数）',
      querystring: ZLicenceVerifyQuery,
      response: { 200: ZLicenceVerification },
    },
    handler: async (req, reply) => {
      const result = await verifyLicence(deps.database.db, req.query.number, deps.clock(), req.query.edition);
      if (!result) throw new AppError(AppErrorCode.NOT_FOUND, '未查询到该编号的许可证/备案凭证，请核对编号');
      // every scan must reach the server to be counted
      void reply.header('Cache-Control', 'no-store');
      return result;
    },
  });
}
