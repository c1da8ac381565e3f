import { PASSWORD_MAX, PASSWORD_MIN, passwordProblems, type PasswordContext } from '@jhrm/contracts';

export interface PasswordRuleState {
  key: 'length' | 'classes' | 'personal';
  label: string;
  ok: boolean;
}

/**
 * The password rules as a checklist for the live hint under 设置密码 / 新密码. Each line is met
 * when `passwordProblems` (the very function the server runs) reports nothing of its kind.
 */
export function passwordRuleStates(password: string, ctx: PasswordContext = {}): PasswordRuleState[] {
  const problems = passwordProblems(password, ctx);
  const has = (fragment: string) => problems.some((p) => p.includes(fragment));
  return [
    { key: 'length', label: `长度为${PASSWORD_MIN}–${PASSWORD_MAX}位`, ok: !has('长度') },
    { key: 'classes', label: '包含大写字母、小写字母、数字、符号中的至少三种', ok: !has('至少三种') },
    { key: 'personal', label: '不包含账号、手机号码或身份证号', ok: !has('不能包含') },
  ];
}

/** The first problem of a password, for the field's error line; null when it is acceptable. */
export function firstPasswordProblem(password: string, ctx: PasswordContext = {}): string | null {
  if (!password) return null;
  return passwordProblems(password, ctx)[0] ?? null;
}
