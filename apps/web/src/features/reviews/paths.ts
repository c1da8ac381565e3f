/**
 * URLs of the reviewer pages (the route table in app/hr/hr-routes.tsx declares the same
 * patterns). No runtime imports: the shell chunk uses this file.
 */
export const REVIEWS_GROUP_PATH = '/hr/reviews';
export const REVIEWS_PENDING_PATH = '/hr/reviews/pending';
export const REVIEWS_DONE_PATH = '/hr/reviews/done';
export const REVIEW_DETAIL_PATTERN = '/hr/reviews/:id';

export function reviewPath(id: string): string {
  return `/hr/reviews/${encodeURIComponent(id)}`;
}

/**
 * 待审核, optionally pre-filtered by 剩余天数 (at most N working days left; -1: overdue; read by
 * presetDaysLeft) or by 受理 (待受理 / 已受理; read by presetAccepted).
 */
export function pendingReviewsPath(maxDaysLeft?: number, accepted?: '待受理' | '已受理'): string {
  const q = [maxDaysLeft === undefined ? '' : `maxDaysLeft=${maxDaysLeft}`, accepted ? `accepted=${encodeURIComponent(accepted)}` : ''].filter(Boolean).join('&');
  return q ? `${REVIEWS_PENDING_PATH}?${q}` : REVIEWS_PENDING_PATH;
}

/** 核查任务 of 告知承诺 licences (decision 0043): the list and one task. */
export const INSPECTIONS_PATH = '/hr/reviews/inspections';
export const INSPECTION_DETAIL_PATTERN = '/hr/reviews/inspections/:id';

export function inspectionPath(id: string): string {
  return `${INSPECTIONS_PATH}/${encodeURIComponent(id)}`;
}

/** 核查任务 pre-filtered by state (待核查 / 整改中 / 已完成) or to the overdue ones. */
export function inspectionsPath(status?: '待核查' | '整改中' | '已完成', overdue?: boolean): string {
  const q = [status ? `status=${encodeURIComponent(status)}` : '', overdue ? 'overdue=1' : ''].filter(Boolean).join('&');
  return q ? `${INSPECTIONS_PATH}?${q}` : INSPECTIONS_PATH;
}

/** 双随机抽查计划 (decision 0049): the administrator's list and one plan. */
export const SPOT_CHECKS_PATH = '/hr/reviews/spot-checks';
export const SPOT_CHECK_DETAIL_PATTERN = '/hr/reviews/spot-checks/:id';

export function spotCheckPath(id: string): string {
  return `${SPOT_CHECKS_PATH}/${encodeURIComponent(id)}`;
}
