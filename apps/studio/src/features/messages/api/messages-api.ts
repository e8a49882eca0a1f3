import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { MessageList } from '../types';

export function listShipmentMessages(shipmentId: string, signal?: AbortSignal): Promise<MessageList> {
  return api.get<MessageList>('/api/v1/messages', { query: { shipmentId }, signal });
}

export function shipmentMessagesQueryOptions(shipmentId: string) {
  return queryOptions({
    queryKey: ['messages', 'list', { shipmentId }],
    queryFn: ({ signal }) => listShipmentMessages(shipmentId, signal),
  });
}

/** The messages sent (or skipped) for one shipment. */
export function useShipmentMessages(shipmentId: string) {
  return useQuery(shipmentMessagesQueryOptions(shipmentId));
}
