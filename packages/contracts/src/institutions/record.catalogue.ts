import { z } from 'zod';
import {
  BUSINESS_SCOPES,
  EDUCATION_LEVELS,
  ETHNIC_GROUPS,
  GENDERS,
  ID_DOCUMENT_TYPES,
  INSTITUTION_CATEGORIES,
  LICENCE_DELIVERY,
  POLITICAL_STATUSES,
  QUALIFICATION_LEVELS,
} from '../dictionaries/institutions';
import { ZEmail } from '../validators/email';
import { ZIdCard } from '../validators/id-card';
import { ZMobile } from '../validators/phone';
import { ZPostcode } from '../validators/postcode';
import { ZUscc } from '../validators/uscc';

/**
 * The field catalogue of the institution record (SPEC §3): every field once, with its label,
 * tab and section, input, validator, masking, how 提交 checks it, its import column and which
 * 变更事由 may change it. The zod record schema, the review targets, the submission rules, the
 * PDF forms, the import template and the web's form and read-only view all derive from it, so a
 * label is written here and nowhere else (decision 0020).
 */

/** The tabs of the 设立审批 form, in the guide's order; the key is the server's `tab` name. */
export const RECORD_TABS = [
  { key: 'basic', label: '机构基本信息', optional: false },
  { key: 'report', label: '申请报告', optional: false },
  { key: 'staff', label: '专职工作人员', optional: false },
  { key: 'facilities', label: '现有设施情况', optional: true },
  { key: 'integrity', label: '诚信档案', optional: true },
  { key: 'fees', label: '服务及收费标准', optional: true },
] as const;
export type TRecordTab = (typeof RECORD_TABS)[number]['key'];
export type TRecordListTab = 'staff' | 'facilities' | 'fees';

export const recordTabLabel = (tab: TRecordTab): string => RECORD_TABS.find((t) => t.key === tab)!.label;

/** The headings inside the 机构基本信息 tab; the other tabs are one section named as the tab. */
export const BASIC_SECTIONS = ['机构基本信息', '机构联系信息', '现有资产状况'] as const;
export type TBasicSection = (typeof BASIC_SECTIONS)[number];

/** 变更事由 (guide 1.3): each may change only the fields that name it in `changeReasons`. */
export const CHANGE_REASONS = ['变更机构名称', '变更住所(地址)', '变更法定代表人(负责人)', '变更经营范围', '其他事由'] as const;
export type TChangeReason = (typeof CHANGE_REASONS)[number];

/**
 * How a field is entered: `text`/`textarea` (maxLength), `select` (one of `options`), `multi`
 * (several of `options`), `date`, `amount` (money or area, 2 decimals), `count` (integer),
 * `yesNo`, `department` (the 审批部门 dictionary), `phone` (单位电话: area code, number, extension).
 */
export type TFieldInput = 'text' | 'textarea' | 'select' | 'multi' | 'date' | 'amount' | 'count' | 'yesNo' | 'department' | 'phone';

/** The column of the institution import a field comes from (SPEC §3 fields the old registers hold). */
export interface FieldImport {
  /** the import column's key when it is not the field's own (单位电话 → `unitPhone`) */
  column?: string;
  /** the template's header when it is not the label */
  header?: string;
  required: boolean;
  /** how to fill it (template note and 填写说明) */
  note: string;
  example: string;
  /** other headers accepted; the label is accepted too unless `labelIsAlias` is false */
  aliases?: readonly string[];
  labelIsAlias?: boolean;
  /** kept as text in the XLSX template so Excel does not turn long digit strings into numbers */
  text?: boolean;
}

export interface RecordField {
  label: string;
  /** heading the field sits under */
  section: string;
  input: TFieldInput;
  /** the draft's shape check of the value (lengths, dictionaries, number ranges) */
  validator: z.ZodType;
  /** the format a non-empty value must have at 提交 (and as soon as the form field is left) */
  format?: z.ZodType;
  maxLength?: number;
  options?: readonly string[];
  /** shown masked in lists (身份证号, 手机号码) */
  masking?: 'idCard' | 'mobile';
  /**
   * What 提交 asks of it: `filled` (请填写…), `{ message }` (its own message when empty, checked
   * after the format checks), `dialog` (chosen in the 提交 dialog; only the form's asterisk).
   */
  required?: 'filled' | 'dialog' | { message: string };
  /** the label in 请填写… when it is not the label */
  requiredLabel?: string;
  /** the PDF forms' label when it differs from the label */
  pdfLabel?: string;
  /** the PDF form gives it a whole row */
  pdfFull?: boolean;
  /** the PDF form (the 登记表's own order) prints it just before this field of its section */
  pdfBefore?: string;
  /** columns of the read-only view's grid it spans */
  viewSpan?: number;
  import?: FieldImport;
  /** the 变更事由 that may change it */
  changeReasons: readonly TChangeReason[];
  /** an input of another field (区号 and 分机号 of 单位电话): no label, target or row of its own */
  partOf?: string;
  /** form hints: placeholder, help under the field, `numeric` keyboard, whole row */
  placeholder?: string;
  extra?: string;
  numeric?: boolean;
  full?: boolean;
  /** what the form's 1-8 digit input (uscc, ID) shows at most, when it is shorter than `maxLength` of the text */
  inputMaxLength?: number;
}

/** A validator's name for the field: the label without its unit (注册资金(万元) → 注册资金). */
const nameOf = (label: string) => label.replace(/\((万元|元|m²)\)$/, '');

const text = (max: number) => (label: string) => z.string().trim().max(max, `${nameOf(label)}不能超过${max}个字`);
const money = () => (label: string) =>
  z
    .number({ error: `${nameOf(label)}应为数字` })
    .min(0, `${nameOf(label)}不能为负数`)
    .max(1e10, `${nameOf(label)}过大`);
const count = () => (label: string) =>
  z
    .number({ error: `${nameOf(label)}应为整数` })
    .int(`${nameOf(label)}应为整数`)
    .min(0, `${nameOf(label)}不能为负数`)
    .max(1e7, `${nameOf(label)}过大`);
const date = () => (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${nameOf(label)}格式应为YYYY-MM-DD`);
const pick =
  <const T extends readonly [string, ...string[]]>(values: T) =>
  (label: string) =>
    z.enum(values, { error: `请选择${label}` });

type Def = Omit<RecordField, 'validator' | 'label'> & { validator: (label: string) => z.ZodType };
/** The entry as written (so what it sets is known to be there), with its validator made. */
type Made<D extends { validator: (label: string) => z.ZodType }, Base> = Base & Omit<D, 'validator'> & { label: string; validator: ReturnType<D['validator']> };

/** One field: its validator is made with its label, so messages name it as the form does. */
function field<const D extends Def>(label: string, def: D): Made<D, Omit<RecordField, 'validator'>> {
  return { ...def, label, validator: def.validator(label) as ReturnType<D['validator']> };
}

const BASIC: TBasicSection = '机构基本信息';
const CONTACT: TBasicSection = '机构联系信息';
const ASSETS: TBasicSection = '现有资产状况';
const NAME: TChangeReason[] = ['变更机构名称'];
const ADDRESS: TChangeReason[] = ['变更住所(地址)'];
const LEGAL_REP: TChangeReason[] = ['变更法定代表人(负责人)'];
const OTHER: TChangeReason[] = ['其他事由'];

/** 1. 机构基本信息 + 机构联系信息 + 现有资产状况, in the form's order. */
export const BASIC_FIELDS = {
  name: field('机构名称', {
    section: BASIC,
    input: 'text',
    maxLength: 100,
    validator: text(100),
    required: 'filled',
    pdfFull: true,
    import: { header: '机构名称(全称)', required: true, note: '与营业执照一致', example: '吉林省示例人力资源有限公司' },
    changeReasons: NAME,
  }),
  shortName: field('机构简称', {
    section: BASIC,
    input: 'text',
    maxLength: 50,
    validator: text(50),
    import: { header: '机构名称(简称)', required: false, note: '', example: '示例人力' },
    changeReasons: NAME,
  }),
  uscc: field('统一社会信用代码', {
    section: BASIC,
    input: 'text',
    inputMaxLength: 18,
    validator: () => z.string().trim().toUpperCase(),
    format: ZUscc,
    required: 'filled',
    import: { required: true, note: '18位，含校验位；机构据此归属到单位', example: '92220102MA15438D0X', text: true },
    changeReasons: [],
  }),
  category: field('机构类别', {
    section: BASIC,
    input: 'select',
    options: INSTITUTION_CATEGORIES,
    validator: pick(INSTITUTION_CATEGORIES),
    required: 'filled',
    pdfFull: true,
    import: { header: '机构类型', required: true, note: '从“填写说明”的可选值中选择', example: '民营性质的服务企业' },
    changeReasons: [],
  }),
  foundedOn: field('成立时间', {
    section: BASIC,
    input: 'date',
    validator: date(),
    required: 'filled',
    import: { header: '成立日期', required: false, note: '格式 YYYY-MM-DD', example: '2015-06-18' },
    changeReasons: [],
  }),
  legalRep: field('法人代表', {
    section: BASIC,
    input: 'text',
    maxLength: 50,
    validator: text(50),
    required: 'filled',
    import: { header: '法定代表人(负责人)', required: true, note: '', example: '王示例', aliases: ['法定代表人'] },
    changeReasons: LEGAL_REP,
  }),
  legalRepIdCard: field('法人身份证', {
    section: BASIC,
    input: 'text',
    inputMaxLength: 18,
    validator: () => z.string().trim().toUpperCase(),
    format: ZIdCard,
    masking: 'idCard',
    required: 'filled',
    import: { header: '法人身份证号', required: false, note: '18位，含校验位', example: '110101197501010039', text: true },
    changeReasons: LEGAL_REP,
  }),
  legalRepPhone: field('法人电话', {
    section: BASIC,
    input: 'text',
    inputMaxLength: 11,
    numeric: true,
    extra: '手机号码',
    validator: () => z.string().trim(),
    format: ZMobile,
    masking: 'mobile',
    required: 'filled',
    import: { header: '法人手机号码', required: false, note: '11位手机号码', example: '13144440001', text: true },
    changeReasons: LEGAL_REP,
  }),
  legalRepTitle: field('法人职务', {
    section: BASIC,
    input: 'text',
    maxLength: 50,
    validator: text(50),
    required: 'filled',
    import: { required: false, note: '', example: '执行董事' },
    changeReasons: LEGAL_REP,
  }),
  registeredCapital: field('注册资金(万元)', {
    section: BASIC,
    input: 'amount',
    validator: money(),
    required: 'filled',
    import: { header: '注册资本(万元)', required: false, note: '数字，单位万元', example: '500', aliases: ['注册资金'] },
    changeReasons: [],
  }),
  department: field('审批部门', {
    section: BASIC,
    input: 'department',
    validator: () => z.string().trim(),
    required: 'dialog',
    import: { header: '审批部门编码', required: true, note: '6位编码，见“填写说明”（也可填写部门全称）', example: '220000', text: true },
    changeReasons: [],
  }),
  scopes: field('申请业务', {
    section: BASIC,
    input: 'multi',
    options: BUSINESS_SCOPES,
    validator: () => z.array(z.enum(BUSINESS_SCOPES)).max(BUSINESS_SCOPES.length),
    required: { message: '请至少选择一项申请业务' },
    pdfFull: true,
    viewSpan: 3,
    full: true,
    import: {
      required: true,
      note: '多项用“；”分隔，从“填写说明”的可选值中选择',
      example: '职业介绍；人力资源培训',
      aliases: ['申请业务(多项用；分隔)', '业务范围'],
    },
    changeReasons: ['变更经营范围'],
  }),
  websiteName: field('网站名称', { section: BASIC, input: 'text', maxLength: 100, validator: text(100), changeReasons: [] }),
  websiteDomain: field('网站域名', {
    section: BASIC,
    input: 'text',
    maxLength: 200,
    placeholder: '如：www.example.com',
    validator: text(200),
    changeReasons: [],
  }),
  licenceDelivery: field('获取许可证方式', {
    section: BASIC,
    input: 'select',
    options: LICENCE_DELIVERY,
    validator: pick(LICENCE_DELIVERY),
    pdfFull: true,
    pdfBefore: 'remarks',
    changeReasons: [],
  }),
  staffCount: field('从业人员人数', { section: BASIC, input: 'count', validator: count(), changeReasons: [] }),
  qualifiedCount: field('具有执业资格人数', { section: BASIC, input: 'count', validator: count(), changeReasons: [] }),
  internalDepartments: field('内设机构名称', {
    section: BASIC,
    input: 'text',
    maxLength: 500,
    placeholder: '如果包含多个内设机构，请用逗号隔开',
    validator: text(500),
    pdfFull: true,
    changeReasons: [],
  }),
  branches: field('分支机构名称', {
    section: BASIC,
    input: 'text',
    maxLength: 500,
    placeholder: '如果包含多个分支机构，请用逗号隔开',
    validator: text(500),
    pdfFull: true,
    changeReasons: [],
  }),
  remarks: field('备注', {
    section: BASIC,
    input: 'textarea',
    maxLength: 500,
    validator: text(500),
    pdfFull: true,
    viewSpan: 2,
    import: { required: false, note: '', example: '' },
    changeReasons: [],
  }),
  contactPerson: field('机构负责人', {
    section: CONTACT,
    input: 'text',
    maxLength: 50,
    validator: text(50),
    required: 'filled',
    import: { header: '机构负责人(联系人)', required: false, note: '', example: '李联系', aliases: ['联系人'] },
    changeReasons: [],
  }),
  contactMobile: field('手机号码', {
    section: CONTACT,
    input: 'text',
    inputMaxLength: 11,
    numeric: true,
    validator: () => z.string().trim(),
    format: ZMobile,
    masking: 'mobile',
    required: 'filled',
    requiredLabel: '机构联系信息中的手机号码',
    import: {
      header: '联系人手机号码',
      required: false,
      note: '11位手机号码',
      example: '13144440002',
      aliases: ['联系人手机', '联系电话'],
      labelIsAlias: false,
      text: true,
    },
    changeReasons: [],
  }),
  phoneAreaCode: field('区号', {
    section: CONTACT,
    input: 'text',
    partOf: 'phoneNumber',
    validator: (label) =>
      z
        .string()
        .trim()
        .regex(/^0\d{2,3}$/, `${label}格式不正确`)
        .or(z.literal('')),
    changeReasons: [],
  }),
  phoneNumber: field('单位电话', {
    section: CONTACT,
    input: 'phone',
    extra: '区号 - 电话号码 - 分机号',
    validator: (label) =>
      z
        .string()
        .trim()
        .regex(/^\d{7,8}$/, `${label}应为7-8位数字`)
        .or(z.literal('')),
    import: { column: 'unitPhone', required: false, note: '区号-号码[-分机号]，如 0431-88886666', example: '0431-88886666', text: true },
    changeReasons: [],
  }),
  phoneExtension: field('分机号', {
    section: CONTACT,
    input: 'text',
    partOf: 'phoneNumber',
    validator: (label) =>
      z
        .string()
        .trim()
        .regex(/^\d{1,6}$/, `${label}应为1-6位数字`)
        .or(z.literal('')),
    changeReasons: [],
  }),
  fax: field('传真号码', { section: CONTACT, input: 'text', maxLength: 30, validator: text(30), changeReasons: [] }),
  byPost: field('是否邮寄', { section: CONTACT, input: 'yesNo', validator: () => z.boolean(), required: 'filled', changeReasons: [] }),
  postcode: field('邮政编码', {
    section: CONTACT,
    input: 'text',
    inputMaxLength: 6,
    numeric: true,
    validator: () => z.string().trim(),
    format: ZPostcode,
    required: 'filled',
    import: { required: false, note: '6位数字', example: '130022', text: true },
    changeReasons: ADDRESS,
  }),
  officeAddress: field('办公地址', {
    section: CONTACT,
    input: 'text',
    maxLength: 200,
    validator: text(200),
    required: 'filled',
    pdfFull: true,
    viewSpan: 2,
    import: { required: true, note: '', example: '吉林省长春市南关区示例路100号' },
    changeReasons: ADDRESS,
  }),
  email: field('电子邮件', {
    section: CONTACT,
    input: 'text',
    inputMaxLength: 254,
    validator: () => z.string().trim(),
    format: ZEmail,
    pdfFull: true,
    import: { header: '电子邮箱', required: false, note: '', example: 'hr@example.cn' },
    changeReasons: [],
  }),
  premisesArea: field('固定经营场所面积(m²)', { section: ASSETS, input: 'amount', validator: money(), required: 'filled', changeReasons: [] }),
  facilitiesValue: field('设施总值(万元)', { section: ASSETS, input: 'amount', validator: money(), required: 'filled', changeReasons: [] }),
  totalAssets: field('现有资产总额(万元)', { section: ASSETS, input: 'amount', validator: money(), required: 'filled', changeReasons: [] }),
  netAssets: field('净资产总额(万元)', { section: ASSETS, input: 'amount', validator: money(), required: 'filled', changeReasons: [] }),
  ownedOfficeArea: field('自有办公用房面积(m²)', { section: ASSETS, input: 'amount', validator: money(), changeReasons: [] }),
  rentedOfficeArea: field('租用办公用房面积(m²)', { section: ASSETS, input: 'amount', validator: money(), changeReasons: [] }),
  officeAreaTotal: field('办公场地合计面积(m²)', { section: ASSETS, input: 'amount', validator: money(), required: 'filled', changeReasons: [] }),
  officeCount: field('办公场地数量', { section: ASSETS, input: 'count', validator: count(), required: 'filled', changeReasons: [] }),
};
export type TBasicFieldKey = keyof typeof BASIC_FIELDS;

/** 2. 申请报告 */
export const REPORT_FIELDS = {
  companyProfile: field('公司简介', {
    section: '申请报告',
    input: 'textarea',
    maxLength: 5000,
    validator: text(5000),
    required: 'filled',
    changeReasons: OTHER,
  }),
  reason: field('申请理由', { section: '申请报告', input: 'textarea', maxLength: 5000, validator: text(5000), required: 'filled', changeReasons: OTHER }),
};

/** 5. 诚信档案 (the education counts are derived from the staff list, see DERIVED_LABELS) */
export const INTEGRITY_FIELDS = {
  annualIncome: field('本年度收入(利润)(元)', { section: '诚信档案', input: 'amount', validator: (l) => money()(l).optional(), changeReasons: OTHER }),
  badRecords: field('其他不良记录', {
    section: '诚信档案',
    input: 'textarea',
    maxLength: 2000,
    validator: (l) => text(2000)(l).optional(),
    viewSpan: 2,
    changeReasons: OTHER,
  }),
};

/** A column of one of the record's lists (专职工作人员, 现有设施情况, 服务及收费标准). */
export interface ListColumn {
  label: string;
  input: TFieldInput;
  validator: z.ZodType;
  /** the format the form checks on leaving the field */
  format?: z.ZodType;
  maxLength?: number;
  options?: readonly string[];
  masking?: 'idCard' | 'mobile';
  /** the row cannot be saved without it */
  required?: boolean;
  placeholder?: string;
  extra?: string;
  numeric?: boolean;
}

function column<const D extends Omit<ListColumn, 'validator' | 'label'> & { validator: (label: string) => z.ZodType }>(
  label: string,
  def: D,
): Made<D, Omit<ListColumn, 'validator'>> {
  return { ...def, label, validator: def.validator(label) as ReturnType<D['validator']> };
}

/** 3. 专职工作人员: one row's columns, in the form's order (性别 is derived from the ID number). */
export const STAFF_COLUMNS = {
  name: column('姓名', { input: 'text', maxLength: 50, required: true, validator: (l) => text(50)(l).min(1, `请输入${l}`) }),
  idType: column('证件类型', { input: 'select', options: ID_DOCUMENT_TYPES, required: true, validator: pick(ID_DOCUMENT_TYPES) }),
  idCard: column('身份证号', {
    input: 'text',
    maxLength: 18,
    required: true,
    masking: 'idCard',
    format: ZIdCard,
    placeholder: '18位居民身份证号',
    validator: () => z.string().trim().toUpperCase(),
  }),
  gender: column('性别', { input: 'select', options: GENDERS, required: true, validator: pick(GENDERS) }),
  politicalStatus: column('政治面貌', { input: 'select', options: POLITICAL_STATUSES, required: true, validator: pick(POLITICAL_STATUSES) }),
  ethnicity: column('民族', { input: 'select', options: ETHNIC_GROUPS, required: true, validator: pick(ETHNIC_GROUPS) }),
  qualificationLevel: column('从业资质等级', { input: 'select', options: QUALIFICATION_LEVELS, validator: () => z.enum(QUALIFICATION_LEVELS).optional() }),
  qualificationCertNo: column('从业资质证书编号', {
    input: 'text',
    maxLength: 50,
    extra: '持人力资源从业资格证书者填写',
    validator: (l) => text(50)(l).optional(),
  }),
  education: column('学历', { input: 'select', options: EDUCATION_LEVELS, required: true, validator: pick(EDUCATION_LEVELS) }),
  graduatedOn: column('最高学历毕业日期', { input: 'date', validator: (l) => date()(l).optional() }),
  school: column('最高学历毕业院校', { input: 'text', maxLength: 100, validator: (l) => text(100)(l).optional() }),
  major: column('最高学历所学专业', { input: 'text', maxLength: 100, validator: (l) => text(100)(l).optional() }),
  workStartOn: column('工作开始日期', { input: 'date', validator: (l) => date()(l).optional() }),
  workEndOn: column('工作终止日期', { input: 'date', validator: (l) => date()(l).optional() }),
  mobile: column('手机号码', { input: 'text', maxLength: 11, numeric: true, required: true, masking: 'mobile', format: ZMobile, validator: () => z.string().trim() }),
  email: column('电子信箱', { input: 'text', maxLength: 254, format: ZEmail, validator: () => z.string().trim().optional() }),
  postcode: column('邮政编码', { input: 'text', maxLength: 6, numeric: true, format: ZPostcode, validator: () => z.string().trim().optional() }),
  householdRegion: column('户口行政区划', { input: 'text', maxLength: 100, validator: (l) => text(100)(l).optional() }),
};

/** 4. 现有设施情况: one row's columns. */
export const FACILITY_COLUMNS = {
  name: column('设施名称', { input: 'text', maxLength: 100, required: true, validator: (l) => text(100)(l).min(1, `请输入${l}`) }),
  unit: column('单位', { input: 'text', maxLength: 20, placeholder: '如：台、套、间', validator: (l) => text(20)(l).optional() }),
  quantity: column('数量', { input: 'count', validator: (l) => count()(l).optional() }),
  area: column('面积(m²)', { input: 'amount', validator: (l) => money()(l).optional() }),
  value: column('价值(元)', { input: 'amount', required: true, validator: money() }),
};

/** 6. 服务及收费标准: one row's columns. */
export const FEE_COLUMNS = {
  business: column('项目业务', { input: 'text', maxLength: 100, required: true, validator: (l) => text(100)(l).min(1, `请输入${l}`) }),
  content: column('服务内容', { input: 'textarea', maxLength: 500, validator: (l) => text(500)(l).optional() }),
  procedure: column('程序', { input: 'textarea', maxLength: 500, validator: (l) => text(500)(l).optional() }),
  feeItem: column('收费项目', { input: 'text', maxLength: 100, validator: (l) => text(100)(l).optional() }),
  feeStandard: column('收费标准', { input: 'text', maxLength: 200, extra: '收费标准须清晰明确，忌使用模糊字样', validator: (l) => text(200)(l).optional() }),
};

/** The record's lists: the tab that holds each and its columns. */
export const RECORD_LISTS = {
  staff: STAFF_COLUMNS,
  facilities: FACILITY_COLUMNS,
  fees: FEE_COLUMNS,
} as const;

/** What the forms and views show but nobody enters: derived from other fields. */
export const DERIVED_LABELS = {
  /** 许可 or 备案, from 申请业务 */
  kind: '申请类型',
  /** of a staff member, from the ID number */
  birthDate: '出生日期',
  postgraduate: '研究生学历',
  bachelor: '本科学历',
  collegeOrBelow: '大专及以下学历',
} as const;

type Validators<T extends Record<string, { validator: z.ZodType }>> = { [K in keyof T]: T[K]['validator'] };

/** The zod shape of a group of catalogue fields. */
export function shapeOf<T extends Record<string, { validator: z.ZodType }>>(fields: T): Validators<T> {
  return Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.validator])) as Validators<T>;
}

/** One field of the record anywhere: its form path (`basic.officeAddress`), tab and catalogue entry. */
export interface CatalogueEntry {
  path: string;
  tab: Exclude<TRecordTab, TRecordListTab>;
  key: string;
  field: Omit<RecordField, 'validator'> & { validator: z.ZodType };
}

const entries = (tab: CatalogueEntry['tab'], fields: Record<string, CatalogueEntry['field']>): CatalogueEntry[] =>
  Object.entries(fields).map(([key, field]) => ({ path: `${tab}.${key}`, tab, key, field }));

/** Every scalar field of the record, in the form's order. */
export const RECORD_FIELD_ENTRIES: readonly CatalogueEntry[] = [
  ...entries('basic', BASIC_FIELDS),
  ...entries('report', REPORT_FIELDS),
  ...entries('integrity', INTEGRITY_FIELDS),
];

/** The basic fields of one section, in order, without the inputs that belong to another field. */
export const basicFieldsOf = (section: TBasicSection): CatalogueEntry[] =>
  RECORD_FIELD_ENTRIES.filter((e) => e.tab === 'basic' && e.field.section === section && !e.field.partOf);

/** The basic fields of one section in the PDF form's order (`pdfBefore` moves a field). */
export function pdfFieldsOf(section: TBasicSection): CatalogueEntry[] {
  const fields = basicFieldsOf(section);
  const moved = fields.filter((e) => e.field.pdfBefore);
  const order = fields.filter((e) => !e.field.pdfBefore);
  for (const e of moved) order.splice(order.findIndex((o) => o.key === e.field.pdfBefore), 0, e);
  return order;
}

/** The fields that may change under a 变更事由 (the lists change as a whole under 其他事由). */
export function fieldsChangedBy(reason: TChangeReason): string[] {
  const paths = RECORD_FIELD_ENTRIES.filter((e) => e.field.changeReasons.includes(reason)).map((e) => e.path);
  return reason === '其他事由' ? [...paths, 'staff', 'facilities', 'fees'] : paths;
}
