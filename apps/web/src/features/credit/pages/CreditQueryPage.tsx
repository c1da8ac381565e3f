import { Link, useNavigate } from 'react-router-dom';
import { Button, Input, InputNumber, Select, type TableColumnsType } from 'antd';
import { statusesOf, type TCreditListItem } from '@jhrm/contracts';
import { QueryPage, type QueryFilter } from '../../../components/QueryPage';
import { ApplicationStatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format-datetime';
import { useCurrentUser } from '../../../lib/session';
import { useCreditList, type CreditFilters } from '../api/credit.api';
import { creditPath, CREDIT_NEW_PATH } from '../paths';
import '../components/credit.css';

interface Values {
  name?: string;
  year?: number | null;
  status?: string;
}


const FILTERS: QueryFilter[] = [
  { name: 'name', label: '机构名称', input: <Input allowClear placeholder="机构名称（部分即可）" maxLength={100} /> },
  { name: 'year', label: '申报年度', input: <InputNumber min={2000} max={2100} precision={0} placeholder="如 2026" style={{ width: '100%' }} /> },
  { name: 'status', label: '审批状态', input: <Select allowClear placeholder="全部" options={statusesOf(false).map((s) => ({ label: s, value: s }))} /> },
];

const toFilters = (v: Values): CreditFilters => ({
  ...(v.name?.trim() ? { name: v.name.trim() } : {}),
  ...(v.year ? { year: v.year } : {}),
  ...(v.status ? { status: v.status } : {}),
});

/** A row's 操作: an application still editable is 修改 / 上传材料; otherwise 查看. */
function RowActions({ row }: { row: TCreditListItem }) {
  if (row.editable) {
    return (
      <div className="credit-row-actions">
        <Link to={creditPath(row.id)}>修改</Link>
        <Link to={creditPath(row.id, 'materials')}>上传材料</Link>
      </div>
    );
  }
  return <Link to={creditPath(row.id)}>查看</Link>;
}

const columns: TableColumnsType<TCreditListItem> = [
  { title: '操作', key: 'actions', width: 150, render: (_: unknown, row) => <RowActions row={row} /> },
  { title: '申报年度', dataIndex: 'year', key: 'year', width: 90 },
  { title: '机构名称', dataIndex: 'name', key: 'name', width: 220 },
  { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 170, render: (v: string | null) => v ?? '' },
  { title: '审批部门', dataIndex: 'departmentName', key: 'departmentName', width: 150, render: (v: string | null) => v ?? '' },
  {
    title: '审批状态',
    dataIndex: 'status',
    key: 'status',
    width: 100,
    render: (v: TCreditListItem['status']) => <ApplicationStatusTag status={v} />,
  },
  {
    title: '审批结果',
    key: 'result',
    render: (_: unknown, row) =>
      row.result ? (
        <span className="credit-result">
          {row.result === '审核通过' && row.awardedOn ? `审核通过（${row.awardedOn}），诚信示范机构（${row.year}年度）` : row.result}
          {row.opinion ? `：${row.opinion}` : ''}
        </span>
      ) : (
        ''
      ),
  },
  { title: '提交时间', dataIndex: 'submittedAt', key: 'submittedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '') },
];

/** 人力资源诚信示范机构查询 (guide 3.1): the unit's applications, their state and result. */
export default function CreditQueryPage() {
  const navigate = useNavigate();
  // 新增 is the 经办人's (the 法人 sees the list)
  const canApply = useCurrentUser().role === 'agent';
  return (
    <QueryPage<Values, CreditFilters, TCreditListItem>
      name="creditQuery"
      layout="grid"
      title="人力资源诚信示范机构查询"
      filters={FILTERS}
      toFilters={toFilters}
      useRows={useCreditList}
      rowKey="id"
      columns={columns}
      scroll={{ x: 1100 }}
      toolbar={
        canApply ? (
          <Button type="primary" onClick={() => void navigate(CREDIT_NEW_PATH)}>
            新增
          </Button>
        ) : undefined
      }
    />
  );
}
