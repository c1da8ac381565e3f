import { z } from 'zod';

/**
 * 受理 as 行政许可法 第三十二条 has it (decision 0034): on a submission of a kind with the acceptance
 * step the reviewer decides first whether to accept it (受理), refuse it (不予受理, with the reason) or
 * ask for corrections (补正, every item at once: 一次性告知). Each decision issues a numbered notice.
 */
export const ACCEPTANCE_DECISIONS = ['受理', '不予受理', '补正'] as const;
export type TAcceptanceDecision = (typeof ACCEPTANCE_DECISIONS)[number];

/** The notice each decision issues, as its title and the unit's download link say it. */
export const ACCEPTANCE_NOTICE_TITLES: Record<TAcceptanceDecision, string> = {
  受理: '受理通知书',
  不予受理: '不予受理通知书',
  补正: '补正告知书',
};

/** Working days the reviewer has to decide on 受理 after a submission (行政许可法 第三十二条: 五日内). */
export const ACCEPTANCE_WORKING_DAYS = 5;

/**
 * One item to correct: a field or material the reviewer's notes name (`target` and `key`, as a
 * decision's notes do), or free text (neither).
 */
export const ZCorrectionItem = z
  .object({
    target: z.enum(['field', 'material'], { error: '请选择补正项针对的是字段还是材料' }).optional(),
    key: z.string().trim().min(1, '请选择补正项针对的字段或材料').max(100, '补正项针对的字段或材料名称过长').optional(),
    /** as shown to the unit; the server writes the canonical label of a field or material */
    label: z.string().trim().max(100, '补正项名称不能超过100个字').default(''),
    message: z.string({ error: '请填写需要补正的内容' }).trim().min(1, '请填写需要补正的内容').max(500, '每项补正内容不能超过500个字'),
  })
  .refine((i) => (i.target === undefined) === (i.key === undefined), { message: '补正项须同时指明类别和字段（或都不指明）', path: ['key'] });
export type TCorrectionItem = z.infer<typeof ZCorrectionItem>;

/** POST /api/reviews/:id/acceptance */
export const ZAcceptanceRequest = z
  .object({
    decision: z.enum(ACCEPTANCE_DECISIONS, { error: '请选择受理、不予受理或补正' }),
    reason: z.string({ error: '理由应为文字' }).trim().max(2000, '理由不能超过2000个字').optional(),
    items: z.array(ZCorrectionItem, { error: '补正内容格式不正确' }).max(100, '补正内容最多100项').optional(),
  })
  .superRefine((r, ctx) => {
    if (r.decision === '不予受理' && !r.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予受理时须填写理由' });
    if (r.decision === '补正' && !r.items?.length) ctx.addIssue({ code: 'custom', path: ['items'], message: '补正时须一次性列明需要补正的全部内容（至少一项）' });
    if (r.decision !== '补正' && r.items?.length) ctx.addIssue({ code: 'custom', path: ['items'], message: '只有补正时才列明补正内容' });
  });
export type TAcceptanceRequest = z.infer<typeof ZAcceptanceRequest>;
export type TAcceptanceRequestInput = z.input<typeof ZAcceptanceRequest>;

/** A stored item to correct: its field or material (null for free text), its label and what to do. */
export const ZCorrectionItemView = z.object({
  target: z.enum(['field', 'material']).nullable(),
  key: z.string().nullable(),
  label: z.string(),
  message: z.string(),
});
export type TCorrectionItemView = z.infer<typeof ZCorrectionItemView>;

/** One acceptance decision, as both sides see it (newest first on an application). */
export const ZAcceptanceView = z.object({
  id: z.string(),
  round: z.number().int(),
  decision: z.enum(ACCEPTANCE_DECISIONS),
  reason: z.string().nullable(),
  items: z.array(ZCorrectionItemView),
  /** the notice's number (e.g. 吉人社受字〔2025〕第0001号) */
  noticeNumber: z.string(),
  decidedAt: z.string(),
  departmentName: z.string(),
  /** the reviewer's name: shown to staff only (null for the unit) */
  reviewerName: z.string().nullable(),
});
export type TAcceptanceView = z.infer<typeof ZAcceptanceView>;

/** The URL of an acceptance decision's notice (受理通知书 / 不予受理通知书 / 补正告知书). */
export const acceptanceNoticeUrl = (applicationId: string, acceptanceId: string, inline = false) =>
  `/api/applications/${applicationId}/acceptances/${acceptanceId}/notice${inline ? '?inline=1' : ''}`;
