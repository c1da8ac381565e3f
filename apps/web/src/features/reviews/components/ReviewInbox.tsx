import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { REVIEW_ITEM_TYPES, type TReviewInboxItem, type TReviewTab } from '@jhrm/contracts';
import { guidePagerText, INITIAL_PAGE, PAGE_SIZE_OPTIONS } from '../../../components/pagination';
import { StatusTag } from '../../../components/StatusTag';
import { formatDateTime } from '../../../lib/format-datetime';
import { fetchInbox, type InboxFilters } from '../api/reviews.api';
import { DAYS_LEFT_FILTERS } from '../model/days-left';
import { reviewPath } from '../paths';
import { DaysLeftTag } from './DaysLeftTag';
import './reviews.css';

const typeEnum = Object.fromEntries(REVIEW_ITEM_TYPES.map((t) => [t, { text: t }]));
const daysEnum = Object.fromEntries(DAYS_LEFT_FILTERS.map((d) => [String(d.value), { text: d.label }]));

/**
 * 待审核 (deadline first) or 已审核 (newest decision first) of the reviewer's own department,
 * with the filters of the inbox: 业务类型, 机构名称, 统一社会信用代码, 提交日期, 剩余天数.
 */
export function ReviewInbox({ tab }: { tab: TReviewTab }) {
  const [paging, setPaging] = useState<{ page: number; pageSize: number }>(INITIAL_PAGE);
  const pending = tab === '待审核';

  const columns: ProColumns<TReviewInboxItem>[] = [
    {
      title: '操作',
      key: 'open',
      valueType: 'option',
      width: 70,
      render: (_, row) => [
        <Link key="open" to={reviewPath(row.id)}>
          {row.status === '待审核' ? '审核' : '查看'}
        </Link>,
      ],
    },
    { title: '业务类型', dataIndex: 'type', valueType: 'select', valueEnum: typeEnum, width: 90 },
    { title: '机构名称', dataIndex: 'institutionName', ellipsis: true, search: { transform: (v: string) => ({ name: v }) } },
    { title: '统一社会信用代码', dataIndex: 'uscc', width: 180 },
    { title: '申请类型', dataIndex: 'kind', width: 80, search: false, render: (_, r) => r.kind ?? '' },
    { title: '轮次', dataIndex: 'round', width: 70, search: false, render: (_, r) => `第${r.round}轮` },
    {
      title: '提交时间',
      dataIndex: 'submittedAt',
      valueType: 'dateRange',
      width: 150,
      render: (_, r) => formatDateTime(r.submittedAt),
      search: { transform: (v: [string, string]) => ({ submittedFrom: v[0], submittedTo: v[1] }) },
    },
    ...(pending
      ? ([
          { title: '受理', dataIndex: 'acceptedAt', width: 100, search: false, render: (_, r) => (r.acceptedAt ? formatDateTime(r.acceptedAt).slice(0, 10) : <StatusTag tone="info">未受理</StatusTag>) },
          { title: '办理期限', dataIndex: 'dueOn', width: 110, search: false },
          {
            title: '剩余天数',
            dataIndex: 'daysLeft',
            width: 120,
            valueType: 'select',
            valueEnum: daysEnum,
            render: (_, r) => <DaysLeftTag daysLeft={r.daysLeft} dueOn={r.dueOn} />,
            search: { transform: (v: string) => ({ maxDaysLeft: Number(v) }) },
          },
        ] satisfies ProColumns<TReviewInboxItem>[])
      : ([
          {
            title: '审核结果',
            dataIndex: 'lastDecision',
            width: 120,
            search: false,
            render: (_, r) => (r.lastDecision ? <StatusTag tone={r.lastDecision.decision === '审核通过' ? 'success' : 'danger'}>{r.lastDecision.decision}</StatusTag> : ''),
          },
          { title: '审核时间', dataIndex: ['lastDecision', 'decidedAt'], width: 150, search: false, render: (_, r) => formatDateTime(r.lastDecision?.decidedAt) },
          { title: '当前状态', dataIndex: 'status', width: 100, search: false },
        ] satisfies ProColumns<TReviewInboxItem>[])),
  ];

  return (
    <ProTable<TReviewInboxItem, InboxFilters & { tab: TReviewTab }>
      rowKey="id"
      headerTitle={pending ? '待审核（按办理期限排序）' : '已审核（本部门作出审核结论的申请）'}
      columns={columns}
      params={{ tab }}
      request={async (params) => {
        // the table's own keys are dropped; the rest are the transformed search fields
        const { current = 1, pageSize = INITIAL_PAGE.pageSize, tab: _tab, ...filters } = params;
        const page = await fetchInbox(tab, filters, current, pageSize);
        return { data: page.items, total: page.total, success: true };
      }}
      rowClassName={(r) => (r.overdue ? 'review-row-overdue' : '')}
      search={{ labelWidth: 'auto', searchText: '查询', resetText: '清空', defaultCollapsed: false }}
      options={{ reload: true, density: false, setting: false }}
      locale={{ emptyText: '没有数据' }}
      scroll={{ x: 1100 }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZE_OPTIONS.map(String),
        showTotal: (total) => guidePagerText(paging.page, paging.pageSize, total),
        onChange: (page, pageSize) => setPaging({ page: pageSize !== paging.pageSize ? 1 : page, pageSize }),
      }}
    />
  );
}
