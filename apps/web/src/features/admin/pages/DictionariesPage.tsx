import { Alert, Card, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { TDictionary } from '@jhrm/contracts';
import { useDictionaries } from '../api/admin-settings.api';
import { ADMIN_DEPARTMENTS_PATH, ADMIN_SETTINGS_PATH } from '../paths';
import './system-admin.css';

function Items({ dictionary }: { dictionary: TDictionary }) {
  return (
    <div className="sysadmin-tags">
      {dictionary.items.map((i) =>
        i.note ? (
          <Tooltip key={i.value} title={i.note}>
            <Tag>
              {i.value}（{i.note}）
            </Tag>
          </Tooltip>
        ) : (
          <Tag key={i.value}>{i.value}</Tag>
        ),
      )}
    </div>
  );
}

/** 数据字典: the option lists users are offered, read-only (they come from standards and the guide). */
export default function DictionariesPage() {
  const dictionaries = useDictionaries();
  const columns: TableColumnsType<TDictionary> = [
    { title: '字典名称', dataIndex: 'name', key: 'name', width: 130 },
    { title: '选项', key: 'items', render: (_: unknown, d) => <Items dictionary={d} /> },
    { title: '选项数', key: 'count', width: 80, align: 'right', render: (_: unknown, d) => d.items.length },
    { title: '依据', dataIndex: 'source', key: 'source', width: 200 },
    { title: '使用位置', dataIndex: 'usedIn', key: 'usedIn', width: 200 },
  ];
  return (
    <Card size="small" title="数据字典">
      <Alert
        className="sysadmin-intro"
        type="info"
        showIcon
        message="以下选项依据国家标准和《操作指南》设定，随系统版本发布，此处只读"
        description={
          <>
            可由管理员维护的字典：<Link to={ADMIN_DEPARTMENTS_PATH}>审批部门</Link>，以及<Link to={ADMIN_SETTINGS_PATH}>系统设置</Link>中的证书编号规则。
          </>
        }
      />
      {dictionaries.isError && <Alert className="sysadmin-intro" type="error" showIcon message={dictionaries.error.message} />}
      <Table<TDictionary> rowKey="key" size="middle" columns={columns} dataSource={dictionaries.data ?? []} loading={dictionaries.isPending} pagination={false} scroll={{ x: 1000 }} />
    </Card>
  );
}
