import { APPLICATION_STATUSES, type TApplicationStatus } from '../applications/applications.status';

/** 审核状态 of SPEC §3/§4.3: an institution's follows its 设立's status, so the words are the engine's. */
export const REVIEW_STATUSES = APPLICATION_STATUSES;
export type TReviewStatus = TApplicationStatus;

/** 注销状态 */
export const CANCEL_STATUSES = ['正常', '注销'] as const;
export type TCancelStatus = (typeof CANCEL_STATUSES)[number];

/**
 * Why an institution cannot be changed (变更) or cancelled (注销) now, or null when it can: only an
 * institution in force (审核通过) that is not 注销. `note` is the list row's, `message` the server's refusal.
 */
export function notOpenFor(inst: { name: string; reviewStatus: string; cancelStatus: string }, what: string): { note: string; message: string } | null {
  if (inst.cancelStatus === '注销') return { note: '已注销', message: `“${inst.name}”已注销，不能再申请${what}` };
  if (inst.reviewStatus !== '审核通过') {
    return { note: `审核通过后才能${what}`, message: `“${inst.name}”的审核状态为“${inst.reviewStatus}”，只有审核通过的机构才能申请${what}` };
  }
  return null;
}
