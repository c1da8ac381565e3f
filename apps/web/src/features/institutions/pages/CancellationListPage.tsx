import type { TableColumnsType } from 'antd';
import type { TInstitutionListItem, TInstitutionListPage } from '@jhrm/contracts';
import { QueryPage } from '../../../components/QueryPage';
import { useInstitutionQuery } from '../api/institutions.api';
import { ApplicationStatusTag } from '../../../components/StatusTag';
import { INSTITUTION_COLUMNS } from '../components/institution-columns';
import { KindRowActions } from '../components/KindRowActions';
import { institutionFilters } from '../components/institution-filters';
import { toInstitutionQuery, type InstitutionFilters } from '../model/query-filters';
import { cancellationPath, newCancellationPath } from '../paths';
import '../components/institutions.css';

/** The guide's 查询条件 of 1.4, in its order. */
const FILTERS = institutionFilters(['name', 'uscc', 'reviewStatus', 'legalRep', 'legalRepIdCard', 'cancelStatus', 'category', 'licensed', 'kind']);

const toFilters = (values: InstitutionFilters) => toInstitutionQuery(values as Record<string, unknown>);

/**
 * What a row offers (guide 1.4: 注销 / 材料上传): an institution in force may be cancelled; an open
 * 注销 is continued (注销) or gets its materials (材料上传); otherwise the row says why not.
 */
export function CancellationRowActions({ row }: { row: TInstitutionListItem }) {
  return (
    <KindRowActions
      row={row}
      what="注销"
      open={row.cancellation}
      openLinks={(id) => [
        { label: '注销', to: cancellationPath(id) },
        { label: '材料上传', to: cancellationPath(id, 'materials') },
      ]}
      pathOf={cancellationPath}
      newPath={newCancellationPath}
    />
  );
}

/** 人力资源服务机构注销 (guide 1.4): 查询条件, then the unit's institutions with 注销 / 材料上传. */
export default function CancellationListPage() {
  const columns: TableColumnsType<TInstitutionListItem> = [
    { title: '操作', key: 'actions', width: 200, render: (_: unknown, row) => <CancellationRowActions row={row} /> },
    INSTITUTION_COLUMNS.name,
    INSTITUTION_COLUMNS.shortName,
    INSTITUTION_COLUMNS.licensed,
    { title: '审核状态', dataIndex: 'reviewStatus', key: 'reviewStatus', width: 110, render: (v: TInstitutionListItem['reviewStatus']) => <ApplicationStatusTag status={v} /> },
    INSTITUTION_COLUMNS.cancelStatus,
  ];

  return (
    <QueryPage<InstitutionFilters, InstitutionFilters, TInstitutionListItem, TInstitutionListPage>
      name="cancellationQuery"
      layout="grid"
      labelWidth={140}
      title="人力资源服务机构注销"
      filters={FILTERS}
      toFilters={toFilters}
      useRows={useInstitutionQuery}
      rowKey="id"
      columns={columns}
      scroll={{ x: 900 }}
    />
  );
}
