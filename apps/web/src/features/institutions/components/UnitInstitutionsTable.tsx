import { useState } from 'react';
import type { TableColumnsType } from 'antd';
import type { TInstitutionListItem } from '@jhrm/contracts';
import { INITIAL_PAGE } from '../../../components/pagination';
import { ServerTable } from '../../../components/ServerTable';
import { useUnitInstitutions } from '../api/institutions.api';
import { AcceptedTag } from './AcceptedTag';

const columns: TableColumnsType<TInstitutionListItem> = [
  { title: '机构名称(全称)', dataIndex: 'name', key: 'name' },
  { title: '机构名称(简称)', dataIndex: 'shortName', key: 'shortName', render: (v: string | null) => v ?? '' },
  { title: '是否发证', dataIndex: 'licensed', key: 'licensed', width: 100, render: (v: boolean) => (v ? '是' : '否') },
  {
    title: '审核状态',
    dataIndex: 'reviewStatus',
    key: 'reviewStatus',
    width: 130,
    render: (v: TInstitutionListItem['reviewStatus'], row) => (
      <>
        {v}
        <AcceptedTag acceptedAt={row.acceptedAt} />
      </>
    ),
  },
  { title: '注销状态', dataIndex: 'cancelStatus', key: 'cancelStatus', width: 100 },
];

/** 本单位人力资源服务机构: read-only list of the signed-in unit's institutions. */
export function UnitInstitutionsTable() {
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);
  const query = useUnitInstitutions(paging.page, paging.pageSize);

  return (
    <ServerTable<TInstitutionListItem> rowKey="id" columns={columns} query={query} paging={paging} onPaging={(page, pageSize) => setPaging({ page, pageSize })} scroll={{ x: 720 }} />
  );
}
