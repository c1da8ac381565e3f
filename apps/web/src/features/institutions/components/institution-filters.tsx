import { Input, Select } from 'antd';
import { BASIC_FIELDS, CANCEL_STATUSES, INSTITUTION_CATEGORIES, REVIEW_STATUSES } from '@jhrm/contracts';
import type { QueryFilter } from '../../../components/QueryPage';
import type { InstitutionFilters } from '../model/query-filters';

const options = (values: readonly string[]) => values.map((v) => ({ label: v, value: v }));
const YES_NO = [
  { label: '是', value: '是' },
  { label: '否', value: '否' },
];
/** 是否注销: 是 = 注销, 否 = 正常. */
const CANCELLED = [
  { label: '是', value: CANCEL_STATUSES[1] },
  { label: '否', value: CANCEL_STATUSES[0] },
];

/** The 查询条件 of the unit's institution lists (guide 1.1 and 1.4), by the query's key. */
const FILTERS: Record<keyof InstitutionFilters, QueryFilter> = {
  name: { name: 'name', label: '机构名称全称', input: <Input maxLength={100} allowClear autoComplete="off" /> },
  uscc: { name: 'uscc', label: '统一社会信用代码', input: <Input maxLength={18} allowClear autoComplete="off" /> },
  legalRep: { name: 'legalRep', label: '法定代表人(负责人)', input: <Input maxLength={50} allowClear autoComplete="off" /> },
  legalRepIdCard: {
    name: 'legalRepIdCard',
    label: BASIC_FIELDS.legalRepIdCard.label,
    extra: '精确匹配：请输入完整的18位身份证号',
    input: <Input maxLength={18} allowClear autoComplete="off" />,
  },
  category: { name: 'category', label: '机构类型', input: <Select allowClear placeholder="全部" options={options(INSTITUTION_CATEGORIES)} /> },
  licensed: { name: 'licensed', label: '是否发证', input: <Select allowClear placeholder="全部" options={YES_NO} /> },
  reviewStatus: { name: 'reviewStatus', label: '审核结果', input: <Select allowClear placeholder="全部" options={options(REVIEW_STATUSES)} /> },
  cancelStatus: { name: 'cancelStatus', label: '是否注销', input: <Select allowClear placeholder="全部" options={CANCELLED} /> },
  kind: { name: 'kind', label: '申请类型', input: <Select allowClear placeholder="全部" options={options(['许可', '备案'])} /> },
};

/** A page's 查询条件, in the order its section of the guide lists them. */
export const institutionFilters = (order: readonly (keyof InstitutionFilters)[]): QueryFilter[] => order.map((k) => FILTERS[k]);
