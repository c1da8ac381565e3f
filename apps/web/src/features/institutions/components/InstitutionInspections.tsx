import { Alert, Card, Descriptions } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { TUnitInspections } from '@jhrm/contracts';
import { api } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format-datetime';
import { StatusTag } from '../../../components/StatusTag';

/**
 * The unit's view of its institution's 核查 (告知承诺制, decision 0043) and 抽查 (双随机抽查, decision
 * 0049; shown once the inspector has recorded a result): each task's state, and while 整改中 what to fix
 * by when; the 失信记录 a revoked licence left. Nothing when there is none.
 */
export function InstitutionInspections({ institutionId }: { institutionId: string }) {
  const q = useQuery({
    queryKey: ['institutions', institutionId, 'inspections'],
    queryFn: ({ signal }) => api.get<TUnitInspections>(`/api/institutions/${encodeURIComponent(institutionId)}/inspections`, { signal }),
  });
  if (!q.data || (!q.data.tasks.length && !q.data.dishonesty.length)) return null;
  return (
    <Card size="small" title="核查与抽查">
      {q.data.tasks.map((t) => (
        <div key={t.id}>
          {t.status === '整改中' && (
            <Alert
              type="error"
              showIcon
              className="table-alert"
              message={`限期整改：请于${t.rectifyDeadline ?? ''}前完成整改`}
              description={`整改要求：${t.rectifyDemand ?? ''}。${t.kind === '双随机抽查' ? '逾期未整改的，将依法处理。' : '逾期未整改的，将依法撤销许可并记入失信记录。'}`}
            />
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'kind', label: '类型', children: t.kind },
              { key: 'status', label: '状态', children: <StatusTag tone={t.status === '已完成' ? (t.outcome === '撤销许可' || t.outcome === '立案' ? 'danger' : t.outcome === '责令整改' ? 'warning' : 'success') : 'warning'}>{t.status === '已完成' && t.outcome ? `已完成（${t.outcome}）` : t.status}</StatusTag> },
              ...(t.kind === '告知承诺核查' ? [{ key: 'due', label: '核查期限', children: t.dueOn }] : []),
              ...(t.closedAt ? [{ key: 'closed', label: '办结时间', children: formatDateTime(t.closedAt) }] : []),
              ...(t.revokeReason ? [{ key: 'why', label: '撤销理由', children: t.revokeReason }] : []),
            ]}
          />
        </div>
      ))}
      {q.data.dishonesty.map((r) => (
        <Alert key={r.id} type="error" showIcon message={`失信记录（${r.recordedOn}，${r.source}）`} description={r.reason} />
      ))}
    </Card>
  );
}
