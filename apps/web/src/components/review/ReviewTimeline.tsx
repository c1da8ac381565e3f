import { Timeline } from 'antd';
import type { TReviewDecisionView } from '@jhrm/contracts';
import { formatDateTime } from '../../lib/format-datetime';
import { StatusTag } from '../StatusTag';
import '../record/record.css';

/** One submission round and what became of it. */
export interface TimelineRound {
  round: number;
  submittedAt?: string | null;
  submittedByName?: string | null;
  departmentName?: string | null;
  /** 受理 of a round still under review */
  acceptedAt?: string | null;
  decision: TReviewDecisionView | null;
}

/**
 * Rounds from decisions alone (the unit's view: its application detail lists every decision),
 * with the round under review first when the application is 待审核 again.
 */
export function roundsFromDecisions(decisions: readonly TReviewDecisionView[], pending: { submittedAt: string | null; acceptedAt: string | null } | null): TimelineRound[] {
  const rounds: TimelineRound[] = decisions.map((d) => ({ round: d.round, departmentName: d.departmentName, decision: d }));
  if (pending) rounds.unshift({ round: (decisions[0]?.round ?? 0) + 1, submittedAt: pending.submittedAt, acceptedAt: pending.acceptedAt, decision: null });
  return rounds;
}

/** 审核记录: every round, newest first, with the decision, 审核意见 and each note on a field or material. */
export function ReviewTimeline({ rounds }: { rounds: readonly TimelineRound[] }) {
  if (!rounds.length) return <p className="rec-timeline-meta">暂无审核记录</p>;
  const ordered = [...rounds].sort((a, b) => b.round - a.round);
  return (
    <Timeline
      items={ordered.map((r) => {
        const d = r.decision;
        const color = !d ? 'blue' : d.decision === '审核通过' ? 'green' : 'red';
        return {
          key: r.round,
          color,
          children: (
            <div>
              <div>
                <strong>第{r.round}轮</strong>{' '}
                {d ? <StatusTag tone={d.decision === '审核通过' ? 'success' : 'danger'}>{d.decision}</StatusTag> : <StatusTag tone="warning">待审核</StatusTag>}
                {!d && r.acceptedAt && <StatusTag tone="info">已受理 {formatDateTime(r.acceptedAt).slice(0, 10)}</StatusTag>}
              </div>
              <div className="rec-timeline-meta">
                {r.submittedAt ? `提交于 ${formatDateTime(r.submittedAt)}` : ''}
                {r.submittedByName ? `（${r.submittedByName}）` : ''}
                {d ? `${r.submittedAt ? '；' : ''}${d.departmentName}${d.reviewerName ? ` ${d.reviewerName}` : ''} 于 ${formatDateTime(d.decidedAt)} 审核` : r.departmentName ? ` → ${r.departmentName}` : ''}
              </div>
              {d?.opinion && <div className="rec-pre">审核意见：{d.opinion}</div>}
              {d && d.notes.length > 0 && (
                <ul className="rec-timeline-note">
                  {d.notes.map((n) => (
                    <li key={`${n.target}:${n.key}`}>
                      {n.target === 'material' ? '材料' : '字段'}「{n.label}」：{n.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
