/** 审核状态 of SPEC §3/§4.3. The transition table arrives with the application engine. */
export const REVIEW_STATUSES = ['待提交', '待审核', '审核通过', '审核不通过'] as const;
export type TReviewStatus = (typeof REVIEW_STATUSES)[number];

/** 注销状态 */
export const CANCEL_STATUSES = ['正常', '注销'] as const;
export type TCancelStatus = (typeof CANCEL_STATUSES)[number];
