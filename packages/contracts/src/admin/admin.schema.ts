import { z } from 'zod';
import { ZAccountName } from '../accounts/accounts.schema';
import { ZMobile } from '../validators/phone';
import { ZPageQuery } from '../common';
import { CALENDAR_DAY_KINDS } from '../reviews/deadline';

/**
 * 系统管理 (SPEC §0 管理员, §7 Admin): 审批部门, 审核人员 accounts, settings, dictionaries and the
 * audit log viewer.
 */

/** Reviewers and administrators must replace a password older than this (days). */
export const STAFF_PASSWORD_MAX_AGE_DAYS = 90;
export const PASSWORD_EXPIRED_MESSAGE = `密码已使用超过${STAFF_PASSWORD_MAX_AGE_DAYS}天，请修改密码`;

// ── 审批部门 ─────────────────────────────────────────────────────────────────────────

export const DEPARTMENT_LEVELS = ['province', 'city', 'county'] as const;
export type TDepartmentLevel = (typeof DEPARTMENT_LEVELS)[number];
export const DEPARTMENT_LEVEL_LABELS: Record<TDepartmentLevel, string> = { province: '省级', city: '市（州）级', county: '县（市、区）级' };
/** The level a department's sub-departments have; the county level has none. */
export const CHILD_LEVEL: Record<TDepartmentLevel, TDepartmentLevel | null> = { province: 'city', city: 'county', county: null };

export const ZAdminDepartment = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(DEPARTMENT_LEVELS),
  parentCode: z.string().nullable(),
  active: z.boolean(),
  /** active 审核人员 accounts of this department */
  reviewerCount: z.number().int(),
  /** 待审核 applications addressed to it */
  pendingCount: z.number().int(),
});
export type TAdminDepartment = z.infer<typeof ZAdminDepartment>;

/** GET /api/auth/department: the signed-in staff member's 审批部门, for the 主页's 部门信息 (null: none). */
export const ZMyDepartment = z.object({
  department: z
    .object({ code: z.string(), name: z.string(), level: z.enum(DEPARTMENT_LEVELS), parentName: z.string().nullable(), active: z.boolean() })
    .nullable(),
});
export type TMyDepartment = z.infer<typeof ZMyDepartment>;

const ZDepartmentName = z
  .string({ error: '请输入部门名称' })
  .trim()
  .min(2, '请输入部门名称（至少2个字）')
  .max(50, '部门名称不能超过50个字');

export const ZDepartmentCode = z
  .string({ error: '请输入部门编码' })
  .trim()
  .regex(/^\d{6}$/, '部门编码应为6位数字的行政区划代码（GB/T 2260）');

export const ZCreateDepartmentRequest = z.object({
  code: ZDepartmentCode,
  name: ZDepartmentName,
  level: z.enum(['city', 'county'], { error: '只能新增市（州）级或县（市、区）级部门' }),
  parentCode: z.string({ error: '请选择上级部门' }).trim().min(1, '请选择上级部门'),
});
export type TCreateDepartmentRequest = z.infer<typeof ZCreateDepartmentRequest>;

export const ZUpdateDepartmentRequest = z
  .object({ name: ZDepartmentName.optional(), active: z.boolean().optional() })
  .refine((v) => v.name !== undefined || v.active !== undefined, '请填写要修改的内容');
export type TUpdateDepartmentRequest = z.infer<typeof ZUpdateDepartmentRequest>;

/**
 * GB/T 2260 structure of a sub-department's code: a city is 22xx00 under the province, a county
 * shares its city's first four digits and does not end in 00. Returns the problem, or null.
 */
export function departmentCodeProblem(code: string, level: 'city' | 'county', parentCode: string): string | null {
  if (level === 'city') {
    if (code.slice(0, 2) !== parentCode.slice(0, 2) || !code.endsWith('00') || code.slice(2, 4) === '00') {
      return `市（州）级部门编码应为 ${parentCode.slice(0, 2)}xx00 格式（前两位为省级代码，末两位为00）`;
    }
    return null;
  }
  if (code.slice(0, 4) !== parentCode.slice(0, 4) || code.endsWith('00')) {
    return `县（市、区）级部门编码应以上级部门编码的前四位 ${parentCode.slice(0, 4)} 开头，且末两位不为00`;
  }
  return null;
}

// ── 审核人员 ─────────────────────────────────────────────────────────────────────────

export const ZReviewer = z.object({
  id: z.string(),
  account: z.string(),
  name: z.string(),
  /** masked */
  phone: z.string(),
  department: z.object({ code: z.string(), name: z.string(), active: z.boolean() }).nullable(),
  status: z.enum(['active', 'disabled']),
  mustChangePassword: z.boolean(),
  passwordChangedAt: z.string(),
  createdAt: z.string(),
});
export type TReviewer = z.infer<typeof ZReviewer>;

export const ZReviewerQuery = ZPageQuery.extend({
  department: z.string().trim().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  keyword: z.string().trim().max(50, '关键字不能超过50个字').optional(),
});
export type TReviewerQuery = z.infer<typeof ZReviewerQuery>;
/** 导出 of 审核人员管理: the list's filters, every page. */
export const ZReviewerExportQuery = ZReviewerQuery.omit({ page: true, pageSize: true });
export type TReviewerExportQuery = z.infer<typeof ZReviewerExportQuery>;

export const ZCreateReviewerRequest = z.object({
  account: ZAccountName,
  name: z.string({ error: '请输入姓名' }).trim().min(2, '请输入姓名').max(50, '姓名不能超过50个字'),
  phone: ZMobile,
  departmentCode: z.string({ error: '请选择审批部门' }).trim().min(1, '请选择审批部门'),
});
export type TCreateReviewerRequest = z.infer<typeof ZCreateReviewerRequest>;

export const ZChangeReviewerDepartmentRequest = z.object({
  departmentCode: z.string({ error: '请选择审批部门' }).trim().min(1, '请选择审批部门'),
});

/** An initial password, generated by the server and shown this once; it is stored only hashed. */
export const ZInitialPassword = z.object({ id: z.string(), account: z.string(), initialPassword: z.string() });
export type TInitialPassword = z.infer<typeof ZInitialPassword>;

// ── 系统设置 ─────────────────────────────────────────────────────────────────────────

export const ZSettingItem = z.object({
  key: z.string(),
  label: z.string(),
  value: z.unknown(),
  default: z.unknown(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type TSettingItem = z.infer<typeof ZSettingItem>;
export const ZUpdateSettingRequest = z.object({ value: z.unknown() });

// ── 节假日设置 (the work calendar's exception days) ──────────────────────────────────────

const CALENDAR_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (d: string) => {
  const ms = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === d;
};
export const ZCalendarDate = z
  .string({ error: '日期格式应为 YYYY-MM-DD' })
  .regex(CALENDAR_DATE_RE, { error: '日期格式应为 YYYY-MM-DD', abort: true })
  .refine(realDay, '日期不存在')
  .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', '日期应在2000年至2099年之间');

export const ZCalendarYearQuery = z.object({
  year: z.coerce.number({ error: '年份应为数字' }).int('年份应为整数').min(2000, '年份应在2000年至2099年之间').max(2099, '年份应在2000年至2099年之间'),
});

export const ZCalendarDay = z.object({
  date: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  /** null: seeded from the chinese-days package */
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type TCalendarDay = z.infer<typeof ZCalendarDay>;

/** 添加或修改一天: 休 (放假) on any day, 班 (调休上班) only on a Saturday or Sunday. */
export const ZSetCalendarDayRequest = z.object({
  kind: z.enum(CALENDAR_DAY_KINDS, { error: '类型应为“休”（放假）或“班”（调休上班）' }),
  name: z.string({ error: '请填写节日名称' }).trim().min(1, '请填写节日名称').max(20, '节日名称不能超过20个字'),
});
export type TSetCalendarDayRequest = z.infer<typeof ZSetCalendarDayRequest>;

/** Why a day cannot carry a kind ('' when it can): 调休上班 is for weekend days only. */
export function calendarDayProblem(date: string, kind: (typeof CALENDAR_DAY_KINDS)[number]): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return kind === '班' && weekday !== 0 && weekday !== 6 ? '调休上班日应为周六或周日（周一至周五本就是工作日）' : '';
}

// ── 数据字典 (read-only) ──────────────────────────────────────────────────────────────

export const ZDictionary = z.object({
  key: z.string(),
  name: z.string(),
  /** where the list comes from (standard or the operation guide) */
  source: z.string(),
  /** the page(s) of the portal that offer it */
  usedIn: z.string(),
  items: z.array(z.object({ value: z.string(), note: z.string().optional() })),
});
export type TDictionary = z.infer<typeof ZDictionary>;

// ── 审计日志 ─────────────────────────────────────────────────────────────────────────

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const ZDateFilter = z.string().regex(DATE_RE, '日期格式应为 YYYY-MM-DD').optional();

const ZAuditFilters = z.object({
  /** Beijing calendar days, both inclusive */
  from: ZDateFilter,
  to: ZDateFilter,
  /** an action (auth.login) or its group (auth) */
  action: z.string().trim().max(64).optional(),
  actorAccount: z.string().trim().max(64).optional(),
  unitUscc: z.string().trim().max(18).optional(),
  targetType: z.string().trim().max(32).optional(),
  targetId: z.string().trim().max(64).optional(),
});
const auditDatesInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const AUDIT_DATES_ORDER = { path: ['to'], message: '结束日期不能早于开始日期' };
export const ZAuditQuery = ZPageQuery.extend(ZAuditFilters.shape).refine(auditDatesInOrder, AUDIT_DATES_ORDER);
/** 导出 of 审计日志: the list's filters, every page. */
export const ZAuditExportQuery = ZAuditFilters.refine(auditDatesInOrder, AUDIT_DATES_ORDER);
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
export type TAuditExportQuery = z.infer<typeof ZAuditExportQuery>;

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorAccount: z.string().nullable(),
  actorRole: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  unitUscc: z.string().nullable(),
  action: z.string(),
  /** the action's Chinese name (AUDIT_ACTION_NAMES), the code itself when it has none */
  actionName: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /**
   * what the object is called now (an institution's name, an application's institution and kind,
   * an account with its holder's name, a department …); null when it is unknown or gone
   */
  objectName: z.string().nullable(),
  /** exactly as stored: the services never put unmasked personal data here */
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditVerifyResult = z.object({
  ok: z.boolean(),
  /** rows whose link and content were verified */
  count: z.number().int(),
  /** id of the first row that does not verify */
  brokenAt: z.number().int().nullable(),
  /** its position in the chain, from 1 (a break in the chain only) */
  brokenPosition: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** tampered / removed: the chain breaks; truncated: a checkpointed row is gone (rows at the end removed); checkpoint: a checkpoint's signature is wrong */
  problem: z.enum(['tampered', 'removed', 'truncated', 'checkpoint']).nullable(),
  /** the newest signed checkpoint of the chain's head */
  lastCheckpoint: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
  /** rows after that checkpoint, which only a newer checkpoint (e.g. in the log stream) can vouch for */
  unanchored: z.number().int(),
  checkedAt: z.string(),
  durationMs: z.number().int(),
});
export type TAuditVerifyResult = z.infer<typeof ZAuditVerifyResult>;
