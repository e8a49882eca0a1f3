import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { OutboxChannelName, OutboxItem, OutboxList } from '../types';

/** How often the list is read again while the page is visible (not in a hidden tab). */
export const OUTBOX_REFRESH_MS = 3000;

/** The newest captures, of one channel or (null) of all. */
export function listOutbox(channel: OutboxChannelName | null, signal?: AbortSignal): Promise<OutboxList> {
  const query = channel ? `?channel=${encodeURIComponent(channel)}` : '';
  return api.get<OutboxList>(`/api/v1/outbox${query}`, { signal });
}

export function getOutboxItem(id: string, signal?: AbortSignal): Promise<OutboxItem> {
  return api.get<OutboxItem>(`/api/v1/outbox/${encodeURIComponent(id)}`, { signal });
}

export function outboxQueryOptions(channel: OutboxChannelName | null) {
  return queryOptions({
    queryKey: ['outbox', 'list', { channel }],
    queryFn: ({ signal }) => listOutbox(channel, signal),
    refetchInterval: OUTBOX_REFRESH_MS,
  });
}

export function useOutbox(channel: OutboxChannelName | null) {
  return useQuery(outboxQueryOptions(channel));
}

export function outboxItemQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['outbox', 'detail', id],
    queryFn: ({ signal }) => getOutboxItem(id, signal),
    // A capture never changes once stored.
    staleTime: Infinity,
  });
}

export function useOutboxItem(id: string) {
  return useQuery(outboxItemQueryOptions(id));
}
