import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppErrorCode, INSTITUTION_LIST_TITLES, isEditable, nameMismatchNotice, nextStepApplication, ZInstitutionListPage, ZInstitutionListQuery, ZInstitutionQuery, type TInstitutionListItem, ZMissingField, ZOpenLicenceRequest, ZRecordDraft, ZEducationCounts, REVIEW_STATUSES, CANCEL_STATUSES, ZCreditRating, beijingDay } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { actorOf, sessionUnitId } from '../../plugins/auth';
import { ApplicationsService } from '../applications/applications.service';
import { sendListExport, streamListExport, type ExportColumn } from '../../lib/list-export';
import { UNIT_USERS, zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { readRecord } from '../institutions/records.repository';
import { missingForChange } from '../institutions/record-rules';
import { findUnitInstitution, openLicenceRequests, queryUnitInstitutions } from './unit-institutions.repository';
import { unitNotices } from './unit-notices';
import { formatBeijing } from '../../lib/time';
import { creditRatingOf } from '../credit-ratings/credit-ratings.repository';

/** 人力资源服务机构基本情况 as the table shows it (操作 aside): 审核状态 with its 已受理 date. */
const EXPORT_COLUMNS: ExportColumn<TInstitutionListItem>[] = [
  { header: INSTITUTION_LIST_TITLES.name, value: (r) => r.name, width: 40 },
  { header: INSTITUTION_LIST_TITLES.shortName, value: (r) => r.shortName, width: 24 },
  { header: INSTITUTION_LIST_TITLES.licensed, value: (r) => r.licensed },
  { header: INSTITUTION_LIST_TITLES.reviewStatus, value: (r) => (r.acceptedAt ? `${r.reviewStatus}（已受理 ${formatBeijing(new Date(r.acceptedAt)).slice(0, 10)}）` : r.reviewStatus), width: 28 },
  { header: INSTITUTION_LIST_TITLES.cancelStatus, value: (r) => r.cancelStatus },
  { header: INSTITUTION_LIST_TITLES.kind, value: (r) => r.kind ?? '待定' },
];

export async function institutionsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = zod(app);
  const applicationsService = new ApplicationsService(deps);

  r.get('/api/institutions', {
    config: { access: UNIT_USERS },
    schema: {
      tags: ['institutions'],
      summary: '人力资源服务机构查询（本单位）；nextStep=1 时附每行待提交申请尚需完善的项数（主页「下一步」）',
      querystring: ZInstitutionListQuery,
      response: { 200: ZInstitutionListPage },
    },
    handler: async (req) => {
      const user = req.auth!.user;
      const unit = { id: sessionUnitId(req), name: user.unitName ?? '', uscc: user.unitUscc ?? '' };
      const { items, total, mismatchedNames } = await queryUnitInstitutions(deps.database.db, deps.pii, unit, user.role, req.query);
      if (req.query.nextStep) {
        // one at a time: a page holds few open drafts, and PGlite has one connection anyway
        for (const item of items) {
          const open = nextStepApplication(item);
          if (open && isEditable(open.status)) item.openProblems = await applicationsService.problemCount(actorOf(req), open.applicationId);
        }
      }
      // the list query carries the mismatched names; only an empty page asks for them separately
      const notices = mismatchedNames ? mismatchedNames.map((name) => nameMismatchNotice(unit.name, name)) : await unitNotices(deps.database.db, unit);
      return { items, total, page: req.query.page, pageSize: req.query.pageSize, notices };
    },
  });

  r.get('/api/institutions/export', {
    config: { access: UNIT_USERS },
    schema: { tags: ['institutions'], summary: '导出人力资源服务机构查询（本单位，当前查询条件的全部结果，XLSX）', querystring: ZInstitutionQuery.omit({ page: true, pageSize: true }) },
    handler: async (req, reply) => {
      const user = req.auth!.user;
      const unit = { id: sessionUnitId(req), name: user.unitName ?? '', uscc: user.unitUscc ?? '' };
      const { db } = deps.database;
      await deps.audit.record(db, {
        action: 'institution.list.exported',
        actorId: user.id,
        actorAccount: user.account,
        actorRole: user.role,
        unitId: unit.id,
        ip: req.ip,
        detail: Object.keys(req.query).length ? { query: req.query } : {},
      });
      const stream = streamListExport('人力资源服务机构基本情况', EXPORT_COLUMNS, async (page, pageSize) =>
        (await queryUnitInstitutions(db, deps.pii, unit, user.role, { ...req.query, page, pageSize })).items,
      );
      return sendListExport(reply, '人力资源服务机构', stream, deps.clock());
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
          /** its open 许可证补办 / 许可证延续, to continue or follow from 查看 */
          licenceRequests: z.array(ZOpenLicenceRequest),
          /** 信用等级 with its score and every reason (decision 0048); null until it is on the register */
          creditRating: ZCreditRating.nullable(),
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
        licenceRequests: await openLicenceRequests(deps.database.db, row.institution.id),
        creditRating: await creditRatingOf(deps.database.db, row.institution.id, beijingDay(deps.clock())),
      };
    },
  });
}
