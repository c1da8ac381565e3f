import { useState } from 'react';
import { Button, Select, Typography, type TableColumnsType } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { TAppeal } from '@jhrm/contracts';
import { QueryPage, type QueryFilter } from '../../../components/QueryPage';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format-datetime';
import { appealFileUrl, useAppeals, type AppealStatus } from '../api/admin-appeals.api';
import { HandleAppealModal } from '../components/HandleAppealModal';
import { formatFileSize } from '../components/file-size';
import './admin-pages.css';

type StatusFilter = 'all' | AppealStatus;
interface QueryValues {
  status: StatusFilter;
}

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: '待处理', label: '待处理' },
  { value: '已处理', label: '已处理' },
];
const INITIAL_QUERY: QueryValues = { status: 'all' };
const FILTERS: QueryFilter[] = [{ name: 'status', label: '状态', input: <Select<StatusFilter> options={STATUS_OPTIONS} style={{ width: 140 }} /> }];
const toFilters = (values: QueryValues) => (values.status === 'all' ? undefined : values.status);

function Attachments({ appeal }: { appeal: TAppeal }) {
  if (appeal.attachments.length === 0) return <span className="appeal-muted">无</span>;
  return (
    <ul className="appeal-files">
      {appeal.attachments.map((f) => (
        <li key={f.id}>
          <a href={appealFileUrl(appeal.id, f.id)} download={f.name} title={`下载 ${f.name}（${formatFileSize(f.size)}）`}>
            <PaperClipOutlined aria-hidden /> {f.name}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** 账号申诉处理 (administrators): the appeals filed from the login page, and their handling. */
export default function AppealsPage() {
  const [handling, setHandling] = useState<TAppeal | null>(null);

  const columns: TableColumnsType<TAppeal> = [
    { title: '申诉时间', dataIndex: 'createdAt', key: 'createdAt', width: 140, render: (v: string) => formatDateTime(v) },
    { title: '账号', dataIndex: 'account', key: 'account', width: 120 },
    { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 175 },
    { title: '联系人', dataIndex: 'contact', key: 'contact', width: 90 },
    { title: '手机号码', dataIndex: 'phone', key: 'phone', width: 115, render: (v: string) => <span className="appeal-nowrap">{v}</span> },
    {
      title: '申诉说明',
      dataIndex: 'description',
      key: 'description',
      width: 240,
      render: (v: string) => (
        <Typography.Paragraph
          className="appeal-description"
          ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (expanded: boolean) => (expanded ? '收起' : '展开') }}
        >
          {v}
        </Typography.Paragraph>
      ),
    },
    { title: '附件', key: 'attachments', width: 170, render: (_: unknown, a) => <Attachments appeal={a} /> },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 80,
      render: (v: AppealStatus) => <StatusTag tone={v === '待处理' ? 'warning' : 'success'}>{v}</StatusTag>,
    },
    {
      title: '处理结果',
      dataIndex: 'reply',
      key: 'reply',
      width: 200,
      render: (_: unknown, a) =>
        a.reply ? (
          <div>
            <Typography.Paragraph className="appeal-description" ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (expanded: boolean) => (expanded ? '收起' : '展开') }}>
              {a.reply}
            </Typography.Paragraph>
            {a.action && a.action !== '仅回复' && <div className="appeal-muted">处理方式：{a.action}</div>}
            {a.handledAt && <div className="appeal-muted">处理时间：{formatDateTime(a.handledAt)}</div>}
          </div>
        ) : (
          ''
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 70,
      fixed: 'right',
      render: (_: unknown, a) =>
        a.status === '待处理' ? (
          <Button type="link" size="small" onClick={() => setHandling(a)}>
            处理
          </Button>
        ) : null,
    },
  ];

  return (
    <QueryPage<QueryValues, AppealStatus | undefined, TAppeal>
      name="appealQuery"
      layout="inline"
      title="账号申诉处理"
      filters={FILTERS}
      initialValues={INITIAL_QUERY}
      toFilters={toFilters}
      useRows={useAppeals}
      rowKey="id"
      columns={columns}
      scroll={{ x: 1400 }}
    >
      <HandleAppealModal appeal={handling} onClose={() => setHandling(null)} />
    </QueryPage>
  );
}
