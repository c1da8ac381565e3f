import { QueryClient } from '@tanstack/react-query';
import { isApiError, setUnauthorizedHandler } from '../lib/api-client';
import { markSessionExpired } from '../lib/session';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change on retry; network blips and 5xx get two more tries.
      retry: (failureCount, error) =>
        failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});

// Any 401 (except the login call and the session probe) means the session is gone.
setUnauthorizedHandler(() => markSessionExpired(queryClient));
