import { Alert, Card, Input, Select, Table, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import '../components/reviews.css';
import { INSPECTION_KINDS, INSPECTION_STATUSES, type TInspectionBacklog, type TInspectionKind, type TInspectionListItem, type TInspectionStatus } from '@jhrm/contracts';
import { QueryPage, type QueryFilter } from '../../../components/QueryPage';
import { StatusTag, type StatusTone } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format-datetime';
import { useCurrentUser } from '../../../lib/session';
import { useInspectionBacklog, useInspections, type InspectionFilters } from '../api/inspections.api';
import { inspectionPath } from '../paths';

interface Values {
  kind?: TInspectionKind;
  status?: TInspectionStatus;
  name?: string;
  overdue?: '1';
}

const toFilters = (v: Values): InspectionFilters => ({
  ...(v.kind ? { kind: v.kind } : {}),
  ...(v.status ? { status: v.status } : {}),
  ...(v.name?.trim() ? { name: v.name.trim() } : {}),
  ...(v.overdue ? { overdue: v.overdue } : {}),
});

export const INSPECTION_STATUS_TONE: Record<TInspectionStatus, StatusTone> = { 待核查: 'warning', 整改中: 'danger', 已完成: 'success' };

/** The state, and in red what is overdue (待核查 past its due date, 整改中 past the 整改 deadline). */
export function InspectionStatus({ row }: { row: Pick<TInspectionListItem, 'status' | 'outcome' | 'overdue'> }) {
  return (
    <>
      <StatusTag tone={INSPECTION_STATUS_TONE[row.status]}>{row.status === '已完成' && row.outcome ? `已完成（${row.outcome}）` : row.status}</StatusTag>
      {row.overdue ? <StatusTag tone="danger">已逾期</StatusTag> : null}
    </>
  );
}

function Backlog({ rows }: { rows: TInspectionBacklog }) {
  return (
    <Card size="small" title="各审批部门未办结的核查任务" className="table-alert">
      <Table
        size="small"
        rowKey="department"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '审批部门', dataIndex: 'departmentName', key: 'departmentName' },
          { title: '待核查', dataIndex: 'pending', key: 'pending', width: 100 },
          { title: '整改中', dataIndex: 'rectifying', key: 'rectifying', width: 100 },
          { title: '已逾期', dataIndex: 'overdue', key: 'overdue', width: 100, render: (n: number) => (n ? <StatusTag tone="danger">{n}</StatusTag> : 0) },
        ]}
      />
    </Card>
  );
}

/**
 * 核查任务 (告知承诺制, decision 0043; 双随机抽查, decision 0049): the department's tasks (an administrator's: every department's,
 * with the backlog per department above), 待核查 / 整改中 / 已完成, overdue ones in red.
 */
export default function InspectionsPage() {
  const [search] = useSearchParams();
  const admin = useCurrentUser().role === 'admin';
  const backlog = useInspectionBacklog(admin);
  const presetStatus = search.get('status');
  const preset: Partial<Values> = {
    ...(INSPECTION_STATUSES.includes(presetStatus as TInspectionStatus) ? { status: presetStatus as TInspectionStatus } : {}),
    ...(search.get('overdue') === '1' ? { overdue: '1' as const } : {}),
  };
  const columns: TableColumnsType<TInspectionListItem> = [
    { title: '操作', key: 'open', width: 70, render: (_: unknown, r) => <Link to={inspectionPath(r.id)}>{r.status === '已完成' || admin ? '查看' : '核查'}</Link> },
    { title: '机构名称', dataIndex: 'institutionName', key: 'institutionName', width: 240, ellipsis: { showTitle: true } },
    { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 180 },
    { title: '任务类型', dataIndex: 'kind', key: 'kind', width: 110 },
    { title: '许可证编号', dataIndex: 'licenceNumber', key: 'licenceNumber', width: 220, render: (v: string | null, r) => (v ? `${v}${r.licenceStatus && r.licenceStatus !== '有效' ? `（${r.licenceStatus}）` : ''}` : '') },
    ...(admin ? [{ title: '审批部门', dataIndex: 'departmentName', key: 'departmentName', width: 160 }] : []),
    { title: '生成日期', dataIndex: 'createdAt', key: 'createdAt', width: 110, render: (v: string) => formatDateTime(v).slice(0, 10) },
    { title: '核查期限', dataIndex: 'dueOn', key: 'dueOn', width: 110 },
    { title: '整改期限', dataIndex: 'rectifyDeadline', key: 'rectifyDeadline', width: 110, render: (v: string | null) => v ?? '' },
    { title: '状态', key: 'status', width: 170, render: (_: unknown, r) => <InspectionStatus row={r} /> },
  ];
  const filters: QueryFilter[] = [
    { name: 'kind', label: '任务类型', input: <Select allowClear placeholder="全部" options={INSPECTION_KINDS.map((k) => ({ label: k, value: k }))} /> },
    { name: 'status', label: '任务状态', input: <Select allowClear placeholder="全部" options={INSPECTION_STATUSES.map((s) => ({ label: s, value: s }))} /> },
    { name: 'name', label: '机构名称', input: <Input maxLength={100} allowClear autoComplete="off" /> },
    { name: 'overdue', label: '逾期', input: <Select allowClear placeholder="全部" options={[{ label: '仅看已逾期', value: '1' }]} /> },
  ];
  return (
    <>
      {admin && backlog.data ? <Backlog rows={backlog.data} /> : admin && backlog.isError ? <Alert type="error" showIcon message="各部门核查任务统计加载失败，请刷新页面重试" /> : null}
      <QueryPage<Values, InspectionFilters, TInspectionListItem>
        key={search.toString()}
        name="inspections"
        layout="grid"
        actionsAlign="center"
        title="核查任务（告知承诺核查、双随机抽查）"
        preset={Object.keys(preset).length ? preset : undefined}
        filters={filters}
        toFilters={toFilters}
        useRows={useInspections}
        rowKey="id"
        columns={columns}
        rowClassName={(r) => (r.overdue ? 'inspection-overdue' : '')}
      />
    </>
  );
}
