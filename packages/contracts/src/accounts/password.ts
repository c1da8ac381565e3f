/**
 * Password rules of the portal: 8–64 characters, at least three of upper case, lower case, digits
 * and symbols, and not containing the account, the phone number or the ID number. The same
 * function runs in the browser (as the user types) and on the server (authoritative).
 */
export interface PasswordContext {
  account?: string | null;
  phone?: string | null;
  idCard?: string | null;
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

export function passwordProblems(password: string, ctx: PasswordContext = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) problems.push(`密码长度应为${PASSWORD_MIN}–${PASSWORD_MAX}位`);
  const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三种');
  const lower = password.toLowerCase();
  const contains = (v: string | null | undefined, label: string) => {
    if (v && v.length >= 4 && lower.includes(v.toLowerCase())) problems.push(`密码不能包含${label}`);
  };
  contains(ctx.account, '账号');
  contains(ctx.phone, '手机号码');
  contains(ctx.idCard, '身份证号');
  return problems;
}
