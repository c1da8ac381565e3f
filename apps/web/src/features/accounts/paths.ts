/** Routes of the accounts feature that other parts of the app send people to. */
export const LOGIN_PATH = '/login';
export const REGISTER_PATH = '/register';
export const APPEAL_PATH = '/appeal';
export const CHANGE_PASSWORD_PATH = '/account/change-password';
export const PORTAL_PATH = '/portal';

/** Router state the login page understands (all optional). */
export interface LoginPageState {
  /** The user had been signed in and the server no longer knows the session. */
  expired?: boolean;
  /** Pre-fills 账号, e.g. right after 法人注册. */
  account?: string;
  /** A success notice to show once, e.g. 注册成功，请登录 or 密码已修改，请重新登录. */
  notice?: string;
}

/** Where a freshly signed-in user goes: the forced password change first, else 应用入口. */
export function afterLoginPath(user: { mustChangePassword: boolean }): string {
  return user.mustChangePassword ? CHANGE_PASSWORD_PATH : PORTAL_PATH;
}

/** Reads the login page's router state defensively (history state survives reloads and may be anything). */
export function readLoginPageState(state: unknown): LoginPageState {
  if (!state || typeof state !== 'object') return {};
  const s = state as Record<string, unknown>;
  const out: LoginPageState = {};
  if (s.expired === true) out.expired = true;
  if (typeof s.account === 'string' && s.account) out.account = s.account;
  if (typeof s.notice === 'string' && s.notice) out.notice = s.notice;
  return out;
}
