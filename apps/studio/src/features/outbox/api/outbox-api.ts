import { api } from '../../../lib/api-client';
import type { OutboxChannelName, OutboxItem, OutboxList } from '../types';

/** The newest captures, of one channel or (null) of all. */
export function listOutbox(channel: OutboxChannelName | null, signal?: AbortSignal): Promise<OutboxList> {
  const query = channel ? `?channel=${encodeURIComponent(channel)}` : '';
  return api.get<OutboxList>(`/api/v1/outbox${query}`, { signal });
}

export function getOutboxItem(id: string, signal?: AbortSignal): Promise<OutboxItem> {
  return api.get<OutboxItem>(`/api/v1/outbox/${encodeURIComponent(id)}`, { signal });
}
