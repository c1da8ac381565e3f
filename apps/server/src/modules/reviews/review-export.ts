import { daysLeftText, REVIEW_INBOX_TITLES as T, type TReviewInboxItem, type TReviewTab } from '@jhrm/contracts';
import type { ExportColumn } from '../../lib/list-export';
import { formatBeijing } from '../../lib/time';

const at = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/** 待审核 / 已审核 as the inbox table shows them (操作 aside), by tab. */
export function reviewExportColumns(tab: TReviewTab): ExportColumn<TReviewInboxItem>[] {
  const shared: ExportColumn<TReviewInboxItem>[] = [
    { header: T.type, value: (r) => (r.lateDays ? `${r.type}（逾期报告${r.lateDays}天）` : r.type), width: 22 },
    { header: T.institutionName, value: (r) => r.institutionName, width: 40 },
    { header: T.uscc, value: (r) => r.uscc, width: 22 },
    { header: T.kind, value: (r) => r.kind },
    { header: T.round, value: (r) => `第${r.round}轮` },
    { header: T.submittedAt, value: (r) => at(r.submittedAt), width: 18 },
  ];
  if (tab === '待审核') {
    return [
      ...shared,
      { header: T.acceptedAt, value: (r) => (!r.acceptance ? '无需受理' : r.acceptedAt ? formatBeijing(new Date(r.acceptedAt)).slice(0, 10) : '待受理'), width: 12 },
      { header: T.dueOn, value: (r) => r.dueOn, width: 12 },
      { header: T.daysLeft, value: (r) => daysLeftText(r.daysLeft), width: 18 },
    ];
  }
  return [
    ...shared,
    { header: T.decision, value: (r) => r.lastDecision?.decision },
    { header: T.decidedAt, value: (r) => at(r.lastDecision?.decidedAt), width: 18 },
    { header: T.status, value: (r) => r.status },
  ];
}
