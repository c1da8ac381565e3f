import './record.css';
import type { TableColumnsType } from 'antd';
import { maskIdCard, maskMobile, type TFacility, type TServiceFee, type TStaffMember } from '@jhrm/contracts';

/** The list's columns (also on 查看): 身份证号 and 手机号码 masked. */
export const staffColumns: TableColumnsType<TStaffMember> = [
  { title: '姓名', dataIndex: 'name', key: 'name', width: 110 },
  { title: '证件类型', dataIndex: 'idType', key: 'idType', width: 110 },
  { title: '身份证号', dataIndex: 'idCard', key: 'idCard', width: 190, render: (v: string) => <span className="rec-masked">{maskIdCard(v)}</span> },
  { title: '学历', dataIndex: 'education', key: 'education', width: 110 },
  { title: '手机号码', dataIndex: 'mobile', key: 'mobile', width: 130, render: (v: string) => <span className="rec-masked">{maskMobile(v)}</span> },
];

/** 现有设施情况 */
export const facilityColumns: TableColumnsType<TFacility> = [
  { title: '设施名称', dataIndex: 'name', key: 'name' },
  { title: '单位', dataIndex: 'unit', key: 'unit', width: 90 },
  { title: '数量', dataIndex: 'quantity', key: 'quantity', width: 90 },
  { title: '面积(m²)', dataIndex: 'area', key: 'area', width: 110 },
  { title: '价值(元)', dataIndex: 'value', key: 'value', width: 130 },
];

/** 服务及收费标准 */
export const feeColumns: TableColumnsType<TServiceFee> = [
  { title: '项目业务', dataIndex: 'business', key: 'business', width: 160 },
  { title: '服务内容', dataIndex: 'content', key: 'content' },
  { title: '程序', dataIndex: 'procedure', key: 'procedure' },
  { title: '收费项目', dataIndex: 'feeItem', key: 'feeItem', width: 140 },
  { title: '收费标准', dataIndex: 'feeStandard', key: 'feeStandard', width: 160 },
];
