import { Link } from 'react-router-dom';
import { DatePicker, Input, Select, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { ACCEPTANCE_FILTERS, declaredKinds, REVIEW_INBOX_TITLES as T, type TReviewInboxItem, type TReviewTab } from '@jhrm/contracts';
import { buildUrl } from '../../../lib/api-client';
import { ApplicationStatusTag, StatusTag } from '../../../components/StatusTag';
import { QueryPage, type QueryFilter } from '../../../components/QueryPage';
import type { Paging } from '../../../components/server-list';
import { formatDateTime } from '../../../lib/format-datetime';
import { useInbox, type InboxFilters } from '../api/reviews.api';
import { DAYS_LEFT_FILTERS } from '../model/days-left';
import { reviewPath } from '../paths';
import { DaysLeftTag } from './DaysLeftTag';
import './reviews.css';

interface FilterValues {
  type?: string;
  name?: string;
  uscc?: string;
  submitted?: [Dayjs | null, Dayjs | null] | null;
  maxDaysLeft?: number;
  accepted?: string;
}

// 业务类型: the kinds declared in contracts (统计 and 诚信 join once they are declared)
const TYPE_OPTIONS = declaredKinds().map((k) => ({ label: k.name, value: k.name }));
const DAYS_OPTIONS = DAYS_LEFT_FILTERS.map((d) => ({ label: d.label, value: d.value }));
const usePendingInbox = (filters: InboxFilters, paging: Paging, searches: number) => useInbox('待审核', filters, paging, searches);
const useDoneInbox = (filters: InboxFilters, paging: Paging, searches: number) => useInbox('已审核', filters, paging, searches);

/** The form's values as the API's filters: blanks left out, the date range as two days. */
export function toInboxFilters(v: FilterValues): InboxFilters {
  const f: InboxFilters = {};
  if (v.type) f.type = v.type;
  if (v.name?.trim()) f.name = v.name.trim();
  if (v.uscc?.trim()) f.uscc = v.uscc.trim().toUpperCase();
  if (v.submitted?.[0]) f.submittedFrom = v.submitted[0].format('YYYY-MM-DD');
  if (v.submitted?.[1]) f.submittedTo = v.submitted[1].format('YYYY-MM-DD');
  if (v.maxDaysLeft !== undefined && v.maxDaysLeft !== null) f.maxDaysLeft = v.maxDaysLeft;
  if (v.accepted) f.accepted = v.accepted;
  return f;
}

/**
 * 待审核 (deadline first) or 已审核 (newest decision first) of the reviewer's own department,
 * with the filters of the inbox: 业务类型, 机构名称, 统一社会信用代码, 提交日期, 剩余工作日 (which a
 * link from the 主页's 待办 presets).
 * The shared QueryPage (plain antd Form + Table): ProTable would pull its value-type fields (colour
 * picker and all) into a 160 KB chunk, and through antd's shared modules onto the login page.
 */
export function ReviewInbox({
  tab,
  presetDaysLeft,
  presetAccepted,
}: {
  tab: TReviewTab;
  /** 剩余天数 a link brought (待审核 only) */
  presetDaysLeft?: number;
  /** 待受理 / 已受理 a link brought (待审核 only) */
  presetAccepted?: string;
}) {
  const pending = tab === '待审核';

  const columns: TableColumnsType<TReviewInboxItem> = [
    {
      title: '操作',
      key: 'open',
      width: 70,
      render: (_: unknown, row) => <Link to={reviewPath(row.id)}>{row.status === '待审核' ? '审核' : '查看'}</Link>,
    },
    {
      title: T.type,
      dataIndex: 'type',
      key: 'type',
      width: 150,
      // a report past its legal limit (变更: 条例 第二十一条's 15 days) says how late it came
      render: (v: string, r) => (
        <>
          {v}
          {r.lateDays ? <StatusTag tone="warning">逾期报告{r.lateDays}天</StatusTag> : null}
          {r.procedure === '告知承诺' ? <StatusTag tone="info">告知承诺</StatusTag> : null}
        </>
      ),
    },
    { title: T.institutionName, dataIndex: 'institutionName', key: 'institutionName', width: 260, ellipsis: { showTitle: true } },
    { title: T.uscc, dataIndex: 'uscc', key: 'uscc', width: 180 },
    { title: T.kind, dataIndex: 'kind', key: 'kind', width: 80, render: (v: string | null) => v ?? '' },
    { title: T.round, dataIndex: 'round', key: 'round', width: 70, render: (v: number) => `第${v}轮` },
    { title: T.submittedAt, dataIndex: 'submittedAt', key: 'submittedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
    ...(pending
      ? ([
          {
            title: T.acceptedAt,
            dataIndex: 'acceptedAt',
            key: 'acceptedAt',
            width: 110,
            // 待受理: the acceptance step's decision is due (受理期限); a kind without the step is decided directly
            render: (v: string | null, r) =>
              !r.acceptance ? '无需受理' : v ? <StatusTag tone="success">已受理 {formatDateTime(v).slice(0, 10)}</StatusTag> : <StatusTag tone="warning">待受理</StatusTag>,
          },
          { title: T.dueOn, dataIndex: 'dueOn', key: 'dueOn', width: 130, render: (v: string | null, r) => (v && r.acceptance && !r.acceptedAt ? `${v}（受理期限）` : v) },
          { title: T.daysLeft, dataIndex: 'daysLeft', key: 'daysLeft', width: 120, render: (_: unknown, r) => <DaysLeftTag daysLeft={r.daysLeft} dueOn={r.dueOn} /> },
        ] satisfies TableColumnsType<TReviewInboxItem>)
      : ([
          {
            title: T.decision,
            key: 'decision',
            width: 120,
            render: (_: unknown, r) =>
              r.lastDecision ? <StatusTag tone={r.lastDecision.decision === '审核通过' ? 'success' : 'danger'}>{r.lastDecision.decision}</StatusTag> : '',
          },
          { title: T.decidedAt, key: 'decidedAt', width: 150, render: (_: unknown, r) => formatDateTime(r.lastDecision?.decidedAt) },
          { title: T.status, dataIndex: 'status', key: 'status', width: 100, render: (v: TReviewInboxItem['status']) => <ApplicationStatusTag status={v} /> },
        ] satisfies TableColumnsType<TReviewInboxItem>)),
  ];

  const filters: (QueryFilter | false)[] = [
    { name: 'type', label: '业务类型', input: <Select allowClear placeholder="全部" options={TYPE_OPTIONS} /> },
    { name: 'name', label: '机构名称', input: <Input maxLength={100} allowClear autoComplete="off" /> },
    { name: 'uscc', label: '统一社会信用代码', input: <Input maxLength={18} allowClear autoComplete="off" /> },
    { name: 'submitted', label: '提交日期', input: <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} /> },
    pending && { name: 'accepted', label: '受理', input: <Select allowClear placeholder="全部" options={ACCEPTANCE_FILTERS.map((a) => ({ label: a, value: a }))} /> },
    pending && { name: 'maxDaysLeft', label: '剩余工作日', input: <Select allowClear placeholder="全部" options={DAYS_OPTIONS} /> },
  ];
  return (
    <QueryPage<FilterValues, InboxFilters, TReviewInboxItem>
      key={`${tab}:${presetDaysLeft ?? ''}:${presetAccepted ?? ''}`}
      name={`reviewInbox-${tab}`}
      preset={
        pending && (presetDaysLeft !== undefined || presetAccepted)
          ? { ...(presetDaysLeft !== undefined ? { maxDaysLeft: presetDaysLeft } : {}), ...(presetAccepted ? { accepted: presetAccepted } : {}) }
          : undefined
      }
      layout="grid"
      actionsAlign="center"
      title={pending ? '待审核（按办理期限排序）' : '已审核（本部门作出审核结论的申请）'}
      filters={filters}
      toFilters={toInboxFilters}
      useRows={pending ? usePendingInbox : useDoneInbox}
      exportUrl={(f) => buildUrl('/api/reviews/export', { tab, ...f })}
      rowKey="id"
      columns={columns}
      rowClassName={(r) => (r.overdue ? 'review-row-overdue' : '')}
      scroll={{ x: 1320 }}
    />
  );
}
