import { useMemo, useState, type Key } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { CHILD_LEVEL, DEPARTMENT_LEVEL_LABELS, type TAdminDepartment } from '@jhrm/contracts';
import { StatusTag } from '../../../components/StatusTag';
import { useAdminDepartments, useUpdateDepartment } from '../api/admin-departments.api';
import { DepartmentFormModal, type DepartmentFormTarget } from '../components/DepartmentFormModal';
import { buildDepartmentTree, type DepartmentNode } from '../components/department-tree';
import './system-admin.css';

function StatusButton({ department }: { department: TAdminDepartment }) {
  const { message } = App.useApp();
  const update = useUpdateDepartment();
  const deactivate = department.active;
  const verb = deactivate ? '停用' : '启用';
  return (
    <Popconfirm
      title={`确定${verb}「${department.name}」？`}
      description={
        deactivate
          ? '停用后单位提交申请时不再能选择该部门，已有的申请和记录保留；有待审核申请的部门不能停用。'
          : '启用后单位提交申请时可以选择该部门。'
      }
      okText={verb}
      cancelText="取消"
      okButtonProps={{ danger: deactivate, className: deactivate ? 'sysadmin-danger-solid' : undefined }}
      onConfirm={() =>
        update
          .mutateAsync({ code: department.code, active: !deactivate })
          .then(() => void message.success(`已${verb}「${department.name}」`))
          .catch((e: Error) => void message.error(e.message))
      }
    >
      <Button type="link" size="small" danger={deactivate} className={deactivate ? 'sysadmin-danger-link' : undefined}>
        {verb}
      </Button>
    </Popconfirm>
  );
}

/** 审批部门管理: the province → city → county dictionary (GB/T 2260 codes). */
export default function DepartmentsPage() {
  const departments = useAdminDepartments();
  const [target, setTarget] = useState<DepartmentFormTarget | null>(null);
  const tree = useMemo(() => buildDepartmentTree(departments.data ?? []), [departments.data]);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);

  const columns: TableColumnsType<DepartmentNode> = [
    { title: '编码', dataIndex: 'code', key: 'code', width: 200, render: (v: string) => <span className="sysadmin-nowrap">{v}</span> },
    { title: '名称', dataIndex: 'name', key: 'name' },
    { title: '级别', dataIndex: 'level', key: 'level', width: 130, render: (v: TAdminDepartment['level']) => DEPARTMENT_LEVEL_LABELS[v] },
    {
      title: '状态',
      dataIndex: 'active',
      key: 'active',
      width: 90,
      render: (v: boolean) => (v ? <StatusTag tone="success">在用</StatusTag> : <StatusTag tone="danger">已停用</StatusTag>),
    },
    { title: '审核人员数', dataIndex: 'reviewerCount', key: 'reviewerCount', width: 100, align: 'right' },
    { title: '待审核申请', dataIndex: 'pendingCount', key: 'pendingCount', width: 100, align: 'right' },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_: unknown, d) => (
        <Space size={0}>
          {CHILD_LEVEL[d.level] && d.active && (
            <Button type="link" size="small" onClick={() => setTarget({ mode: 'create', parent: d })}>
              新增下级部门
            </Button>
          )}
          <Button type="link" size="small" onClick={() => setTarget({ mode: 'rename', department: d })}>
            修改
          </Button>
          {d.parentCode && <StatusButton department={d} />}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title="审批部门管理">
      <Alert
        className="sysadmin-intro"
        type="info"
        showIcon
        message="审批部门按行政区划代码（GB/T 2260）分为省级、市（州）级、县（市、区）级"
        description="单位提交申请时选择审批部门，审核人员只能看到本部门收到的申请。部门不能删除：停用后不再供选择，历史记录保留。停用上级部门前须先停用其下级部门。"
      />
      <div className="sysadmin-toolbar">
        <span className="sysadmin-muted">共 {departments.data?.length ?? 0} 个部门</span>
        <Button icon={<ReloadOutlined />} onClick={() => void departments.refetch()} loading={departments.isFetching}>
          刷新
        </Button>
      </div>
      {departments.isError && <Alert className="sysadmin-intro" type="error" showIcon message={departments.error.message} />}
      <Table<DepartmentNode>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={tree}
        loading={departments.isPending}
        pagination={false}
        scroll={{ x: 1000 }}
        expandable={{
          // the province open at first: the nine cities are what people look for
          expandedRowKeys: expanded ?? tree.map((n) => n.code),
          onExpandedRowsChange: (keys) => setExpanded(keys),
        }}
      />
      <DepartmentFormModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
