import { z } from 'zod';
import { BASIC_FIELDS } from '../institutions/record.catalogue';

/**
 * The field catalogue of 人力资源诚信示范机构新增 (guide 3.2/3.3, SPEC §6): every field of the form
 * once, with its section, input, validator and — for the questions a reviewer judges — the answer
 * that meets the criterion. The content schema, 提交's rules, the form, the read-only view and the
 * reviewer's criteria checklist all derive from it (decision 0025).
 */

/** The form's sections, in the guide's order; the key is the server's `tab` name. */
export const CREDIT_SECTIONS = [
  { key: 'basic', label: '机构基本信息' },
  { key: 'service', label: '服务规范' },
  { key: 'credit', label: '信用状况' },
  { key: 'performance', label: '服务业绩' },
  { key: 'responsibility', label: '责任标准' },
  { key: 'operations', label: '往年经营状况及现有资产状况' },
] as const;
export type TCreditSection = (typeof CREDIT_SECTIONS)[number]['key'];

export const YES_NO = ['是', '否'] as const;
export type TYesNo = (typeof YES_NO)[number];

/** 服务项目选项 (服务业绩). */
export const CREDIT_SERVICE_ITEMS = [
  '现场招聘会',
  '人力资源外包服务(劳务派遣服务)',
  '人力资源管理咨询服务',
  '人力资源培训服务',
  '人才测评服务业务',
  '职业指导服务',
  '高级人才寻访',
  '人力资源网站服务',
  '职业介绍服务',
] as const;

/** The rates an administrator sets a lowest acceptable value for (系统设置). */
export const CREDIT_RATE_KEYS = ['socialInsuranceRate', 'labourContractRate', 'successRate'] as const;
export type TCreditRateKey = (typeof CREDIT_RATE_KEYS)[number];

/**
 * How a field is entered: `yesNo` (a select of 是/否), `percent` (0–100, two decimals), `amount`
 * (万元 or m², never negative), `signedAmount` (a profit, may be negative), `count` (an integer),
 * `text` / `textarea` (maxLength), `multi` (several of `options`).
 */
export type TCreditInput = 'yesNo' | 'percent' | 'amount' | 'signedAmount' | 'count' | 'text' | 'textarea' | 'multi';

export interface CreditField {
  label: string;
  section: TCreditSection;
  input: TCreditInput;
  /** 提交 asks for it (the form's asterisk) */
  required: boolean;
  maxLength?: number;
  options?: readonly string[];
  /** a yes/no question a reviewer judges: the answer that meets it */
  expected?: TYesNo;
  /** whether the default criteria check the question (系统设置 may change the set) */
  criterion?: boolean;
}

type Def = Omit<CreditField, 'label' | 'section'>;
const q = (expected: TYesNo, criterion = true): Def => ({ input: 'yesNo', required: true, expected, criterion });
const percent: Def = { input: 'percent', required: true };
const amount: Def = { input: 'amount', required: true };
const signed: Def = { input: 'signedAmount', required: true };

function section<const T extends Record<string, [string, Def]>>(key: TCreditSection, fields: T): { [K in keyof T]: CreditField } {
  return Object.fromEntries(Object.entries(fields).map(([k, [label, def]]) => [k, { label, section: key, ...def }])) as { [K in keyof T]: CreditField };
}

/** 机构基本信息: what the unit types; the rest is the institution's record in force (CREDIT_RECORD_FACTS). */
const BASIC = section('basic', {
  businessLicenceNo: ['工商营业执照号码', { input: 'text', required: false, maxLength: 50 }],
  taxRegistrationNo: ['税务登记证号码', { input: 'text', required: false, maxLength: 50 }],
});

const SERVICE = section('service', {
  showsLicence: ['是否在服务场所或必经通道等显著位置公示证照信息', q('是')],
  showsServices: ['是否在服务场所或必经通道等显著位置公示服务项目、服务规程及收费标准', q('是')],
  hasProcedures: ['各项服务是否有服务规程', q('是')],
  hasStepRequirements: ['各个必要环节是否有服务要求', q('是')],
  hasLedgers: ['各项服务是否已建立服务台账', q('是')],
  ledgerShowsContent: ['台账是否如实反映服务内容', q('是')],
  hasPremises: ['是否有固定的服务场所和必要办公设备', q('是')],
  equipmentInvestment: ['服务设备投入额(万元)', amount],
  showsComplaintPhone: ['是否在服务场所或必经通道等显著位置公示监管部门监督投诉电话', q('是')],
  showsElsewhere: ['是否在其他地方公示以上三项信息', q('是', false)],
  proceduresCoverSteps: ['服务规程中是否包含服务必要环节', q('是')],
  mainLedgers: ['主要服务项目是否已建立服务台账', q('是')],
  ledgerShowsClients: ['台账是否如实反映服务对象', q('是')],
  ledgerShowsFees: ['台账是否如实反映收费情况', q('是')],
  hasFunctionalAreas: ['服务场所是否有服务大厅、会议室、档案室、办公室、财务室等功能分区', q('是')],
});

const CREDIT = section('credit', {
  staffIntegrityFiles: ['是否为每位员工建立诚信档案', q('是')],
  badCreditRecord: ['是否有不良信用记录', q('否')],
  integrityActivities: ['是否每年开展诚信主题活动', q('是')],
  socialInsuranceRate: ['社会保险参保率', percent],
  harmsStaffRights: ['是否有违法损害员工合法权益的行为', q('否')],
  violationRecord: ['是否有违规记录', q('否')],
  platformData: ['是否向人力资源管理平台提供完备资料', q('是')],
  disputeRecords: ['是否对纠纷处理记录全面准确', q('是')],
  noDishonesty: ['是否成立以来无不良诚信行为', q('是')],
  integrityTraining: ['是否全员接受诚信教育培训和签署诚信服务承诺书', q('是')],
  otherBadCredit: ['是否有其他不良信用记录', q('否')],
  labourContractRate: ['劳动合同签订率', percent],
  employmentFormalities: ['是否及时为员工办理各项用工手续', q('是')],
  acceptsSupervision: ['是否主动接受各级行政主管部门的监督检查', q('是')],
  rectificationRecord: ['是否有服务规范不符行为被责令整改记录', q('否')],
  disputeHandling: ['是否设立纠纷处理机构或专职人员', q('是')],
  staffCommunication: ['是否建立员工与机构管理层上下沟通机制', q('是')],
});

const PERFORMANCE = section('performance', {
  serviceItems: ['服务项目选项', { input: 'multi', required: false, options: CREDIT_SERVICE_ITEMS }],
  successfulServices: ['人力资源招聘、推荐、培训年成功服务人次', { input: 'count', required: true }],
  successRate: ['服务成功率', percent],
  paysTaxes: ['是否按章纳税', q('是')],
  annualProfit: ['年实现利润(万元)', signed],
  consultingRevenue: ['人力资源咨询顾问、测评、开发年服务收入(万元)', amount],
  breachRecord: ['是否出现违约协议、失守承诺记录', q('否')],
  breaksEven: ['是否年实现盈亏平衡', q('是', false)],
});

const RESPONSIBILITY = section('responsibility', {
  cityAssociation: ['是否参加市行业协会', q('是', false)],
  associationEvents: ['是否承办或协办行业协会主办活动', q('是', false)],
  publicWelfare: ['是否经常参与、协助政府或其他机构举办的社会公益活动', q('是', false)],
  honours: ['是否获得各级人力资源和社会保障、工商、税务等政府部门及社会团体表扬、表彰或授予荣誉称号', q('是', false)],
  annualTax: ['年纳税额(万元)', amount],
  provincialAssociation: ['是否参加省级以上行业协会', q('是', false)],
  acceptsIndustryManagement: ['是否接受行业管理、积极参加行业活动', q('是')],
  commendations: ['表彰情况', { input: 'textarea', required: true, maxLength: 1000 }],
});

const OPERATIONS = section('operations', {
  revenue1: ['近1年营业收入(万元)', amount],
  revenue2: ['近2年营业收入(万元)', amount],
  revenue3: ['近3年营业收入(万元)', amount],
  profit1: ['近1年度营业利润(万元)', signed],
  profit2: ['近2年度营业利润(万元)', signed],
  profit3: ['近3年度营业利润(万元)', signed],
  profile: ['单位简介', { input: 'textarea', required: true, maxLength: 2000 }],
  premisesArea: ['场所面积(m²)', amount],
  achievements: ['主要事迹', { input: 'textarea', required: true, maxLength: 2000 }],
});

/** Every field the unit fills in, in the form's order. */
export const CREDIT_FIELDS = { ...BASIC, ...SERVICE, ...CREDIT, ...PERFORMANCE, ...RESPONSIBILITY, ...OPERATIONS };
export type TCreditFieldKey = keyof typeof CREDIT_FIELDS;
export const CREDIT_FIELD_KEYS = Object.keys(CREDIT_FIELDS) as TCreditFieldKey[];
export const creditFieldsOf = (s: TCreditSection): [TCreditFieldKey, CreditField][] =>
  (Object.entries(CREDIT_FIELDS) as [TCreditFieldKey, CreditField][]).filter(([, f]) => f.section === s);

/** The yes/no questions with an answer that meets them (the candidates for the criteria). */
export const CREDIT_QUESTION_KEYS = CREDIT_FIELD_KEYS.filter((k) => CREDIT_FIELDS[k].expected);

/**
 * 机构基本信息 pre-filled from the institution's record in force and its licence (read-only on the
 * form; 审批部门 is the form's own field, chosen again at 提交). Labels from the record's catalogue.
 */
export const CREDIT_RECORD_FACTS = [
  { key: 'name', label: '机构名称' },
  { key: 'category', label: '机构类型' },
  { key: 'foundedOn', label: BASIC_FIELDS.foundedOn.label },
  { key: 'licenceNumber', label: '许可证编号' },
  { key: 'uscc', label: '统一社会信用代码' },
] as const;
export type TCreditFacts = Record<(typeof CREDIT_RECORD_FACTS)[number]['key'], string | null>;

const nameOf = (label: string) => label.replace(/\((万元|m²)\)$/, '');

/** The value check of one field (a draft may leave any field empty: null). */
function validatorOf(f: CreditField): z.ZodType {
  const name = nameOf(f.label);
  switch (f.input) {
    case 'yesNo':
      return z.enum(YES_NO, { error: `请选择${name}` }).nullable();
    case 'percent':
      return z
        .number({ error: `${name}应为数字` })
        .min(0, `${name}应在0到100之间`)
        .max(100, `${name}应在0到100之间`)
        .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, `${name}最多保留两位小数`)
        .nullable();
    case 'amount':
      return z.number({ error: `${name}应为数字` }).min(0, `${name}不能为负数`).max(1e10, `${name}过大`).nullable();
    case 'signedAmount':
      return z.number({ error: `${name}应为数字` }).min(-1e10, `${name}过小`).max(1e10, `${name}过大`).nullable();
    case 'count':
      return z.number({ error: `${name}应为整数` }).int(`${name}应为整数`).min(0, `${name}不能为负数`).max(1e9, `${name}过大`).nullable();
    case 'text':
    case 'textarea':
      return z.string({ error: `${name}应为文字` }).trim().max(f.maxLength ?? 200, `${name}不能超过${f.maxLength ?? 200}个字`).nullable();
    case 'multi':
      return z.array(z.enum(f.options as [string, ...string[]], { error: `${name}不正确` }), { error: `${name}不正确` }).max(f.options!.length);
  }
}

/** A field empty for 提交's purpose. */
export const isBlankCreditValue = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** 请选择… for a select, 请填写… otherwise. */
export const creditRequiredMessage = (f: CreditField) => `${f.input === 'yesNo' || f.input === 'multi' ? '请选择' : '请填写'}${nameOf(f.label)}`;

/** The answers: every field of the catalogue, each optional while a draft. */
export const ZCreditAnswers = z
  .object(Object.fromEntries(CREDIT_FIELD_KEYS.map((k) => [k, validatorOf(CREDIT_FIELDS[k]).optional()])) as Record<TCreditFieldKey, z.ZodOptional<z.ZodType>>)
  .strict();
export type TCreditAnswers = Partial<Record<TCreditFieldKey, unknown>>;
