import { ACCEPTANCE_NOTICE_TITLES, acceptanceNoticeUrl, type TAcceptanceView } from '@jhrm/contracts';
import { formatDateTime } from '../../lib/format-datetime';
import { StatusTag, type StatusTone } from '../StatusTag';
import './acceptance-list.css';

const TONES: Record<TAcceptanceView['decision'], StatusTone> = { 受理: 'success', 不予受理: 'danger', 补正: 'warning' };

/** The link that downloads a decision's notice: 下载受理通知书 / 下载不予受理通知书 / 下载补正告知书. */
export function NoticeLink({ applicationId, acceptance }: { applicationId: string; acceptance: TAcceptanceView }) {
  return (
    <a className="notice-link" href={acceptanceNoticeUrl(applicationId, acceptance.id)} download>
      下载{ACCEPTANCE_NOTICE_TITLES[acceptance.decision]}
    </a>
  );
}

/** What is to correct, every item at once (补正). */
export function CorrectionItems({ items }: { items: TAcceptanceView['items'] }) {
  return (
    <ol className="acceptance-items">
      {items.map((item, i) => (
        <li key={i}>
          {item.label ? `${item.label}：` : ''}
          {item.message}
        </li>
      ))}
    </ol>
  );
}

/**
 * The acceptance decisions of an application (受理 / 不予受理 / 补正, decision 0034), newest first,
 * each with its notice's number and download, the reason or the items to correct. Unit and reviewer alike.
 */
export function AcceptanceList({ applicationId, acceptances }: { applicationId: string; acceptances: readonly TAcceptanceView[] }) {
  if (!acceptances.length) return null;
  return (
    <ul className="acceptance-list" aria-label="受理记录">
      {acceptances.map((a) => (
        <li key={a.id}>
          <div className="acceptance-head">
            <StatusTag tone={TONES[a.decision]}>{a.decision}</StatusTag>
            <span>第{a.round}轮</span>
            <span>{formatDateTime(a.decidedAt)}</span>
            <span>{a.departmentName}</span>
            {a.reviewerName && <span>{a.reviewerName}</span>}
          </div>
          <div className="acceptance-number">
            文书编号：{a.noticeNumber} <NoticeLink applicationId={applicationId} acceptance={a} />
          </div>
          {a.reason && <div className="acceptance-reason">理由：{a.reason}</div>}
          {a.items.length > 0 && <CorrectionItems items={a.items} />}
        </li>
      ))}
    </ul>
  );
}
