import { Alert, App, Button, Card, Descriptions, Table } from 'antd';
import { Link, useParams } from 'react-router-dom';
import type { TSpotCheckTaskRow } from '@jhrm/contracts';
import { Spinner } from '../../../components/Spinner';
import { apiErrorText } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-datetime';
import { useSpotCheckPlan, useSpotCheckReplay } from '../api/inspections.api';
import { inspectionPath, SPOT_CHECKS_PATH } from '../paths';
import { InspectionStatus } from './InspectionsPage';
import { rangeText } from './SpotChecksPage';
import '../components/reviews.css';


/** One 抽查计划: its range, seed and counts, 复核抽取, and each drawn institution with its inspectors and result. */
export default function SpotCheckPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const q = useSpotCheckPlan(id);
  const replay = useSpotCheckReplay(id);
  if (q.isError) return <Alert type="error" showIcon message={apiErrorText(q.error)} />;
  if (!q.data) return <Spinner />;
  const p = q.data;
  return (
    <div className="review-page">
      <Card
        size="small"
        title={`抽查计划：${p.name}`}
        extra={
          <Button onClick={() => replay.mutate(undefined, { onError: (e) => void message.error(apiErrorText(e)) })} loading={replay.isPending}>
            复核抽取
          </Button>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'range', label: '抽查范围', children: rangeText(p.filter) },
            { key: 'ratio', label: '抽查比例', children: `${p.ratio}%（候选${p.candidateCount}个，抽中${p.drawnCount}个）` },
            { key: 'per', label: '每个机构的检查人员数', children: p.inspectorsPerTask },
            { key: 'due', label: '完成期限', children: p.dueOn },
            { key: 'seed', label: '随机种子', children: p.seed },
            { key: 'at', label: '抽取时间', children: `${formatDateTime(p.createdAt)}（${p.createdByName}）` },
            { key: 'closed', label: '已办结', children: `${p.closedCount}/${p.drawnCount}` },
          ]}
        />
        {replay.data && <Alert type={replay.data.matches ? 'success' : 'error'} showIcon message={replay.data.message} className="table-alert" />}
      </Card>
      <Card size="small" title="抽中的机构和检查人员">
        <Table<TSpotCheckTaskRow>
          size="small"
          rowKey="id"
          pagination={{ pageSize: 20, showSizeChanger: false }}
          dataSource={p.tasks}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '操作', key: 'open', width: 70, render: (_: unknown, r) => <Link to={inspectionPath(r.id)}>查看</Link> },
            { title: '机构名称', dataIndex: 'institutionName', key: 'institutionName', width: 260 },
            { title: '统一社会信用代码', dataIndex: 'uscc', key: 'uscc', width: 180 },
            { title: '审批部门', dataIndex: 'departmentName', key: 'departmentName', width: 180 },
            { title: '信用等级', dataIndex: 'creditLevel', key: 'creditLevel', width: 90, render: (v: string | null) => v ?? '—' },
            { title: '检查人员', dataIndex: 'inspectors', key: 'inspectors', width: 160, render: (v: string[]) => v.join('、') },
            { title: '状态', key: 'status', width: 170, render: (_: unknown, r) => <InspectionStatus row={r} /> },
          ]}
        />
      </Card>
      <Link to={SPOT_CHECKS_PATH}>返回双随机抽查</Link>
    </div>
  );
}
