import { useCallback, useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Space, type TableColumnsType } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { DERIVED_LABELS, STAFF_COLUMNS as S, type TPractitioner, type TPractitionerInstitution } from '@jhrm/contracts';
import { QueryPage, type QueryFilter } from '../../../components/QueryPage';
import { ServerTable } from '../../../components/ServerTable';
import { INITIAL_PAGE } from '../../../components/pagination';
import type { Paging } from '../../../components/server-list';
import { useDeletePractitioner, usePractitionerInstitutions, usePractitioners } from '../api/practitioners.api';
import { ImportModal } from '../components/ImportModal';
import { PractitionerModal } from '../components/PractitionerModal';
import '../components/practitioners.css';

type Filters = { name?: string };

const FILTERS: QueryFilter[] = [{ name: 'name', label: '机构名称', input: <Input maxLength={100} allowClear autoComplete="off" placeholder="输入需要补录从业人员的机构名称" /> }];
const toFilters = (v: Filters): Filters => ({ name: v.name?.trim() || undefined });
const useInstitutionRows = (f: Filters, paging: Paging, searches: number) => usePractitionerInstitutions(f.name ?? '', paging, searches);

function DeleteLink({ institutionId, row }: { institutionId: string; row: TPractitioner }) {
  const { message } = App.useApp();
  const remove = useDeletePractitioner(institutionId);
  return (
    <Popconfirm
      title={`确定删除从业人员「${row.name}」？`}
      description="删除后不可恢复。"
      okText="删除"
      cancelText="取消"
      okButtonProps={{ danger: true }}
      onConfirm={() =>
        remove
          .mutateAsync(row.id)
          .then(() => void message.success(`已删除从业人员「${row.name}」`))
          .catch((e: Error) => void message.error(e.message))
      }
    >
      <Button type="link" size="small" danger>
        删除
      </Button>
    </Popconfirm>
  );
}

/** One institution's practitioners: 新增, 批量导入, and per row 变更 / 删除. */
function PractitionerList({ institution }: { institution: TPractitionerInstitution }) {
  const [paging, setPaging] = useState<Paging>(INITIAL_PAGE);
  const rows = usePractitioners(institution.id, paging);
  const [editing, setEditing] = useState<'new' | TPractitioner | null>(null);
  const [importing, setImporting] = useState(false);
  const close = useCallback(() => setEditing(null), []);

  const columns: TableColumnsType<TPractitioner> = [
    { title: S.name.label, dataIndex: 'name', key: 'name', width: 110 },
    { title: S.idCard.label, dataIndex: 'idCard', key: 'idCard', width: 190, render: (v: string) => <span className="practitioner-masked">{v}</span> },
    { title: S.gender.label, dataIndex: 'gender', key: 'gender', width: 60 },
    { title: DERIVED_LABELS.birthDate, dataIndex: 'birthDate', key: 'birthDate', width: 110 },
    { title: S.education.label, dataIndex: 'education', key: 'education', width: 100 },
    { title: S.qualificationLevel.label, dataIndex: 'qualificationLevel', key: 'qualificationLevel', width: 110 },
    { title: S.mobile.label, dataIndex: 'mobile', key: 'mobile', width: 130, render: (v: string) => <span className="practitioner-masked">{v}</span> },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(row)}>
            变更
          </Button>
          <DeleteLink institutionId={institution.id} row={row} />
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={`从业人员信息：${institution.name}`} className="practitioner-list">
      <div className="query-toolbar">
        <Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            批量导入
          </Button>
        </Space>
      </div>
      <ServerTable<TPractitioner> rowKey="id" columns={columns} query={rows} paging={paging} onPaging={(page, pageSize) => setPaging({ page, pageSize })} scroll={{ x: 960 }} />
      <PractitionerModal institutionId={institution.id} editing={editing} onClose={close} />
      <ImportModal institutionId={institution.id} open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}

/** 人力资源从业人员信息补录 (guide 1.5): 查询 an institution by name, then keep its practitioner list. */
export default function PractitionersPage() {
  const [selected, setSelected] = useState<TPractitionerInstitution | null>(null);
  const columns: TableColumnsType<TPractitionerInstitution> = [
    { title: '机构名称', dataIndex: 'name', key: 'name' },
    { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 200 },
    { title: '已补录从业人员', dataIndex: 'practitioners', key: 'practitioners', width: 120 },
    {
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_: unknown, row) => (
        <Button type="link" size="small" onClick={() => setSelected(row)}>
          从业人员信息
        </Button>
      ),
    },
  ];
  return (
    <QueryPage<Filters, Filters, TPractitionerInstitution>
      name="practitionerInstitutions"
      layout="grid"
      title="审核通过的人力资源服务机构"
      filters={FILTERS}
      toFilters={toFilters}
      useRows={useInstitutionRows}
      rowKey="id"
      columns={columns}
      rowClassName={(row) => (row.id === selected?.id ? 'ant-table-row-selected' : '')}
      onRow={(row) => ({ onDoubleClick: () => setSelected(row) })}
    >
      {selected && <PractitionerList key={selected.id} institution={selected} />}
    </QueryPage>
  );
}
