import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAgent, TCreateAgentRequest } from '@jhrm/contracts';
import { api, type ApiError } from '../../../lib/api-client';

export const agentKeys = {
  all: ['agents'] as const,
  list: () => ['agents', 'list'] as const,
};

/** The signed-in legal person's agents (the server takes the unit from the session). */
export function useAgents() {
  return useQuery({
    queryKey: agentKeys.list(),
    queryFn: ({ signal }) => api.get<TAgent[]>('/api/agents', { signal }),
  });
}

function useInvalidateAgents() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: agentKeys.all });
}

export function useCreateAgent() {
  const invalidate = useInvalidateAgents();
  return useMutation<{ id: string }, ApiError, TCreateAgentRequest>({
    mutationFn: (body) => api.post<{ id: string }>('/api/agents', body),
    onSuccess: () => invalidate(),
  });
}

export type AgentStatusAction = 'disable' | 'enable';

export function useSetAgentStatus() {
  const invalidate = useInvalidateAgents();
  return useMutation<unknown, ApiError, { id: string; action: AgentStatusAction }>({
    mutationFn: ({ id, action }) => api.post(`/api/agents/${encodeURIComponent(id)}/${action}`),
    // Also after a failure: the list may be stale (e.g. the agent was changed in another tab).
    onSettled: () => invalidate(),
  });
}

export function useResetAgentPassword() {
  const invalidate = useInvalidateAgents();
  return useMutation<unknown, ApiError, { id: string; newPassword: string }>({
    mutationFn: ({ id, newPassword }) => api.post(`/api/agents/${encodeURIComponent(id)}/reset-password`, { newPassword }),
    onSuccess: () => invalidate(),
  });
}
