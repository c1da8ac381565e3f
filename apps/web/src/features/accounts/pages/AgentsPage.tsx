import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ACCOUNT_STATUS_TEXT, AGENT_LIST_TITLES as T, type TAgent } from '@jhrm/contracts';
import { ExportButton } from '../../../components/ExportButton';
import { guidePagination, INITIAL_PAGE } from '../../../components/pagination';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format-datetime';
import { useAgents, useSetAgentStatus, type AgentStatusAction } from '../api/agents.api';
import { CreateAgentModal } from '../components/CreateAgentModal';
import { ResetAgentPasswordModal } from '../components/ResetAgentPasswordModal';
import '../components/account-pages.css';

const STATUS_WORDS: Record<AgentStatusAction, { verb: string; question: (name: string) => string; consequence: string }> = {
  disable: {
    verb: '停用',
    question: (name) => `确定停用经办人「${name}」？`,
    consequence: '停用后该账号将立即退出登录且无法登录。',
  },
  enable: {
    verb: '启用',
    question: (name) => `确定启用经办人「${name}」？`,
    consequence: '启用后该经办人可以重新登录办理业务。',
  },
};

function StatusButton({ agent }: { agent: TAgent }) {
  const { message } = App.useApp();
  const setStatus = useSetAgentStatus();
  const action: AgentStatusAction = agent.status === 'active' ? 'disable' : 'enable';
  const words = STATUS_WORDS[action];
  return (
    <Popconfirm
      title={words.question(agent.name)}
      description={words.consequence}
      okText={words.verb}
      cancelText="取消"
      okButtonProps={{ danger: action === 'disable', className: action === 'disable' ? 'account-danger-solid' : undefined }}
      onConfirm={() =>
        setStatus
          .mutateAsync({ id: agent.id, action })
          .then(() => void message.success(`已${words.verb}经办人「${agent.name}」`))
          .catch((e: Error) => void message.error(e.message))
      }
    >
      <Button type="link" size="small" danger={action === 'disable'} className={action === 'disable' ? 'account-danger-link' : undefined}>
        {words.verb}
      </Button>
    </Popconfirm>
  );
}

/** 经办人管理: the legal person's agents (SPEC §1.2). The server answers for the session's unit only. */
export default function AgentsPage() {
  const agents = useAgents();
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);
  const [resetting, setResetting] = useState<TAgent | null>(null);
  const rows = agents.data ?? [];

  const columns: TableColumnsType<TAgent> = [
    { title: T.name, dataIndex: 'name', key: 'name', width: 90 },
    { title: T.account, dataIndex: 'account', key: 'account', width: 130 },
    { title: T.idCard, dataIndex: 'idCard', key: 'idCard', width: 190, render: (v: string) => <span className="account-masked">{v}</span> },
    { title: T.phone, dataIndex: 'phone', key: 'phone', width: 120, render: (v: string) => <span className="account-masked">{v}</span> },
    {
      title: T.status,
      dataIndex: 'status',
      key: 'status',
      width: 80,
      render: (v: TAgent['status']) => <StatusTag tone={v === 'active' ? 'success' : 'danger'}>{ACCOUNT_STATUS_TEXT[v]}</StatusTag>,
    },
    {
      title: (
        <Tooltip title="是：该经办人尚未修改初始密码（或密码已被重置），下次登录时须先修改密码">
          <span>{T.mustChangePassword}</span>
        </Tooltip>
      ),
      dataIndex: 'mustChangePassword',
      key: 'mustChangePassword',
      width: 110,
      render: (v: boolean) => (v ? '是' : '否'),
    },
    { title: T.createdAt, dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_: unknown, agent) => (
        <Space size={0}>
          <StatusButton agent={agent} />
          <Button type="link" size="small" onClick={() => setResetting(agent)}>
            重置密码
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title="经办人管理">
      <Alert
        className="account-page-intro"
        type="info"
        showIcon
        message="法人账号用于管理经办人；办理业务请使用经办人账号登录"
        description="办理业务需要使用“法人”账号所创建的“经办人”账号来登录办理。新增的经办人首次登录时须修改初始密码；停用后该经办人无法登录。"
      />
      <div className="account-toolbar">
        <CreateAgentModal />
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void agents.refetch()} loading={agents.isFetching}>
            刷新
          </Button>
          <ExportButton href="/api/agents/export" />
        </Space>
      </div>
      {agents.isError && <Alert className="table-alert" type="error" showIcon message={agents.error.message} />}
      <Table<TAgent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={agents.isPending}
        // the columns fit the table at 1366 px: the fixed 操作 column hides none (创建时间 was under it)
        scroll={{ x: 1010 }}
        pagination={guidePagination({
          page: paging.page,
          pageSize: paging.pageSize,
          total: rows.length,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        })}
      />
      <ResetAgentPasswordModal agent={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
