import { ID_VALIDITY_PERIODS, LEGAL_TYPES } from '../accounts/accounts.schema';
import { APPLICATION_TYPES } from '../applications/kinds';
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
} from '../dictionaries/institutions';
import { CANCEL_STATUSES, REVIEW_STATUSES } from '../institutions/institutions.status';
import { BASIC_FIELDS, STAFF_COLUMNS } from '../institutions/record.catalogue';
import type { TDictionary } from './admin.schema';

const items = (values: readonly string[]) => values.map((value) => ({ value }));
const GUIDE = '《操作指南》';

/**
 * The option lists the portal offers, for administrators to read. They come from national
 * standards and the operation guide and are part of the forms' validation, so they change with
 * the code, not at run time; only 审批部门 and the settings are edited by administrators.
 */
export const FIELD_DICTIONARIES: readonly TDictionary[] = [
  { key: 'legalType', name: '法人类型', source: GUIDE, usedIn: '法人注册', items: items(LEGAL_TYPES) },
  { key: 'idValidity', name: '身份证有效期', source: GUIDE, usedIn: '法人注册', items: items(ID_VALIDITY_PERIODS) },
  { key: 'institutionCategory', name: BASIC_FIELDS.category.label, source: GUIDE, usedIn: '设立审批 · 基本信息', items: items(INSTITUTION_CATEGORIES) },
  {
    key: 'businessScope',
    name: BASIC_FIELDS.scopes.label,
    source: `${GUIDE}；许可/备案依《人力资源市场暂行条例》第十八条`,
    usedIn: '设立审批 · 基本信息',
    items: BUSINESS_SCOPES.map((value) => ({ value, note: LICENSED_SCOPES.includes(value) ? '许可（职业中介活动）' : '备案' })),
  },
  { key: 'licenceDelivery', name: BASIC_FIELDS.licenceDelivery.label, source: GUIDE, usedIn: '设立审批 · 基本信息', items: items(LICENCE_DELIVERY) },
  { key: 'idDocumentType', name: STAFF_COLUMNS.idType.label, source: GUIDE, usedIn: '设立审批 · 专职工作人员', items: items(ID_DOCUMENT_TYPES) },
  { key: 'gender', name: STAFF_COLUMNS.gender.label, source: 'GB/T 2261.1', usedIn: '设立审批 · 专职工作人员', items: items(GENDERS) },
  { key: 'ethnicity', name: STAFF_COLUMNS.ethnicity.label, source: 'GB/T 3304', usedIn: '设立审批 · 专职工作人员', items: items(ETHNIC_GROUPS) },
  { key: 'politicalStatus', name: STAFF_COLUMNS.politicalStatus.label, source: GUIDE, usedIn: '设立审批 · 专职工作人员', items: items(POLITICAL_STATUSES) },
  { key: 'education', name: STAFF_COLUMNS.education.label, source: GUIDE, usedIn: '设立审批 · 专职工作人员、诚信档案', items: items(EDUCATION_LEVELS) },
  { key: 'qualificationLevel', name: '职业资格等级', source: GUIDE, usedIn: '设立审批 · 专职工作人员', items: items(QUALIFICATION_LEVELS) },
  { key: 'applicationType', name: '申请类型', source: GUIDE, usedIn: '人力资源服务机构查询', items: items(APPLICATION_TYPES) },
  { key: 'reviewStatus', name: '审核状态', source: GUIDE, usedIn: '人力资源服务机构查询', items: items(REVIEW_STATUSES) },
  { key: 'cancelStatus', name: '注销状态', source: GUIDE, usedIn: '人力资源服务机构查询', items: items(CANCEL_STATUSES) },
];
