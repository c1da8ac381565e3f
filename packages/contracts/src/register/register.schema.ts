import { ZPublishedSpotCheck } from '../inspections/spot-checks.schema';
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, ZPage } from '../common';
import { BUSINESS_SCOPES } from '../dictionaries/institutions';
import { CANCEL_STATUSES } from '../institutions/institutions.status';
import { APPLICATION_TYPES } from '../applications/kinds';
import { LICENCE_DISPLAY_STATUSES, LICENCE_KINDS } from '../licences/verify.schema';
import { CREDIT_LEVELS } from '../credit-ratings/credit-ratings.schema';

/**
 * 人力资源服务机构公示查询 (条例 第二十二条): institutions whose establishment was approved, with
 * what the public may know. By design no personal data beyond the legal representative's name.
 */
export const ZRegisterQuery = z.object({
  page: z.coerce.number().int().min(1, '页码必须大于 0').max(10_000, '页码过大').default(1),
  pageSize: z.coerce.number().int().min(1).max(50, '每页最多 50 条').default(DEFAULT_PAGE_SIZE),
  /** 机构名称 (part of it), 统一社会信用代码 or 许可证/备案凭证编号 */
  keyword: z.string().trim().max(100, '关键字不能超过 100 个字').optional(),
  scope: z.enum(BUSINESS_SCOPES, { error: '服务范围不正确' }).optional(),
  /** 审批部门 code */
  department: z.string().trim().regex(/^\d{6}$/, '审批部门不正确').optional(),
  kind: z.enum(LICENCE_KINDS, { error: '类型不正确' }).optional(),
  /** 注销状态 */
  status: z.enum(CANCEL_STATUSES, { error: '状态不正确' }).optional(),
});
export type TRegisterQuery = z.infer<typeof ZRegisterQuery>;
/** 导出 of 公示查询: the search's filters, every page. */
export const ZRegisterExportQuery = ZRegisterQuery.omit({ page: true, pageSize: true });

export const ZRegisterItem = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  /** 法定代表人(负责人): the only person named in the register */
  legalRep: z.string().nullable(),
  /** 许可 / 备案 */
  kind: z.enum(LICENCE_KINDS).nullable(),
  /** the latest 许可证/备案凭证 number (in force unless licenceStatus says otherwise) */
  licenceNumber: z.string().nullable(),
  /** 已过期: in force but past 有效期至 (decision 0047) */
  licenceStatus: z.enum(LICENCE_DISPLAY_STATUSES).nullable(),
  issuedOn: z.string().nullable(),
  /** 有效期至 of that licence, null without expiry */
  validUntil: z.string().nullable(),
  scopes: z.array(z.string()),
  departmentName: z.string().nullable(),
  /** 注销状态 */
  status: z.enum(CANCEL_STATUSES),
  /** the years it was recognised as 诚信示范机构 (guide 3), newest first */
  creditYears: z.array(z.number().int()),
  /** 信用等级 A–D from its record (decision 0048); null only if it left the register meanwhile */
  creditLevel: z.enum(CREDIT_LEVELS).nullable(),
});
export type TRegisterItem = z.infer<typeof ZRegisterItem>;

/**
 * A page of the register. The matches are counted up to 1 000: `totalCapped` says there are more
 * (`total` is then 1 000) and the page asks to narrow the search.
 */
export const ZRegisterPage = ZPage(ZRegisterItem).extend({ totalCapped: z.boolean() });
export type TRegisterPage = z.infer<typeof ZRegisterPage>;

export const ZRegisterDetail = ZRegisterItem.extend({
  /** 失信记录 (a licence revoked after a failed 核查, decision 0043), newest first: published as the bureau recorded them */
  dishonesty: z.array(z.object({ recordedOn: z.string(), reason: z.string(), source: z.string() })),
  /** 双随机抽查 results, published once closed (合格 / 责令整改 / 立案) */
  spotChecks: z.array(ZPublishedSpotCheck),
  /** 年度报告: whether last 服务年度's 业务基本情况 was filed (sent or approved) */
  lastReport: z.object({ year: z.number().int(), filed: z.boolean() }),
  /** approved applications, oldest first: 设立 / 变更 / 注销 and the day each was decided */
  changes: z.array(z.object({ type: z.enum(APPLICATION_TYPES), decidedOn: z.string().nullable() })),
  /** every 许可证/备案凭证 the institution was issued, newest first */
  licences: z.array(
    z.object({
      number: z.string(),
      kind: z.enum(LICENCE_KINDS),
      status: z.enum(LICENCE_DISPLAY_STATUSES),
      issuedOn: z.string(),
      departmentName: z.string(),
      endedOn: z.string().nullable(),
      validUntil: z.string().nullable(),
      /** 补发日期 of its latest 补办 */
      reissuedOn: z.string().nullable(),
    }),
  ),
});
export type TRegisterDetail = z.infer<typeof ZRegisterDetail>;

export const ZRegisterDepartment = z.object({ code: z.string(), name: z.string(), level: z.string() });
export type TRegisterDepartment = z.infer<typeof ZRegisterDepartment>;
