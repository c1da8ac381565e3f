import { z } from 'zod';

/** The decisions a reviewer makes on a submission round. */
export const REVIEW_DECISIONS = ['审核通过', '审核不通过'] as const;
export type TReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const ZReviewNote = z.object({
  target: z.enum(['field', 'material'], { error: '请选择意见针对的是字段还是材料' }),
  /** field path (`basic.officeAddress`, `staff.1`) or material slot name */
  key: z.string().trim().min(1, '请选择意见针对的字段或材料').max(100),
  /** as shown to the unit; the server writes the canonical label */
  label: z.string().trim().max(100).default(''),
  message: z.string().trim().min(1, '请填写对该项的意见').max(500, '单项意见不能超过500个字'),
});
export type TReviewNote = z.infer<typeof ZReviewNote>;

/** One decision of a round, as both sides see it. */
export const ZReviewDecisionView = z.object({
  round: z.number().int(),
  decision: z.enum(REVIEW_DECISIONS),
  opinion: z.string().nullable(),
  notes: z.array(ZReviewNote),
  decidedAt: z.string(),
  department: z.string(),
  departmentName: z.string(),
  /** the reviewer's name: shown to staff only (null for the unit) */
  reviewerName: z.string().nullable(),
});
export type TReviewDecisionView = z.infer<typeof ZReviewDecisionView>;

