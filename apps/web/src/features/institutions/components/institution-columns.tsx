import type { TableColumnsType } from 'antd';
import type { TInstitutionListItem } from '@jhrm/contracts';
import { CancelStatusTag } from './StatusTags';

type Column = TableColumnsType<TInstitutionListItem>[number];

/** The columns the unit's institution lists share (guide 1.1 and 1.4), by key. */
export const INSTITUTION_COLUMNS = {
  name: { title: '机构名称(全称)', dataIndex: 'name', key: 'name' },
  shortName: { title: '机构名称(简称)', dataIndex: 'shortName', key: 'shortName', render: (v: string | null) => v ?? '' },
  licensed: { title: '是否发证', dataIndex: 'licensed', key: 'licensed', width: 90, render: (v: boolean) => (v ? '是' : '否') },
  cancelStatus: {
    title: '注销状态',
    dataIndex: 'cancelStatus',
    key: 'cancelStatus',
    width: 100,
    render: (v: TInstitutionListItem['cancelStatus']) => <CancelStatusTag status={v} />,
  },
} satisfies Record<string, Column>;
