import { z } from 'zod';

/** 人力资源服务许可证 (许可) or 人力资源服务备案凭证 (备案). */
export const LICENCE_KINDS = ['许可', '备案'] as const;
export type TLicenceKind = (typeof LICENCE_KINDS)[number];

/** 有效: in force; 已换发: replaced by a re-issue after a 变更; 已注销: voided by 注销; 已撤销: revoked after a failed 核查 (告知承诺). */
export const LICENCE_STATUSES = ['有效', '已换发', '已注销', '已撤销'] as const;
export type TLicenceStatus = (typeof LICENCE_STATUSES)[number];

/**
 * What a verification or the register says of a licence: its stored status, or 已过期 for one in force
 * past its 有效期至, or 已补发 for an earlier printout of a number re-issued since (its QR names its edition).
 */
export const LICENCE_DISPLAY_STATUSES = [...LICENCE_STATUSES, '已过期', '已补发'] as const;
export type TLicenceDisplayStatus = (typeof LICENCE_DISPLAY_STATUSES)[number];

export const LICENCE_TITLES: Record<TLicenceKind, string> = {
  许可: '人力资源服务许可证',
  备案: '人力资源服务备案凭证',
};

/** The download action under its document's name: a 备案 institution holds a 备案凭证, not a 许可证. */
export const LICENCE_DOWNLOAD_LABELS: Record<TLicenceKind, string> = {
  许可: '许可证下载',
  备案: '备案凭证下载',
};

/** Longest licence number accepted anywhere (the configured patterns stay well below it). */
export const LICENCE_NUMBER_MAX = 64;

/** The public page a licence's QR code opens. */
export const LICENCE_VERIFY_PATH = '/public/licences/verify';

/**
 * The verification link printed as the QR code: `base` is the site's public address, no trailing slash
 * needed; `edition` (1 at issue, +1 per 补办 / 延续) lets a superseded printout say so.
 */
export function licenceVerifyUrl(base: string, number: string, edition?: number): string {
  return `${base.replace(/\/+$/, '')}${LICENCE_VERIFY_PATH}?number=${encodeURIComponent(number)}${edition ? `&edition=${edition}` : ''}`;
}

export const ZLicenceNumber = z
  .string({ error: '请输入许可证/备案凭证编号' })
  .trim()
  .min(1, '请输入许可证/备案凭证编号')
  .max(LICENCE_NUMBER_MAX, `编号不能超过 ${LICENCE_NUMBER_MAX} 个字符`);

export const ZLicenceVerifyQuery = z.object({
  number: ZLicenceNumber,
  /** the edition a printout's QR code names (absent: typed by hand) */
  edition: z.coerce.number({ error: '版次应为正整数' }).int('版次应为正整数').min(1, '版次应为正整数').max(9999, '版次应为正整数').optional(),
});

/** What the public verification page shows: the certificate's content as issued, and whether it is in force. */
export const ZLicenceVerification = z.object({
  valid: z.boolean(),
  /** 有效 / 已换发 / 已注销, 已过期 past 有效期至, 已补发 for a superseded printout */
  status: z.enum(LICENCE_DISPLAY_STATUSES),
  number: z.string(),
  kind: z.enum(LICENCE_KINDS),
  institutionName: z.string(),
  uscc: z.string(),
  legalRep: z.string().nullable(),
  scopes: z.array(z.string()),
  departmentName: z.string(),
  /** YYYY-MM-DD */
  issuedOn: z.string(),
  /** the number in force now, when this one was re-issued (已换发) */
  supersededByNumber: z.string().nullable(),
  /** when it stopped being in force (已换发 / 已注销 / 已撤销), ISO */
  endedAt: z.string().nullable(),
  /** verifications so far, this one included */
  verifyCount: z.number().int(),
  /** 有效期至 (YYYY-MM-DD), null for a licence without expiry */
  validUntil: z.string().nullable(),
  /** 补发日期 of the latest replacement (补办), null if never re-issued */
  reissuedOn: z.string().nullable(),
  /** the current edition (1 at issue, +1 per 补办 / 延续) */
  edition: z.number().int(),
  /** the printout verified names an earlier edition: superseded, the latest one counts */
  printSuperseded: z.boolean(),
});
export type TLicenceVerification = z.infer<typeof ZLicenceVerification>;

/** One licence of a unit's institution (查看, 许可证下载). */
export const ZUnitLicence = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(LICENCE_KINDS),
  status: z.enum(LICENCE_STATUSES),
  departmentName: z.string(),
  issuedOn: z.string(),
  supersededByNumber: z.string().nullable(),
  endedAt: z.string().nullable(),
  verifyCount: z.number().int(),
  /** 有效期至, null without expiry */
  validUntil: z.string().nullable(),
  /** in force but past 有效期至 */
  expired: z.boolean(),
  /** 补发日期 of the latest replacement, null if never re-issued */
  reissuedOn: z.string().nullable(),
});
export type TUnitLicence = z.infer<typeof ZUnitLicence>;

export const ZUnitLicenceQuery = z.object({ institutionId: z.uuid('机构编号格式不正确') });
