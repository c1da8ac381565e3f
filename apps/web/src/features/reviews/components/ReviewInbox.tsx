import { Link } from 'react-router-dom';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { REVIEW_ITEM_TYPES, type TReviewInboxItem, type TReviewTab } from '@jhrm/contracts';
import { StatusTag } from '../../../components/StatusTag';
import { ServerTable } from '../../../components/ServerTable';
import { useListSearch } from '../../../components/server-list';
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
}

const TYPE_OPTIONS = REVIEW_ITEM_TYPES.map((t) => ({ label: t, value: t }));
const DAYS_OPTIONS = DAYS_LEFT_FILTERS.map((d) => ({ label: d.label, value: d.value }));

/** The form's values as the API's filters: blanks left out, the date range as two days. */
export function toInboxFilters(v: FilterValues): InboxFilters {
  const f: InboxFilters = {};
  if (v.type) f.type = v.type;
  if (v.name?.trim()) f.name = v.name.trim();
  if (v.uscc?.trim()) f.uscc = v.uscc.trim().toUpperCase();
  if (v.submitted?.[0]) f.submittedFrom = v.submitted[0].format('YYYY-MM-DD');
  if (v.submitted?.[1]) f.submittedTo = v.submitted[1].format('YYYY-MM-DD');
  if (v.maxDaysLeft !== undefined && v.maxDaysLeft !== null) f.maxDaysLeft = v.maxDaysLeft;
  return f;
}

/**
 * 待审核 (deadline first) or 已审核 (newest decision first) of the reviewer's own department,
 * with the filters of the inbox: 业务类型, 机构名称, 统一社会信用代码, 提交日期, 剩余天数.
 * Plain antd Form + Table like the other lists: ProTable would pull its value-type fields (colour
 * picker and all) into a 160 KB chunk, and through antd's shared modules onto the login page.
 */
export function ReviewInbox({ tab }: { tab: TReviewTab }) {
  const pending = tab === '待审核';
  const [form] = Form.useForm<FilterValues>();
  const list = useListSearch<InboxFilters>({});
  const { paging } = list;
  const inbox = useInbox(tab, list.filters, paging.page, paging.pageSize, list.searches);

  const search = (values: FilterValues) => list.search(toInboxFilters(values));
  const reset = () => {
    form.resetFields();
    list.search({});
  };

  const columns: TableColumnsType<TReviewInboxItem> = [
    {
      title: '操作',
      key: 'open',
      width: 70,
      render: (_: unknown, row) => <Link to={reviewPath(row.id)}>{row.status === '待审核' ? '审核' : '查看'}</Link>,
    },
    { title: '业务类型', dataIndex: 'type', key: 'type', width: 90 },
    { title: '机构名称', dataIndex: 'institutionName', key: 'institutionName', width: 260, ellipsis: { showTitle: true } },
    { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 180 },
    { title: '申请类型', dataIndex: 'kind', key: 'kind', width: 80, render: (v: string | null) => v ?? '' },
    { title: '轮次', dataIndex: 'round', key: 'round', width: 70, render: (v: number) => `第${v}轮` },
    { title: '提交时间', dataIndex: 'submittedAt', key: 'submittedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
    ...(pending
      ? ([
          {
            title: '受理',
            dataIndex: 'acceptedAt',
            key: 'acceptedAt',
            width: 100,
            render: (v: string | null) => (v ? formatDateTime(v).slice(0, 10) : <StatusTag tone="info">未受理</StatusTag>),
          },
          { title: '办理期限', dataIndex: 'dueOn', key: 'dueOn', width: 110 },
          { title: '剩余天数', dataIndex: 'daysLeft', key: 'daysLeft', width: 120, render: (_: unknown, r) => <DaysLeftTag daysLeft={r.daysLeft} dueOn={r.dueOn} /> },
        ] satisfies TableColumnsType<TReviewInboxItem>)
      : ([
          {
            title: '审核结果',
            key: 'decision',
            width: 120,
            render: (_: unknown, r) =>
              r.lastDecision ? <StatusTag tone={r.lastDecision.decision === '审核通过' ? 'success' : 'danger'}>{r.lastDecision.decision}</StatusTag> : '',
          },
          { title: '审核时间', key: 'decidedAt', width: 150, render: (_: unknown, r) => formatDateTime(r.lastDecision?.decidedAt) },
          { title: '当前状态', dataIndex: 'status', key: 'status', width: 100 },
        ] satisfies TableColumnsType<TReviewInboxItem>)),
  ];

  const col = { xs: 24, md: 12, xl: 8 };
  return (
    <div className="review-inbox">
      <Card size="small" title="查询条件">
        <Form<FilterValues> form={form} name={`reviewInbox-${tab}`} layout="horizontal" labelCol={{ flex: '120px' }} wrapperCol={{ flex: '1 1 0' }} onFinish={search}>
          <Row gutter={16}>
            <Col {...col}>
              <Form.Item name="type" label="业务类型">
                <Select allowClear placeholder="全部" options={TYPE_OPTIONS} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="name" label="机构名称">
                <Input maxLength={100} allowClear autoComplete="off" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="uscc" label="统一社会信用代码">
                <Input maxLength={18} allowClear autoComplete="off" />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="submitted" label="提交日期">
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            {pending && (
              <Col {...col}>
                <Form.Item name="maxDaysLeft" label="剩余天数">
                  <Select allowClear placeholder="全部" options={DAYS_OPTIONS} />
                </Form.Item>
              </Col>
            )}
          </Row>
          <div className="review-filter-actions">
            <Button type="primary" htmlType="submit" loading={inbox.isFetching}>
              查询
            </Button>
            <Button onClick={reset}>清空</Button>
          </div>
        </Form>
      </Card>
      <Card size="small" title={pending ? '待审核（按办理期限排序）' : '已审核（本部门作出审核结论的申请）'}>
        <ServerTable<TReviewInboxItem>
          rowKey="id"
          columns={columns}
          query={inbox}
          paging={paging}
          onPaging={list.setPaging}
          rowClassName={(r) => (r.overdue ? 'review-row-overdue' : '')}
          scroll={{ x: 1320 }}
        />
      </Card>
    </div>
  );
}
