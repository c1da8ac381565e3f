import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Row, Select, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { BellOutlined, DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { isApiError } from '../../../lib/api-client';
import type { EChartsCoreOption } from 'echarts/core';
import type { TIndicatorValues, TStatisticsDashboard, TStatisticsIndicator, TStatisticsMissingItem } from '@jhrm/contracts';
import { ServerTable } from '../../../components/ServerTable';
import { INITIAL_PAGE } from '../../../components/pagination';
import type { Paging } from '../../../components/server-list';
import { Spinner } from '../../../components/Spinner';
import { StatusTag, type StatusTone } from '../../../components/StatusTag';
import { useKeyboardScroll } from '../../../components/useKeyboardScroll';
import { exportUrl, useDashboard, useMissing, useUrge } from '../api/analysis.api';
import { IndicatorChart } from '../components/IndicatorChart';
import { INDICATORS, formatChange, formatIndicator, selectableYears } from '../model/indicators';
import '../components/statistics-analysis.css';

type Group = { reports: number; values: TIndicatorValues };
const REPORTS = '报送机构数';

/** The indicator columns of a summary table, after its first column. */
function indicatorColumns<R extends Group>(): TableColumnsType<R> {
  return [
    { title: REPORTS, key: 'reports', align: 'right', width: 100, render: (_: unknown, r) => r.reports.toLocaleString('zh-CN') },
    ...INDICATORS.map(({ key, label }) => ({ title: label, key, align: 'right' as const, width: 130, render: (_: unknown, r: R) => formatIndicator(key, r.values[key]) })),
  ];
}

const barOption = (names: string[], series: { name: string; data: number[] }[], horizontal = false): EChartsCoreOption => ({
  tooltip: { trigger: 'axis' },
  legend: series.length > 1 ? { top: 0 } : undefined,
  grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
  [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: names, axisLabel: { interval: 0, ...(horizontal ? {} : { rotate: names.length > 4 ? 30 : 0 }) } },
  [horizontal ? 'xAxis' : 'yAxis']: { type: 'value' },
  series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data })),
});

/** 按服务年度: the year and the one before, each indicator with its change. */
function ByYear({ d }: { d: TStatisticsDashboard }) {
  const [before, now] = d.byYear as [TStatisticsDashboard['byYear'][number], TStatisticsDashboard['byYear'][number]];
  type Row = { key: string; label: string; before: string; now: string; change: number | null };
  const rows: Row[] = [
    { key: 'reports', label: REPORTS, before: before.reports.toLocaleString('zh-CN'), now: now.reports.toLocaleString('zh-CN'), change: d.change.reports },
    ...INDICATORS.map(({ key, label }) => ({ key, label, before: formatIndicator(key, before.values[key]), now: formatIndicator(key, now.values[key]), change: d.change.values[key] })),
  ];
  const option = useMemo(
    () =>
      barOption(
        [REPORTS, ...INDICATORS.map((i) => i.label)],
        [before, now].map((g) => ({ name: `${g.year}年`, data: [g.reports, ...INDICATORS.map((i) => g.values[i.key])] })),
        true,
      ),
    [before, now],
  );
  const columns: TableColumnsType<Row> = [
    { title: '指标', dataIndex: 'label', key: 'label' },
    { title: `${before.year}年`, dataIndex: 'before', key: 'before', align: 'right' },
    { title: `${now.year}年`, dataIndex: 'now', key: 'now', align: 'right' },
    {
      title: '同比',
      dataIndex: 'change',
      key: 'change',
      align: 'right',
      render: (v: number | null) => <span className={v === null ? '' : v >= 0 ? 'analysis-up' : 'analysis-down'}>{formatChange(v)}</span>,
    },
  ];
  return (
    <Card title="按服务年度（同比）" size="small" className="analysis-card">
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <IndicatorChart option={option} label={`${before.year}年与${now.year}年主要指标对比图`} height={380} />
        </Col>
        <Col xs={24} xl={12}>
          <Table<Row> size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} />
        </Col>
      </Row>
    </Card>
  );
}

/** 按地区 / 按机构类型: a chart of the chosen indicator beside the table of them all. */
function Breakdown<R extends Group>({ title, rows, nameOf, first, chart }: { title: string; rows: R[]; nameOf: (r: R) => string; first: string; chart: 'bar' | 'pie' }) {
  const [indicator, setIndicator] = useState<TStatisticsIndicator | 'reports'>('reports');
  const scrollRef = useKeyboardScroll();
  const label = indicator === 'reports' ? REPORTS : INDICATORS.find((i) => i.key === indicator)!.label;
  const value = (r: R) => (indicator === 'reports' ? r.reports : r.values[indicator]);
  const option = useMemo<EChartsCoreOption>(
    () =>
      chart === 'pie'
        ? {
            tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
            legend: { bottom: 0, type: 'scroll' },
            series: [{ type: 'pie', name: label, radius: ['35%', '65%'], top: -24, data: rows.map((r) => ({ name: nameOf(r), value: value(r) })) }],
          }
        : barOption(
            rows.map(nameOf),
            [{ name: label, data: rows.map(value) }],
          ),
    [rows, indicator, chart],
  );
  const columns: TableColumnsType<R> = [{ title: first, key: 'name', fixed: 'left', width: 170, render: (_: unknown, r) => nameOf(r) }, ...indicatorColumns<R>()];
  return (
    <Card
      title={title}
      size="small"
      className="analysis-card"
      extra={
        <Select
          size="small"
          aria-label={`${title}图表指标`}
          value={indicator}
          onChange={setIndicator}
          style={{ width: 220 }}
          options={[{ value: 'reports', label: REPORTS }, ...INDICATORS.map((i) => ({ value: i.key, label: i.label }))]}
        />
      }
    >
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          {rows.length ? <IndicatorChart option={option} label={`${title}${label}图`} /> : <Typography.Text type="secondary">暂无数据</Typography.Text>}
        </Col>
        <Col xs={24} xl={15} ref={scrollRef}>
          <Table<R> size="small" rowKey={nameOf} columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />
        </Col>
      </Row>
    </Card>
  );
}

const REASON_TONE: Record<TStatisticsMissingItem['reason'], StatusTone> = { 未填报: 'danger', 未提交: 'warning', 审核不通过: 'danger' };

/** 2027-03-31 → 2027年3月31日 */
const formatDay = (day: string) => `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

function Missing({ year, count, deadline }: { year: number; count: number; deadline: string }) {
  const { message, modal } = App.useApp();
  const [paging, setPaging] = useState<Paging>(INITIAL_PAGE);
  const query = useMissing(year, paging);
  const urge = useUrge();
  // the server decides (Beijing time); the button only says what it would answer before the deadline
  const open = dayjs().format('YYYY-MM-DD') > deadline;
  const columns: TableColumnsType<TStatisticsMissingItem> = [
    { title: '服务机构名称', dataIndex: 'name', key: 'name' },
    { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 200 },
    { title: '机构类型', dataIndex: 'category', key: 'category', width: 180, render: (v: string | null) => v ?? '' },
    { title: '审批部门', dataIndex: 'departmentName', key: 'departmentName', width: 240 },
    { title: '报送情况', dataIndex: 'reason', key: 'reason', width: 110, render: (v: TStatisticsMissingItem['reason']) => <StatusTag tone={REASON_TONE[v]}>{v}</StatusTag> },
  ];
  const onUrge = () =>
    modal.confirm({
      title: '一键催报',
      content: `向${year}年度未报送业务基本情况的 ${count} 家持证机构发送催报（消息中心和短信）？今日已催报过的机构不再重复发送。`,
      okText: '发送催报',
      cancelText: '取消',
      onOk: async () => {
        try {
          const r = await urge.mutateAsync(year);
          void message.success(`已向 ${r.urged} 家机构发送催报${r.alreadyToday ? `（${r.alreadyToday} 家今日已催报过，未重复发送）` : ''}`);
        } catch (e) {
          if (isApiError(e)) void message.error(e.message);
        }
      },
    });
  return (
    <Card
      title={`${year}年度未报送的持证机构（${count}家）`}
      size="small"
      className="analysis-card"
      extra={
        <Space wrap>
          <Typography.Text type="secondary">报送截止日期：{formatDay(deadline)}{open ? '（已过）' : '（截止前系统自动提醒）'}</Typography.Text>
          <Button icon={<BellOutlined />} onClick={onUrge} disabled={!open || count === 0} loading={urge.isPending}>
            一键催报
          </Button>
        </Space>
      }
    >
      <ServerTable<TStatisticsMissingItem> rowKey="institutionId" columns={columns} query={query} paging={paging} onPaging={(page, pageSize) => setPaging({ page, pageSize })} />
    </Card>
  );
}

/** 统计分析: the approved annual reports of the reviewer's area (the province for admins). */
export default function StatisticsAnalysisPage() {
  const lastYear = new Date().getFullYear() - 1;
  const [year, setYear] = useState(lastYear);
  const dashboard = useDashboard(year);
  const d = dashboard.data;
  const now = d?.byYear[1];

  return (
    <Space direction="vertical" size="middle" className="analysis-page">
      <Card size="small">
        <Space wrap className="analysis-toolbar">
          <span>
            服务年度：
            <Select aria-label="服务年度" value={year} onChange={setYear} style={{ width: 120 }} options={selectableYears(lastYear).map((y) => ({ value: y, label: `${y}年` }))} />
          </span>
          <Button type="primary" icon={<DownloadOutlined />} href={exportUrl(year)}>
            导出
          </Button>
          {d && (
            <Typography.Text type="secondary">
              统计范围：{d.area.name}（审核通过的业务基本情况报告）；持证机构 {d.licensed} 家，已报送 {d.licensed - d.missing} 家
            </Typography.Text>
          )}
        </Space>
      </Card>
      {dashboard.isError && <Alert type="error" showIcon message={dashboard.error.message} />}
      {!d && dashboard.isPending && <Spinner />}
      {d && now && (
        <>
          <Card title={`${d.year}年度主要指标`} size="small" className="analysis-card">
            <Row gutter={[16, 16]}>
              <Col xs={12} md={8} xl={6} xxl={4}>
                <Statistic title={REPORTS} value={now.reports} suffix={<small className="analysis-change">同比 {formatChange(d.change.reports)}</small>} />
              </Col>
              {INDICATORS.map(({ key, label }) => (
                <Col key={key} xs={12} md={8} xl={6} xxl={4}>
                  <Statistic title={label} value={formatIndicator(key, now.values[key])} suffix={<small className="analysis-change">同比 {formatChange(d.change.values[key])}</small>} />
                </Col>
              ))}
            </Row>
          </Card>
          <ByYear d={d} />
          <Breakdown title="按地区" first="地区" rows={d.byArea} nameOf={(r) => r.name} chart="bar" />
          <Breakdown title="按机构类型" first="机构类型" rows={d.byCategory} nameOf={(r) => r.category} chart="pie" />
          <Missing year={d.year} count={d.missing} deadline={d.reportDeadline} />
        </>
      )}
    </Space>
  );
}
