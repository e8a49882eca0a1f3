import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ShipmentDetail, ShipmentFilters, ShipmentPage } from '../types';

export const SHIPMENTS_PAGE_SIZE = 50;

export function listShipments(
  filters: ShipmentFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ShipmentPage> {
  return api.get<ShipmentPage>('/api/v1/shipments', {
    query: { ...filters, cursor, limit: SHIPMENTS_PAGE_SIZE },
    signal,
  });
}

export function getShipment(id: string, signal?: AbortSignal): Promise<ShipmentDetail> {
  return api.get<ShipmentDetail>(`/api/v1/shipments/${encodeURIComponent(id)}`, { signal });
}

export function shipmentQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['shipments', 'detail', id],
    queryFn: ({ signal }) => getShipment(id, signal),
  });
}

/** One shipment with its carrier events and tracking page. */
export function useShipment(id: string) {
  return useQuery(shipmentQueryOptions(id));
}
