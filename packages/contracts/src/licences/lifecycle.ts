import { z } from 'zod';
import { APPLICATION_STATUSES } from '../applications/applications.status';

/**
 * The licence lifecycle (decision 0047): a validity period the bureau may set (系统设置 许可证有效期（年）,
 * 0 = none, as before), reminders before 有效期至, 延续 within its last 90 days and 补办 of a lost or
 * damaged licence under the same number.
 */

/** The setting's key: whole years a licence issued from then on is valid; 0 = without expiry. */
export const LICENCE_VALIDITY_SETTING = 'licence.validityYears' as const;
export const ZLicenceValidityYears = z
  .number({ error: '许可证有效期应为整数年（0 表示不设有效期）' })
  .int('许可证有效期应为整数年（0 表示不设有效期）')
  .min(0, '许可证有效期不能小于0年')
  .max(10, '许可证有效期不能超过10年');

/** Days before 有效期至 on which the unit is reminded (each once per licence and 有效期至). */
export const EXPIRY_REMINDER_DAYS = [90, 30, 7] as const;

/** 延续 may be applied for only within this many days before 有效期至 (and not after it). */
export const RENEWAL_WINDOW_DAYS = 90;

const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A YYYY-MM-DD `years` later (29 February → 28 February in a common year). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // JavaScript rolls 02-29 into March: step back to the month's last day
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return iso(target.getTime());
}

/** Days from `from` to `to` (YYYY-MM-DD both): negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => Math.round((utc(to) - utc(from)) / DAY);

/** 有效期至 of a licence issued on `issuedOn` for `years` years: the day before the anniversary; null without a period. */
export function validUntilOf(issuedOn: string, years: number): string | null {
  if (!years) return null;
  return iso(utc(addYears(issuedOn, years)) - DAY);
}

/** Whether a licence in force has passed its 有效期至 on `today` (Beijing day). */
export const isExpired = (validUntil: string | null | undefined, today: string): boolean => !!validUntil && validUntil < today;

/** Why a licence cannot be renewed (延续) today, or null when it can. */
export function renewalBlocked(l: { number: string; status: string; validUntil: string | null }, today: string): string | null {
  if (l.status !== '有效') return `证书${l.number}${l.status}，不能申请延续`;
  if (!l.validUntil) return `证书${l.number}未设有效期，无需申请延续`;
  if (l.validUntil < today) return `证书${l.number}已于${l.validUntil}过期，不能再申请延续，请重新申请设立`;
  const left = daysBetween(today, l.validUntil);
  if (left > RENEWAL_WINDOW_DAYS) return `证书${l.number}有效期至${l.validUntil}，到期前${RENEWAL_WINDOW_DAYS}日内才能申请延续`;
  return null;
}

/** 补办 reasons (许可证补办申请表). */
export const REISSUE_REASONS = ['遗失', '损毁'] as const;
export type TReissueReason = (typeof REISSUE_REASONS)[number];

/** The material slots a 补办 needs at 提交, by reason (the declaration's own slots are all optional). */
export const REISSUE_REQUIREMENTS: Record<TReissueReason, readonly string[]> = {
  遗失: ['许可证补办申请表', '遗失声明'],
  损毁: ['许可证补办申请表', '损毁的许可证原件'],
};

/**
 * A 补办's content (保存 / 新建): the institution whose licence in force is re-issued, 补办原因 and the
 * unit's statement (情况说明). The record is the institution's, copied read-only.
 */
export const ZReissueContent = z.strictObject(
  {
    institutionId: z.uuid({ error: '请选择要补办许可证的机构' }),
    reason: z.enum(REISSUE_REASONS, { error: '请选择有效的补办原因（遗失或损毁）' }).nullable().default(null),
    statement: z.string({ error: '情况说明应为文字' }).trim().max(500, '情况说明不能超过500个字').default(''),
  },
  { error: (i) => (i.code === 'unrecognized_keys' ? '补办申请只能填写补办原因和情况说明，机构信息不能在此修改' : '补办申请内容有误') },
);
export type TReissueContent = z.infer<typeof ZReissueContent>;


/** The licence a 补办 / 延续 concerns, as its unit and reviewer see it. */
export const ZLicenceRequestView = z.object({
  licenceId: z.string().nullable(),
  number: z.string().nullable(),
  validUntil: z.string().nullable(),
  reason: z.enum(REISSUE_REASONS).nullable().optional(),
  statement: z.string().optional(),
});
export type TLicenceRequestView = z.infer<typeof ZLicenceRequestView>;

/** A 补办's own fields as its unit reads them, with the licence it re-issues. */
export const ZReissueView = z.object({
  institutionId: z.string(),
  reason: z.enum(REISSUE_REASONS).nullable(),
  statement: z.string(),
  licenceNumber: z.string().nullable(),
  validUntil: z.string().nullable(),
});
export type TReissueView = z.infer<typeof ZReissueView>;

/** A 延续's header as its unit reads it: the licence it renews and, when it cannot be renewed now, why. */
export const ZRenewalView = z.object({
  institutionId: z.string(),
  licenceNumber: z.string().nullable(),
  validUntil: z.string().nullable(),
  blocked: z.string().nullable(),
});
export type TRenewalView = z.infer<typeof ZRenewalView>;

/** An institution's open 补办 or 延续 (not yet decided for good), which its 查看 page leads back to. */
export const ZOpenLicenceRequest = z.object({
  /** 补办 or 延续 */
  type: z.string(),
  applicationId: z.string(),
  status: z.enum(APPLICATION_STATUSES),
});
export type TOpenLicenceRequest = z.infer<typeof ZOpenLicenceRequest>;
