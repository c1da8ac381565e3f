import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Table, Tooltip, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { chineseDate, LICENCE_TITLES, type TUnitLicence } from '@jhrm/contracts';
import { LicenceStatusTag } from '../../../components/LicenceStatusTag';
import { PrintPdfButton } from '../../../components/PrintPdfButton';
import { licencePdfUrl, licenceVerifyPagePath } from '../../../lib/public-paths';
import { useUnitLicences } from '../api/licences.api';
import { chineseDayOf } from '../model/licence-status';
import './licences.css';

const historyColumns: TableColumnsType<TUnitLicence> = [
  { title: '编号', dataIndex: 'number', key: 'number' },
  { title: '类型', dataIndex: 'kind', key: 'kind', width: 70 },
  { title: '发证日期', dataIndex: 'issuedOn', key: 'issuedOn', width: 130, render: (v: string) => chineseDate(v) },
  { title: '状态', dataIndex: 'status', key: 'status', width: 90, render: (v: TUnitLicence['status']) => <LicenceStatusTag status={v} /> },
  { title: '失效日期', dataIndex: 'endedAt', key: 'endedAt', width: 130, render: (v: string | null) => chineseDayOf(v) },
  {
    title: '操作',
    key: 'download',
    width: 90,
    render: (_: unknown, l) => (
      <a href={licencePdfUrl(l.id)} download>
        下载
      </a>
    ),
  },
];

/** An action the licence cannot have now (许可证延续 before its last 90 days): greyed, its tooltip (hover or focus) says why. */
export function UnavailableAction({ children, reason }: { children: ReactNode; reason: string }) {
  return (
    <Tooltip title={reason} trigger={['hover', 'focus']}>
      <Button type="link" size="small" className="licence-card-unavailable" aria-disabled="true">
        {children}
      </Button>
    </Tooltip>
  );
}

/**
 * 许可证 on the 查看 page: the 人力资源服务许可证 / 备案凭证 in force with 下载许可证 (下载备案凭证), and the ones
 * it replaced. Nothing at all for an institution that was never issued one.
 */
export function LicenceCard({ institutionId, actions }: { institutionId: string; actions?: (current: TUnitLicence) => ReactNode }) {
  const query = useUnitLicences(institutionId);
  if (query.isError) return <Alert type="warning" showIcon message={`许可证信息加载失败：${query.error.message}`} />;
  const list = query.data ?? [];
  if (list.length === 0) return null;
  const current = list.find((l) => l.status === '有效') ?? list[0]!;
  const older = list.filter((l) => l.id !== current.id);

  return (
    <Card size="small" title={LICENCE_TITLES[current.kind]} data-testid="licence-card">
      <div className="licence-card-current">
        <span className="licence-card-number">{current.number}</span>
        <LicenceStatusTag status={current.expired ? '已过期' : current.status} />
        {current.reissuedOn && <LicenceStatusTag status="已补发" />}
        <div className="licence-card-actions">
          <Button type="primary" icon={<DownloadOutlined />} href={licencePdfUrl(current.id)} download>
            {current.kind === '备案' ? '下载备案凭证' : '下载许可证'}
          </Button>
          <PrintPdfButton url={licencePdfUrl(current.id)}>{current.kind === '备案' ? '打印备案凭证' : '打印许可证'}</PrintPdfButton>
          <Link to={licenceVerifyPagePath(current.number)} target="_blank" rel="noopener">
            在线核验
          </Link>
          {actions?.(current)}
        </div>
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'department', label: '发证机关', children: current.departmentName },
          { key: 'issued', label: '发证日期', children: chineseDate(current.issuedOn) },
          { key: 'validUntil', label: '有效期至', children: current.validUntil ? chineseDate(current.validUntil) : '长期' },
          ...(current.reissuedOn ? [{ key: 'reissued', label: '补发日期', children: chineseDate(current.reissuedOn) }] : []),
          { key: 'count', label: '被核验次数', children: `${current.verifyCount} 次` },
          ...(current.status !== '有效' && current.endedAt
            ? [{ key: 'ended', label: current.status === '已换发' ? '换发日期' : '注销日期', children: chineseDayOf(current.endedAt) }]
            : []),
        ]}
      />
      {older.length > 0 && (
        // a native disclosure rather than antd's Collapse: antd's button styles import the Collapse
        // module, so using it anywhere pulls it onto the login page's first paint
        <details className="licence-card-history">
          <summary>历史证书（{older.length}）</summary>
          <Table<TUnitLicence> rowKey="id" size="small" columns={historyColumns} dataSource={older} pagination={false} scroll={{ x: 640 }} />
        </details>
      )}
    </Card>
  );
}
