import { api } from '../../../lib/api-client';
import type { MessageList } from '../types';

export function listShipmentMessages(shipmentId: string, signal?: AbortSignal): Promise<MessageList> {
  return api.get<MessageList>('/api/v1/messages', { query: { shipmentId }, signal });
}
