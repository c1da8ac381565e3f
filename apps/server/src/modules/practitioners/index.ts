import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  PRACTITIONER_TEMPLATE_NAME,
  ZOk,
  ZPage,
  ZPageQuery,
  ZPractitioner,
  ZPractitionerImportReport,
  ZPractitionerInput,
  ZPractitionerInstitution,
  ZPractitionerInstitutionQuery,
  ZPractitionerUpdate,
} from '@jhrm/contracts';
import { sendGenerated, XLSX_TYPE } from '../../lib/downloads';
import { CONSUMES_MULTIPART, UNIT_USERS, zod } from '../../lib/routes';
import { readSheetUpload } from '../../lib/sheet-upload';
import { readSheet } from '../../lib/sheets';
import { actorOf } from '../../plugins/auth';
import type { AppDeps } from '../../deps';
import { PractitionersService } from './practitioners.service';
import { PRACTITIONER_SHEET, practitionerTemplateXlsx } from './practitioners.template';

const ZInstitutionId = z.object({ id: z.uuid('编号格式不正确') });
const ZPractitionerId = ZInstitutionId.extend({ pid: z.uuid('编号格式不正确') });
const TAGS = ['practitioners'];

/** 人力资源从业人员信息补录 (guide 1.5): the unit's legal person and agents keep the practitioners of its institutions in force. */
export async function practitionersRoutes(app: FastifyInstance, deps: AppDeps) {
  const service = new PractitionersService(deps);
  const r = zod(app);

  r.get('/api/practitioners/institutions', {
    config: { access: UNIT_USERS },
    schema: { tags: TAGS, summary: '从业人员信息补录：按机构名称查询本单位审核通过且未注销的机构', querystring: ZPractitionerInstitutionQuery, response: { 200: ZPage(ZPractitionerInstitution) } },
    handler: async (req) => service.institutions(actorOf(req), req.query),
  });

  r.get('/api/institutions/:id/practitioners', {
    config: { access: UNIT_USERS },
    schema: { tags: TAGS, summary: '机构的从业人员列表（身份证号、手机号码脱敏）', params: ZInstitutionId, querystring: ZPageQuery, response: { 200: ZPage(ZPractitioner) } },
    handler: async (req) => service.list(actorOf(req), req.params.id, req.query.page, req.query.pageSize),
  });

  r.get('/api/institutions/:id/practitioners/template', {
    config: { access: UNIT_USERS },
    schema: { tags: TAGS, summary: '下载从业人员导入模板（XLSX，含填写说明）', params: ZInstitutionId },
    handler: async (_req, reply) => sendGenerated(reply, `${PRACTITIONER_TEMPLATE_NAME}.xlsx`, XLSX_TYPE, await practitionerTemplateXlsx()),
  });

  r.post('/api/institutions/:id/practitioners/import', {
    config: { access: UNIT_USERS },
    schema: {
      tags: TAGS,
      summary: '批量导入从业人员（dryRun=1：逐行校验，不写入；否则全部导入或全部不导入）',
      params: ZInstitutionId,
      querystring: z.object({ dryRun: z.enum(['0', '1'], { error: 'dryRun 应为 0 或 1' }).optional() }),
      consumes: CONSUMES_MULTIPART,
      response: { 200: ZPractitionerImportReport },
    },
    handler: async (req) => {
      const upload = await readSheetUpload(req, deps);
      const sheet = await readSheet(upload.data, upload.name, PRACTITIONER_SHEET);
      return service.import(actorOf(req), req.params.id, { name: upload.name, rows: sheet.rows }, req.query.dryRun === '1');
    },
  });

  r.get('/api/institutions/:id/practitioners/:pid', {
    config: { access: UNIT_USERS },
    schema: { tags: TAGS, summary: '从业人员信息（变更表单用，本单位可见明文）', params: ZPractitionerId, response: { 200: ZPractitioner } },
    handler: async (req) => service.get(actorOf(req), req.params.id, req.params.pid),
  });

  r.post('/api/institutions/:id/practitioners', {
    config: { access: UNIT_USERS },
    schema: { tags: TAGS, summary: '新增从业人员', params: ZInstitutionId, body: ZPractitionerInput, response: { 200: ZPractitioner } },
    handler: async (req) => service.create(actorOf(req), req.params.id, req.body),
  });

  r.put('/api/institutions/:id/practitioners/:pid', {
    config: { access: UNIT_USERS },
    schema: { tags: TAGS, summary: '变更从业人员信息（须带加载时的 version）', params: ZPractitionerId, body: ZPractitionerUpdate, response: { 200: ZPractitioner } },
    handler: async (req) => service.update(actorOf(req), req.params.id, req.params.pid, req.body.version, req.body.values),
  });

  r.delete('/api/institutions/:id/practitioners/:pid', {
    config: { access: UNIT_USERS },
    schema: { tags: TAGS, summary: '删除从业人员', params: ZPractitionerId, response: { 200: ZOk } },
    handler: async (req) => {
      await service.remove(actorOf(req), req.params.id, req.params.pid);
      return { ok: true as const };
    },
  });
}
