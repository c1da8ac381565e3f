import { z } from 'zod';
import {
  BUSINESS_SCOPES,
  EDUCATION_LEVELS,
  ETHNIC_GROUPS,
  GENDERS,
  ID_DOCUMENT_TYPES,
  INSTITUTION_CATEGORIES,
  LICENCE_DELIVERY,
  LICENSED_SCOPES,
  POLITICAL_STATUSES,
  QUALIFICATION_LEVELS,
  type TBusinessScope,
} from '../dictionaries/institutions';

/**
 * The institution record of SPEC §3, section by section. Drafts may be incomplete (保存 works on
 * any form), so every field is optional in the draft shape; `submissionProblems` says what a
 * submission still lacks.
 */

const text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过${max}个字`);
const money = (label: string) => z.number({ error: `${label}应为数字` }).min(0, `${label}不能为负数`).max(1e10, `${label}过大`);
const count = (label: string) => z.number({ error: `${label}应为整数` }).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(1e7, `${label}过大`);
const date = (label: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为YYYY-MM-DD`);

/** 1. 机构基本信息 + 机构联系信息 + 现有资产状况 */
export const ZInstitutionBasic = z.object({
  name: text(100, '机构名称'),
  shortName: text(50, '机构简称'),
  uscc: z.string().trim().toUpperCase(),
  category: z.enum(INSTITUTION_CATEGORIES, { error: '请选择机构类别' }),
  foundedOn: date('成立时间'),
  legalRep: text(50, '法人代表'),
  legalRepIdCard: z.string().trim().toUpperCase(),
  legalRepPhone: z.string().trim(),
  legalRepTitle: text(50, '法人职务'),
  registeredCapital: money('注册资金'),
  department: z.string().trim(),
  scopes: z.array(z.enum(BUSINESS_SCOPES)).max(BUSINESS_SCOPES.length),
  websiteName: text(100, '网站名称'),
  websiteDomain: text(200, '网站域名'),
  staffCount: count('从业人员人数'),
  qualifiedCount: count('具有执业资格人数'),
  internalDepartments: text(500, '内设机构名称'),
  branches: text(500, '分支机构名称'),
  licenceDelivery: z.enum(LICENCE_DELIVERY, { error: '请选择获取许可证方式' }),
  remarks: text(500, '备注'),
  // 机构联系信息
  contactPerson: text(50, '机构负责人'),
  contactMobile: z.string().trim(),
  phoneAreaCode: z.string().trim().regex(/^0\d{2,3}$/, '区号格式不正确').or(z.literal('')),
  phoneNumber: z.string().trim().regex(/^\d{7,8}$/, '单位电话应为7-8位数字').or(z.literal('')),
  phoneExtension: z.string().trim().regex(/^\d{1,6}$/, '分机号应为1-6位数字').or(z.literal('')),
  fax: text(30, '传真号码'),
  byPost: z.boolean(),
  officeAddress: text(200, '办公地址'),
  postcode: z.string().trim(),
  email: z.string().trim(),
  // 现有资产状况
  premisesArea: money('固定经营场所面积'),
  facilitiesValue: money('设施总值'),
  totalAssets: money('现有资产总额'),
  netAssets: money('净资产总额'),
  ownedOfficeArea: money('自有办公用房面积'),
  rentedOfficeArea: money('租用办公用房面积'),
  officeAreaTotal: money('办公场地合计面积'),
  officeCount: count('办公场地数量'),
});
export type TInstitutionBasic = z.infer<typeof ZInstitutionBasic>;
export const ZInstitutionBasicDraft = ZInstitutionBasic.partial();
export type TInstitutionBasicDraft = z.infer<typeof ZInstitutionBasicDraft>;

/** 2. 申请报告 */
export const ZApplicationReport = z.object({
  companyProfile: text(5000, '公司简介'),
  reason: text(5000, '申请理由'),
});
export const ZApplicationReportDraft = ZApplicationReport.partial();
export type TApplicationReportDraft = z.infer<typeof ZApplicationReportDraft>;

/** 3. 专职工作人员 (one row) */
export const ZStaffMember = z.object({
  name: text(50, '姓名').min(1, '请输入姓名'),
  idType: z.enum(ID_DOCUMENT_TYPES, { error: '请选择证件类型' }),
  idCard: z.string().trim().toUpperCase(),
  gender: z.enum(GENDERS, { error: '请选择性别' }),
  politicalStatus: z.enum(POLITICAL_STATUSES, { error: '请选择政治面貌' }),
  ethnicity: z.enum(ETHNIC_GROUPS, { error: '请选择民族' }),
  qualificationLevel: z.enum(QUALIFICATION_LEVELS).optional(),
  qualificationCertNo: text(50, '从业资质证书编号').optional(),
  education: z.enum(EDUCATION_LEVELS, { error: '请选择学历' }),
  graduatedOn: date('最高学历毕业日期').optional(),
  school: text(100, '最高学历毕业院校').optional(),
  major: text(100, '最高学历所学专业').optional(),
  workStartOn: date('工作开始日期').optional(),
  workEndOn: date('工作终止日期').optional(),
  mobile: z.string().trim(),
  email: z.string().trim().optional(),
  postcode: z.string().trim().optional(),
  householdRegion: text(100, '户口行政区划').optional(),
});
export type TStaffMember = z.infer<typeof ZStaffMember>;

/** 4. 现有设施情况 (one row) */
export const ZFacility = z.object({
  name: text(100, '设施名称').min(1, '请输入设施名称'),
  unit: text(20, '单位').optional(),
  quantity: count('数量').optional(),
  area: money('面积').optional(),
  value: money('价值'),
});
export type TFacility = z.infer<typeof ZFacility>;

/** 5. 诚信档案 (education counts are derived from the staff list) */
export const ZIntegrityFile = z.object({
  annualIncome: money('本年度收入(利润)').optional(),
  badRecords: text(2000, '其他不良记录').optional(),
});
export type TIntegrityFile = z.infer<typeof ZIntegrityFile>;

/** 6. 服务及收费标准 (one row) */
export const ZServiceFee = z.object({
  business: text(100, '项目业务').min(1, '请输入项目业务'),
  content: text(500, '服务内容').optional(),
  procedure: text(500, '程序').optional(),
  feeItem: text(100, '收费项目').optional(),
  feeStandard: text(200, '收费标准').optional(),
});
export type TServiceFee = z.infer<typeof ZServiceFee>;

/** 申请类型 derived from 申请业务 (条例 第十八条): any 职业中介活动 makes it a 许可. */
export function applicationKind(scopes: readonly TBusinessScope[]): { kind: '许可' | '备案'; because: TBusinessScope[] } {
  const because = scopes.filter((s) => LICENSED_SCOPES.includes(s));
  return { kind: because.length ? '许可' : '备案', because };
}
