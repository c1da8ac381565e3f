import type { TableColumnsType } from 'antd';
import { INSTITUTION_LIST_TITLES as T, type TInstitutionListItem } from '@jhrm/contracts';
import { CancelStatusTag } from './StatusTags';

type Column = TableColumnsType<TInstitutionListItem>[number];

/** The columns the unit's institution lists share (guide 1.1 and 1.4), by key. */
export const INSTITUTION_COLUMNS = {
  name: { title: T.name, dataIndex: 'name', key: 'name' },
  shortName: { title: T.shortName, dataIndex: 'shortName', key: 'shortName', render: (v: string | null) => v ?? '' },
  licensed: { title: T.licensed, dataIndex: 'licensed', key: 'licensed', width: 90, render: (v: boolean) => (v ? '是' : '否') },
  cancelStatus: {
    title: T.cancelStatus,
    dataIndex: 'cancelStatus',
    key: 'cancelStatus',
    width: 100,
    render: (v: TInstitutionListItem['cancelStatus']) => <CancelStatusTag status={v} />,
  },
} satisfies Record<string, Column>;
