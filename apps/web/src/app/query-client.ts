import { QueryClient } from '@tanstack/react-query';
import type { TMeResponse } from '@jhrm/contracts';
import { isApiError, setPasswordChangeRequiredHandler, setUnauthorizedHandler } from '../lib/api-client';
import { ME_QUERY_KEY, markSessionExpired } from '../lib/session';

// networkMode 'always': requests go out whatever navigator.onLine says. In the default mode a
// browser that briefly reports itself offline (a network change on the machine) pauses every query
// and mutation without a request or an error: a 保存 button stayed in its loading state for good in
// a browser journey. A request that cannot reach the server fails with the api client's message instead.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      networkMode: 'always',
      // A 4xx will not change on retry; network blips and 5xx get two more tries.
      retry: (failureCount, error) =>
        failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false, networkMode: 'always' },
  },
});

// Any 401 (except the login call and the session probe) means the session is gone.
setUnauthorizedHandler(() => markSessionExpired(queryClient));

// PASSWORD_CHANGE_REQUIRED from any call: the signed-in user must change the password first.
// Marking the cached user is enough: RequireAuth then sends them to the forced change page.
setPasswordChangeRequiredHandler(() => {
  queryClient.setQueryData<TMeResponse | null>(ME_QUERY_KEY, (me) =>
    me && !me.user.mustChangePassword ? { ...me, user: { ...me.user, mustChangePassword: true } } : me,
  );
});
