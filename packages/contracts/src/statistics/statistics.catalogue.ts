import { z } from 'zod';
import { BUSINESS_SCOPES, INSTITUTION_CATEGORIES } from '../dictionaries/institutions';
import { BASIC_FIELDS, type TBasicFieldKey } from '../institutions/record.catalogue';
import { isValidLandline, isValidMobile } from '../validators/phone';

/**
 * The field catalogue of the annual business report (人力资源市场统计, guide 2.1, SPEC §5): every
 * field once, with its label, section, input, validator, whether 提交 needs it and the record field
 * it is pre-filled from. The zod content schema, the submission rules, the web form, the read-only
 * view, the reviewer's content and the export derive from it (decision 0024). A field that is a
 * record field too (区号, 邮政编码 …) takes its label and checks from the record's catalogue, so
 * the label is still written once.
 */

/** The report's sections, in the guide's order. */
export const STATISTICS_SECTIONS = [
  '服务机构信息',
  '主要业务服务',
  '从业人员情况',
  '服务设施情况',
  '主要经济指标',
  '服务对象情况',
  '数据库建设',
  '现场招聘会服务',
  '网络招聘服务',
  '劳务派遣服务',
  '人力资源管理咨询服务',
  '人力资源外包服务',
  '流动人员档案管理',
  '培训服务',
  '测评服务',
  '猎头服务',
  '填表信息',
] as const;
export type TStatisticsSection = (typeof STATISTICS_SECTIONS)[number];

/** 申请业务 as the report asks it (guide 2.1: nine of the record's services). */
export const STATISTICS_SCOPES = [
  '人力资源招聘',
  '职业介绍',
  '人力资源事务代理',
  '人力资源培训',
  '高级人才寻访',
  '人力资源外包',
  '人力资源管理咨询',
  '人力资源信息网络服务',
  '人才测评',
] as const satisfies readonly (typeof BUSINESS_SCOPES)[number][];

/**
 * How a field is entered: `text`, `select` (one of `options`), `multi` (several of `options`),
 * `count` (non-negative integer), `amount` (non-negative 万元, 2 decimals), `year`, `date`,
 * `department` (the institution's 审批部门, shown by name, not editable), `phone` (a mobile or a
 * landline such as 0431-88886666).
 */
export type TStatisticsInput = 'text' | 'select' | 'multi' | 'count' | 'amount' | 'year' | 'date' | 'department' | 'phone';

export interface StatisticsField {
  label: string;
  section: TStatisticsSection;
  input: TStatisticsInput;
  /** the draft's shape check of a value (types, lengths, ranges, dictionaries) */
  validator: z.ZodType;
  /** the format a non-empty value must have at 提交 (and as soon as the form field is left) */
  format?: z.ZodType;
  /** 提交 needs it (the form's asterisk) */
  required?: boolean;
  maxLength?: number;
  options?: readonly string[];
  /** the record field (机构基本信息) a new report is pre-filled with */
  from?: TBasicFieldKey;
  /** shown masked in lists */
  masking?: 'mobile';
  /** what messages call it when the label alone is ambiguous (three sections ask 服务用人单位数) */
  name?: string;
  /** the report's own value is not edited: it follows the institution (审核机构) */
  readOnly?: boolean;
  /** form hints */
  placeholder?: string;
  numeric?: boolean;
  full?: boolean;
}

/** The largest count and amount a report takes: beyond it a value is a typo, not a figure. */
export const STATISTICS_MAX_COUNT = 1_000_000_000;
export const STATISTICS_MAX_AMOUNT = 1e10;

/** A validator's name for the field: the label without its unit. */
const nameOf = (label: string) => label.replace(/\((万元|个|个数|数量)\)$/, '');

const text = (max: number) => (n: string) => z.string().trim().max(max, `${n}不能超过${max}个字`);
const count = () => (n: string) =>
  z
    .number({ error: `${n}应为整数` })
    .int(`${n}应为非负整数`)
    .min(0, `${n}应为非负整数`)
    .max(STATISTICS_MAX_COUNT, `${n}过大`);
const amount = () => (n: string) =>
  z
    .number({ error: `${n}应为数字` })
    .min(0, `${n}不能为负数`)
    .max(STATISTICS_MAX_AMOUNT, `${n}过大`)
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, `${n}最多保留两位小数`);
const year = () => (n: string) =>
  z
    .number({ error: `${n}应为年份` })
    .int(`${n}应为年份`)
    .min(2000, `${n}不能早于2000年`)
    .max(2100, `${n}不正确`);
const date = () => (n: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${n}格式应为YYYY-MM-DD`);
const pick =
  <const T extends readonly [string, ...string[]]>(values: T) =>
  (n: string) =>
    z.enum(values, { error: `请选择${n}` });

/** 联系电话: a mobile (13144440001) or a landline with its area code (0431-88886666[-123]). */
export const ZStatisticsPhone = z
  .string()
  .trim()
  .refine((v) => isValidMobile(v) || isValidLandline(v), '联系电话应为11位手机号码或“区号-电话号码”（如0431-88886666）');

type Def = Omit<StatisticsField, 'validator' | 'label' | 'section'> & { validator: (name: string) => z.ZodType };

/** One field of a section: its validator is made with its name, so messages name it as the form does. */
function field<const D extends Def>(
  section: TStatisticsSection,
  label: string,
  def: D,
): Omit<StatisticsField, 'validator'> & Omit<D, 'validator'> & { label: string; section: TStatisticsSection; validator: ReturnType<D['validator']> } {
  return { ...def, label, section, validator: def.validator(def.name ?? nameOf(label)) as ReturnType<D['validator']> };
}

/** A field that is the record's field too: the record's label, shape and format. */
function recordField<K extends TBasicFieldKey>(section: TStatisticsSection, from: K, extra: Partial<Omit<StatisticsField, 'validator' | 'label' | 'section'>> = {}) {
  const f: { label: string; validator: (typeof BASIC_FIELDS)[K]['validator']; format?: z.ZodType; maxLength?: number; numeric?: boolean } = BASIC_FIELDS[from];
  return {
    label: f.label,
    section,
    input: 'text' as TStatisticsInput,
    validator: f.validator,
    ...(f.format ? { format: f.format } : {}),
    ...(f.maxLength ? { maxLength: f.maxLength } : {}),
    ...(f.numeric ? { numeric: true } : {}),
    from,
    ...extra,
  };
}

const ORG: TStatisticsSection = '服务机构信息';
const c = (section: TStatisticsSection, label: string, extra: Partial<Def> = {}) => field(section, label, { input: 'count', numeric: true, validator: count(), ...extra });
const m = (section: TStatisticsSection, label: string, extra: Partial<Def> = {}) => field(section, label, { input: 'amount', numeric: true, validator: amount(), ...extra });

/** Every field of the report, in the form's order (guide 2.1). */
export const STATISTICS_FIELDS = {
  // 服务机构信息 (pre-filled from the institution's record in force)
  name: field(ORG, '服务机构名称', { input: 'text', maxLength: 100, validator: text(100), required: true, from: 'name' }),
  uscc: recordField(ORG, 'uscc', { required: true }),
  legalRep: field(ORG, '法人代表(负责人)', { input: 'text', maxLength: 50, validator: text(50), required: true, from: 'legalRep' }),
  phoneAreaCode: recordField(ORG, 'phoneAreaCode', { numeric: true }),
  phoneNumber: recordField(ORG, 'phoneNumber', { required: true, numeric: true }),
  phoneExtension: recordField(ORG, 'phoneExtension', { numeric: true }),
  fax: recordField(ORG, 'fax'),
  postcode: recordField(ORG, 'postcode', { required: true }),
  email: recordField(ORG, 'email'),
  website: field(ORG, '网址', { input: 'text', maxLength: 200, validator: text(200), from: 'websiteDomain', placeholder: '如：www.example.com' }),
  category: field(ORG, '机构类型', { input: 'select', options: INSTITUTION_CATEGORIES, validator: pick(INSTITUTION_CATEGORIES), required: true, from: 'category' }),
  nature: field(ORG, '机构性质(限事业单位性质填报)', { input: 'text', maxLength: 50, validator: text(50), name: '机构性质' }),
  department: field(ORG, '审核机构', { input: 'department', validator: () => z.string().trim(), required: true, from: 'department', readOnly: true }),
  // 主要业务服务
  scopes: field('主要业务服务', BASIC_FIELDS.scopes.label, {
    input: 'multi',
    options: STATISTICS_SCOPES,
    validator: () => z.array(z.enum(STATISTICS_SCOPES, { error: '请选择有效的申请业务' })).max(STATISTICS_SCOPES.length),
    required: true,
    from: 'scopes',
    full: true,
  }),
  // 从业人员情况
  staffTotal: c('从业人员情况', '从业人员总数', { required: true }),
  staffCollege: c('从业人员情况', '大专及以上学历从业人员'),
  staffBachelor: c('从业人员情况', '本科学历从业人员'),
  staffPostgrad: c('从业人员情况', '研究生及以上学历从业人员'),
  staffQualified: c('从业人员情况', '取得职业资格人数'),
  // 服务设施情况
  recruitmentSites: c('服务设施情况', '设立固定招聘场所(个)'),
  websites: c('服务设施情况', '建立人力资源服务网站(个数)'),
  // 主要经济指标 (万元)
  registeredCapital: m('主要经济指标', BASIC_FIELDS.registeredCapital.label, { from: 'registeredCapital', name: '注册资金' }),
  totalAssets: m('主要经济指标', '总资产(万元)'),
  annualRevenue: m('主要经济指标', '全年营业收入(万元)'),
  passThroughRevenue: m('主要经济指标', '其中代收代付部分(万元)', { name: '代收代付部分' }),
  // 服务对象情况
  serviceYear: field('服务对象情况', '服务年度', { input: 'year', numeric: true, validator: year(), required: true }),
  employersServed: c('服务对象情况', '服务用人单位'),
  personsServed: c('服务对象情况', '服务人员总数'),
  personsCollege: c('服务对象情况', '大专及以上学历人数'),
  personsBachelor: c('服务对象情况', '本科学历人数'),
  personsPostgrad: c('服务对象情况', '研究生及以上学历人数'),
  seekersRegistered: c('服务对象情况', '登记求职和求提供流动服务人员'),
  personsPlaced: c('服务对象情况', '帮助实现就业和流动人数'),
  employersState: c('服务对象情况', '国有企、事业单位(数量)'),
  employersPrivate: c('服务对象情况', '民营企业(数量)'),
  employersForeign: c('服务对象情况', '外资企业(数量)'),
  employersOther: c('服务对象情况', '其他用人单位(数量)'),
  // 数据库建设
  databases: c('数据库建设', '建立人力资源数据库数量'),
  dbSeekerRecords: c('数据库建设', '数据库现存求职信息总量'),
  dbNewSeekers: c('数据库建设', '全年新增入库求职数量'),
  // 现场招聘会服务
  fairsMigrant: c('现场招聘会服务', '农民工专场数'),
  fairsGraduate: c('现场招聘会服务', '高校毕业生专场数'),
  fairEmployers: c('现场招聘会服务', '参会用人单位数'),
  fairPositions: c('现场招聘会服务', '提供招聘岗位数'),
  fairSeekers: c('现场招聘会服务', '参会求职人员数'),
  fairsHeld: c('现场招聘会服务', '举办招聘会次数'),
  // 网络招聘服务
  onlinePositions: c('网络招聘服务', '发布岗位信息数'),
  onlineSeekers: c('网络招聘服务', '发布求职信息数'),
  // 劳务派遣服务
  dispatchEmployers: c('劳务派遣服务', '服务用人单位数', { name: '劳务派遣服务用人单位数' }),
  dispatchedWorkers: c('劳务派遣服务', '派遣人员总量'),
  dispatchRequested: c('劳务派遣服务', '登记要求派遣人员数量'),
  // 人力资源管理咨询服务
  consultingEmployers: c('人力资源管理咨询服务', '服务用人单位数', { name: '管理咨询服务用人单位数' }),
  // 人力资源外包服务
  outsourcingEmployers: c('人力资源外包服务', '服务用人单位数', { name: '外包服务用人单位数' }),
  // 流动人员档案管理
  filesHeld: c('流动人员档案管理', '现存档案数量'),
  fileServices: c('流动人员档案管理', '依托档案提供服务数'),
  // 培训服务
  trainingSessions: c('培训服务', '举办培训班次数'),
  trainees: c('培训服务', '参加培训人员数'),
  // 测评服务
  assessed: c('测评服务', '参加测评人数'),
  // 猎头服务
  headhuntPositions: c('猎头服务', '委托推荐岗位数'),
  headhuntPlaced: c('猎头服务', '成功推荐人才'),
  // 填表信息
  principal: field('填表信息', BASIC_FIELDS.contactPerson.label, { input: 'text', maxLength: 50, validator: text(50), required: true, from: 'contactPerson' }),
  statisticsOfficer: field('填表信息', '统计负责人', { input: 'text', maxLength: 50, validator: text(50), required: true }),
  filler: field('填表信息', '填表人', { input: 'text', maxLength: 50, validator: text(50), required: true }),
  fillerPhone: field('填表信息', '联系电话', { input: 'phone', maxLength: 20, validator: text(20), format: ZStatisticsPhone, required: true, masking: 'mobile', name: '填表人联系电话' }),
  filledOn: field('填表信息', '填表日期', { input: 'date', validator: date(), required: true }),
} satisfies Record<string, StatisticsField>;

export type TStatisticsFieldKey = keyof typeof STATISTICS_FIELDS;

/** Every field with its key, in the form's order. */
export const STATISTICS_FIELD_ENTRIES: readonly { key: TStatisticsFieldKey; field: StatisticsField }[] = Object.entries(STATISTICS_FIELDS).map(([key, field]) => ({
  key: key as TStatisticsFieldKey,
  field: field as StatisticsField,
}));

/** The fields of one section, in order. */
export const statisticsFieldsOf = (section: TStatisticsSection) => STATISTICS_FIELD_ENTRIES.filter((e) => e.field.section === section);

/** What messages call a field. */
export const statisticsFieldName = (key: TStatisticsFieldKey): string => {
  const f: StatisticsField = STATISTICS_FIELDS[key];
  return f.name ?? nameOf(f.label);
};
