import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppErrorCode, nameMismatchNotice, ZInstitutionListPage, ZInstitutionQuery, ZMissingField, ZRecordDraft, ZEducationCounts, REVIEW_STATUSES, CANCEL_STATUSES } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { sessionUnitId } from '../../plugins/auth';
import { UNIT_USERS, zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { readRecord } from '../institutions/records.repository';
import { missingForChange } from '../institutions/record-rules';
import { findUnitInstitution, queryUnitInstitutions } from './unit-institutions.repository';
import { unitNotices } from './unit-notices';

export async function institutionsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = zod(app);

  r.get('/api/institutions', {
    config: { access: UNIT_USERS },
    schema: { tags: ['institutions'], summary: '人力资源服务机构查询（本单位）', querystring: ZInstitutionQuery, response: { 200: ZInstitutionListPage } },
    handler: async (req) => {
      const user = req.auth!.user;
      const unit = { id: sessionUnitId(req), name: user.unitName ?? '', uscc: user.unitUscc ?? '' };
      const { items, total, mismatchedNames } = await queryUnitInstitutions(deps.database.db, deps.pii, unit, user.role, req.query);
      // the list query carries the mismatched names; only an empty page asks for them separately
      const notices = mismatchedNames ? mismatchedNames.map((name) => nameMismatchNotice(unit.name, name)) : await unitNotices(deps.database.db, unit);
      return { items, total, page: req.query.page, pageSize: req.query.pageSize, notices };
    },
  });

  r.get('/api/institutions/:id', {
    config: { access: UNIT_USERS },
    schema: {
      tags: ['institutions'],
      summary: '查看人力资源服务机构（只读）',
      params: z.object({ id: z.uuid('编号格式不正确') }),
      response: {
        200: z.object({
          id: z.string(),
          reviewStatus: z.enum(REVIEW_STATUSES),
          cancelStatus: z.enum(CANCEL_STATUSES),
          licensed: z.boolean(),
          applicationId: z.string().nullable(),
          record: ZRecordDraft.extend({ educationCounts: ZEducationCounts }),
          /** fields a 变更 will ask for that the record in force lacks (imported records may be incomplete) */
          missingForChange: z.array(ZMissingField),
        }),
      },
    },
    handler: async (req) => {
      const row = await findUnitInstitution(deps.database.db, sessionUnitId(req), req.params.id);
      if (!row) throw new AppError(AppErrorCode.NOT_FOUND, '机构不存在或无权查看');
      const recordId = row.institution.currentRecordId ?? row.recordId;
      if (!recordId) throw new AppError(AppErrorCode.NOT_FOUND, '该机构暂无登记信息');
      const record = await readRecord(deps.database.db, deps.pii, recordId);
      const inForce = row.institution.reviewStatus === '审核通过' && row.institution.cancelStatus === '正常';
      return {
        id: row.institution.id,
        reviewStatus: row.institution.reviewStatus,
        cancelStatus: row.institution.cancelStatus,
        licensed: row.institution.licensed,
        applicationId: row.applicationId,
        record,
        missingForChange: inForce ? missingForChange(record.basic) : [],
      };
    },
  });
}
