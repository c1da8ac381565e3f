import type { TCancelStatus, TReviewStatus } from '@jhrm/contracts';
import { StatusTag, type StatusTone } from '../../../components/StatusTag';

const REVIEW_TONES: Record<TReviewStatus, StatusTone> = {
  待提交: 'info',
  待审核: 'warning',
  审核通过: 'success',
  审核不通过: 'danger',
};

/** 审核状态 (also an application's status: the same four words). */
export function ReviewStatusTag({ status }: { status: TReviewStatus }) {
  return <StatusTag tone={REVIEW_TONES[status] ?? 'neutral'}>{status}</StatusTag>;
}

/** 注销状态 */
export function CancelStatusTag({ status }: { status: TCancelStatus }) {
  return <StatusTag tone={status === '注销' ? 'danger' : 'success'}>{status}</StatusTag>;
}
