import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Table, Tooltip, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { TSessionInfo } from '@jhrm/contracts';
import { guidePagination, INITIAL_PAGE } from '../../../components/pagination';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format-datetime';
import { useEndSession, useMySessions } from '../api/sessions.api';
import { shortUserAgent } from './user-agent';
import './account-pages.css';

function EndSessionButton({ session }: { session: TSessionInfo }) {
  const { message } = App.useApp();
  const end = useEndSession();
  return (
    <Popconfirm
      title="确定结束该会话？"
      description="该设备上的登录将立即退出。"
      okText="结束会话"
      cancelText="取消"
      okButtonProps={{ danger: true, className: 'account-danger-solid' }}
      onConfirm={() =>
        end
          .mutateAsync(session.id)
          .then(() => void message.success('会话已结束'))
          .catch((e: Error) => void message.error(e.message))
      }
    >
      <Button type="link" size="small" danger className="account-danger-link">
        结束会话
      </Button>
    </Popconfirm>
  );
}

const columns: TableColumnsType<TSessionInfo> = [
  { title: '登录时间', dataIndex: 'createdAt', key: 'createdAt', width: 170, render: (v: string) => formatDateTime(v, true) },
  { title: '最近活动', dataIndex: 'lastSeenAt', key: 'lastSeenAt', width: 170, render: (v: string) => formatDateTime(v, true) },
  { title: 'IP', dataIndex: 'ip', key: 'ip', width: 150, render: (v: string | null) => v ?? '未知' },
  {
    title: '浏览器',
    dataIndex: 'userAgent',
    key: 'userAgent',
    render: (v: string | null) => (v ? <Tooltip title={v}><span>{shortUserAgent(v)}</span></Tooltip> : '未知'),
  },
  { title: '状态', dataIndex: 'current', key: 'current', width: 100, render: (v: boolean) => (v ? <StatusTag tone="info">当前会话</StatusTag> : '') },
  {
    title: '操作',
    key: 'actions',
    width: 100,
    render: (_: unknown, s) => (s.current ? null : <EndSessionButton session={s} />),
  },
];

/** 登录会话: where this account is signed in; other sessions can be ended from here. */
export function SessionsCard() {
  const sessions = useMySessions();
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);
  const rows = sessions.data ?? [];
  return (
    <Card
      size="small"
      title="登录会话"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={() => void sessions.refetch()} loading={sessions.isFetching}>
          刷新
        </Button>
      }
    >
      <p className="account-page-intro">本账号当前已登录的设备。如有不认识的登录，请结束该会话并修改密码。</p>
      {sessions.isError && <Alert className="table-alert" type="error" showIcon message={sessions.error.message} />}
      <Table<TSessionInfo>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={sessions.isPending}
        scroll={{ x: 860 }}
        pagination={guidePagination({
          page: paging.page,
          pageSize: paging.pageSize,
          total: rows.length,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        })}
      />
    </Card>
  );
}
