import { Alert, Button } from 'antd';
import { formatDateTime } from '../../../lib/format-datetime';
import { CorrectionItems, NoticeLink } from '../../../components/review/AcceptanceList';
import type { ApplicationDraft } from '../useApplicationDraft';
import { refusal } from '../model/review-notes';
import { ProblemList } from './ProblemList';

const SUBMITTED_NOTE: Record<string, string> = {
  待审核: '该申请已提交，正在等待审批部门审核，不能修改。审批部门受理前可以撤回后修改。',
  审核通过: '该申请已审核通过，不能修改。如需变更，请使用“人力资源服务机构变更”。',
};

/**
 * The banners above a submission form: why it cannot be edited (submitted, accepted, approved),
 * the reviewer's opinion and notes after 审核不通过, a version conflict with 重新加载, a refused
 * 保存, and the problems of a refused 提交. Every listed problem links to where it is fixed.
 */
export function DraftBanners<V extends object>({ draft }: { draft: ApplicationDraft<V> }) {
  const { detail, editable, rejection, correction, rejectionNotes, conflict, saveError, problems, goTo } = draft;
  const { tabs } = draft.kind;
  const status = detail?.status;
  // the notice the latest acceptance decision issued (受理通知书 while accepted, 不予受理通知书 …)
  const latestNotice = detail?.acceptances[0] && (status === '待审核' ? detail.acceptedAt !== null && detail.acceptances[0].decision === '受理' : true) ? detail.acceptances[0] : null;
  const refused = refusal(detail);
  return (
    <>
      {!editable && status && SUBMITTED_NOTE[status] && (
        <Alert
          className="table-alert"
          type="info"
          showIcon
          message={
            status === '待审核' && detail?.acceptedAt
              ? `审批部门已于 ${formatDateTime(detail.acceptedAt).slice(0, 10)} 受理该申请，正在审核，不能再撤回。`
              : SUBMITTED_NOTE[status]
          }
          description={latestNotice && detail && status !== '待补正' ? <NoticeLink applicationId={detail.id} acceptance={latestNotice} /> : undefined}
        />
      )}
      {refused && detail && (
        <Alert
          className="table-alert"
          type="error"
          showIcon
          data-testid="refusal-alert"
          message={`不予受理（${refused.departmentName}，${formatDateTime(refused.decidedAt)}，${refused.noticeNumber}）：申请已办结，不能修改；可阅读不予受理通知书后重新申请`}
          description={
            <>
              <div className="draft-pre">理由：{refused.reason}</div>
              <NoticeLink applicationId={detail.id} acceptance={refused} />
            </>
          }
        />
      )}
      {correction && detail && (
        <Alert
          className="table-alert"
          type="warning"
          showIcon
          data-testid="correction-alert"
          message={`待补正（第${correction.round}轮，${correction.departmentName}，${formatDateTime(correction.decidedAt)}，${correction.noticeNumber}）：请按补正告知书修改后重新提交`}
          description={
            <>
              <div>审批部门一次性告知需要补正的全部内容（共{correction.items.length}项）：</div>
              <CorrectionItems items={correction.items} />
              {rejectionNotes.length > 0 && <ProblemList problems={rejectionNotes} tabs={tabs} onGo={goTo} />}
              <NoticeLink applicationId={detail.id} acceptance={correction} />
            </>
          }
        />
      )}
      {rejection && !correction && (
        <Alert
          className="table-alert"
          type="warning"
          showIcon
          data-testid="rejection-alert"
          message={`审核不通过（第${rejection.round}轮，${rejection.departmentName}，${formatDateTime(rejection.decidedAt)}）：请按审核意见修改后重新提交`}
          description={
            <>
              <div className="draft-pre">审核意见：{rejection.opinion}</div>
              {rejectionNotes.length > 0 && <ProblemList problems={rejectionNotes} tabs={tabs} onGo={goTo} />}
            </>
          }
        />
      )}
      {conflict && (
        <Alert
          className="table-alert"
          type="error"
          showIcon
          message="内容未保存"
          description={conflict}
          action={
            <Button size="small" onClick={draft.reload}>
              重新加载
            </Button>
          }
        />
      )}
      {saveError && !conflict && (
        <Alert
          className="table-alert"
          type="error"
          showIcon
          closable
          onClose={draft.dismissSaveError}
          message={saveError.message}
          description={saveError.problems.length ? <ProblemList problems={saveError.problems} tabs={tabs} onGo={goTo} /> : undefined}
        />
      )}
      {problems && problems.length > 0 && !draft.submitDialog.open && (
        <Alert
          className="table-alert"
          type="warning"
          showIcon
          closable
          onClose={draft.dismissProblems}
          message={`提交未成功：还有${problems.length}处需要完善`}
          description={<ProblemList problems={problems} tabs={tabs} onGo={goTo} />}
        />
      )}
    </>
  );
}
