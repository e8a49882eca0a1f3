import { api } from '../../../lib/api-client';
import type { OutboxEmail, OutboxList } from '../types';

export function listOutbox(signal?: AbortSignal): Promise<OutboxList> {
  return api.get<OutboxList>('/api/v1/outbox', { signal });
}

export function getOutboxEmail(id: string, signal?: AbortSignal): Promise<OutboxEmail> {
  return api.get<OutboxEmail>(`/api/v1/outbox/${encodeURIComponent(id)}`, { signal });
}
