import { useQuery } from '@tanstack/react-query';
import type { TOutbox } from '@jhrm/contracts';
import { api, isApiError } from '../../../lib/api-client';

/** The development outbox (SMS and captcha answers); refreshed every 2 s. 404 in production. */
export function useDevOutbox() {
  return useQuery({
    queryKey: ['dev-outbox'],
    queryFn: ({ signal }) => api.get<TOutbox>('/api/dev/outbox', { signal, skipAuthRedirect: true }),
    refetchInterval: (q) => (isApiError(q.state.error) && q.state.error.status === 404 ? false : 2_000),
    staleTime: 0,
    retry: false,
  });
}
