import { Link } from 'react-router-dom';
import { App, Button, Popconfirm, type TableColumnsType } from 'antd';
import { INSTITUTION_LIST_TITLES, LICENCE_DOWNLOAD_LABELS, type TInstitutionListItem, type TInstitutionListPage, type TInstitutionRowAction } from '@jhrm/contracts';
import { QueryPage } from '../../../components/QueryPage';
import { buildUrl } from '../../../lib/api-client';
import { useCurrentUser } from '../../../lib/session';
import { licencePdfUrl } from '../../../lib/public-paths';
import { useInstitutionQuery } from '../api/institutions.api';
import { useWithdrawApplication } from '../../../lib/application-api';
import { ApplicationStatusTag } from '../../../components/StatusTag';
import { INSTITUTION_COLUMNS } from '../components/institution-columns';
import { AcceptedTag } from '../components/AcceptedTag';
import { UnitNotices } from '../components/UnitNotices';
import { institutionFilters } from '../components/institution-filters';
import { toInstitutionQuery, type InstitutionFilters } from '../model/query-filters';
import { establishmentPath, institutionViewPath, type EstablishmentOpen } from '../paths';
import '../components/institutions.css';

/** The row links that open the 设立审批 page, and what they open there. */
const ESTABLISHMENT_LINKS: [TInstitutionRowAction, EstablishmentOpen | undefined][] = [
  ['修改', undefined],
  ['提交', 'submit'],
  ['材料上传', 'materials'],
  ['视频上传', 'video'],
];

function WithdrawLink({ row }: { row: TInstitutionListItem }) {
  const { message } = App.useApp();
  const withdraw = useWithdrawApplication();
  return (
    <Popconfirm
      title={`确定撤回「${row.name}」的申请？`}
      description="撤回后可继续修改并重新提交；审批部门受理后不能撤回。"
      okText="撤回"
      cancelText="取消"
      onConfirm={() =>
        withdraw
          .mutateAsync({ id: row.applicationId! })
          .then(() => void message.success('已撤回，可继续修改后重新提交'))
          .catch((e: Error) => void message.error(e.message))
      }
    >
      <Button type="link" size="small" loading={withdraw.isPending}>
        撤回
      </Button>
    </Popconfirm>
  );
}

export function RowActions({ row, readOnly }: { row: TInstitutionListItem; readOnly: boolean }) {
  // The legal person sees the list but does no business (SPEC §1.2): 查看 and 许可证下载 only.
  const actions = readOnly ? row.actions.filter((a) => a === '查看' || a === '许可证下载') : row.actions;
  const appId = row.applicationId;
  return (
    <div className="inst-row-actions">
      {actions.includes('查看') && <Link to={institutionViewPath(row.id)}>查看</Link>}
      {appId &&
        ESTABLISHMENT_LINKS.filter(([a]) => actions.includes(a)).map(([a, open]) => (
          <Link key={a} to={establishmentPath(appId, open)}>
            {a}
          </Link>
        ))}
      {appId && actions.includes('撤回') && <WithdrawLink row={row} />}
      {row.licenceId && actions.includes('许可证下载') && (
        <a href={licencePdfUrl(row.licenceId)} download>
          {LICENCE_DOWNLOAD_LABELS[row.kind ?? '许可']}
        </a>
      )}
    </div>
  );
}

/** The guide's 查询条件 of 1.1, in its order. */
const FILTERS = institutionFilters(['name', 'uscc', 'legalRep', 'legalRepIdCard', 'category', 'licensed', 'reviewStatus', 'cancelStatus', 'kind']);

const toFilters = (values: InstitutionFilters) => toInstitutionQuery(values as Record<string, unknown>);

/** 人力资源服务机构查询 (guide 1.1): 查询条件, then 人力资源服务机构基本情况 with the row actions. */
export default function InstitutionQueryPage() {
  const user = useCurrentUser();
  const readOnly = user.role !== 'agent';

  const columns: TableColumnsType<TInstitutionListItem> = [
    { title: '操作', key: 'actions', width: 260, render: (_: unknown, row) => <RowActions row={row} readOnly={readOnly} /> },
    INSTITUTION_COLUMNS.name,
    INSTITUTION_COLUMNS.shortName,
    INSTITUTION_COLUMNS.licensed,
    {
      title: INSTITUTION_LIST_TITLES.reviewStatus,
      dataIndex: 'reviewStatus',
      key: 'reviewStatus',
      width: 130,
      render: (v: TInstitutionListItem['reviewStatus'], row) => (
        <>
          <ApplicationStatusTag status={v} />
          <AcceptedTag acceptedAt={row.acceptedAt} />
        </>
      ),
    },
    INSTITUTION_COLUMNS.cancelStatus,
    { title: INSTITUTION_LIST_TITLES.kind, dataIndex: 'kind', key: 'kind', width: 90, render: (v: string | null) => v ?? '待定' },
  ];

  return (
    <QueryPage<InstitutionFilters, InstitutionFilters, TInstitutionListItem, TInstitutionListPage>
      name="institutionQuery"
      layout="grid"
      labelWidth={140}
      title="人力资源服务机构基本情况"
      filters={FILTERS}
      toFilters={toFilters}
      useRows={useInstitutionQuery}
      exportUrl={(filters) => buildUrl('/api/institutions/export', filters)}
      header={(page) => <UnitNotices notices={page?.notices} />}
      rowKey="id"
      columns={columns}
      scroll={{ x: 960 }}
    />
  );
}
