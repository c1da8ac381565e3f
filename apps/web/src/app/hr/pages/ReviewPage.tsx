import { lazy, Suspense } from 'react';
import { useParams } from 'react-router-dom';
import { Card, Descriptions, Tabs } from 'antd';
import { CannotOpen } from '../../../components/CannotOpen';
import { ACCEPTANCE_WORKING_DAYS, STATISTICS, isDeclaredKind, isRecordReviewContent, kindDeclaration, type TCreditReviewData, type TReviewDetail } from '@jhrm/contracts';
import { CreditChecklist, CreditView } from '../../../features/credit/components/CreditView';
import { Spinner } from '../../../components/Spinner';
import { ApplicationStatusTag, StatusTag } from '../../../components/StatusTag';
import { RecordView } from '../../../components/record/RecordView';
import { RecordDiff } from '../../../components/record/RecordDiff';
import { ReviewTimeline, type TimelineRound } from '../../../components/review/ReviewTimeline';
import { formatDateTime } from '../../../lib/format-datetime';
import { useReviewDetail } from '../../../features/reviews/api/reviews.api';
import { DecisionPanel } from '../../../features/reviews/components/DecisionPanel';
import { AcceptancePanel } from '../../../features/reviews/components/AcceptancePanel';
import { AcceptanceList } from '../../../components/review/AcceptanceList';
import { StatisticsView } from '../../../features/statistics/components/StatisticsView';
import { DaysLeftTag } from '../../../features/reviews/components/DaysLeftTag';
import { REVIEWS_PENDING_PATH } from '../../../features/reviews/paths';
import '../../../features/reviews/components/reviews.css';
import { useTabSubject } from '../../../lib/tab-subject';
import { CreditRatingCard } from '../../../components/credit/CreditRating';

// The app layer composes the features: the reviewer's decision (reviews) beside the submitted
// record (shared components) and the materials and video (materials), read-only.
const MaterialsPanel = lazy(() => import('../../../features/materials/components/MaterialsPanel').then((m) => ({ default: m.MaterialsPanel })));
const VideoPanel = lazy(() => import('../../../features/materials/components/VideoPanel').then((m) => ({ default: m.VideoPanel })));

const LICENCE_NAMES = { 许可: '人力资源服务许可证', 备案: '人力资源服务备案凭证' } as const;

function rounds(d: TReviewDetail): TimelineRound[] {
  return d.rounds.map((r) => ({
    round: r.round,
    submittedAt: r.submittedAt,
    submittedByName: r.submittedByName,
    departmentName: r.departmentName,
    acceptedAt: r.round === d.round && !r.decision ? d.acceptedAt : null,
    decision: r.decision,
  }));
}

/** 审核: one submission, read-only, with every material, the video, the rounds and the decision panel. */
/** A tab of label / value facts (a kind's own fields beside its record). */
const factsTab = (key: string, label: string, facts: [string, string][]) => ({
  key,
  label,
  children: (
    <Card size="small">
      <Descriptions column={1} items={facts.map(([l, v]) => ({ key: l, label: l, children: v }))} />
    </Card>
  ),
});

export default function ReviewPage() {
  const { id = '' } = useParams();
  const query = useReviewDetail(id);
  const d = query.data;
  useTabSubject(d?.institutionName);

  if (query.isError) {
    return (
      <CannotOpen message={query.error.message} backPath={REVIEWS_PENDING_PATH} backLabel="返回待审核" />
    );
  }
  if (!d) return <Spinner />;

  // a record kind (设立, 变更, 注销) shows its record, and 变更 the comparison with the record in force
  const content = isRecordReviewContent(d.content) ? d.content : null;
  const declared = isDeclaredKind(d.type) ? kindDeclaration(d.type) : null;
  const limit = declared?.decisionLimitDays ?? null;
  const awaitingAcceptance = d.actions.includes('受理');
  // 诚信示范: its answers, and the criteria checklist with each failing answer flagged
  const credit = d.content.contentType === 'credit' ? (d.content as { data: TCreditReviewData }).data : null;
  const tabs = [
    // what a kind adds beside its record: 注销原因 / 注销类别, or 变更事由 and how late it is reported
    ...(content?.cancellation
      ? [factsTab('cancellation', '注销申请', [
          ['注销原因', content.cancellation.reason],
          ['注销类别', content.cancellation.category ?? ''],
        ])]
      : []),
    // 补办 / 延续 (decision 0047): the licence concerned, and a 补办's reason and statement
    ...(content?.licenceRequest
      ? [factsTab('licence-request', `${d.type}申请`, [
          ['许可证编号', content.licenceRequest.number ?? ''],
          ['有效期至', content.licenceRequest.validUntil ?? '长期'],
          ...(content.licenceRequest.reason !== undefined ? ([['补办原因', content.licenceRequest.reason ?? ''], ['情况说明', content.licenceRequest.statement ?? '']] as [string, string][]) : []),
        ])]
      : []),
    ...(content?.change
      ? [factsTab('change', '变更事由', [
          ['变更事由', content.change.reason ?? ''],
          ['工商变更登记日期', content.change.registeredOn ?? ''],
          ['报告期限', content.change.lateDays ? `已超过工商变更登记之日起15日的报告期限，逾期${content.change.lateDays}天` : '按期报告'],
        ])]
      : []),
    ...(content ? [{ key: 'record', label: '申请内容', children: <RecordView record={content.record} departmentName={d.departmentName} narrow /> }] : []),
    // 诚信示范: its answers, and the criteria checklist with each failing answer flagged
    ...(credit
      ? [
          { key: 'credit-checks', label: '审核标准核对', children: <Card size="small"><CreditChecklist checks={credit.checks} /></Card> },
          { key: 'credit', label: '申请内容', children: <CreditView facts={credit.facts} answers={credit.answers} year={credit.year} departmentName={d.departmentName} /> },
        ]
      : []),
    // 统计: the report, section by section of its catalogue
    ...(!isRecordReviewContent(d.content) && d.content.contentType === STATISTICS.contentType
      ? [{ key: 'statistics', label: '业务基本情况', children: <StatisticsView values={(d.content.data ?? {}) as Record<string, unknown>} departmentName={d.departmentName} /> }]
      : []),
    ...(content?.current
      ? [{ key: 'diff', label: '变更对比', children: <Card size="small"><RecordDiff current={content.current} proposed={content.record} /></Card> }]
      : []),
    ...(declared && declared.materialSlots.length === 0
      ? []
      : [
          {
            key: 'materials',
            label: '附件材料',
            children: (
              <Card size="small">
                <Suspense fallback={<Spinner />}>
                  <MaterialsPanel applicationId={d.id} editable={false} readOnly type={d.type} />
                </Suspense>
              </Card>
            ),
          },
        ]),
    ...(declared?.video === 'none'
      ? []
      : [
          {
            key: 'video',
            label: '视频材料',
            children: (
              <Card size="small">
                <Suspense fallback={<Spinner />}>
                  <VideoPanel applicationId={d.id} editable={false} readOnly />
                </Suspense>
              </Card>
            ),
          },
        ]),
    { key: 'rounds', label: `审核记录（${d.rounds.length}）`, children: <Card size="small"><ReviewTimeline rounds={rounds(d)} /></Card> },
  ];

  return (
    <div className="review-page">
      <Card size="small">
        <header className="review-header">
          <h1>{d.institutionName || '（未填写机构名称）'}</h1>
          <StatusTag tone="info">{d.type}</StatusTag>
          {d.procedure === '告知承诺' && <StatusTag tone="warning">告知承诺</StatusTag>}
          <ApplicationStatusTag status={d.status} />
          <span>第{d.round}轮</span>
          <DaysLeftTag daysLeft={d.daysLeft} dueOn={d.dueOn} />
        </header>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'unit', label: '申请单位', children: d.unitName },
            { key: 'uscc', label: '统一社会信用代码', children: d.uscc },
            { key: 'dept', label: '审批部门', children: d.departmentName },
            ...(content
              ? [{ key: 'kind', label: '申请类型', children: content.kind.because.length ? `${content.kind.kind}（申请业务含 ${content.kind.because.join('、')}）` : content.kind.kind }]
              : []),
            { key: 'submitted', label: '提交时间', children: formatDateTime(d.submittedAt) },
            ...(d.procedure === '告知承诺' ? [{ key: 'procedure', label: '办理方式', children: '告知承诺（受理即作出准予许可决定，发证后核查）' }] : []),
            {
              key: 'accepted',
              label: '受理',
              children: !d.acceptance ? '无需受理' : d.acceptedAt ? `${formatDateTime(d.acceptedAt)}${d.acceptedByName ? `（${d.acceptedByName}）` : ''}` : d.status === '待审核' ? '待受理' : '未受理',
            },
            // before 受理 the date is the 受理期限; the decision limit counts from 受理 (decision 0034)
            awaitingAcceptance
              ? { key: 'due', label: '受理期限', children: d.dueOn ? `${d.dueOn}（${ACCEPTANCE_WORKING_DAYS}个工作日）` : '' }
              : { key: 'due', label: '办理期限', children: d.dueOn ? `${d.dueOn}${limit ? `（${limit}个工作日${d.acceptance ? '，自受理之日起' : ''}）` : ''}` : '' },
          ]}
        />
      </Card>

      <div className="review-layout">
        <Tabs className="review-tabs" items={tabs} />
        <aside className="review-side">
          {awaitingAcceptance ? (
            <Card size="small" title="受理">
              <AcceptancePanel detail={d} />
            </Card>
          ) : d.actions.length > 0 ? (
            <Card size="small" title="审核">
              <DecisionPanel detail={d} />
            </Card>
          ) : (
            <Card size="small" title="审核结论">
              <ApplicationStatusTag status={d.status} />
              {d.rounds.at(-1)?.decision?.opinion && <p className="review-pre">审核意见：{d.rounds.at(-1)!.decision!.opinion}</p>}
              {d.licence && (
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'name', label: '证书', children: LICENCE_NAMES[d.licence.kind] },
                    { key: 'number', label: '编号', children: d.licence.number },
                    { key: 'issued', label: '发证日期', children: d.licence.issuedOn },
                    { key: 'status', label: '状态', children: d.licence.status },
                  ]}
                />
              )}
            </Card>
          )}
          {d.acceptances.length > 0 && (
            <Card size="small" title="受理记录">
              <AcceptanceList applicationId={d.id} acceptances={d.acceptances} />
            </Card>
          )}
          <CreditRatingCard rating={d.creditRating} showScore={false} />
        </aside>
      </div>
    </div>
  );
}
