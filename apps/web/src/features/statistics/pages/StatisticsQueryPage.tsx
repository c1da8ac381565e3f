import { Link } from 'react-router-dom';
import { DatePicker, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { statusesOf, type TApplicationStatus, STATISTICS_FIELDS, statisticsFieldName, type TStatisticsRow } from '@jhrm/contracts';
import { QueryPage, type QueryFilter } from '../../../components/QueryPage';
import { ApplicationStatusTag } from '../../../components/StatusTag';
import { useStatisticsReports, type StatisticsFilters } from '../api/statistics.api';
import { statisticsPath } from '../paths';

type Values = { serviceYear?: number | null; filled?: [Dayjs | null, Dayjs | null] | null; status?: TApplicationStatus };


const FILTERS: QueryFilter[] = [
  { name: 'serviceYear', label: STATISTICS_FIELDS.serviceYear.label, input: <InputNumber min={2000} max={2100} precision={0} controls={false} style={{ width: '100%' }} placeholder="如：2025" /> },
  { name: 'filled', label: STATISTICS_FIELDS.filledOn.label, input: <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} /> },
  { name: 'status', label: '审批状态', input: <Select allowClear placeholder="全部" options={statusesOf(false).map((s) => ({ label: s, value: s }))} /> },
];

function toFilters(v: Values): StatisticsFilters {
  const f: StatisticsFilters = {};
  if (typeof v.serviceYear === 'number') f.serviceYear = v.serviceYear;
  if (v.filled?.[0]) f.filledFrom = v.filled[0].format('YYYY-MM-DD');
  if (v.filled?.[1]) f.filledTo = v.filled[1].format('YYYY-MM-DD');
  if (v.status) f.status = v.status;
  return f;
}

const columns = [
  {
    title: '操作',
    key: 'actions',
    width: 110,
    render: (_: unknown, r: TStatisticsRow) => (
      <Space size="small">
        <Link to={statisticsPath(r.id)}>查看</Link>
        {r.editable && <Link to={statisticsPath(r.id)}>修改</Link>}
      </Space>
    ),
  },
  { title: STATISTICS_FIELDS.serviceYear.label, dataIndex: 'serviceYear', key: 'serviceYear', width: 90 },
  { title: '审批结果', dataIndex: 'status', key: 'status', width: 110, render: (s: TStatisticsRow['status']) => <ApplicationStatusTag status={s} /> },
  { title: STATISTICS_FIELDS.name.label, dataIndex: 'name', key: 'name' },
  { title: STATISTICS_FIELDS.personsServed.label, dataIndex: 'personsServed', key: 'personsServed', width: 110 },
  { title: STATISTICS_FIELDS.statisticsOfficer.label, dataIndex: 'statisticsOfficer', key: 'statisticsOfficer', width: 110 },
  { title: STATISTICS_FIELDS.filler.label, dataIndex: 'filler', key: 'filler', width: 100 },
  { title: statisticsFieldName('fillerPhone'), dataIndex: 'fillerPhone', key: 'fillerPhone', width: 140 },
];

/** 业务基本情况查询 (guide 2.2): the unit's reports by 服务年度, 填表日期 and 审批状态; 查看, and 修改 while editable. */
export default function StatisticsQueryPage() {
  return (
    <QueryPage<Values, StatisticsFilters, TStatisticsRow>
      name="statisticsReports"
      layout="grid"
      title="人力资源服务机构业务基本情况"
      filters={FILTERS}
      toFilters={toFilters}
      useRows={useStatisticsReports}
      rowKey="id"
      columns={columns}
    />
  );
}
