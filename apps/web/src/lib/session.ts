import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { TMeResponse, TSessionUser } from '@jhrm/contracts';
import { api, isApiError, setCsrfToken } from './api-client';

/** The session is one query: data is the signed-in user, or null when nobody is signed in. */
export const ME_QUERY_KEY = ['auth', 'me'] as const;

/**
 * Prefix of per-tab sessionStorage keys that must not outlive the session (e.g. the business
 * system's open tabs); they are all removed on logout.
 */
export const SESSION_STORAGE_PREFIX = 'jhrm_s_';
const SIGNED_IN_FLAG = SESSION_STORAGE_PREFIX + 'signed_in';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Remembered per tab so a 401 after a reload can still say 登录已过期 instead of nothing. */
export function wasSignedIn(): boolean {
  return storage()?.getItem(SIGNED_IN_FLAG) === '1';
}

export function forgetSignedIn(): void {
  const s = storage();
  if (!s) return;
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (key?.startsWith(SESSION_STORAGE_PREFIX)) keys.push(key);
  }
  for (const key of keys) s.removeItem(key);
}

async function fetchMe(): Promise<TMeResponse | null> {
  try {
    const me = await api.get<TMeResponse>('/api/auth/me', { skipAuthRedirect: true });
    setCsrfToken(me.csrfToken);
    // Also when the session came from another tab: this tab has now been signed in.
    storage()?.setItem(SIGNED_IN_FLAG, '1');
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Store a fresh session (after login). */
export function setSession(queryClient: QueryClient, me: TMeResponse): void {
  setCsrfToken(me.csrfToken);
  // Whatever an earlier user of this tab loaded must not show up for this one.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
  storage()?.setItem(SIGNED_IN_FLAG, '1');
  queryClient.setQueryData(ME_QUERY_KEY, me);
}

/**
 * The session ended on the server (a 401 from any call). Guards see null and go to /login,
 * where the flag, still set, turns into 登录已过期，请重新登录.
 */
export function markSessionExpired(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.setQueryData(ME_QUERY_KEY, null);
}

/**
 * Only valid below RequireAuth, which renders nothing until the user is known.
 *
 * When the session ends (退出登录, a 401), the cache turns null at once but RequireAuth hears of it
 * only with the query's next notification (a later task). A component re-rendering in between for
 * its own reasons (e.g. useLogout's pending flag) would see null; it gets the last known user for
 * that one render, and RequireAuth then unmounts it.
 */
export function useCurrentUser(): TSessionUser {
  const { data } = useMe();
  const last = useRef<TSessionUser | null>(null);
  if (data) last.current = data.user;
  if (!last.current) throw new Error('useCurrentUser() used outside a signed-in route');
  return last.current;
}

export function useLogout() {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const logout = useCallback(async () => {
    setPending(true);
    try {
      await api.post('/api/auth/logout', {}, { skipAuthRedirect: true });
    } catch {
      // Signing out locally is what the user asked for; a failed call only means the server
      // session is already gone or will expire on its own.
    } finally {
      forgetSignedIn();
      setCsrfToken(null);
      // The guards see null and navigate to /login; other cached data is dropped at the next login
      // (removing it here would make still-mounted pages refetch without a session).
      queryClient.setQueryData(ME_QUERY_KEY, null);
      setPending(false);
    }
  }, [queryClient]);
  return { logout, pending };
}
