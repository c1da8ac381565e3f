import { z } from 'zod';
import { CREDIT_SETTINGS } from '../credit/credit.schema';
import { CREDIT_RATING_SETTINGS } from '../credit-ratings/credit-ratings.schema';
import { LICENCE_VALIDITY_SETTING, ZLicenceValidityYears } from '../licences/lifecycle';
import { STATISTICS_DEADLINE_DEFAULT, ZMonthDay } from '../statistics/statistics.schema';
import { ESTABLISHMENT } from '../applications/kinds';
import { INSPECTION_MONTHS_DEFAULT, PROMISE_REPLACED_SLOTS_DEFAULT, PROMISE_SLOT } from '../inspections/inspections.schema';

/** The 设立 slots a 告知承诺书 may replace: every one but itself. */
export const PROMISE_REPLACEABLE_SLOTS = ESTABLISHMENT.materialSlots.filter((s) => s.required && s.name !== PROMISE_SLOT).map((s) => s.name);

const ZReplacedSlots = z
  .array(z.string().refine((s) => PROMISE_REPLACEABLE_SLOTS.includes(s), '只能选择设立申请的必传材料'), { error: '请选择材料' })
  .max(PROMISE_REPLACEABLE_SLOTS.length)
  .refine((a) => new Set(a).size === a.length, '材料不能重复');

/**
 * A licence number pattern: `{year}` (issue year), `{dept}` (issuing 审批部门 code) and `{seq:N}`
 * (a counter per kind, year and department, zero-padded to N digits) are replaced; all three are required.
 */
export const ZLicencePattern = z
  .string()
  .trim()
  .min(1, '请填写编号规则')
  .max(60, '编号规则不能超过 60 个字符')
  .refine((p) => /\{seq:[1-9]\}/.test(p), '编号规则必须包含流水号 {seq:N}（N 为位数，1–9）')
  .refine((p) => !/\{(?!year\}|dept\}|seq:[1-9]\})[^}]*\}/.test(p), '编号规则只能使用 {year}、{dept}、{seq:N} 三种占位符')
  // the counter restarts per year and department: without both the numbers would repeat
  .refine((p) => p.includes('{year}') && p.includes('{dept}'), '编号规则必须包含年度 {year} 和部门编码 {dept}，否则不同年度或部门的编号会重复');

/** Every run-time setting: its key, label, schema and default. */
export const SETTINGS = {
  'licence.pattern.许可': { label: '人力资源服务许可证编号规则', schema: ZLicencePattern, default: '（吉）人服证字〔{year}〕第{dept}{seq:4}号' },
  'licence.pattern.备案': { label: '人力资源服务备案凭证编号规则', schema: ZLicencePattern, default: '吉人服备〔{year}〕{dept}{seq:4}号' },
  [LICENCE_VALIDITY_SETTING]: { label: '许可证有效期（年）', schema: ZLicenceValidityYears, default: 0 },
  ...CREDIT_SETTINGS,
  ...CREDIT_RATING_SETTINGS,
  'promise.replacedSlots': { label: '告知承诺制：告知承诺书可替代的设立材料', schema: ZReplacedSlots, default: PROMISE_REPLACED_SLOTS_DEFAULT },
  'promise.inspectionMonths': {
    label: '告知承诺制：核查期限（发证后的月数）',
    schema: z.number({ error: '请填写1–12之间的整数' }).int('请填写1–12之间的整数').min(1, '请填写1–12之间的整数').max(12, '请填写1–12之间的整数'),
    default: INSPECTION_MONTHS_DEFAULT,
  },
  'statistics.deadline': { label: '业务基本情况审核截止日期（服务年度次年的月-日）', schema: ZMonthDay, default: STATISTICS_DEADLINE_DEFAULT },
  'statistics.reportDeadline': { label: '业务基本情况报送截止日期（服务年度次年的月-日；之前自动提醒，之后可催报）', schema: ZMonthDay, default: STATISTICS_DEADLINE_DEFAULT },
} as const;
export type TSettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as TSettingKey[];
export type TSettingValue<K extends TSettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;
