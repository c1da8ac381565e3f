import { z } from 'zod';

/** 人力资源服务许可证 (许可) or 人力资源服务备案凭证 (备案). */
export const LICENCE_KINDS = ['许可', '备案'] as const;
export type TLicenceKind = (typeof LICENCE_KINDS)[number];

/** 有效: in force; 已换发: replaced by a re-issue after a 变更; 已注销: voided by 注销; 已撤销: revoked after a failed 核查 (告知承诺). */
export const LICENCE_STATUSES = ['有效', '已换发', '已注销', '已撤销'] as const;
export type TLicenceStatus = (typeof LICENCE_STATUSES)[number];

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

/** The verification link printed as the QR code: `base` is the site's public address, no trailing slash needed. */
export function licenceVerifyUrl(base: string, number: string): string {
  return `${base.replace(/\/+$/, '')}${LICENCE_VERIFY_PATH}?number=${encodeURIComponent(number)}`;
}

export const ZLicenceNumber = z
  .string({ error: '请输入许可证/备案凭证编号' })
  .trim()
  .min(1, '请输入许可证/备案凭证编号')
  .max(LICENCE_NUMBER_MAX, `编号不能超过 ${LICENCE_NUMBER_MAX} 个字符`);

export const ZLicenceVerifyQuery = z.object({ number: ZLicenceNumber });

/** What the public verification page shows: the certificate's content as issued, and whether it is in force. */
export const ZLicenceVerification = z.object({
  valid: z.boolean(),
  status: z.enum(LICENCE_STATUSES),
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
});
export type TUnitLicence = z.infer<typeof ZUnitLicence>;

export const ZUnitLicenceQuery = z.object({ institutionId: z.uuid('机构编号格式不正确') });
