export const DEMO_PASSWORD = 'Demo@123456';
export type DemoAccount = 'demo_legal' | 'demo_agent' | 'demo_reviewer' | 'demo_admin';

export interface Session {
  account: string;
  /** `Cookie` header a browser would send after signing in: jhrm_sid and jhrm_csrf */
  cookie: string;
  /** the session's CSRF token, for a write scenario's `x-csrf-token` header */
  csrfToken: string;
  user: { name?: string; role?: string; unit?: { id?: string; name?: string } | null };
}

/** `name=value` pairs of a response's Set-Cookie headers */
function setCookies(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) out.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return out;
}

/**
 * Signs in the way the login page does: GET /api/auth/csrf for the double-submit token, then
 * POST /api/auth/login with it in the cookie and the `x-csrf-token` header. Login is rate
 * limited (30 a minute), so sign in once per run and share the session.
 */
export async function login(baseUrl: string, account: DemoAccount | string = 'demo_legal', password = DEMO_PASSWORD): Promise<Session> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(10_000) });
  if (csrfRes.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrfRes.status}`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = setCookies(csrfRes).get('jhrm_csrf') ?? csrfToken;

  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: `jhrm_csrf=${csrfCookie}` },
    body: JSON.stringify({ account, password }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json().catch(() => ({}))) as { user?: Session['user']; csrfToken?: string; message?: string };
  if (res.status !== 200) throw new Error(`login as ${account} answered ${res.status}: ${body.message ?? JSON.stringify(body)}`);
  const cookies = setCookies(res);
  const sid = cookies.get('jhrm_sid');
  if (!sid) throw new Error(`login as ${account} set no jhrm_sid cookie`);
  const sessionCsrf = cookies.get('jhrm_csrf') ?? body.csrfToken ?? '';
  return { account, cookie: `jhrm_sid=${sid}; jhrm_csrf=${sessionCsrf}`, csrfToken: sessionCsrf, user: body.user ?? {} };
}
