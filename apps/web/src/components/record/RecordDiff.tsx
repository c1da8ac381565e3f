import { useMemo, useState } from 'react';
import { Switch, Table, type TableColumnsType } from 'antd';
import { recordDiff, type DiffRow } from './record-diff';
import type { FullRecord } from './record-values';
import './record.css';

const empty = (v: string) => (v ? v : <span className="rec-diff-empty">（空）</span>);

/** 变更: the record in force beside the proposed one, differences highlighted. */
export function RecordDiff({ current, proposed }: { current: FullRecord; proposed: FullRecord }) {
  const rows = useMemo(() => recordDiff(current, proposed), [current, proposed]);
  const [onlyChanged, setOnlyChanged] = useState(true);
  const changed = rows.filter((r) => r.changed).length;
  const columns: TableColumnsType<DiffRow> = [
    { title: '栏目', dataIndex: 'section', key: 'section', width: 130 },
    { title: '项目', dataIndex: 'label', key: 'label', width: 170 },
    { title: '当前内容', dataIndex: 'current', key: 'current', render: empty },
    { title: '变更后', dataIndex: 'proposed', key: 'proposed', render: empty, onCell: (r) => ({ className: r.changed ? 'rec-diff-new' : undefined }) },
  ];
  return (
    <div>
      <p>
        共 {changed} 项有变化{' '}
        <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} aria-label="只显示有变化的项" /> 只显示有变化的项
      </p>
      <Table<DiffRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={onlyChanged ? rows.filter((r) => r.changed) : rows}
        rowClassName={(r) => (r.changed ? 'rec-diff-changed' : '')}
        pagination={false}
        scroll={{ y: 520 }}
      />
    </div>
  );
}
