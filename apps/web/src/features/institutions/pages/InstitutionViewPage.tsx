import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions } from 'antd';
import { CannotOpen } from '../../../components/CannotOpen';
import { Spinner } from '../../../components/Spinner';
import { RecordView } from '../../../components/record/RecordView';
import { ReviewTimeline, roundsFromDecisions } from '../../../components/review/ReviewTimeline';
import { useCurrentUser } from '../../../lib/session';
import { useInstitution } from '../api/institutions.api';
import { useApplication, useDepartments } from '../../../lib/application-api';
import { CancelStatusTag } from '../components/StatusTags';
import { ApplicationStatusTag } from '../../../components/StatusTag';
import { AcceptedTag } from '../components/AcceptedTag';
import { AcceptanceList, CorrectionItems, NoticeLink } from '../../../components/review/AcceptanceList';
import { pendingCorrection, refusal } from '../../../components/review/acceptance';
import { MissingForChangeAlert } from '../components/UnitNotices';
import { establishmentPath, INSTITUTION_QUERY_PATH } from '../paths';
import { InstitutionInspections } from '../components/InstitutionInspections';
import { CreditRatingCard } from '../../../components/credit/CreditRating';
import '../components/institutions.css';
import { useTabSubject } from '../../../lib/tab-subject';

const COLUMNS = { xs: 1, sm: 1, md: 2, xl: 3 } as const;

/**
 * 查看: the institution's whole record, read-only, in the six sections of SPEC §3. The app layer
 * puts the licence (another feature) in `licencePanel`, below the status.
 */
export default function InstitutionViewPage({ licencePanel }: { licencePanel?: ReactNode } = {}) {
  const { id = '' } = useParams();
  const query = useInstitution(id);
  const departments = useDepartments({ includeInactive: true });
  const user = useCurrentUser();
  const application = useApplication(query.data?.applicationId ?? undefined);
  useTabSubject(query.data?.record.basic?.name);

  if (query.isError) {
    return (
      <CannotOpen message={query.error.message} backPath={INSTITUTION_QUERY_PATH} backLabel="返回人力资源服务机构查询" />
    );
  }
  if (!query.data) return <Spinner />;

  const { record, reviewStatus, cancelStatus, licensed } = query.data;
  const b = record.basic ?? {};
  const departmentName = departments.data?.find((d) => d.code === b.department)?.name ?? b.department;
  const app = application.data;
  const latest = app?.reviews[0];
  const rejected = app?.status === '审核不通过' && latest?.decision === '审核不通过' ? latest : null;
  const correction = pendingCorrection(app);
  const refused = refusal(app);
  const modify =
    user.role === 'agent' && app?.editable ? (
      <Link to={establishmentPath(app.id)}>
        <Button size="small" type="primary">
          修改
        </Button>
      </Link>
    ) : undefined;

  return (
    <div className="inst-page inst-view">
      <Card size="small">
        <header className="inst-header">
          <h1>{b.name || '（未填写机构名称）'}</h1>
        </header>
        <Descriptions
          size="small"
          column={COLUMNS}
          items={[
            {
              key: 'review',
              label: '审核状态',
              children: (
                <>
                  <ApplicationStatusTag status={reviewStatus} />
                  {app?.status === '待审核' && <AcceptedTag acceptedAt={app.acceptedAt} />}
                </>
              ),
            },
            { key: 'licensed', label: '是否发证', children: licensed ? '是' : '否' },
            { key: 'cancel', label: '注销状态', children: <CancelStatusTag status={cancelStatus} /> },
          ]}
        />
        {rejected && (
          <Alert
            className="table-alert"
            type="warning"
            showIcon
            message={`审核不通过（第${rejected.round}轮，${rejected.departmentName}）`}
            description={
              <>
                <div className="inst-pre">审核意见：{rejected.opinion}</div>
                {rejected.notes.length > 0 && <div>另有 {rejected.notes.length} 项具体意见，已标注在相应字段和材料旁。</div>}
              </>
            }
            action={modify}
          />
        )}
        {correction && app && (
          <Alert
            className="table-alert"
            type="warning"
            showIcon
            message={`待补正（${correction.departmentName}，${correction.noticeNumber}）：请按补正告知书修改后重新提交`}
            description={
              <>
                <CorrectionItems items={correction.items} />
                <NoticeLink applicationId={app.id} acceptance={correction} />
              </>
            }
            action={modify}
          />
        )}
        {refused && app && (
          <Alert
            className="table-alert"
            type="error"
            showIcon
            message={`不予受理（${refused.departmentName}，${refused.noticeNumber}）`}
            description={
              <>
                <div className="inst-pre">理由：{refused.reason}</div>
                <NoticeLink applicationId={app.id} acceptance={refused} />
              </>
            }
          />
        )}
      </Card>

      {licencePanel}

      <CreditRatingCard rating={query.data.creditRating} />

      {(user.role === 'agent' || user.role === 'legal') && <InstitutionInspections institutionId={id} />}

      <MissingForChangeAlert fields={query.data.missingForChange} />

      {app && app.acceptances.length > 0 && (
        <Card size="small" title="受理记录">
          <AcceptanceList applicationId={app.id} acceptances={app.acceptances} />
        </Card>
      )}

      {app && (app.reviews.length > 0 || app.status === '待审核') && (
        <Card size="small" title="审核记录">
          <ReviewTimeline rounds={roundsFromDecisions(app.reviews, app.status === '待审核' ? { submittedAt: app.submittedAt, acceptedAt: app.acceptedAt } : null)} />
        </Card>
      )}

      <RecordView record={record} departmentName={departmentName} notes={rejected ? new Map(rejected.notes.filter((n) => n.target === 'field').map((n) => [n.key, n.message])) : undefined} />
    </div>
  );
}
