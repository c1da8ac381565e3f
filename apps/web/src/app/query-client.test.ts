import { afterEach, describe, expect, it } from 'vitest';
import { MutationObserver, QueryObserver, onlineManager } from '@tanstack/react-query';
import { queryClient } from './query-client';

afterEach(() => onlineManager.setOnline(true));

describe('the query client', () => {
  it('sends a mutation and a query while the browser reports itself offline, instead of pausing them', async () => {
    onlineManager.setOnline(false);
    let saved = 0;
    const save = new MutationObserver(queryClient, { mutationFn: async () => ++saved });
    await expect(save.mutate()).resolves.toBe(1);
    const read = await new QueryObserver(queryClient, { queryKey: ['offline-test'], queryFn: async () => 'read' }).refetch();
    expect(read.data).toBe('read');
    expect(saved).toBe(1);
  });
});
