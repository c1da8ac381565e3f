import { useMemo, useState } from 'react';
import { App, Button, Input, Popconfirm, Select, Space, Tooltip, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ACCOUNT_STATUS_TEXT, REVIEWER_LIST_TITLES as T, type TInitialPassword, type TReviewer } from '@jhrm/contracts';
import { QueryPage, type QueryFilter } from '../../../components/QueryPage';
import { StatusTag } from '../../../components/StatusTag';
import { buildUrl } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-datetime';
import { useAdminDepartments } from '../api/admin-departments.api';
import { useResetReviewerPassword, useReviewers, useSetReviewerStatus, type ReviewerFilters, type ReviewerStatusAction } from '../api/admin-reviewers.api';
import { departmentOptions } from '../components/department-tree';
import { InitialPasswordModal } from '../components/InitialPasswordModal';
import { ChangeDepartmentModal, CreateReviewerModal, DepartmentTreeSelect } from '../components/ReviewerFormModals';
import './system-admin.css';

type Shown = TInitialPassword & { name: string };

interface QueryValues {
  department?: string;
  status: 'all' | TReviewer['status'];
  keyword?: string;
}
const INITIAL_QUERY: QueryValues = { status: 'all' };
const toFilters = (v: QueryValues): ReviewerFilters => ({
  ...(v.department ? { department: v.department } : {}),
  ...(v.status !== 'all' ? { status: v.status } : {}),
  ...(v.keyword?.trim() ? { keyword: v.keyword.trim() } : {}),
});
const STATUS_OPTIONS = [
  { value: 'all', label: '全部' },
  { value: 'active', label: '正常' },
  { value: 'disabled', label: '已停用' },
];

const STATUS_WORDS: Record<ReviewerStatusAction, { verb: string; consequence: string }> = {
  disable: { verb: '停用', consequence: '停用后该审核人员将立即退出登录且无法登录。' },
  enable: { verb: '启用', consequence: '启用后该审核人员可以重新登录。' },
};

function StatusButton({ reviewer }: { reviewer: TReviewer }) {
  const { message } = App.useApp();
  const setStatus = useSetReviewerStatus();
  const action: ReviewerStatusAction = reviewer.status === 'active' ? 'disable' : 'enable';
  const words = STATUS_WORDS[action];
  const danger = action === 'disable';
  return (
    <Popconfirm
      title={`确定${words.verb}审核人员「${reviewer.name}」？`}
      description={words.consequence}
      okText={words.verb}
      cancelText="取消"
      okButtonProps={{ danger, className: danger ? 'sysadmin-danger-solid' : undefined }}
      onConfirm={() =>
        setStatus
          .mutateAsync({ id: reviewer.id, action })
          .then(() => void message.success(`已${words.verb}审核人员「${reviewer.name}」`))
          .catch((e: Error) => void message.error(e.message))
      }
    >
      <Button type="link" size="small" danger={danger} className={danger ? 'sysadmin-danger-link' : undefined}>
        {words.verb}
      </Button>
    </Popconfirm>
  );
}

function ResetButton({ reviewer, onReset }: { reviewer: TReviewer; onReset: (r: Shown) => void }) {
  const { message } = App.useApp();
  const reset = useResetReviewerPassword();
  return (
    <Popconfirm
      title={`确定重置「${reviewer.name}」的密码？`}
      description="系统将生成新的初始密码并显示一次；该审核人员当前的登录立即退出，下次登录须修改密码。"
      okText="重置"
      cancelText="取消"
      onConfirm={() =>
        reset
          .mutateAsync({ id: reviewer.id })
          .then((r) => onReset({ ...r, name: reviewer.name }))
          .catch((e: Error) => void message.error(e.message))
      }
    >
      <Button type="link" size="small">
        重置密码
      </Button>
    </Popconfirm>
  );
}

/** 审核人员管理: reviewer accounts of every 审批部门 (administrators only). */
/** A date-time cell as its day, the whole time in its tooltip. */
function dayWithTime(v: string) {
  const full = formatDateTime(v);
  return <span title={full}>{full.slice(0, 10)}</span>;
}

export default function ReviewersPage() {
  const departments = useAdminDepartments();
  const filterOptions = useMemo(() => departmentOptions(departments.data ?? [], true), [departments.data]);
  const pickOptions = useMemo(() => departmentOptions(departments.data ?? [], false), [departments.data]);
  const [creating, setCreating] = useState(false);
  const [moving, setMoving] = useState<TReviewer | null>(null);
  const [shown, setShown] = useState<{ title: string; result: Shown } | null>(null);

  const filters: QueryFilter[] = [
    { name: 'department', label: '审批部门', input: <DepartmentTreeSelect options={filterOptions} allowClear placeholder="全部部门" width={260} /> },
    { name: 'status', label: '状态', input: <Select options={STATUS_OPTIONS} style={{ width: 110 }} /> },
    { name: 'keyword', label: '关键字', input: <Input placeholder="姓名、账号或完整手机号码" allowClear maxLength={50} style={{ width: 220 }} /> },
  ];

  const columns: TableColumnsType<TReviewer> = [
    { title: T.name, dataIndex: 'name', key: 'name', width: 80 },
    { title: T.account, dataIndex: 'account', key: 'account', width: 120 },
    { title: T.phone, dataIndex: 'phone', key: 'phone', width: 110, render: (v: string) => <span className="sysadmin-nowrap">{v}</span> },
    {
      title: T.department,
      key: 'department',
      render: (_: unknown, r) =>
        r.department ? (
          <span>
            {r.department.name} {!r.department.active && <StatusTag tone="neutral">部门已停用</StatusTag>}
          </span>
        ) : (
          <span className="sysadmin-muted">未分配</span>
        ),
    },
    {
      title: T.status,
      dataIndex: 'status',
      key: 'status',
      width: 70,
      render: (v: TReviewer['status']) => <StatusTag tone={v === 'active' ? 'success' : 'danger'}>{ACCOUNT_STATUS_TEXT[v]}</StatusTag>,
    },
    {
      title: (
        <Tooltip title="是：尚未修改初始密码（或密码已被重置、已使用超过90天），下次登录时须先修改密码">
          <span>{T.mustChangePassword}</span>
        </Tooltip>
      ),
      dataIndex: 'mustChangePassword',
      key: 'mustChangePassword',
      width: 96,
      render: (v: boolean) => (v ? '是' : '否'),
    },
    // the day in the column, the time on hover: the columns then fit a 1366 px screen beside the fixed 操作
    { title: T.passwordChangedAt, dataIndex: 'passwordChangedAt', key: 'passwordChangedAt', width: 104, render: dayWithTime },
    { title: T.createdAt, dataIndex: 'createdAt', key: 'createdAt', width: 104, render: dayWithTime },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setMoving(r)}>
            调整部门
          </Button>
          <StatusButton reviewer={r} />
          <ResetButton reviewer={r} onReset={(result) => setShown({ title: '密码已重置', result })} />
        </Space>
      ),
    },
  ];

  return (
    <QueryPage<QueryValues, ReviewerFilters, TReviewer>
      name="reviewerQuery"
      layout="inline"
      title="审核人员管理"
      filters={filters}
      initialValues={INITIAL_QUERY}
      toFilters={toFilters}
      useRows={useReviewers}
      exportUrl={(f) => buildUrl('/api/admin/reviewers/export', { ...f })}
      toolbar={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新增审核人员
        </Button>
      }
      rowKey="id"
      columns={columns}
      // fits the table at 1366 px (1 052 px wide): the fixed 操作 column hides no column
      scroll={{ x: 1040 }}
    >
      <CreateReviewerModal open={creating} options={pickOptions} onClose={() => setCreating(false)} onCreated={(result) => setShown({ title: '审核人员已创建', result })} />
      <ChangeDepartmentModal reviewer={moving} options={pickOptions} onClose={() => setMoving(null)} />
      <InitialPasswordModal result={shown?.result ?? null} title={shown?.title ?? ''} onClose={() => setShown(null)} />
    </QueryPage>
  );
}
