import type { TApplicationType } from '../applications/applications.status';
import { MATERIAL_SLOTS, VIDEO_SLOT } from '../materials/materials.schema';

/**
 * What a reviewer's note may point at: a field of the record (by its form path) or a material
 * slot. The reviewer picks from these; the unit sees the note next to the field or slot.
 */
export interface ReviewFieldTarget {
  /** form path: `basic.officeAddress`, `report.reason`, `staff`, `staff.0` */
  key: string;
  label: string;
  /** the heading the field sits under (for grouping the picker) */
  section: string;
  /** the tab of the 设立审批 form that holds it */
  tab: 'basic' | 'report' | 'staff' | 'facilities' | 'integrity' | 'fees';
}

const basic = (section: string, pairs: [string, string][]): ReviewFieldTarget[] =>
  pairs.map(([k, label]) => ({ key: `basic.${k}`, label, section, tab: 'basic' }));

/** Every field of the record a note can name, in the form's order (单位电话 is one field of three inputs). */
export const REVIEW_FIELD_TARGETS: readonly ReviewFieldTarget[] = [
  ...basic('机构基本信息', [
    ['name', '机构名称'],
    ['shortName', '机构简称'],
    ['uscc', '统一社会信用代码'],
    ['category', '机构类别'],
    ['foundedOn', '成立时间'],
    ['legalRep', '法人代表'],
    ['legalRepIdCard', '法人身份证'],
    ['legalRepPhone', '法人电话'],
    ['legalRepTitle', '法人职务'],
    ['registeredCapital', '注册资金(万元)'],
    ['department', '审批部门'],
    ['scopes', '申请业务'],
    ['websiteName', '网站名称'],
    ['websiteDomain', '网站域名'],
    ['licenceDelivery', '获取许可证方式'],
    ['staffCount', '从业人员人数'],
    ['qualifiedCount', '具有执业资格人数'],
    ['internalDepartments', '内设机构名称'],
    ['branches', '分支机构名称'],
    ['remarks', '备注'],
  ]),
  ...basic('机构联系信息', [
    ['contactPerson', '机构负责人'],
    ['contactMobile', '手机号码'],
    ['phoneNumber', '单位电话'],
    ['fax', '传真号码'],
    ['byPost', '是否邮寄'],
    ['postcode', '邮政编码'],
    ['officeAddress', '办公地址'],
    ['email', '电子邮件'],
  ]),
  ...basic('现有资产状况', [
    ['premisesArea', '固定经营场所面积(m²)'],
    ['facilitiesValue', '设施总值(万元)'],
    ['totalAssets', '现有资产总额(万元)'],
    ['netAssets', '净资产总额(万元)'],
    ['ownedOfficeArea', '自有办公用房面积(m²)'],
    ['rentedOfficeArea', '租用办公用房面积(m²)'],
    ['officeAreaTotal', '办公场地合计面积(m²)'],
    ['officeCount', '办公场地数量'],
  ]),
  { key: 'report.companyProfile', label: '公司简介', section: '申请报告', tab: 'report' },
  { key: 'report.reason', label: '申请理由', section: '申请报告', tab: 'report' },
  { key: 'staff', label: '专职工作人员', section: '专职工作人员', tab: 'staff' },
  { key: 'facilities', label: '现有设施情况', section: '现有设施情况', tab: 'facilities' },
  { key: 'integrity.annualIncome', label: '本年度收入(利润)(元)', section: '诚信档案', tab: 'integrity' },
  { key: 'integrity.badRecords', label: '其他不良记录', section: '诚信档案', tab: 'integrity' },
  { key: 'fees', label: '服务及收费标准', section: '服务及收费标准', tab: 'fees' },
];

const LIST_LABELS = { staff: '专职工作人员', facilities: '现有设施情况', fees: '服务及收费标准' } as const;
type ListKey = keyof typeof LIST_LABELS;

/** The row counts of the submitted record's lists, so a note may name one row (`staff.1`). */
export interface ReviewedListSizes {
  staff?: number;
  facilities?: number;
  fees?: number;
}

/**
 * The label of a note's target, or null when the key names nothing the application has.
 * `rowName` gives a list row its human name (e.g. the staff member's 姓名).
 */
export function reviewTargetLabel(
  target: 'field' | 'material',
  key: string,
  type: TApplicationType,
  lists: ReviewedListSizes = {},
  rowName?: (list: ListKey, index: number) => string | undefined,
): string | null {
  if (target === 'material') return reviewMaterialTargets(type).includes(key) ? key : null;
  const field = REVIEW_FIELD_TARGETS.find((f) => f.key === key);
  if (field) return field.label;
  const row = /^(staff|facilities|fees)\.(\d{1,4})$/.exec(key);
  if (row) {
    const list = row[1] as ListKey;
    const index = Number(row[2]);
    if (index >= (lists[list] ?? 0)) return null;
    const name = rowName?.(list, index);
    return `${LIST_LABELS[list]} 第${index + 1}行${name ? `（${name}）` : ''}`;
  }
  return null;
}

/** The material slots a note may name for an application type (the video slot included). */
export function reviewMaterialTargets(type: TApplicationType): string[] {
  return [...MATERIAL_SLOTS[type].map((s) => s.name), ...(type === '设立' || type === '变更' ? [VIDEO_SLOT] : [])];
}
