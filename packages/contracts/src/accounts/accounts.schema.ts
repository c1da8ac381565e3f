import { z } from 'zod';

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
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZMeResponse = z.object({ user: ZSessionUser, csrfToken: z.string() });
export type TMeResponse = z.infer<typeof ZMeResponse>;
