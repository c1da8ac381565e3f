import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Segmented, type TableColumnsType } from 'antd';
import type { TNotification } from '@jhrm/contracts';
import { INITIAL_PAGE } from '../../../components/pagination';
import { ServerTable } from '../../../components/ServerTable';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format-datetime';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../api/notifications.api';
import './messages.css';
import { NoData } from '../../../components/NoData';

/** 消息中心: the signed-in user's messages (审核结论 and others), newest first. */
export default function MessagesPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);
  const [expanded, setExpanded] = useState<string[]>([]);
  const list = useNotifications(unreadOnly, paging.page, paging.pageSize);
  const unread = useUnreadCount().data?.unread ?? 0;
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const read = (n: TNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
  };
  const open = (n: TNotification) => {
    read(n);
    if (n.link) void navigate(n.link);
  };

  const columns: TableColumnsType<TNotification> = [
    { title: '状态', dataIndex: 'readAt', key: 'readAt', width: 80, render: (v: string | null) => (v ? <StatusTag tone="neutral">已读</StatusTag> : <StatusTag tone="info">未读</StatusTag>) },
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      render: (title: string, n) => (
        <Button type="link" className={`msg-title${n.readAt ? '' : ' is-unread'}`} onClick={() => open(n)}>
          {title}
        </Button>
      ),
    },
    { title: '时间', dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <Card
      size="small"
      title={`消息中心${unread ? `（${unread}条未读）` : ''}`}
      extra={
        <Button
          disabled={!unread}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: (r) => void message.success(`已将${r.updated}条消息标为已读`),
              onError: (e) => void message.error(e.message),
            })
          }
        >
          全部标为已读
        </Button>
      }
    >
      <Segmented
        className="msg-filter"
        value={unreadOnly ? 'unread' : 'all'}
        options={[
          { label: '全部消息', value: 'all' },
          { label: '未读消息', value: 'unread' },
        ]}
        onChange={(v) => {
          setUnreadOnly(v === 'unread');
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      />
      <ServerTable<TNotification>
        rowKey="id"
        columns={columns}
        query={list}
        paging={paging}
        onPaging={(page, pageSize) => setPaging({ page, pageSize })}
        locale={{ emptyText: <NoData text="没有消息" /> }}
        expandable={{
          expandedRowKeys: expanded,
          expandRowByClick: false,
          onExpand: (isOpen, n) => {
            setExpanded((keys) => (isOpen ? [...keys, n.id] : keys.filter((k) => k !== n.id)));
            if (isOpen) read(n);
          },
          expandedRowRender: (n) => (
            <div className="msg-body">
              <p>{n.body}</p>
              {n.link && (
                <Button size="small" type="primary" onClick={() => open(n)}>
                  前往查看
                </Button>
              )}
            </div>
          ),
        }}
      />
    </Card>
  );
}
