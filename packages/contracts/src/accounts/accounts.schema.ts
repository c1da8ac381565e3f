import { z } from 'zod';
import { ZUscc } from '../validators/uscc';
import { ZIdCard } from '../validators/id-card';
import { ZMobile } from '../validators/phone';
import { passwordProblems } from './password';
import { beijingDay } from '../dates';

/** Roles of SPEC §0. The public is not a role: it is the absence of a session. */
export const ROLES = ['legal', 'agent', 'reviewer', 'admin'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;
export const ROLE_LABELS: Record<TRole, string> = {
  legal: '法人',
  agent: '经办人',
  reviewer: '审核人员',
  admin: '管理员',
};

export const ZLoginRequest = z.object({
  account: z.string().trim().min(1, '请输入账号').max(64, '账号过长'),
  password: z.string().min(1, '请输入密码').max(128, '密码过长'),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZUnitSummary = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
});
export type TUnitSummary = z.infer<typeof ZUnitSummary>;

export const ZSessionUser = z.object({
  id: z.string(),
  account: z.string(),
  name: z.string(),
  role: ZRole,
  unit: ZUnitSummary.nullable(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** an agent's initial password (or one reset by the legal person) must be changed first */
  mustChangePassword: z.boolean(),
  /** a reviewer's or administrator's password is older than 90 days: the reason mustChangePassword is set */
  passwordExpired: z.boolean().optional(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZMeResponse = z.object({ user: ZSessionUser, csrfToken: z.string() });
export type TMeResponse = z.infer<typeof ZMeResponse>;

// ── 法人注册 (SPEC §1.1) ──────────────────────────────────────────────────────────────

export const LEGAL_TYPES = ['企业法人', '机关法人', '事业单位法人', '社会团体法人', '其他组织'] as const;
export const ID_VALIDITY_PERIODS = ['5年', '10年', '20年', '长期有效'] as const;
export type TIdValidityPeriod = (typeof ID_VALIDITY_PERIODS)[number];

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => DATE_RE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** 身份证有效结束日期 from the start date and the period; null for 长期有效. */
export function idValidityEnd(start: string, period: TIdValidityPeriod): string | null {
  if (period === '长期有效' || !isRealDate(start)) return null;
  const years = Number.parseInt(period, 10);
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  // 29 February + N years lands on 1 March when the target year has no 29 February
  const end = new Date(Date.UTC(y + years, m - 1, d));
  return end.toISOString().slice(0, 10);
}

export const ACCOUNT_RE = /^[A-Za-z][A-Za-z0-9_]{5,19}$/;
export const ZAccountName = z
  .string({ error: '请输入账号' })
  .trim()
  .min(1, '请输入账号')
  .regex(ACCOUNT_RE, '账号应为6-20位字母、数字或下划线，且以字母开头');

export const ZSmsCode = z.string({ error: '请输入短信验证码' }).trim().regex(/^\d{6}$/, '短信验证码应为6位数字');
export const ZCaptchaAnswer = z.string({ error: '请输入图片验证码' }).trim().min(1, '请输入图片验证码').max(10, '图片验证码不正确');

export const ZCaptcha = z.object({ id: z.string(), svg: z.string() });
export type TCaptcha = z.infer<typeof ZCaptcha>;

/** 获取验证码: the image captcha gates every SMS, so nobody can make the system spam a phone. */
export const ZSendSmsRequest = z.object({
  phone: ZMobile,
  captchaId: z.string().min(1, '请刷新图片验证码'),
  captcha: ZCaptchaAnswer,
  purpose: z.enum(['register', 'appeal']),
});
export type TSendSmsRequest = z.infer<typeof ZSendSmsRequest>;
export const ZSendSmsResponse = z.object({ cooldownSeconds: z.number().int(), expiresInSeconds: z.number().int() });

/** Today's date in Beijing, YYYY-MM-DD: ID validity is judged by the calendar people live in. */
const beijingToday = () => beijingDay(new Date());

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const ZRegisterRequest = z
  .object({
    account: ZAccountName,
    legalType: z.enum(LEGAL_TYPES, { error: '请选择法人类型' }),
    unitName: z.string({ error: '请输入企业名称' }).trim().min(2, '请输入企业名称').max(100, '企业名称不能超过100个字'),
    uscc: ZUscc,
    legalName: z.string({ error: '请输入法定代表人姓名' }).trim().min(2, '请输入法定代表人姓名').max(50, '姓名不能超过50个字'),
    idCard: ZIdCard,
    idValidity: z.enum(ID_VALIDITY_PERIODS, { error: '请选择身份证有效期' }),
    idStart: z.string({ error: '请选择身份证有效开始日期' }).refine(isRealDate, '请选择身份证有效开始日期'),
    phone: ZMobile,
    smsCode: ZSmsCode,
    password: z.string({ error: '请设置密码' }).min(1, '请设置密码'),
    confirmPassword: z.string({ error: '请再次输入密码' }).min(1, '请再次输入密码'),
    /** 人脸验证提升等级: needs the 吉事办 app; stays 否 here */
    faceVerified: z.literal(false).default(false),
    agreed: z.literal(true, { error: '请阅读并同意《注册协议》与《隐私政策》' }),
  })
  // runs even when fields above failed, so every problem is reported at once
  .superRefine((v, ctx) => {
    const today = beijingToday();
    const start = str(v.idStart);
    const end = isRealDate(start) ? idValidityEnd(start, v.idValidity) : null;
    if (isRealDate(start) && start > today) ctx.addIssue({ code: 'custom', path: ['idStart'], message: '身份证有效开始日期不能晚于今天' });
    else if (end && end <= today) ctx.addIssue({ code: 'custom', path: ['idStart'], message: '身份证已过有效期，请使用有效身份证' });
    if (str(v.password)) {
      for (const message of passwordProblems(str(v.password), { account: str(v.account), phone: str(v.phone), idCard: str(v.idCard) })) {
        ctx.addIssue({ code: 'custom', path: ['password'], message });
      }
    }
    if (str(v.confirmPassword) && v.password !== v.confirmPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的密码不一致' });
  });
export type TRegisterRequest = z.output<typeof ZRegisterRequest>;

// ── 经办人 (SPEC §1.2) ───────────────────────────────────────────────────────────────

export const ZAgent = z.object({
  id: z.string(),
  account: z.string(),
  name: z.string(),
  /** masked */
  idCard: z.string(),
  /** masked */
  phone: z.string(),
  status: z.enum(['active', 'disabled']),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type TAgent = z.infer<typeof ZAgent>;

export const ZCreateAgentRequest = z
  .object({
    name: z.string({ error: '请输入姓名' }).trim().min(2, '请输入姓名').max(50, '姓名不能超过50个字'),
    idCard: ZIdCard,
    phone: ZMobile,
    account: ZAccountName,
    initialPassword: z.string({ error: '请输入初始密码' }).min(1, '请输入初始密码'),
  })
  .superRefine((v, ctx) => {
    if (!str(v.initialPassword)) return;
    for (const message of passwordProblems(str(v.initialPassword), { account: str(v.account), phone: str(v.phone), idCard: str(v.idCard) })) {
      ctx.addIssue({ code: 'custom', path: ['initialPassword'], message });
    }
  });
export type TCreateAgentRequest = z.infer<typeof ZCreateAgentRequest>;
export const ZResetPasswordRequest = z.object({ newPassword: z.string({ error: '请输入新密码' }).min(1, '请输入新密码') });

// ── 账号设置 ────────────────────────────────────────────────────────────────────────

export const ZChangePasswordRequest = z
  .object({
    oldPassword: z.string({ error: '请输入原密码' }).min(1, '请输入原密码'),
    newPassword: z.string({ error: '请输入新密码' }).min(1, '请输入新密码'),
    confirmPassword: z.string({ error: '请再次输入新密码' }).min(1, '请再次输入新密码'),
  })
  .superRefine((v, ctx) => {
    if (str(v.confirmPassword) && v.newPassword !== v.confirmPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: '两次输入的密码不一致' });
    if (str(v.newPassword) && v.newPassword === v.oldPassword) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: '新密码不能与原密码相同' });
  });
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZSessionInfo = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type TSessionInfo = z.infer<typeof ZSessionInfo>;

// ── 登录 extras ────────────────────────────────────────────────────────────────────

export const ZLoginWithCaptchaRequest = ZLoginRequest.extend({
  captchaId: z.string().optional(),
  captcha: z.string().optional(),
});

// ── 扫码登录 (QR login) ────────────────────────────────────────────────────────────

export const QR_STATUSES = ['pending', 'scanned', 'confirmed', 'cancelled', 'expired', 'used'] as const;
export const ZQrTicket = z.object({ id: z.string(), url: z.string(), expiresAt: z.string() });
export type TQrTicket = z.infer<typeof ZQrTicket>;
export const ZQrStatus = z.object({ status: z.enum(QR_STATUSES), me: ZMeResponse.optional() });
export type TQrStatus = z.infer<typeof ZQrStatus>;
export const ZQrScanInfo = z.object({ status: z.enum(QR_STATUSES), expiresAt: z.string() });

// ── 账号申诉 (account appeal) ──────────────────────────────────────────────────────

export const APPEAL_PHONE = '0431-80767550';
export const ZAppealRequest = z.object({
  account: z.string({ error: '请输入账号' }).trim().min(1, '请输入账号').max(64, '账号过长'),
  uscc: ZUscc,
  contact: z.string({ error: '请输入联系人' }).trim().min(2, '请输入联系人').max(50, '联系人不能超过50个字'),
  phone: ZMobile,
  description: z.string({ error: '请输入申诉说明' }).trim().min(10, '申诉说明至少10个字').max(2000, '申诉说明不能超过2000字'),
});
export type TAppealRequest = z.infer<typeof ZAppealRequest>;

/**
 * What handling an appeal does besides the reply: nothing, or for the unit registered under the
 * appeal's 统一社会信用代码, a new initial password for its legal person (sent to the appellant's phone,
 * the sign-in lock lifted) or the legal person's 手机号码 changed to the appellant's.
 */
export const APPEAL_ACTIONS = ['仅回复', '重置法人密码', '更换法人手机号'] as const;
export type TAppealAction = (typeof APPEAL_ACTIONS)[number];
export const ZAppeal = z.object({
  id: z.string(),
  account: z.string(),
  uscc: z.string(),
  contact: z.string(),
  /** masked */
  phone: z.string(),
  description: z.string(),
  attachments: z.array(z.object({ id: z.string(), name: z.string(), size: z.number() })),
  status: z.enum(['待处理', '已处理']),
  reply: z.string().nullable(),
  /** what the handling did (仅回复 when it only replied); null while 待处理 */
  action: z.enum(APPEAL_ACTIONS).nullable(),
  /** the legal person's account of the unit registered under the appeal's USCC, if there is one */
  legalAccount: z.string().nullable(),
  createdAt: z.string(),
  handledAt: z.string().nullable(),
});
export type TAppeal = z.infer<typeof ZAppeal>;
export const ZHandleAppealRequest = z.object({
  reply: z.string({ error: '请输入处理意见' }).trim().min(2, '请输入处理意见').max(500, '处理意见不能超过500字'),
  action: z.enum(APPEAL_ACTIONS, { error: '请选择处理方式' }).default('仅回复'),
});

// ── dev outbox (never in production) ─────────────────────────────────────────────

export const ZOutbox = z.object({
  sms: z.array(z.object({ phone: z.string(), text: z.string(), code: z.string().nullable(), sentAt: z.string() })),
  captchas: z.array(z.object({ id: z.string(), answer: z.string() })),
});
export type TOutbox = z.infer<typeof ZOutbox>;
