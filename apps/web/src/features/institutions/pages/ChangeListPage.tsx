import type { TableColumnsType } from 'antd';
import type { TInstitutionListItem, TInstitutionListPage } from '@jhrm/contracts';
import { QueryPage } from '../../../components/QueryPage';
import { useInstitutionQuery } from '../api/institutions.api';
import { ApplicationStatusTag } from '../../../components/StatusTag';
import { INSTITUTION_COLUMNS } from '../components/institution-columns';
import { KindRowActions } from '../components/KindRowActions';
import { institutionFilters } from '../components/institution-filters';
import { toInstitutionQuery, type InstitutionFilters } from '../model/query-filters';
import { changePath, newChangePath } from '../paths';
import '../components/institutions.css';

/** The guide's 查询条件 of 1.3, in its order. */
const FILTERS = institutionFilters(['name', 'uscc', 'reviewStatus', 'legalRep', 'legalRepIdCard', 'cancelStatus', 'category', 'licensed', 'kind']);

const toFilters = (values: InstitutionFilters) => toInstitutionQuery(values as Record<string, unknown>);

/** What a row offers (guide 1.3: 变更 / 材料上传 / 视频上传), or why not. */
export function ChangeRowActions({ row }: { row: TInstitutionListItem }) {
  return (
    <KindRowActions
      row={row}
      what="变更"
      open={row.change}
      openLinks={(id) => [
        { label: '变更', to: changePath(id) },
        { label: '材料上传', to: changePath(id, 'materials') },
        { label: '视频上传', to: changePath(id, 'video') },
      ]}
      pathOf={changePath}
      newPath={newChangePath}
    />
  );
}

/** 人力资源服务机构变更 (guide 1.3): 查询条件, then the unit's institutions with 变更 / 材料上传 / 视频上传. */
export default function ChangeListPage() {
  const columns: TableColumnsType<TInstitutionListItem> = [
    { title: '操作', key: 'actions', width: 240, render: (_: unknown, row) => <ChangeRowActions row={row} /> },
    INSTITUTION_COLUMNS.name,
    INSTITUTION_COLUMNS.shortName,
    INSTITUTION_COLUMNS.licensed,
    { title: '审核状态', dataIndex: 'reviewStatus', key: 'reviewStatus', width: 110, render: (v: TInstitutionListItem['reviewStatus']) => <ApplicationStatusTag status={v} /> },
    { title: '机构变更事由', key: 'changeReason', width: 170, render: (_: unknown, row) => row.change?.reason ?? '' },
  ];

  return (
    <QueryPage<InstitutionFilters, InstitutionFilters, TInstitutionListItem, TInstitutionListPage>
      name="changeQuery"
      layout="grid"
      labelWidth={140}
      title="人力资源服务机构变更"
      filters={FILTERS}
      toFilters={toFilters}
      useRows={useInstitutionQuery}
      rowKey="id"
      columns={columns}
      scroll={{ x: 1000 }}
    />
  );
}
