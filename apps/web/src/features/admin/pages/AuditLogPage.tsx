import { useMemo, useState } from 'react';
import { Alert, Button, DatePicker, Descriptions, Drawer, Empty, Input, Select, Tooltip, type TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { AUDIT_LOG_TITLES as T, AUDIT_TARGET_TYPES, ROLE_LABELS, type TAuditEntry, type TRole } from '@jhrm/contracts';
import { buildUrl } from '../../../lib/api-client';
import { QueryPage, type QueryFilter } from '../../../components/QueryPage';
import { formatDateTime } from '../../../lib/format-datetime';
import { useAuditActions, useAuditLog, useVerifyAuditChain } from '../api/admin-audit.api';
import { actionOptions, detailFields, matchesAction, objectText, toAuditFilters, verifyMessage, type AuditFilterValues, type AuditFilters } from '../components/audit-filters';
import './system-admin.css';

const TARGET_OPTIONS = Object.entries(AUDIT_TARGET_TYPES).map(([value, label]) => ({ value, label }));
const roleLabel = (role: string | null) => (role && role in ROLE_LABELS ? ROLE_LABELS[role as TRole] : (role ?? ''));
const time = (iso: string) => formatDateTime(iso, true);

/** The Chinese name, the code beside it in small grey text (what the log stores and the filter accepts). */
function ActionName({ e }: { e: TAuditEntry }) {
  return (
    <>
      {e.actionName}
      {e.actionName !== e.action && <span className="sysadmin-muted sysadmin-code">{e.action}</span>}
    </>
  );
}

function EntryDrawer({ entry, onClose }: { entry: TAuditEntry | null; onClose: () => void }) {
  const fields = entry ? detailFields(entry.detail, time) : [];
  return (
    <Drawer open={entry !== null} onClose={onClose} title={entry ? `审计记录 #${entry.id}` : ''} width={560} destroyOnHidden>
      {entry && (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'at', label: '时间', children: time(entry.at) },
              { key: 'action', label: '操作', children: <ActionName e={entry} /> },
              { key: 'actor', label: '操作人', children: entry.actorAccount ? `${entry.actorAccount}（${roleLabel(entry.actorRole)}）` : '系统 / 未登录' },
              { key: 'unit', label: '单位', children: entry.unitName ? `${entry.unitName}（${entry.unitUscc}）` : '' },
              {
                key: 'target',
                label: '对象',
                children: entry.targetType ? (
                  <>
                    {objectText(entry)}
                    {entry.objectName && <span className="sysadmin-muted sysadmin-code">编号 {entry.targetId}</span>}
                  </>
                ) : (
                  ''
                ),
              },
              { key: 'ip', label: 'IP 地址', children: entry.ip ?? '' },
            ]}
          />
          <h4>详细内容</h4>
          <div data-testid="audit-detail">
            {fields.length ? (
              <Descriptions size="small" column={1} bordered items={fields.map((f) => ({ key: f.key, label: f.label, children: <span className="sysadmin-detail-value">{f.value}</span> }))} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无详细内容" />
            )}
          </div>
        </>
      )}
    </Drawer>
  );
}

function VerifyPanel() {
  const verify = useVerifyAuditChain();
  const msg = verify.data ? verifyMessage(verify.data, (iso) => formatDateTime(iso, true)) : null;
  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
        校验日志链
      </Button>
      {verify.isPending && <span className="sysadmin-muted">正在逐条校验全部记录，记录较多时需要一些时间…</span>}
      {msg && <Alert className="sysadmin-intro" style={{ width: '100%' }} type={msg.type} showIcon message={msg.title} description={msg.description} data-testid="audit-verify-result" />}
      {verify.isError && <Alert className="sysadmin-intro" style={{ width: '100%' }} type="error" showIcon message={verify.error.message} />}
    </>
  );
}

/** 审计日志: every state change and staff read, newest first, with the hash chain's verification. */
export default function AuditLogPage() {
  const [open, setOpen] = useState<TAuditEntry | null>(null);
  const actions = useAuditActions();
  const options = useMemo(() => actionOptions(actions.data ?? []), [actions.data]);
  const filters: QueryFilter[] = [
    { name: 'range', label: '时间', input: <DatePicker.RangePicker allowEmpty={[true, true]} /> },
    {
      name: 'action',
      label: '操作',
      input: <Select options={options} allowClear showSearch filterOption={matchesAction} placeholder="全部" style={{ width: 220 }} popupMatchSelectWidth={false} />,
    },
    { name: 'actorAccount', label: '操作人账号', input: <Input allowClear maxLength={64} style={{ width: 150 }} /> },
    { name: 'unitUscc', label: '单位统一社会信用代码', input: <Input allowClear maxLength={18} style={{ width: 190 }} /> },
    { name: 'targetType', label: '对象类型', input: <Select options={TARGET_OPTIONS} allowClear placeholder="全部" style={{ width: 120 }} /> },
    { name: 'targetId', label: '对象编号', input: <Input allowClear maxLength={64} style={{ width: 200 }} /> },
  ];

  // at 1366 px the table is about 1050 px wide: 对象 comes right after 操作人, and the columns need
  // 1000 px (单位 takes what is left), so nothing scrolls and the fixed 详情 column covers nothing
  const columns: TableColumnsType<TAuditEntry> = [
    { title: T.at, dataIndex: 'at', key: 'at', width: 160, render: (v: string) => <span className="sysadmin-nowrap">{time(v)}</span> },
    {
      title: T.action,
      dataIndex: 'action',
      key: 'action',
      width: 150,
      render: (_: string, e) => (
        <Tooltip title={e.action}>
          <span data-testid="audit-action">{e.actionName}</span>
        </Tooltip>
      ),
    },
    {
      title: T.actor,
      key: 'actor',
      width: 160,
      render: (_: unknown, e) => (e.actorAccount ? `${e.actorAccount}（${roleLabel(e.actorRole)}）` : <span className="sysadmin-muted">系统 / 未登录</span>),
    },
    {
      title: T.target,
      key: 'target',
      width: 240,
      render: (_: unknown, e) =>
        e.targetType ? (
          <Tooltip title={e.targetId ? `编号 ${e.targetId}` : undefined}>
            <span data-testid="audit-object">{objectText(e)}</span>
          </Tooltip>
        ) : (
          ''
        ),
    },
    { title: T.unit, key: 'unit', render: (_: unknown, e) => e.unitName ?? '' },
    { title: T.ip, dataIndex: 'ip', key: 'ip', width: 110 },
    {
      title: '操作',
      key: 'open',
      width: 60,
      fixed: 'right',
      render: (_: unknown, e) => (
        <Button type="link" size="small" onClick={() => setOpen(e)}>
          详情
        </Button>
      ),
    },
  ];

  return (
    <QueryPage<AuditFilterValues, AuditFilters, TAuditEntry>
      name="auditQuery"
      layout="inline"
      title="审计日志"
      filters={filters}
      toFilters={toAuditFilters}
      useRows={useAuditLog}
      exportUrl={(f) => buildUrl('/api/admin/audit/export', { ...f })}
      toolbar={<VerifyPanel />}
      rowKey="id"
      columns={columns}
      scroll={{ x: 1000 }}
    >
      <EntryDrawer entry={open} onClose={() => setOpen(null)} />
    </QueryPage>
  );
}
